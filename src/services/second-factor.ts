/**
 * The second factor of local accounts (issue 24): enrolment with a TOTP secret (RFC 6238),
 * the code (or a recovery code) after the password, new recovery codes, disabling one's own and
 * an administrator's reset of another's. Codes tried at sign-in, and those that guard a change of
 * the second factor, count toward the sign-in limit (auth.ts recordAttempt), so that the 10^6
 * codes cannot be tried faster than passwords.
 */
import type { Role } from '../domain/access/actor.js';
import { authorizeUserAdmin, requireSignedIn } from '../domain/access/policy.js';
import { base32Decode, formatRecoveryCode, otpauthUri } from '../domain/account/second-factor.js';
import { ConflictError, InvalidError, NotFoundError, UnauthenticatedError } from '../domain/errors.js';
import { audit } from './audit.js';
import {
  auditFailure,
  completeSignIn,
  DEFAULT_SESSION_POLICY,
  recordAttempt,
  userActor,
  type ActiveSession,
  type SessionPolicy,
  type SignedIn,
} from './auth.js';
import { actingAs, type Deps } from './deps.js';
import { matchingStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash } from './totp.js';

type AllDeps = Deps<'users' | 'sessions' | 'loginFailures' | 'secondFactors' | 'audit'>;

/** A code from the authenticator app, or one of the recovery codes (already in canonical form). */
export type FactorProof = { readonly code: string } | { readonly recoveryCode: string };

export interface SecondFactorStatus {
  readonly enrolled: boolean;
  readonly enrolledAt: string | null;
  /** Whether the account's role must use one (MITRA_TOTP_REQUIRED_ROLES). */
  readonly required: boolean;
  readonly recoveryCodesLeft: number;
}

const wrongCode = () =>
  new InvalidError('auth.wrong_code', 'the code is wrong, was already used, or has expired', [
    { path: 'code', code: 'wrong', message: 'the code is wrong, was already used, or has expired' },
  ]);

/** The session a second-factor change needs: a full one, or (for enrolment) one that must enrol. */
function sessionOf(session: ActiveSession | null, allowPending: 'enrol' | 'verify' | null = null): ActiveSession {
  if (!session) throw new UnauthenticatedError('auth.required', 'sign in to do this');
  const pending = session.session.pendingFactor;
  if (pending !== null && pending !== allowPending) {
    throw new ConflictError('auth.second_factor_pending', 'finish signing in (the second factor) first');
  }
  return session;
}

export async function secondFactorStatus(
  deps: Deps<'secondFactors'>,
  session: ActiveSession | null,
  requiredRoles: readonly Role[],
): Promise<SecondFactorStatus> {
  const { user } = sessionOf(session);
  const factor = await deps.store.repos.secondFactors.find(user.id);
  const enrolled = !!factor?.confirmedAt;
  return {
    enrolled,
    enrolledAt: factor?.confirmedAt ?? null,
    required: requiredRoles.includes(user.role),
    recoveryCodesLeft: enrolled ? await deps.store.repos.secondFactors.recoveryCodesLeft(user.id) : 0,
  };
}

/** Starts (or restarts) an enrolment: a new secret and its URI for the authenticator app. */
export async function startEnrolment(deps: Deps<'secondFactors'>, session: ActiveSession | null): Promise<{ secret: string; uri: string }> {
  const { user } = sessionOf(session, 'enrol');
  const secret = newTotpSecret();
  if (!(await deps.store.repos.secondFactors.savePending(user.id, secret, deps.clock.nowIso()))) {
    throw new ConflictError('second_factor.enrolled', 'a second factor is already set up; disable it first to set up another');
  }
  return { secret, uri: otpauthUri(secret, user.email) };
}

/**
 * Confirms an enrolment with a first code: the recovery codes are returned once (only their
 * hashes are kept). A session that had to enrol becomes a full one (a new token: `signedIn`).
 */
export async function confirmEnrolment(
  deps: AllDeps,
  session: ActiveSession | null,
  code: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ recoveryCodes: string[]; signedIn: SignedIn | null }> {
  const active = sessionOf(session, 'enrol');
  const { user } = active;
  const repos = deps.store.repos;
  const factor = await repos.secondFactors.find(user.id);
  if (!factor || factor.confirmedAt) throw new ConflictError('second_factor.not_started', 'start the set-up first');
  const secret = base32Decode(factor.secret);
  const step = secret && matchingStep(secret, code, Date.parse(deps.clock.nowIso()), null);
  if (step === undefined) throw wrongCode();
  const codes = newRecoveryCodes();
  const now = deps.clock.nowIso();
  return deps.store.transaction(async (tx) => {
    if (!(await tx.secondFactors.confirm(user.id, step, now)))
      throw new ConflictError('second_factor.not_started', 'start the set-up first');
    await tx.secondFactors.replaceRecoveryCodes(user.id, codes.map(recoveryCodeHash), now);
    await audit(actingAs(deps, userActor(user)), tx, {
      action: 'second_factor_enrol',
      entity: 'user',
      entityId: user.id,
      entityLabel: user.email,
    });
    let signedIn: SignedIn | null = null;
    if (active.session.pendingFactor === 'enrol') {
      // The session that could only enrol is replaced by a full one with a new token.
      await tx.sessions.delete(active.session.id);
      await tx.loginFailures.clear(user.email.toLowerCase());
      signedIn = await completeSignIn(deps, tx, user, 'with a new second factor', policy);
    }
    return { recoveryCodes: codes.map(formatRecoveryCode), signedIn };
  });
}

