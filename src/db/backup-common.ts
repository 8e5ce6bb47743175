/**
 * What the backups of both engines share (backup.ts): the left-out tables, the counts, the file
 * checks and their errors. `mitra db backup FILE` and `mitra db restore FILE` (docs/deployment.md,
 * "Backups"). SQLite: the online backup API (backup-sqlite.ts); PostgreSQL: pg_dump's custom
 * format in one snapshot, restored by pg_restore through psql in one transaction
 * (backup-postgres.ts). Both leave out the secret, short-lived rows (sessions, sign-in failures)
 * and the job leases, and both refuse a file that is not a Mitra backup of their own engine
 * before touching the database.
 */
import { open, writeFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import type { Engine } from './connection.js';
import { MIGRATION_NAMES } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * Tables whose rows a backup leaves out (their structure is kept): sessions (the hash of each
 * cookie and its CSRF token: whoever restores a stolen backup could not use them, but a session
 * must not outlive the database it was opened on), sign-in failures (addresses and emails kept
 * for a 15-minute window) and job leases (a restored lease would hold the background jobs back
 * until it expired), and the single sign-on's pending sign-ins and the ID tokens kept for a
 * session's sign-out (they belong to sessions). A restore empties them again, whatever the file
 * holds.
 */
export const LEFT_OUT_TABLES = ['oidc_sessions', 'sessions', 'oidc_logins', 'login_failures', 'job_leases'] as const;

/** What the output counts: programs, participants, users, audit entries and editions, in this order. */
const COUNTED_TABLES = ['activities', 'participants', 'users', 'audit_log', 'editions'] as const;

export interface BackupCounts {
  readonly programs: number;
  readonly participants: number;
  readonly users: number;
  readonly auditEntries: number;
  readonly editions: number;
}

function countsOf(n: readonly number[]): BackupCounts {
  return { programs: n[0] ?? 0, participants: n[1] ?? 0, users: n[2] ?? 0, auditEntries: n[3] ?? 0, editions: n[4] ?? 0 };
}

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly engine: Engine;
  /** The rows in the file (a table absent from an older schema counts 0). */
  readonly counts: BackupCounts;
  readonly leftOut: readonly string[];
}

export interface RestoreResult {
  readonly file: string;
  readonly engine: Engine;
  /** The database restored into, safe to print. */
  readonly description: string;
  /** Migrations applied after the restore (the backup was made by an older Mitra). */
  readonly migrated: readonly string[];
  readonly counts: BackupCounts;
}

/**
 * Thrown when a tool a backup needs (pg_dump, pg_restore, psql) is missing or too old for the
 * server: the installation must change, so the CLI answers like a configuration error.
 */
export class BackupToolError extends Error {}

export type BackupFileKind = 'sqlite' | 'postgres' | 'other';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
// pg_dump's custom format starts with "PGDMP" (src/bin/pg_dump/pg_backup_archiver.c, WriteHead).
const PGDUMP_MAGIC = Buffer.from('PGDMP', 'latin1');

/** What a file holds, from its first bytes; a missing file is refused here, naming it. */
export async function backupFileKind(file: string): Promise<BackupFileKind> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new InvalidError('backup.unreadable', `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, [], {
      cause: error,
    });
  });
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    if (bytesRead === 16 && head.equals(SQLITE_MAGIC)) return 'sqlite';
    if (bytesRead >= 5 && head.subarray(0, 5).equals(PGDUMP_MAGIC)) return 'postgres';
    return 'other';
  } finally {
    await handle.close();
  }
}

const ENGINE_NAME: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** Refuses, naming the file, anything but a backup of this engine. */
export async function assertBackupOf(engine: Engine, file: string): Promise<void> {
  const kind = await backupFileKind(file);
  if (kind === engine) return;
  if (kind === 'other') {
    throw new InvalidError(
      'backup.not_a_backup',
      `${file} is not a Mitra backup (neither a SQLite database nor a pg_dump custom-format archive)`,
    );
  }
  throw new InvalidError(
    'backup.other_engine',
    `${file} is a ${ENGINE_NAME[kind]} backup, but DATABASE_URL names a ${ENGINE_NAME[engine]} database: restore it into ${ENGINE_NAME[kind]}`,
  );
}

export function notMitraBackup(file: string, why: string): InvalidError {
  return new InvalidError('backup.not_a_backup', `${file} is not a Mitra backup: ${why}`);
}

export function damagedBackup(file: string, why: string): InvalidError {
  return new InvalidError('backup.damaged', `${file} is damaged: ${why}`);
}

/** Refuses a backup made by a newer Mitra: its schema has migrations this code does not know. */
export function assertKnownMigrations(file: string, applied: readonly string[]): void {
  if (applied.length === 0) throw notMitraBackup(file, 'it lists no migrations');
  const known = new Set(MIGRATION_NAMES);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConflictError(
      'backup.newer_schema',
      `${file} was made by a newer Mitra (unknown migrations: ${unknown.join(', ')}): restore it with that version or a later one`,
    );
  }
}

/** The database DATABASE_URL names was never migrated: there is no Mitra data to back up. */
export function noMitraDatabase(description: string): NotFoundError {
  return new NotFoundError('backup.no_database', `${description} holds no Mitra database (no migration table): nothing to back up`);
}

export function databaseInUse(description: string, who: string): ConflictError {
  return new ConflictError(
    'backup.database_in_use',
    `${description} is in use (${who}): stop \`mitra serve\` and every other mitra command on it, then restore`,
  );
}

/** The counts the output prints, read from an open database (Kysely, either engine). */
export async function countRows(db: Kysely<Database>): Promise<BackupCounts> {
  const counts: number[] = [];
  // One after the other: inside a PostgreSQL snapshot they share one connection.
  for (const table of COUNTED_TABLES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts.push(Number(rows[0]?.n ?? 0));
  }
  return countsOf(counts);
}

/** The same counts through a synchronous reader (a better-sqlite3 copy being prepared). */
export function countRowsWith(count: (table: string) => number): BackupCounts {
  return countsOf(COUNTED_TABLES.map(count));
}

/**
 * Creates the file a backup is written into, empty and readable by its owner only (0600): a
 * backup holds password hashes and personal data (participants, their documents).
 */
export async function createPrivateFile(path: string, target: string): Promise<void> {
  await writeFile(path, '', { mode: 0o600, flag: 'wx' }).catch((error: unknown) => {
    throw new InvalidError('backup.unwritable', `cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`, [], {
      cause: error,
    });
  });
}
