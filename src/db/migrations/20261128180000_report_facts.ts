/**
 * Report facts, kept on every write so that annual reports are a few indexed GROUP BYs:
 * - activity_country_facts: one row per program and recipient country (and one with a null
 *   country for a recorded total of a program without recipients), carrying the program's year,
 *   the country's report region and the participants counted there (records, or the split
 *   recorded total; see domain/report/participant-allocation.ts);
 * - activity_facts: one row per program with its year and codes, the participants in all,
 *   where that figure comes from, whether a recorded total is split over countries, and how
 *   many recipient countries it has. Kept apart from activities so that refreshing facts never
 *   rewrites the (wide) program rows.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('activity_country_facts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('year', 'integer')
    .addColumn('country_code', 'text')
    .addColumn('region', 'text')
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .execute();
  await db.schema.createIndex('acf_activity_idx').on('activity_country_facts').column('activity_id').execute();
  // Covers the report queries (filter by year, group by country or region).
  await db.schema
    .createIndex('acf_year_idx')
    .on('activity_country_facts')
    .columns(['year', 'country_code', 'region', 'activity_id', 'participants'])
    .execute();

  await db.schema
    .createTable('activity_facts')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('year', 'integer')
    .addColumn('modality', 'text')
    .addColumn('flagship_area', 'text')
    .addColumn('cooperation_type', 'text', (c) => c.notNull())
    .addColumn('participants_total', 'integer', (c) => c.notNull())
    .addColumn('participants_source', 'text')
    .addColumn('participants_split', 'integer', (c) => c.notNull())
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .execute();
  // Covers the report queries on programs (filter by year, group by the codes).
  await db.schema
    .createIndex('af_year_idx')
    .on('activity_facts')
    .columns([
      'year',
      'modality',
      'flagship_area',
      'cooperation_type',
      'participants_source',
      'participants_total',
      'participants_split',
      'recipient_count',
    ])
    .execute();
  // Reports select a year's programs and then their transactions.
  await db.schema.createIndex('transactions_type_idx').on('transactions').columns(['activity_id', 'type']).execute();
}