/**
 * Checks a code or a recovery code, counted as a sign-in attempt (too many: 429). A TOTP code
 * is accepted once: its step is recorded in the same statement that checks it is new. A used
 * recovery code is spent and audited. Wrong: 422 `auth.wrong_code`, recorded as a failed sign-in.
 */
async function checkProof(deps: AllDeps, active: ActiveSession, proof: FactorProof, ip: string, policy: SessionPolicy): Promise<void> {
  const { user } = active;
  const repos = deps.store.repos;
  const email = user.email.toLowerCase();
  await recordAttempt(deps, email, ip, policy);
  const now = deps.clock.nowIso();
  if ('recoveryCode' in proof) {
    if (await repos.secondFactors.useRecoveryCode(user.id, recoveryCodeHash(proof.recoveryCode), now)) {
      const left = await repos.secondFactors.recoveryCodesLeft(user.id);
      await audit(actingAs(deps, userActor(user)), repos, {
        action: 'recovery_code_use',
        entity: 'user',
        entityId: user.id,
        entityLabel: user.email,
        comment: `from ${ip}; ${left} left`,
      });
      return;
    }
  } else {
    const factor = await repos.secondFactors.find(user.id);
    const secret = factor?.confirmedAt ? base32Decode(factor.secret) : undefined;
    const step = secret && matchingStep(secret, proof.code, Date.parse(now), factor?.lastUsedStep ?? null);
    if (step !== undefined && (await repos.secondFactors.useStep(user.id, step))) return;
  }
  // The attempt stays recorded as a failure.
  await auditFailure(deps, email, `wrong second-factor code from ${ip}`);
  throw wrongCode();
}

/** The second step of signing in: the code (or a recovery code) makes the session a full one, with a new token. */
export async function verifySignIn(
  deps: AllDeps,
  session: ActiveSession | null,
  proof: FactorProof,
  ip: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  if (!session) throw new UnauthenticatedError('auth.required', 'sign in with your password first');
  if (session.session.pendingFactor !== 'verify') throw new ConflictError('auth.no_code_needed', 'this session needs no code');
  await checkProof(deps, session, proof, ip, policy);
  return deps.store.transaction(async (tx) => {
    await tx.sessions.delete(session.session.id);
    await tx.loginFailures.clear(session.user.email.toLowerCase());
    return completeSignIn(deps, tx, session.user, `from ${ip}, with ${'code' in proof ? 'a code' : 'a recovery code'}`, policy);
  });
}

async function requireEnrolled(deps: Deps<'secondFactors'>, userId: number): Promise<void> {
  const factor = await deps.store.repos.secondFactors.find(userId);
  if (!factor?.confirmedAt) throw new ConflictError('second_factor.not_enrolled', 'no second factor is set up');
}

/** New recovery codes (the old ones stop working), shown once; a current code proves it is the owner. */
export async function regenerateRecoveryCodes(
  deps: AllDeps,
  session: ActiveSession | null,
  code: string,
  ip: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<string[]> {
  const active = sessionOf(session);
  await requireEnrolled(deps, active.user.id);
  await checkProof(deps, active, { code }, ip, policy);
  const codes = newRecoveryCodes();
  await deps.store.transaction(async (tx) => {
    await tx.secondFactors.replaceRecoveryCodes(active.user.id, codes.map(recoveryCodeHash), deps.clock.nowIso());
    await audit(actingAs(deps, userActor(active.user)), tx, {
      action: 'recovery_codes_regenerate',
      entity: 'user',
      entityId: active.user.id,
      entityLabel: active.user.email,
    });
  });
  return codes.map(formatRecoveryCode);
}

/**
 * Disables one's own second factor (a current code, or a recovery code, proves it is the owner);
 * the other sessions end. When the role requires one, this session ends too: the next sign-in
 * must enrol again (how to move to a new phone). Returns whether this session ended.
 */
export async function disableOwnSecondFactor(
  deps: AllDeps,
  session: ActiveSession | null,
  proof: FactorProof,
  ip: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ sessionEnded: boolean }> {
  const active = sessionOf(session);
  await requireEnrolled(deps, active.user.id);
  await checkProof(deps, active, proof, ip, policy);
  const sessionEnded = policy.secondFactorRoles.includes(active.user.role);
  await deps.store.transaction(async (tx) => {
    await tx.secondFactors.remove(active.user.id);
    await tx.sessions.deleteForUser(active.user.id, sessionEnded ? undefined : active.session.id);
    await audit(actingAs(deps, userActor(active.user)), tx, {
      action: 'second_factor_disable',
      entity: 'user',
      entityId: active.user.id,
      entityLabel: active.user.email,
    });
  });
  return { sessionEnded };
}

/**
 * An administrator removes another account's second factor (a lost phone and lost recovery
 * codes): its sessions end, and its next sign-in enrols again if its role requires one.
 * Returns whether it had one (the reset is audited either way).
 */
export async function resetSecondFactor(deps: Deps<'users' | 'sessions' | 'secondFactors' | 'audit'>, userId: number): Promise<boolean> {
  requireSignedIn(deps.actor);
  authorizeUserAdmin(deps.actor);
  if (deps.actor.kind === 'user' && deps.actor.userId === userId) {
    throw new ConflictError('second_factor.self_reset', 'disable your own second factor with a code, or ask another administrator');
  }
  return deps.store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user) throw new NotFoundError('user.not_found', `no account with id ${userId}`);
    const had = await tx.secondFactors.remove(userId);
    await tx.sessions.deleteForUser(userId);
    await audit(deps, tx, {
      action: 'second_factor_reset',
      entity: 'user',
      entityId: userId,
      entityLabel: user.email,
      comment: had ? null : 'had none',
    });
    return had;
  });
}
