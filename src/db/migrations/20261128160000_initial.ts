/**
 * The registry's first schema: organisations, programs with their recipients, partners,
 * sectors, SDGs, budgets and transactions, participants, exchange rates, import batches and
 * the reference tables reports group by. Written once for both engines.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('organisations')
    .addColumn('id', id, idColumn)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_id', 'text')
    .addColumn('acronym', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('id', id, idColumn)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('user_id', 'integer')
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', id, idColumn)
    .addColumn('identifier', 'text', (c) => c.notNull().unique())
    .addColumn('title_en', 'text')
    .addColumn('title_id', 'text')
    .addColumn('description_en', 'text')
    .addColumn('description_id', 'text')
    .addColumn('modality', 'text')
    .addColumn('flagship_area', 'text')
    .addColumn('cooperation_type', 'text', (c) => c.notNull())
    .addColumn('activity_status', 'integer', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('year', 'integer')
    .addColumn('venue_city', 'text')
    .addColumn('venue_country', 'text')
    .addColumn('implementing_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('funding_source', 'text')
    .addColumn('participants_planned', 'integer')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('mitra'))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Only selective columns are indexed: a year, an agency. Modality, area, type and stage filters
  // combine with the year (a year holds thousands of programs, not millions).
  for (const column of ['year', 'implementing_org_id']) {
    await db.schema.createIndex(`activities_${column}_idx`).on('activities').column(column).execute();
  }

  await db.schema
    .createTable('activity_recipients')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('percentage', 'numeric(5, 2)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_recipients_pk', ['activity_id', 'country_code'])
    .execute();
  await db.schema
    .createIndex('activity_recipients_country_idx')
    .on('activity_recipients')
    .columns(['country_code', 'activity_id'])
    .execute();

  await db.schema
    .createTable('activity_partners')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('iati_role', 'integer', (c) => c.notNull())
    .addColumn('ssc_role', 'text', (c) => c.notNull())
    .addColumn('contribution_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('in_kind', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_partners_pk', ['activity_id', 'org_id', 'iati_role'])
    .execute();
  await db.schema.createIndex('activity_partners_org_idx').on('activity_partners').columns(['org_id', 'activity_id']).execute();

  await db.schema
    .createTable('activity_sectors')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('percentage', 'numeric(5, 2)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_sectors_pk', ['activity_id', 'vocabulary', 'code'])
    .execute();

  await db.schema
    .createTable('activity_sdgs')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('goal', 'integer', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_sdgs_activity_idx').on('activity_sdgs').column('activity_id').execute();

  await db.schema
    .createTable('budgets')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budgets_activity_idx').on('budgets').column('activity_id').execute();

  await db.schema
    .createTable('transactions')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('transaction_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text')
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transactions_activity_idx').on('transactions').column('activity_id').execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate_date', 'text', (c) => c.notNull())
    .addColumn('units_per_usd', 'numeric(24, 8)', (c) => c.notNull())
    .addColumn('source', 'text')
    .addPrimaryKeyConstraint('exchange_rates_pk', ['currency', 'rate_date'])
    .execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('position', 'text')
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('participants_activity_person_uq')
    .on('participants')
    .columns(['activity_id', 'person_key'])
    .unique()
    .execute();
  await db.schema.createIndex('participants_person_idx').on('participants').column('person_key').execute();

  await db.schema
    .createTable('countries')
    .addColumn('iso2', 'text', (c) => c.primaryKey())
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addColumn('numeric_code', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('m49_subregion_code', 'text')
    .execute();

  await db.schema
    .createTable('group_memberships')
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('iso2', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('until', 'text')
    .execute();
  await db.schema.createIndex('group_memberships_group_idx').on('group_memberships').columns(['group_code', 'iso2']).execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // Case-insensitive uniqueness of organisation codes (JICA = jica).
  await sql`create unique index organisations_code_lower_uq on organisations (lower(code))`.execute(db);
}
