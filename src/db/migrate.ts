import { Migrator, type MigrationResult } from 'kysely';
import type { DatabaseHandle } from './connection.js';
import { migrationsFor } from './migrations/index.js';

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

export async function migrationStatus(handle: DatabaseHandle): Promise<MigrationReport> {
  const all = await migratorFor(handle).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
