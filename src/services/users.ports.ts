/** Ports of accounts, sessions and sign-in (services/users.ts, auth.ts); db/account.repo.ts implements them. */
import type { PendingFactor } from '../domain/account/second-factor.js';
import type { User } from '../domain/account/user.js';

/** What an administrator sets of an account (the password goes apart, hashed). */
export type UserWrite = Pick<User, 'email' | 'name' | 'role' | 'orgCode' | 'disabled'>;

export interface UserFilter {
  /** Text in the email or name. */
  readonly q?: string;
  readonly role?: string;
  /** The accounts acting for that organisation (any case). */
  readonly orgCode?: string;
  /** Disabled accounts too (active ones only by default). */
  readonly includeDisabled?: boolean;
}

export interface UserRepository {
  findById(id: number): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** The stored password hash of an enabled or disabled account. */
  passwordHash(id: number): Promise<string | undefined>;
  list(filter: UserFilter): Promise<User[]>;
  count(): Promise<number>;
  insert(write: UserWrite, passwordHash: string, now: string): Promise<number>;
  /** Changes the account if its version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, write: UserWrite, now: string): Promise<boolean>;
  setPassword(id: number, passwordHash: string, now: string): Promise<void>;
  touchLogin(id: number, now: string): Promise<void>;
}

export interface SessionRecord {
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  /** A session signed in with a password that still needs its second factor ('verify') or an enrolment ('enrol'); null when full. */
  readonly pendingFactor: PendingFactor | null;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of a user (password change, account disabled); `except` keeps one. */
  deleteForUser(userId: number, except?: string): Promise<void>;
  deleteExpired(now: string, idleBefore: string): Promise<number>;
}

export interface FailureHistory {
  readonly byEmail: number;
  readonly byIp: number;
  readonly lastByEmail: string | null;
  readonly lastByIp: string | null;
}

export interface LoginFailureRepository {
  /** Records an attempt (as a failure until it succeeds); returns its id. */
  record(email: string, ip: string, at: string): Promise<number>;
  /** Forgets one recorded attempt (one refused before its password was checked). */
  forget(id: number): Promise<void>;
  /** Failures since `since` for the email and for the address. */
  count(email: string, ip: string, since: string): Promise<{ byEmail: number; byIp: number }>;
  /**
   * Failures since `since` for the email and for the address, but for the attempt `except`, with
   * the latest of each (for the delay that grows with them).
   */
  history(email: string, ip: string, since: string, except: number): Promise<FailureHistory>;
  /** Forgets the email's failures; returns how many there were. */
  clear(email: string): Promise<number>;
  prune(before: string): Promise<void>;
}
