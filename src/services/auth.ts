/**
 * Signing in and out, sessions and password changes. Sessions live in the database (several app
 * processes may serve one deployment); the cookie holds a random token whose sha256 is the
 * session id, so the table alone does not let anyone sign in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { actingAs, type Deps, type Repos, type Repositories } from './deps.js';
import type { SessionRecord } from './users.ports.js';
import type { UserActor } from '../domain/access/actor.js';
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
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  absoluteMinutes: 12 * 60,
  idleMinutes: 2 * 60,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 50,
  windowMinutes: 15,
};

const minutesBefore = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString();
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

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
  deps: Deps<'users' | 'sessions' | 'loginFailures' | 'audit'>,
  credentials: { email: string; password: string; ip: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const repos = deps.store.repos;
  const email = credentials.email.trim().toLowerCase();
  const now = deps.clock.nowIso();
  // The attempt is recorded before the password is checked, then counted with the others: of
  // attempts sent at once, those after the limit see it reached whatever their order (the count
  // was read before and recorded after the check, so 30 parallel attempts were all checked:
  // issue 24, finding 1). A refused attempt is forgotten, so that an attack does not keep the
  // window open; a successful one clears the email's failures.
  const attempt = await repos.loginFailures.record(email, credentials.ip, now);
  const failures = await repos.loginFailures.count(email, credentials.ip, minutesBefore(now, policy.windowMinutes));
  if (failures.byEmail > policy.maxFailuresPerEmail || failures.byIp > policy.maxFailuresPerIp) {
    await repos.loginFailures.forget(attempt);
    throw new RateLimitedError('auth.too_many_attempts', `too many failed sign-ins; try again in ${policy.windowMinutes} minutes`, [], {
      details: { retryAfterSeconds: policy.windowMinutes * 60 },
    });
  }
  const user = await repos.users.findByEmail(email);
  const stored = (user && (await repos.users.passwordHash(user.id))) || (await dummyHash());
  const ok = await verifyPassword(stored, credentials.password);
  if (!user || !ok || user.disabled) {
    // The attempt stays recorded as a failure.
    await audit(deps, repos, {
      action: 'login_failed',
      entity: 'session',
      entityId: null,
      entityLabel: email,
      changes: {},
      comment: `from ${credentials.ip}`,
    });
    throw WRONG();
  }
  return openSession(deps, user, { email, comment: `from ${credentials.ip}` }, policy);
}

/**
 * Opens a session for a user whose identity was proven (a password, or an OpenID Connect
 * provider's ID token: services/oidc.ts), audited as 'login'. `extra` runs in the same transaction.
 */
export async function openSession<K extends keyof Repositories = never>(
  deps: Deps<'sessions' | 'users' | 'loginFailures' | 'audit' | K>,
  user: User,
  how: { email: string; comment: string; extra?: (tx: Repos<K>, session: SessionRecord) => Promise<void> },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn> {
  const now = deps.clock.nowIso();
  const token = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: minutesAfter(now, policy.absoluteMinutes),
  };
  await deps.store.transaction(async (tx) => {
    await tx.loginFailures.clear(how.email);
    await tx.sessions.insert(session);
    await how.extra?.(tx, session);
    await tx.users.touchLogin(user.id, now);
    await audit(actingAs(deps, userActor(user)), tx, {
      action: 'login',
      entity: 'session',
      entityId: user.id,
      entityLabel: user.email,
      comment: how.comment,
    });
    // Housekeeping that needs no scheduler: old sessions and failures go at each sign-in.
    await tx.sessions.deleteExpired(now, minutesBefore(now, policy.idleMinutes));
    await tx.loginFailures.prune(minutesBefore(now, policy.windowMinutes));
  });
  return { token, session, user };
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
