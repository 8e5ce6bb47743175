/**
 * Which process runs an import (issue 24, finding 4): an import killed with `kill -9` left its
 * batch `running` for ever. A batch now records its runner (host name and process id); at
 * start-up and every few minutes a sweep marks `failed` the running batches whose process is gone
 * (services/imports.ts failAbandonedImports). Batches of earlier versions have no runner.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_batches').addColumn('runner', 'text').execute();
}
