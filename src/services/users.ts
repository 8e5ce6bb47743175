/** Use cases of accounts: administrators create, change and disable users. */
import { authorizeUserAdmin } from '../domain/access/policy.js';
import { systemActor } from '../domain/access/actor.js';
import { checkUserOrg, type User, type UserInput, type UserPatch } from '../domain/account/user.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { audit } from './audit.js';
import { hashNewPassword } from './passwords.js';
import type { UserFilter, UserWrite } from './users.ports.js';
import { actingAs, type Deps, type Repos } from './deps.js';
import { readBack } from './read-back.js';

/** The organisation of an agency or embassy account must exist; its code is spelt as stored. */
async function canonicalOrg(repos: Repos<'organisations'>, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const org = await repos.organisations.findByCode(code);
  if (!org)
    throw new InvalidError('user.invalid', 'the account has invalid fields', [
      { path: 'orgCode', code: 'unknown_organisation', message: `no organisation with code "${code}"` },
    ]);
  return org.code;
}

const emailTaken = (email: string) =>
  new ConflictError('user.email_taken', `an account with email ${email} already exists`, [
    { path: 'email', code: 'duplicate', message: 'already used by another account' },
  ]);

/** What the audit log shows of an account (never the password hash). */
const auditView = (u: User) => ({ email: u.email, name: u.name, role: u.role, orgCode: u.orgCode, disabled: u.disabled });

export async function createUser(deps: Deps<'users' | 'organisations' | 'audit'>, input: UserInput): Promise<User> {
  authorizeUserAdmin(deps.actor);
  const hashed = await hashNewPassword(input.password, 'password');
  return deps.store.transaction(async (repos) => {
    if (await repos.users.findByEmail(input.email)) throw emailTaken(input.email);
    const orgCode = await canonicalOrg(repos, input.orgCode);
    const write: UserWrite = { email: input.email, name: input.name, role: input.role, orgCode, disabled: false };
    const id = await repos.users.insert(write, hashed, deps.clock.nowIso());
    const user = readBack(await repos.users.findById(id), `account ${id}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'user',
      entityId: id,
      entityLabel: user.email,
      entityVersion: user.version,
      changes: diffRecords(null, auditView(user)),
    });
    return user;
  });
}

export async function updateUser(
  deps: Deps<'users' | 'organisations' | 'sessions' | 'audit'>,
  id: number,
  patch: UserPatch,
  options: { expectedVersion?: number } = {},
): Promise<User> {
  authorizeUserAdmin(deps.actor);
  const hashed = patch.password ? await hashNewPassword(patch.password, 'password') : null;
  return deps.store.transaction(async (repos) => {
    const current = await repos.users.findById(id);
    if (!current) throw new NotFoundError('user.not_found', `no account with id ${id}`);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new ConflictError('user.stale', `the account was changed by someone else (now at version ${current.version}); reload it`, [], {
        details: { currentVersion: current.version, yourVersion: options.expectedVersion },
      });
    }
    const self = deps.actor.kind === 'user' && deps.actor.userId === id;
    if (self && (patch.disabled === true || (patch.role && patch.role !== current.role))) {
      throw new ConflictError(
        'user.self_lockout',
        'you cannot disable your own account or change your own role; ask another administrator',
      );
    }
    const role = patch.role ?? current.role;
    const orgCode = patch.orgCode === undefined ? current.orgCode : await canonicalOrg(repos, patch.orgCode);
    const orgProblem = checkUserOrg(role, orgCode);
    if (orgProblem)
      throw new InvalidError('user.invalid', 'the account has invalid fields', [
        { path: 'orgCode', code: 'required', message: orgProblem },
      ]);
    const write: UserWrite = {
      email: current.email,
      name: patch.name ?? current.name,
      role,
      orgCode,
      disabled: patch.disabled ?? current.disabled,
    };
    const now = deps.clock.nowIso();
    if (!(await repos.users.update(id, current.version, write, now)))
      throw new ConflictError('user.stale', 'the account was changed by someone else meanwhile; reload it');
    if (hashed) await repos.users.setPassword(id, hashed, now);
    // A disabled account, a new role or a reset password ends the account's sessions.
    if (write.disabled || hashed || role !== current.role || orgCode !== current.orgCode) await repos.sessions.deleteForUser(id);
    const updated = readBack(await repos.users.findById(id), `account ${id}`);
    const changes = {
      ...diffRecords(auditView(current), auditView(updated)),
      ...(hashed ? { password: { before: '[redacted]', after: '[redacted]' } } : {}),
    };
    await audit(deps, repos, {
      action: 'update',
      entity: 'user',
      entityId: id,
      entityLabel: updated.email,
      entityVersion: updated.version,
      changes,
    });
    return updated;
  });
}

export async function listUsers(deps: Deps<'users'>, filter: Omit<UserFilter, 'orgCode'> = {}): Promise<User[]> {
  authorizeUserAdmin(deps.actor);
  return deps.store.repos.users.list(filter);
}

export async function getUser(deps: Deps<'users'>, id: number): Promise<User> {
  authorizeUserAdmin(deps.actor);
  const user = await deps.store.repos.users.findById(id);
  if (!user) throw new NotFoundError('user.not_found', `no account with id ${id}`);
  return user;
}

export async function findUserByEmail(deps: Deps<'users'>, email: string): Promise<User> {
  authorizeUserAdmin(deps.actor);
  const user = await deps.store.repos.users.findByEmail(email);
  if (!user) throw new NotFoundError('user.not_found', `no account with email ${email}`);
  return user;
}

/**
 * The first administrator from the environment (MITRA_ADMIN_EMAIL and MITRA_ADMIN_PASSWORD) on
 * a database without accounts; nothing when accounts exist. There is never a default password.
 */
export async function ensureFirstAdmin(deps: Deps<'users' | 'organisations' | 'audit'>, input: UserInput): Promise<User | null> {
  if ((await deps.store.repos.users.count()) > 0) return null;
  return createUser(actingAs(deps, systemActor('first-start')), input);
}

/** How many accounts exist (to tell an operator that none does yet). */
export async function countUsers(deps: Deps<'users'>): Promise<number> {
  return deps.store.repos.users.count();
}

/**
 * Lifts the sign-in limit of an account (administrators; audited): its recorded failures go, so
 * its owner, locked out by someone guessing its password, signs in again at once instead of
 * waiting for the window to end. Failures from the same address under other emails stay.
 * Returns the number of failures cleared.
 */
export async function unlockAccount(deps: Deps<'users' | 'loginFailures' | 'audit'>, userId: number): Promise<number> {
  authorizeUserAdmin(deps.actor);
  return deps.store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user) throw new NotFoundError('user.not_found', `no account with id ${userId}`);
    const cleared = await tx.loginFailures.clear(user.email);
    await audit(deps, tx, {
      action: 'unlock',
      entity: 'user',
      entityId: userId,
      entityLabel: user.email,
      comment: `${cleared} failed sign-in${cleared === 1 ? '' : 's'} cleared`,
    });
    return cleared;
  });
}
