/**
 * Indexes for matching partner governments' requests (db/request.repo.ts): programs by flagship
 * area and by sector code, so that the candidates of a request are read from the programs that
 * share its subject instead of from every program.
 */
import { type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.createIndex('activities_flagship_area_idx').on('activities').columns(['flagship_area', 'lifecycle_stage']).execute();
  await db.schema.createIndex('activity_sectors_code_idx').on('activity_sectors').columns(['code', 'activity_id']).execute();
}
