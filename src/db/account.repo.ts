/** Users, their sessions and failed sign-ins. */
import { sql, type Kysely, type Selectable } from 'kysely';
import { roles, type Role } from '../domain/access/actor.js';
import type { User } from '../domain/account/user.js';
import type {
  FailureHistory,
  LoginFailureRepository,
  SessionRecord,
  SessionRepository,
  UserRepository,
  UserWrite,
} from '../services/users.ports.js';
import { bool, likePattern, num } from './sql-helpers.js';
import type { Database, UsersTable } from './schema.js';

type UserRow = Omit<Selectable<UsersTable>, 'password_hash'>;

/** The port takes a role as text; the services pass one parsed by the domain's schema, so another is a bug. */
function checkedRole(role: string): Role {
  if (!roles.is(role)) throw new Error(`unknown role "${role}" reached the repository`);
  return role;
}

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'org_code',
  'disabled',
  'created_at',
  'updated_at',
  'last_login_at',
  'password_changed_at',
  'version',
] as const;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    orgCode: row.org_code,
    disabled: bool(row.disabled),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    version: row.version,
  };
}

function userColumns(write: UserWrite) {
  return { email: write.email, name: write.name, role: checkedRole(write.role), org_code: write.orgCode, disabled: write.disabled ? 1 : 0 };
}

export class UserRepo implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: number): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where(sql`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async passwordHash(id: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash;
  }

  async list(filter: { q?: string; role?: string; orgCode?: string; includeDisabled?: boolean }): Promise<User[]> {
    let query = this.db.selectFrom('users').select(USER_COLUMNS);
    if (filter.role) {
      if (!roles.is(filter.role)) return []; // no account has a role that is not one
      query = query.where('role', '=', filter.role);
    }
    if (filter.orgCode) query = query.where(sql`lower(org_code)`, '=', filter.orgCode.toLowerCase());
    if (!filter.includeDisabled) query = query.where('disabled', '=', 0);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(email)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(coalesce(org_code, ''))`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    const rows = await query.orderBy('email').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  async insert(write: UserWrite, passwordHash: string, now: string): Promise<number> {
    const row = await this.db
      .insertInto('users')
      .values({
        ...userColumns(write),
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        password_changed_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, expectedVersion: number, write: UserWrite, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({
        ...userColumns(write),
        updated_at: now,
        version: expectedVersion + 1,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setPassword(id: number, passwordHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, password_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async touchLogin(id: number, now: string): Promise<void> {
    await this.db.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
  }
}

export class SessionRepo implements SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
        pending_factor: s.pendingFactor,
      })
      .execute();
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
          pendingFactor: row.pending_factor,
        }
      : undefined;
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: number, except?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except) query = query.where('id', '!=', except);
    await query.execute();
  }

  async deleteExpired(now: string, idleBefore: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

export class LoginFailureRepo implements LoginFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(email: string, ip: string, at: string): Promise<number> {
    const row = await this.db.insertInto('login_failures').values({ email, ip, at }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async forget(id: number): Promise<void> {
    await this.db.deleteFrom('login_failures').where('id', '=', id).execute();
  }

  async count(email: string, ip: string, since: string): Promise<{ byEmail: number; byIp: number }> {
    const [byEmail, byIp] = await Promise.all([
      this.db
        .selectFrom('login_failures')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('email', '=', email)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('login_failures')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('ip', '=', ip)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow(),
    ]);
    return { byEmail: num(byEmail.n), byIp: num(byIp.n) };
  }

  async history(email: string, ip: string, since: string, except: number): Promise<FailureHistory> {
    const of = (column: 'email' | 'ip', value: string) =>
      this.db
        .selectFrom('login_failures')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('at').as('last')])
        .where(column, '=', value)
        .where('at', '>=', since)
        .where('id', '<>', except)
        .executeTakeFirstOrThrow();
    const [byEmail, byIp] = await Promise.all([of('email', email), of('ip', ip)]);
    return { byEmail: num(byEmail.n), byIp: num(byIp.n), lastByEmail: byEmail.last ?? null, lastByIp: byIp.last ?? null };
  }

  async clear(email: string): Promise<number> {
    const result = await this.db.deleteFrom('login_failures').where('email', '=', email).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async prune(before: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('at', '<', before).execute();
  }
}
