/**
 * Single sign-on with an OpenID Connect provider (issue 24; docs/security.md, "Single sign-on"):
 * the authorisation code flow with PKCE, state and nonce; the provider's identity (issuer + `sub`)
 * linked to a Mitra account, created on first sign-in when the claims give a role; role and
 * organisation from the claims at every sign-in; then an ordinary Mitra session. The provider is
 * responsible for a second factor: these sign-ins do not go through Mitra's own.
 */
import { newSecretToken, secretTokenHash } from './secret-tokens.js';
import { systemActor } from '../domain/access/actor.js';
import type { OidcClaimMapping, OidcPerson } from '../domain/account/oidc-claims.js';
import { orgCodeFromClaims, personFromClaims, roleFromClaims } from '../domain/account/oidc-claims.js';
import { checkUserOrg, type User } from '../domain/account/user.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, ForbiddenError, UnauthenticatedError, UnavailableError } from '../domain/errors.js';
import { audit } from './audit.js';
import { completeSignIn, DEFAULT_SESSION_POLICY, type SessionPolicy, type SignedIn } from './auth.js';
import { actingAs, type Deps, type Repos } from './deps.js';
import type { OidcProviderPort } from './oidc.ports.js';
import { hashPassword } from './passwords.js';
import { readBack } from './read-back.js';
import type { UserWrite } from './users.ports.js';

/** How long the provider may take to send the browser back (the user signs in there meanwhile). */
const PENDING_MINUTES = 10;

export interface OidcSignIn {
  readonly provider: OidcProviderPort;
  readonly mapping: OidcClaimMapping;
}

/** Only paths of this site are returned to (no open redirect). */
export function safeReturnPath(target: string | undefined): string {
  return target && /^\/(?![/\\])[^\s]*$/.test(target) && !target.startsWith('/login') ? target : '/';
}

/**
 * Starts a sign-in: a pending record keyed by the hash of a random browser-cookie token, holding
 * the state (RFC 6749 §10.12, CSRF), the nonce (OpenID Connect Core 1.0 §3.1.2.1, replay) and
 * the PKCE verifier (RFC 7636); the provider's address to send the browser to.
 */
export async function beginOidcLogin(
  deps: Deps<'oidc'>,
  sso: OidcSignIn,
  returnTo: string | undefined,
): Promise<{ cookieToken: string; url: string; maxAgeSeconds: number }> {
  const cookieToken = newSecretToken();
  const now = deps.clock.nowIso();
  const pending = {
    id: secretTokenHash(cookieToken),
    state: newSecretToken(),
    nonce: newSecretToken(),
    codeVerifier: newSecretToken(),
    returnTo: safeReturnPath(returnTo),
    expiresAt: new Date(Date.parse(now) + PENDING_MINUTES * 60_000).toISOString(),
  };
  const url = await sso.provider.authorizationUrl(pending);
  await deps.store.repos.oidc.prunePending(now);
  await deps.store.repos.oidc.savePending(pending);
  return { cookieToken, url, maxAgeSeconds: PENDING_MINUTES * 60 };
}

type SignInDeps = Deps<'oidc' | 'users' | 'organisations' | 'sessions' | 'loginFailures' | 'audit'>;

/** What a valid answer leads to: an account to update or create, or a refusal. */
type Decision =
  | { kind: 'refuse'; code: string; message: string }
  | { kind: 'existing'; user: User; link: boolean; write: UserWrite }
  | { kind: 'create'; write: UserWrite };

/**
 * Completes a sign-in from the provider's callback: the pending record of this browser, the code
 * exchanged and the ID token validated (by the library), the account found or created, and a
 * session opened. Every refusal after a valid answer is audited ('login_failed').
 */
