import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type MigrationResult } from 'kysely';
import type { DatabaseHandle } from './connection.js';
import { MIGRATION_NAMES, migrationsFor } from './migrations/index.js';

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

function migratorFor(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrationsFor(handle.engine) },
    // The schema is given explicitly: other schemas of the same PostgreSQL database may hold
    // their own migration tables (tests, other deployments).
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
}

export class MigrationError extends Error {}

/** Applies every pending migration; safe to run from several processes (Kysely takes a lock). */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const { error, results } = await migratorFor(handle).migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error')?.migrationName;
    throw new MigrationError(`migration ${failed ?? '(unknown)'} failed: ${String(error instanceof Error ? error.message : error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies the pending migrations, if any. Every command opens the database, and almost always the
 * schema is current: then one query of the applied names settles it, without Kysely's lock
 * tables or loading a migration module. Anything else (a new database, a pending migration, an
 * applied one this code does not know) goes to the migrator, which applies or reports it.
 */
export async function migrateIfPending(handle: DatabaseHandle): Promise<string[]> {
  const applied = await appliedMigrationNames(handle);
  const current = applied !== null && applied.size === MIGRATION_NAMES.length && MIGRATION_NAMES.every((name) => applied.has(name));
  return current ? [] : migrateToLatest(handle);
}

/** The names in Kysely's migration table, or null when it does not exist yet. */
async function appliedMigrationNames(handle: DatabaseHandle): Promise<Set<string> | null> {
  const exists =
    handle.engine === 'sqlite'
      ? sql<{ found: number }>`select 1 as found from sqlite_master where type = 'table' and name = ${DEFAULT_MIGRATION_TABLE}`
      : sql<{
          found: number;
        }>`select 1 as found from pg_catalog.pg_tables where schemaname = ${handle.schema ?? 'public'} and tablename = ${DEFAULT_MIGRATION_TABLE}`;
  if ((await exists.execute(handle.db)).rows.length === 0) return null;
  const table = handle.schema ? sql.table(`${handle.schema}.${DEFAULT_MIGRATION_TABLE}`) : sql.table(DEFAULT_MIGRATION_TABLE);
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(handle.db);
  return new Set(rows.map((r) => r.name));
}

export async function migrationStatus(handle: DatabaseHandle): Promise<MigrationReport> {
  const all = await migratorFor(handle).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
