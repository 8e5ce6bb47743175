/**
 * Collection rounds (issue 23; docs/rounds.md): a round of a year or a half-year with a
 * deadline, and one part per implementing agency with programs in the period, which the agency
 * confirms. At most one open round per year and period (a partial unique index on both
 * engines); one part per agency and round. Agencies are kept by code, as the audit and the
 * editions keep them, so that a part outlives a renamed or removed organisation.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('collection_rounds')
    .addColumn('id', id, idColumn)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('year', 'h1', 'h2')`))
    .addColumn('deadline_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by_user_id', 'integer')
    .addColumn('opened_by_label', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_user_id', 'integer')
    .addColumn('closed_by_label', 'text')
    .execute();
  await db.schema
    .createIndex('collection_rounds_one_open')
    .on('collection_rounds')
    .columns(['year', 'period'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createTable('collection_round_parts')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('collection_rounds.id'))
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'confirmed')`))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_user_id', 'integer')
    .addColumn('confirmed_by_label', 'text')
    .addColumn('confirm_note', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by_label', 'text')
    .addColumn('reopen_reason', 'text')
    .addPrimaryKeyConstraint('collection_round_parts_pk', ['round_id', 'org_code'])
    .execute();
}
