/**
 * Summary tables of the analytics (see db/analytics-cube.ts): programs and participants per
 * year, stage and dimension; spent amounts per program and rate dates; and their sums per
 * year, stage and dimension. Filled from the existing facts.
 */
import type { Kysely } from 'kysely';
import { rebuildAnalytics } from '../analytics-cube.js';
import type { Database } from '../schema.js';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('analytics_cube')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('programs', 'integer', (c) => c.notNull())
    .addColumn('participants', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_cube_pk', ['dim', 'key', 'year', 'stage'])
    .execute();
  // Year-range queries of one dimension.
  await db.schema
    .createIndex('analytics_cube_dim_year_idx')
    .on('analytics_cube')
    .columns(['dim', 'year', 'stage', 'key', 'programs', 'participants'])
    .execute();

  await db.schema
    .createTable('spend_facts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('currency_rate_date', 'text', (c) => c.notNull())
    .addColumn('idr_rate_date', 'text', (c) => c.notNull())
    .addColumn('missing_day', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('transactions', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spend_facts_activity_idx').on('spend_facts').column('activity_id').execute();

  await db.schema
    .createTable('spending_cube')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('currency_rate_date', 'text', (c) => c.notNull())
    .addColumn('idr_rate_date', 'text', (c) => c.notNull())
    .addColumn('missing_day', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('transactions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('spending_cube_pk', [
      'dim',
      'year',
      'stage',
      'key',
      'currency',
      'currency_rate_date',
      'idr_rate_date',
      'missing_day',
    ])
    .execute();

  // A migration's db has no table types; the tables just made are the ones the current cube code fills.
  await rebuildAnalytics(db as Kysely<Database>);
}
