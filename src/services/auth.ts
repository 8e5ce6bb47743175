/**
 * Signing in and out, sessions and password changes. Sessions live in the database (several app
 * processes may serve one deployment); the cookie holds a random token whose sha256 is the
 * session id, so the table alone does not let anyone sign in.
 */
import { timingSafeEqual } from 'node:crypto';
import { newSecretToken, secretTokenHash } from './secret-tokens.js';
import { actingAs, type Acting, type Deps, type Repos } from './deps.js';
import type { FailureHistory, SessionRecord } from './users.ports.js';
import type { Role, UserActor } from '../domain/access/actor.js';
import { PENDING_SESSION_MINUTES, type PendingFactor } from '../domain/account/second-factor.js';
import { requireSignedIn } from '../domain/access/policy.js';
import type { User } from '../domain/account/user.js';
import { InvalidError, RateLimitedError, UnauthenticatedError } from '../domain/errors.js';
import { audit } from './audit.js';
import { dummyHash, hashNewPassword, verifyPassword } from './passwords.js';

export interface SessionPolicy {
  /** A session ends this long after sign-in, whatever happens. */
  readonly absoluteMinutes: number;
  /** A session unused this long ends. */
  readonly idleMinutes: number;
  /** Failed sign-ins per email within the window before it is locked for the window. */
  readonly maxFailuresPerEmail: number;
  /** Failed sign-ins per client address within the window. */
  readonly maxFailuresPerIp: number;
  readonly windowMinutes: number;
  /**
   * How long failures are remembered for the delay that grows with them: past
   * `maxFailuresPer…` of them, each try waits after the latest one, the wait doubling with every
   * further batch (15, 30, 60 … minutes), never longer than this (progressiveWait).
   */
  readonly historyMinutes: number;
  /**
   * Roles whose accounts must sign in with a second factor: one not enrolled yet may only enrol.
   * An enrolled account of any role gives its code. The configuration's default (admin,
   * coordinator, MITRA_TOTP_REQUIRED_ROLES) reaches the server through main.ts serverFor.
   */
  readonly secondFactorRoles: readonly Role[];
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  absoluteMinutes: 12 * 60,
  idleMinutes: 2 * 60,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 50,
  windowMinutes: 15,
  historyMinutes: 24 * 60,
  secondFactorRoles: [],
};

export const minutesBefore = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString();
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** A session's id: the stored form of its cookie's token. */
export const sessionIdOf = secretTokenHash;

export function userActor(user: User): UserActor {
  return { kind: 'user', userId: user.id, role: user.role, orgCode: user.orgCode, label: user.email };
}

export interface SignedIn {
  /** The cookie value: shown once, never stored. */
  readonly token: string;
  readonly session: SessionRecord;
  readonly user: User;
}

const WRONG = () => new UnauthenticatedError('auth.invalid_credentials', 'the email or password is wrong');

