/**
 * Other providers' IATI data, kept apart from the providing country's own programs (issue 22):
 * the publishers met in imported files (one per reporting-org identifier, whatever name a file
 * gives it), the datasets (one per file a publisher delivered), their activities as published
 * (with the rules they break) and the facts that compare providers per recipient country and
 * year. Own reports, exports and priorities read the `activities` tables only, never these.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('iati_publishers')
    .addColumn('id', id, idColumn)
    // lower(reporting-org/@ref), else "name:" + lower(name): one publisher whatever its files call it.
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('ref', 'text')
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('iati_datasets')
    .addColumn('id', id, idColumn)
    .addColumn('publisher_id', 'integer', (c) => c.notNull().references('iati_publishers.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('iati_version', 'text')
    .addColumn('generated_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id').onDelete('set null'))
    .addColumn('activities', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index iati_datasets_publisher_idx on iati_datasets (publisher_id)`.execute(db);
  await db.schema
    .createTable('iati_activities')
    .addColumn('id', id, idColumn)
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('iati_datasets.id'))
    .addColumn('publisher_id', 'integer', (c) => c.notNull().references('iati_publishers.id'))
    // As published, with the publisher's prefix: unique in IATI, so one row whichever file brings it.
    .addColumn('identifier', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('activity_status', 'integer')
    .addColumn('year', 'integer')
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('prefix_ok', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // JSON: the activity as mapped (imported-activity.ts ImportedActivityData).
    .addColumn('data', 'text', (c) => c.notNull())
    // JSON: the rules it breaks (ImportedWarning[]).
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    // The own program it became (a coordinator promoted it: its reporting org is the provider).
    .addColumn('promoted_program_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index iati_activities_dataset_idx on iati_activities (dataset_id)`.execute(db);
  await sql`create index iati_activities_publisher_year_idx on iati_activities (publisher_id, year)`.execute(db);
  await db.schema
    .createTable('iati_activity_sectors')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('iati_activities.id').onDelete('cascade'))
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('percentage', 'real')
    .execute();
  await sql`create index iati_activity_sectors_activity_idx on iati_activity_sectors (activity_id)`.execute(db);
  await db.schema
    .createTable('iati_activity_facts')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('iati_activities.id').onDelete('cascade'))
    .addColumn('publisher_id', 'integer', (c) => c.notNull())
    // ISO code, or '' for what no country receives.
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // '' on the row that counts the activity in its start year.
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('starts', 'integer', (c) => c.notNull())
    .addColumn('budget_minor', 'bigint', (c) => c.notNull())
    .addColumn('spend_minor', 'bigint', (c) => c.notNull())
    .execute();
  await sql`create index iati_activity_facts_country_idx on iati_activity_facts (country_code, year, publisher_id)`.execute(db);
  await sql`create index iati_activity_facts_activity_idx on iati_activity_facts (activity_id)`.execute(db);
}
