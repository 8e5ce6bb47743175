/** Accounts, sessions and failed sign-ins in memory, with the semantics of db/account.repo.ts. */
import type { User } from '../../domain/account/user.js';
import type {
  FailureHistory,
  LoginFailureRepository,
  SessionRecord,
  SessionRepository,
  UserFilter,
  UserRepository,
  UserWrite,
} from '../../services/users.ports.js';
import { Ids } from './store.js';

const lower = (s: string) => s.trim().toLowerCase();

export class FakeUsers implements UserRepository {
  readonly rows: User[] = [];
  readonly hashes = new Map<number, string>();
  private readonly ids = new Ids();

  async findById(id: number): Promise<User | undefined> {
    return this.rows.find((u) => u.id === id);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    return this.rows.find((u) => lower(u.email) === lower(email));
  }

  async passwordHash(id: number): Promise<string | undefined> {
    return this.hashes.get(id);
  }

  async list(filter: UserFilter): Promise<User[]> {
    const q = filter.q?.toLowerCase();
    return this.rows
      .filter(
        (u) =>
          (!filter.role || u.role === filter.role) &&
          (!filter.orgCode || lower(u.orgCode ?? '') === lower(filter.orgCode)) &&
          (filter.includeDisabled || !u.disabled) &&
          (!q || [u.email, u.name, u.orgCode ?? ''].some((t) => t.toLowerCase().includes(q))),
      )
      .sort((a, b) => a.email.localeCompare(b.email));
  }

  async count(): Promise<number> {
    return this.rows.length;
  }

  async insert(write: UserWrite, passwordHash: string, now: string): Promise<number> {
    const id = this.ids.next();
    this.rows.push({ ...write, id, createdAt: now, updatedAt: now, lastLoginAt: null, version: 1 });
    this.hashes.set(id, passwordHash);
    return id;
  }

  async update(id: number, expectedVersion: number, write: UserWrite, now: string): Promise<boolean> {
    return this.change(id, (u) => (u.version === expectedVersion ? { ...u, ...write, updatedAt: now, version: u.version + 1 } : undefined));
  }

  async setPassword(id: number, passwordHash: string, now: string): Promise<void> {
    if (this.change(id, (u) => ({ ...u, updatedAt: now, version: u.version + 1 }))) this.hashes.set(id, passwordHash);
  }

  async touchLogin(id: number, now: string): Promise<void> {
    this.change(id, (u) => ({ ...u, lastLoginAt: now }));
  }

  private change(id: number, next: (u: User) => User | undefined): boolean {
    const i = this.rows.findIndex((u) => u.id === id);
    const current = this.rows[i];
    const changed = current && next(current);
    if (!changed) return false;
    this.rows[i] = changed;
    return true;
  }
}

export class FakeSessions implements SessionRepository {
  readonly rows = new Map<string, SessionRecord>();

  async insert(session: SessionRecord): Promise<void> {
    this.rows.set(session.id, session);
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    return this.rows.get(id);
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    const s = this.rows.get(id);
    if (s) this.rows.set(id, { ...s, lastSeenAt });
  }

  async delete(id: string): Promise<void> {
    this.rows.delete(id);
  }

  async deleteForUser(userId: number, except?: string): Promise<void> {
    for (const s of [...this.rows.values()]) if (s.userId === userId && s.id !== except) this.rows.delete(s.id);
  }

  async deleteExpired(now: string, idleBefore: string): Promise<number> {
    const gone = [...this.rows.values()].filter((s) => s.expiresAt <= now || s.lastSeenAt < idleBefore);
    for (const s of gone) this.rows.delete(s.id);
    return gone.length;
  }

  /** The sessions of one account. */
  of(userId: number): SessionRecord[] {
    return [...this.rows.values()].filter((s) => s.userId === userId);
  }
}

export class FakeLoginFailures implements LoginFailureRepository {
  readonly rows: { id: number; email: string; ip: string; at: string }[] = [];
  private next = 1;

  async record(email: string, ip: string, at: string): Promise<number> {
    const id = this.next++;
    this.rows.push({ id, email, ip, at });
    return id;
  }

  async forget(id: number): Promise<void> {
    this.rows.splice(0, this.rows.length, ...this.rows.filter((f) => f.id !== id));
  }

  async count(email: string, ip: string, since: string): Promise<{ byEmail: number; byIp: number }> {
    const recent = this.rows.filter((f) => f.at >= since);
    return { byEmail: recent.filter((f) => f.email === email).length, byIp: recent.filter((f) => f.ip === ip).length };
  }

  async history(email: string, ip: string, since: string, except: number): Promise<FailureHistory> {
    const recent = this.rows.filter((f) => f.at >= since && f.id !== except);
    const last = (rows: readonly { at: string }[]) =>
      rows.reduce<string | null>((max, f) => (max === null || f.at > max ? f.at : max), null);
    const byEmail = recent.filter((f) => f.email === email);
    const byIp = recent.filter((f) => f.ip === ip);
    return { byEmail: byEmail.length, byIp: byIp.length, lastByEmail: last(byEmail), lastByIp: last(byIp) };
  }

  async clear(email: string): Promise<number> {
    const kept = this.rows.filter((f) => f.email !== email);
    const cleared = this.rows.length - kept.length;
    this.rows.splice(0, this.rows.length, ...kept);
    return cleared;
  }

  async prune(before: string): Promise<void> {
    this.rows.splice(0, this.rows.length, ...this.rows.filter((f) => f.at >= before));
  }
}
