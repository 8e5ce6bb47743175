/**
 * Participants per program and recipient country, kept on every write (see
 * domain/report/participant-allocation.ts), so that annual reports sum integers in SQL.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('activity_participant_counts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('country_code', 'text')
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('apc_activity_idx').on('activity_participant_counts').column('activity_id').execute();
  await db.schema.createIndex('apc_country_idx').on('activity_participant_counts').columns(['country_code', 'activity_id']).execute();
  // Reports select a year's programs and then their transactions, partners and recipients.
  await db.schema.createIndex('transactions_type_idx').on('transactions').columns(['activity_id', 'type']).execute();
}
