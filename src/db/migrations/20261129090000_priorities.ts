/**
 * Policy priorities: custom country lists (next to the built-in groupings of the reference
 * data) and targets per year for a grouping, region, list or country.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('country_lists')
    .addColumn('id', id, idColumn)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('country_list_members')
    .addColumn('list_id', 'integer', (c) => c.notNull().references('country_lists.id').onDelete('cascade'))
    .addColumn('iso2', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('country_list_members_pk', ['list_id', 'iso2'])
    .execute();

  await db.schema
    .createTable('priority_targets')
    .addColumn('id', id, idColumn)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_code', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text', (c) => c.notNull())
    // Percent with two decimals for shares, a count otherwise: stored exactly in hundredths.
    .addColumn('target_hundredths', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One target per year, subject and metric.
  await sql`create unique index priority_targets_uq on priority_targets (year, subject_kind, subject_code, metric)`.execute(db);
}
