/**
 * The reminders sent for each part of a collection round (docs/rounds.md), keyed ('before-7',
 * 'after-1', 'after-8'…) so that each is sent once, as agreement_reminders does for renewals: a
 * second process sending the same reminder fails on the key and its transaction sends nothing.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('collection_round_reminders')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('reminder', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_round_reminders_pk', ['round_id', 'org_code', 'reminder'])
    .execute();
}
