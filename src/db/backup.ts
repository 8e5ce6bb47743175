/**
 * `mitra db backup FILE` and `mitra db restore FILE`: the engine DATABASE_URL names picks
 * backup-sqlite.ts or backup-postgres.ts, each loaded only when used; what they share is in
 * backup-common.ts.
 */
import { resolve } from 'node:path';
import { assertBackupOf, countRows, type BackupResult, type RestoreResult } from './backup-common.js';
import { engineOf, openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { syncReferenceData } from './reference-sync.js';

export interface BackupOptions {
  readonly database?: OpenDatabaseOptions;
  /** The environment of the PostgreSQL tools (PATH, PG* variables); the CLI's own. */
  readonly toolEnv?: Readonly<Record<string, string | undefined>>;
}

/** Writes a backup of the database DATABASE_URL names to `file` (replaced once complete). */
export async function backupDatabase(url: string, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  const target = resolve(file);
  if (engineOf(url) === 'sqlite') {
    const { backupSqlite } = await import('./backup-sqlite.js');
    return backupSqlite(url, target);
  }
  const { backupPostgres } = await import('./backup-postgres.js');
  const handle = await openDatabase(url, options.database);
  try {
    return await backupPostgres(handle, url, target, options.toolEnv ?? {});
  } finally {
    await handle.close();
  }
}

/**
 * Replaces the database DATABASE_URL names with a backup's content, then brings its schema to
 * this version (migrations) and refreshes the reference tables, as `mitra db migrate` does.
 */
export async function restoreDatabase(url: string, file: string, options: BackupOptions = {}): Promise<RestoreResult> {
  const source = resolve(file);
  const engine = engineOf(url);
  await assertBackupOf(engine, source);
  if (engine === 'sqlite') {
    const { restoreSqlite } = await import('./backup-sqlite.js');
    await restoreSqlite(url, source);
  } else {
    const { restorePostgres } = await import('./backup-postgres.js');
    const handle = await openDatabase(url, options.database);
    try {
      await restorePostgres(handle, url, source, options.toolEnv ?? {});
    } finally {
      await handle.close();
    }
  }
  return finishRestore(url, source, options.database);
}

async function finishRestore(url: string, file: string, options: OpenDatabaseOptions = {}): Promise<RestoreResult> {
  const handle: DatabaseHandle = await openDatabase(url, options);
  try {
    const migrated = await migrateToLatest(handle);
    await syncReferenceData(handle.db);
    return { file, engine: handle.engine, description: handle.description, migrated, counts: await countRows(handle.db) };
  } finally {
    await handle.close();
  }
}
