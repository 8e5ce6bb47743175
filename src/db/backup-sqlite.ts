/**
 * SQLite backups (backup.ts). A copy of the live file taken while the server runs may miss what
 * still sits in its write-ahead log (the stale copy of issue 24); SQLite's online backup API
 * reads the database through a connection, WAL included, as one consistent snapshot
 * (https://www.sqlite.org/backup.html). The copy is then made a single file (rollback journal),
 * its left-out rows are deleted with secure_delete (their bytes overwritten, not merely freed),
 * and it is marked with an application id, by which a restore knows it.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { InvalidError, NotFoundError } from '../domain/errors.js';
import { sqlitePath } from './connection.js';
import {
  LEFT_OUT_TABLES,
  assertKnownMigrations,
  countRowsWith,
  createPrivateFile,
  damagedBackup,
  databaseInUse,
  noMitraDatabase,
  notMitraBackup,
  type BackupResult,
} from './backup-common.js';

/**
 * The database header's application id (offset 68, https://www.sqlite.org/fileformat.html#application_id)
 * of a Mitra backup: "MTRB" in ASCII. The live database keeps 0; a restore sets it back to 0.
 */
export const BACKUP_APPLICATION_ID = 0x4d545242;

/**
 * Pages copied per step: all of them. In steps, a write by another connection between two steps
 * restarts the copy from the start, so a busy server could keep it from ever finishing; in one
 * step the copy holds one read transaction and sees one snapshot.
 */
const ALL_PAGES = 0x7fffffff;

type Sqlite = BetterSqlite3.Database;

async function openSqlite(path: string, options: BetterSqlite3.Options = {}): Promise<Sqlite> {
  const { default: SQLite } = await import('better-sqlite3');
  return new SQLite(path, options);
}

function hasTable(db: Sqlite, table: string): boolean {
  return db.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(table) !== undefined;
}

function countOf(db: Sqlite, table: string): number {
  if (!hasTable(db, table)) return 0;
  const row: unknown = db.prepare(`select count(*) as n from "${table}"`).get();
  return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : 0;
}

/** A single file, without the left-out rows, their bytes overwritten. */
function scrub(db: Sqlite): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    for (const table of LEFT_OUT_TABLES) if (hasTable(db, table)) db.exec(`delete from "${table}"`);
  })();
}

/** Flushes a finished file to the disk and renames it into place (atomic on one file system). */
function moveIntoPlace(temp: string, target: string): void {
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}

export async function backupSqlite(url: string, target: string): Promise<BackupResult> {
  const path = sqlitePath(url);
  if (path === ':memory:') throw new InvalidError('backup.in_memory', 'DATABASE_URL names an in-memory database: it cannot be backed up');
  if (path === target) throw new InvalidError('backup.same_file', `the backup file ${target} is the database itself: choose another file`);
  if (!existsSync(path)) throw new NotFoundError('backup.no_database', `there is no database at ${path} (DATABASE_URL)`);
  const temp = `${target}.partial-${process.pid}`;
  try {
    await createPrivateFile(temp, target);
    const source = await openSqlite(path, { fileMustExist: true });
    try {
      if (!hasTable(source, 'kysely_migration')) throw noMitraDatabase(`SQLite ${path}`);
      await source.backup(temp, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = await openSqlite(temp, { fileMustExist: true });
    let counts;
    try {
      scrub(copy);
      copy.pragma(`application_id = ${BACKUP_APPLICATION_ID}`);
      counts = countRowsWith((table) => countOf(copy, table));
    } finally {
      copy.close();
    }
    moveIntoPlace(temp, target);
    return { file: target, bytes: statSync(target).size, engine: 'sqlite', counts, leftOut: LEFT_OUT_TABLES };
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Checks a backup file before anything is replaced, and names what is wrong with it. */
async function checkBackup(file: string): Promise<Sqlite> {
  let source: Sqlite;
  try {
    source = await openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw damagedBackup(file, error instanceof Error ? error.message : String(error));
  }
  try {
    if (source.pragma('application_id', { simple: true }) !== BACKUP_APPLICATION_ID) {
      throw notMitraBackup(file, 'a SQLite database, but not one written by `mitra db backup` (a copy of a live file may be stale)');
    }
    const check: unknown = source.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damagedBackup(file, `SQLite's quick_check says: ${String(check)}`);
    if (!hasTable(source, 'kysely_migration')) throw notMitraBackup(file, 'it has no migration table');
    const names = source.prepare('select name from kysely_migration').pluck().all();
    assertKnownMigrations(file, names.map(String));
    return source;
  } catch (error) {
    source.close();
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')) {
      throw damagedBackup(file, error.message);
    }
    throw error;
  }
}

/**
 * Refuses while another connection has the database open. Every connection to a database in WAL
 * mode holds a shared lock on its shared-memory file, and leaving WAL mode needs the only one
 * (https://www.sqlite.org/wal.html#persistence_of_wal_mode): so the switch, without waiting,
 * fails exactly when the server or another command is connected. When it succeeds the WAL is
 * checkpointed into the file and removed, and nothing of the old database is left beside it.
 */
async function assertNotInUse(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const live = await openSqlite(path, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 0');
    live.pragma('journal_mode = DELETE');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY')
      throw databaseInUse(`SQLite ${path}`, 'another connection has it open');
    throw error;
  } finally {
    live.close();
  }
}

/**
 * Replaces the database file with the backup's content: the content is copied (through the
 * backup API, which reads every page) to a new file beside the database, emptied of the left-out
 * rows, unmarked, and renamed over the database, so that a failure at any step leaves the old
 * database whole.
 */
export async function restoreSqlite(url: string, file: string): Promise<void> {
  const path = sqlitePath(url);
  if (path === ':memory:')
    throw new InvalidError('backup.in_memory', 'DATABASE_URL names an in-memory database: there is nothing to restore into');
  if (path === file) throw new InvalidError('backup.same_file', `${file} is the database itself`);
  mkdirSync(dirname(path), { recursive: true });
  const source = await checkBackup(file);
  const temp = `${path}.restoring-${process.pid}`;
  try {
    try {
      await source.backup(temp, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = await openSqlite(temp, { fileMustExist: true });
    try {
      scrub(copy);
      copy.pragma('application_id = 0');
    } finally {
      copy.close();
    }
    await assertNotInUse(path);
    for (const leftover of [`${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(leftover, { force: true });
    moveIntoPlace(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