export async function completeOidcLogin(
  deps: SignInDeps,
  sso: OidcSignIn,
  input: { cookieToken: string | undefined; callbackUrl: URL; ip: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SignedIn & { returnTo: string }> {
  const now = deps.clock.nowIso();
  const pending = input.cookieToken ? await deps.store.repos.oidc.takePending(secretTokenHash(input.cookieToken)) : undefined;
  if (!pending || pending.expiresAt <= now) {
    throw new UnauthenticatedError(
      'oidc.no_pending_sign_in',
      'this sign-in was not started in this browser, or took too long; start again',
    );
  }
  const answer = await sso.provider.exchange(input.callbackUrl, pending, now).catch(async (error: unknown) => {
    // A forged or replayed answer is worth an entry: the library's reason, and where it came from.
    if (error instanceof UnauthenticatedError) {
      await audit(deps, deps.store.repos, {
        action: 'login_failed',
        entity: 'session',
        entityId: null,
        entityLabel: sso.provider.issuer,
        comment: `${error.message} (from ${input.ip})`,
      });
    }
    throw error;
  });
  const person = personFromClaims(answer.claims);
  const decision = await decide(deps.store.repos, sso, person, answer.claims);
  const label = person.email ?? `${person.subject} (${sso.provider.issuer})`;
  if (decision.kind === 'refuse') {
    await audit(deps, deps.store.repos, {
      action: 'login_failed',
      entity: 'session',
      entityId: null,
      entityLabel: label,
      comment: `single sign-on refused (${decision.code}) from ${input.ip}`,
    });
    throw new ForbiddenError(decision.code, decision.message);
  }
  const user = await saveAccount(deps, sso.provider.issuer, person.subject, decision);
  // The provider proved the identity (and is responsible for its second factor): a full session.
  const signedIn = await deps.store.transaction(async (tx) => {
    await tx.loginFailures.clear(user.email);
    const opened = await completeSignIn(deps, tx, user, `single sign-on (oidc, ${sso.provider.issuer}) from ${input.ip}`, policy);
    await tx.oidc.saveSessionToken(opened.session.id, sso.provider.issuer, answer.idToken);
    return opened;
  });
  return { ...signedIn, returnTo: pending.returnTo };
}

const refuse = (code: string, message: string): Decision => ({ kind: 'refuse', code, message });

/** The account of this identity and what the claims change in it; reads only. */
async function decide(
  repos: Repos<'oidc' | 'users' | 'organisations'>,
  sso: OidcSignIn,
  person: OidcPerson,
  claims: Readonly<Record<string, unknown>>,
): Promise<Decision> {
  const fromClaims = sso.mapping.roleClaim !== null;
  const role = roleFromClaims(claims, sso.mapping);
  if (fromClaims && !role)
    return refuse('oidc.no_role', 'your account at the sign-on provider has no role in Mitra; ask your administrator');
  const orgClaim = orgCodeFromClaims(claims, sso.mapping);
  const orgCode = orgClaim ? ((await repos.organisations.findByCode(orgClaim))?.code ?? null) : null;
  if (role && checkUserOrg(role, orgCode)) {
    return refuse('oidc.no_organisation', `the sign-on provider names no organisation known to Mitra${orgClaim ? ` ("${orgClaim}")` : ''}`);
  }
  const linkedId = await repos.oidc.findIdentity(sso.provider.issuer, person.subject);
  const linked = linkedId === undefined ? undefined : await repos.users.findById(linkedId);
  // An unlinked identity joins an existing account only by an email the provider has verified
  // (email_verified, OpenID Connect Core 1.0 §5.1): an unverified one could be anyone's.
  const byEmail = !linked && person.email ? await repos.users.findByEmail(person.email) : undefined;
  if (byEmail && !person.emailVerified) {
    return refuse('oidc.email_unverified', 'an account with this email exists, but the sign-on provider has not verified the email');
  }
  const user = linked ?? byEmail;
  if (user?.disabled) return refuse('oidc.account_disabled', 'this account is disabled');
  if (user) {
    const write: UserWrite = fromClaims && role ? { ...user, role, orgCode, name: person.name ?? user.name } : { ...user };
    return { kind: 'existing', user, link: !linked, write };
  }
  if (!role) return refuse('oidc.no_account', 'you have no Mitra account yet; ask your administrator to create it');
  if (!person.email) return refuse('oidc.no_email', 'the sign-on provider gave no email address');
  return { kind: 'create', write: { email: person.email, name: person.name ?? person.email, role, orgCode, disabled: false } };
}

const auditView = (u: UserWrite) => ({ email: u.email, name: u.name, role: u.role, orgCode: u.orgCode, disabled: u.disabled });

/** Creates or updates the account and links the identity; audited as the system (the provider vouched). */
async function saveAccount(
  deps: SignInDeps,
  issuer: string,
  subject: string,
  decision: Exclude<Decision, { kind: 'refuse' }>,
): Promise<User> {
  const now = deps.clock.nowIso();
  const acting = actingAs(deps, systemActor('single sign-on'));
  // A password nobody knows: the account signs in through the provider (until an administrator sets one).
  const unusable = decision.kind === 'create' ? await hashPassword(newSecretToken()) : '';
  return deps.store.transaction(async (tx) => {
    if (decision.kind === 'create') {
      const id = await tx.users.insert(decision.write, unusable, now);
      await tx.oidc.linkIdentity(id, issuer, subject, now);
      const user = readBack(await tx.users.findById(id), `account ${id}`);
      await audit(acting, tx, {
        action: 'create',
        entity: 'user',
        entityId: id,
        entityLabel: user.email,
        entityVersion: user.version,
        changes: diffRecords(null, auditView(user)),
        comment: `created at first single sign-on (${issuer})`,
      });
      return user;
    }
    const { user, write, link } = decision;
    if (link) await tx.oidc.linkIdentity(user.id, issuer, subject, now);
    else await tx.oidc.touchIdentity(issuer, subject, now);
    const changes = diffRecords(auditView(user), auditView(write));
    if (Object.keys(changes).length === 0 && !link) return user;
    if (Object.keys(changes).length > 0 && !(await tx.users.update(user.id, user.version, write, now))) {
      throw new ConflictError('user.stale', 'the account changed during sign-in; try again');
    }
    // As when an administrator changes them (services/users.ts): other sessions keep no old rights.
    if (changes.role || changes.orgCode) await tx.sessions.deleteForUser(user.id);
    const updated = readBack(await tx.users.findById(user.id), `account ${user.id}`);
    await audit(acting, tx, {
      action: 'update',
      entity: 'user',
      entityId: user.id,
      entityLabel: updated.email,
      entityVersion: updated.version,
      changes,
      comment: link ? `linked to single sign-on (${issuer})` : `role and organisation from single sign-on (${issuer})`,
    });
    return updated;
  });
}

/**
 * The provider's end-session address for a session signed in through it (RP-initiated logout),
 * or null; read before the session ends (its ID token goes with it).
 */
export async function oidcSignOutUrl(deps: Deps<'oidc'>, sso: OidcSignIn | null, sessionId: string): Promise<string | null> {
  if (!sso) return null;
  const stored = await deps.store.repos.oidc.sessionToken(sessionId);
  if (!stored || stored.issuer !== sso.provider.issuer) return null;
  try {
    return await sso.provider.endSessionUrl(stored.idToken);
  } catch (error) {
    // Signing out of Mitra never waits for the provider: unreachable, its own sign-out is skipped.
    if (error instanceof UnavailableError) return null;
    throw error;
  }
}

/** Password sign-in beside single sign-on: open to all, to one break-glass administrator, or closed. */
export interface PasswordSignIn {
  readonly localPasswords: boolean;
  readonly breakGlassEmail: string | null;
}

/**
 * Refuses a password sign-in when single sign-on has closed them, except for the break-glass
 * account while it is an administrator (MITRA_OIDC_BREAK_GLASS_EMAIL). Decided before the password
 * is checked: it says nothing about the password, and the rule itself is public (GET /api/v1/auth/methods).
 */
export async function checkPasswordSignIn(deps: Deps<'users'>, email: string, rule: PasswordSignIn): Promise<void> {
  if (rule.localPasswords) return;
  const normalised = email.trim().toLowerCase();
  if (rule.breakGlassEmail && normalised === rule.breakGlassEmail) {
    const user = await deps.store.repos.users.findByEmail(normalised);
    if (user?.role === 'admin') return;
  }
  throw new ForbiddenError('auth.password_sign_in_off', 'sign in with single sign-on: passwords are not accepted here');
}