export async function login(
  deps: Deps<'users' | 'sessions' | 'loginFailures' | 'secondFactors' | 'audit'>,
  credentials: { email: string; password: string; ip: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const repos = deps.store.repos;
  const email = credentials.email.trim().toLowerCase();
  // The attempt is recorded before the password is checked, then counted with the others: of
  // attempts sent at once, those after the limit see it reached whatever their order (the count
  // was read before and recorded after the check, so 30 parallel attempts were all checked:
  // issue 24, finding 1). A refused attempt is forgotten, so that an attack does not keep the
  // window open; a successful one clears the email's failures.
  const attempt = await recordAttempt(deps, email, credentials.ip, policy);
  const user = await repos.users.findByEmail(email);
  const stored = (user && (await repos.users.passwordHash(user.id))) || (await dummyHash());
  const ok = await verifyPassword(stored, credentials.password);
  if (!user || !ok || user.disabled) {
    // The attempt stays recorded as a failure.
    await auditFailure(deps, email, `from ${credentials.ip}`);
    throw WRONG();
  }
  const pending = await pendingFactorOf(repos, user, policy);
  if (pending) {
    // The password was right, so this attempt is no failure; but the email's failures stay until
    // the second factor passes: wrong codes count toward the same limit (services/second-factor.ts),
    // and signing in again with the password must not wipe them.
    await repos.loginFailures.forget(attempt);
    return deps.store.transaction((tx) => openSession(deps, tx, user, pending, policy));
  }
  return deps.store.transaction(async (tx) => {
    await tx.loginFailures.clear(email);
    return completeSignIn(deps, tx, user, `from ${credentials.ip}`, policy);
  });
}

/**
 * Records a sign-in attempt (a password or a second-factor code) and counts it with the others
 * of the window; refuses (and forgets it) past the limit. Returns the attempt's id.
 */
export async function recordAttempt(
  deps: Deps<'loginFailures'>,
  email: string,
  ip: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<number> {
  const repos = deps.store.repos;
  const now = deps.clock.nowIso();
  const attempt = await repos.loginFailures.record(email, ip, now);
  const failures = await repos.loginFailures.count(email, ip, minutesBefore(now, policy.windowMinutes));
  const refuse = async (seconds: number) => {
    await repos.loginFailures.forget(attempt);
    const minutes = Math.ceil(seconds / 60);
    throw new RateLimitedError(
      'auth.too_many_attempts',
      `too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      [],
      {
        details: { retryAfterSeconds: seconds },
      },
    );
  };
  if (failures.byEmail > policy.maxFailuresPerEmail || failures.byIp > policy.maxFailuresPerIp) await refuse(policy.windowMinutes * 60);
  const wait = progressiveWait(
    await repos.loginFailures.history(email, ip, minutesBefore(now, policy.historyMinutes), attempt),
    now,
    policy,
  );
  if (wait > 0) await refuse(wait);
  return attempt;
}

/**
 * Seconds still to wait because of the failures of the last `historyMinutes` (issue 24, finding 1:
 * a fixed window let an attacker try 5 passwords every 15 minutes, 480 a day, on one account).
 * From `max` failures on, each try must wait after the latest failure: the window, doubled with
 * each further batch of `max` (15 minutes from 5 failures, 30 from 10, 60 from 15, …, at most the
 * history). An attacker gets about 27 guesses a day instead of 480; the owner signs in after the
 * wait (a success forgets the failures) or at once when an administrator unlocks the account.
 */
export function progressiveWait(history: FailureHistory, now: string, policy: SessionPolicy): number {
  const waitFor = (count: number, max: number, last: string | null): number => {
    if (count < max || last === null) return 0;
    const minutes = Math.min(policy.windowMinutes * 2 ** (Math.floor(count / max) - 1), policy.historyMinutes);
    return Math.max(0, Math.ceil((Date.parse(last) + minutes * 60_000 - Date.parse(now)) / 1000));
  };
  return Math.max(
    waitFor(history.byEmail, policy.maxFailuresPerEmail, history.lastByEmail),
    waitFor(history.byIp, policy.maxFailuresPerIp, history.lastByIp),
  );
}

export async function auditFailure(deps: Deps<'audit'>, email: string, comment: string): Promise<void> {
  await audit(deps, deps.store.repos, {
    action: 'login_failed',
    entity: 'session',
    entityId: null,
    entityLabel: email,
    changes: {},
    comment,
  });
}

/** What a password sign-in still needs: the code of an enrolled account, or an enrolment its role requires. */
async function pendingFactorOf(repos: Repos<'secondFactors'>, user: User, policy: SessionPolicy): Promise<PendingFactor | null> {
  const factor = await repos.secondFactors.find(user.id);
  if (factor?.confirmedAt) return 'verify';
  return policy.secondFactorRoles.includes(user.role) ? 'enrol' : null;
}

/**
 * Opens a session: a full one (`pending` null), or one that may only give its code or enrol,
 * which ends after PENDING_SESSION_MINUTES if it is not completed.
 */
async function openSession(
  deps: Acting,
  tx: Repos<'sessions'>,
  user: User,
  pending: PendingFactor | null,
  policy: SessionPolicy,
): Promise<SignedIn> {
  const now = deps.clock.nowIso();
  const token = newSecretToken();
  const session: SessionRecord = {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: newSecretToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: minutesAfter(now, pending ? Math.min(PENDING_SESSION_MINUTES, policy.absoluteMinutes) : policy.absoluteMinutes),
    pendingFactor: pending,
  };
  await tx.sessions.insert(session);
  return { token, session, user };
}

/**
 * Opens a full session (after the password, and the second factor where one is needed): the
 * login is audited and old sessions and failures are swept. Runs in the caller's transaction.
 */
export async function completeSignIn(
  deps: Acting,
  tx: Repos<'users' | 'sessions' | 'loginFailures' | 'audit'>,
  user: User,
  comment: string,
  policy: SessionPolicy,
): Promise<SignedIn> {
  const now = deps.clock.nowIso();
  const signedIn = await openSession(deps, tx, user, null, policy);
  await tx.users.touchLogin(user.id, now);
  await audit({ clock: deps.clock, actor: userActor(user) }, tx, {
    action: 'login',
    entity: 'session',
    entityId: user.id,
    entityLabel: user.email,
    comment,
  });
  // Housekeeping that needs no scheduler: old sessions and failures go at each sign-in.
  await tx.sessions.deleteExpired(now, minutesBefore(now, policy.idleMinutes));
  await tx.loginFailures.prune(minutesBefore(now, policy.historyMinutes));
  return signedIn;
}

export interface ActiveSession {
  readonly session: SessionRecord;
  readonly user: User;
  readonly actor: UserActor;
}

/** The session of a cookie token, if it is still valid; refreshes its idle clock. */
export async function resolveSession(
  deps: Deps<'users' | 'sessions'>,
  token: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const repos = deps.store.repos;
  const session = await repos.sessions.find(sessionIdOf(token));
  if (!session) return null;
  const now = deps.clock.nowIso();
  if (session.expiresAt <= now || session.lastSeenAt < minutesBefore(now, policy.idleMinutes)) {
    await repos.sessions.delete(session.id);
    return null;
  }
  const user = await repos.users.findById(session.userId);
  if (!user || user.disabled) {
    await repos.sessions.delete(session.id);
    return null;
  }
  // One write a minute at most per session, not one per request.
  if (session.lastSeenAt < minutesBefore(now, 1)) await repos.sessions.touch(session.id, now);
  return { session, user, actor: userActor(user) };
}

/** Constant-time comparison of the CSRF token a browser sent with the session's. */
export function csrfMatches(session: SessionRecord, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(deps: Deps<'sessions' | 'audit'>, session: ActiveSession): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.sessions.delete(session.session.id);
    await audit(actingAs(deps, session.actor), tx, {
      action: 'logout',
      entity: 'session',
      entityId: session.user.id,
      entityLabel: session.user.email,
    });
  });
}

/** Changes one's own password; every other session of the account ends. */
export async function changeOwnPassword(
  deps: Deps<'users' | 'sessions' | 'audit'>,
  session: ActiveSession | null,
  current: string,
  next: string,
): Promise<void> {
  requireSignedIn(deps.actor);
  if (!session) throw new UnauthenticatedError('auth.required', 'sign in to change your password');
  const stored = await deps.store.repos.users.passwordHash(session.user.id);
  if (!stored || !(await verifyPassword(stored, current))) {
    throw new InvalidError('auth.wrong_password', 'the current password is wrong', [
      { path: 'currentPassword', code: 'wrong', message: 'the current password is wrong' },
    ]);
  }
  if (current === next) {
    throw new InvalidError('auth.same_password', 'choose a new password', [
      { path: 'newPassword', code: 'same', message: 'the new password is the current one' },
    ]);
  }
  const hashed = await hashNewPassword(next, 'newPassword');
  await deps.store.transaction(async (tx) => {
    await tx.users.setPassword(session.user.id, hashed, deps.clock.nowIso());
    await tx.sessions.deleteForUser(session.user.id, session.session.id);
    await audit(deps, tx, {
      action: 'password_change',
      entity: 'user',
      entityId: session.user.id,
      entityLabel: session.user.email,
      changes: { password: { before: '[redacted]', after: '[redacted]' } },
    });
  });
}
