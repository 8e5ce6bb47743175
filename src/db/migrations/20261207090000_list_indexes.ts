/**
 * Lists served from indexes (issue 19).
 *
 * - Sort keys as generated columns (`sort_start`, `sort_end`, `sort_title`), each indexed with
 *   the id as tie-breaker, so that a page of the program list in any order is read from an index
 *   and stops after the page, instead of sorting every program on an expression.
 * - Filter columns indexed: stage, status, cooperation type (modality with the id, as it is
 *   also a sort key); the year index gains the id for the same reason, and a year's programs
 *   have an index per order.
 * - Text search from an index: an FTS5 trigram table over the program's identifier, titles and
 *   descriptions on SQLite (kept by triggers), a pg_trgm GIN index over the same text on
 *   PostgreSQL. Both answer substring searches of three characters or more.
 * - `data_versions`: one counter per topic, raised by triggers in the transaction of every
 *   write to the topic's tables, so that counts and answers cached by a process are known to
 *   be stale by every process (several processes serve one PostgreSQL database).
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

/** The tables behind each topic, as of this migration (later migrations add their own). */
const TOPICS: Record<string, readonly string[]> = {
  programs: [
    'activities',
    'activity_recipients',
    'activity_partners',
    'activity_sectors',
    'activity_sdgs',
    'budgets',
    'transactions',
    'organisations',
    'countries',
  ],
  participants: ['participants', 'attendance', 'certificates'],
  reports: [
    'activity_facts',
    'activity_country_facts',
    'analytics_cube',
    'spend_facts',
    'spending_cube',
    'exchange_rates',
    'unit_costs',
    'group_memberships',
    'country_lists',
    'country_list_members',
    'priority_targets',
  ],
  offers: ['course_offers', 'offer_quotas'],
  requests: ['cooperation_requests'],
  partnerships: [
    'partner_contacts',
    'agreements',
    'agreement_parties',
    'agreement_areas',
    'agreement_activities',
    'agreement_documents',
    'engagements',
    'engagement_items',
    'follow_ups',
  ],
};

/** The text a search matches: fields apart, so that a search never spans two of them. */
const SEARCH_TEXT_PG = sql.raw(
  `lower(identifier || chr(31) || coalesce(title_en, '') || chr(31) || coalesce(title_id, '') || chr(31) || coalesce(description_en, '') || chr(31) || coalesce(description_id, ''))`,
);

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await sortColumns(db, engine);
  await listIndexes(db);
  if (engine === 'postgres') await trigramIndex(db);
  else await ftsTable(db);
  await dataVersions(db, engine);
  // The planner's statistics for the new indexes (SQLite would otherwise guess that a stage
  // is rare and sort the whole list).
  await sql`analyze`.execute(db);
}

async function sortColumns(db: Kysely<unknown>, engine: MigrationContext['engine']): Promise<void> {
  // SQLite adds generated columns only as VIRTUAL (computed on read, stored in their indexes);
  // PostgreSQL 15 has STORED ones only.
  const kind = engine === 'postgres' ? sql`stored` : sql`virtual`;
  await sql`alter table activities add column sort_start text generated always as (coalesce(actual_start, planned_start)) ${kind}`.execute(
    db,
  );
  await sql`alter table activities add column sort_end text generated always as (coalesce(actual_end, planned_end)) ${kind}`.execute(db);
  await sql`alter table activities add column sort_title text generated always as (lower(coalesce(title_en, title_id, ''))) ${kind}`.execute(
    db,
  );
}

async function listIndexes(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('activities').columns(columns).execute();
  await index('activities_sort_start_idx', ['sort_start', 'id']);
  await index('activities_sort_end_idx', ['sort_end', 'id']);
  await index('activities_sort_title_idx', ['sort_title', 'id']);
  await index('activities_updated_idx', ['updated_at', 'id']);
  await index('activities_modality_idx', ['modality', 'id']);
  await index('activities_stage_idx', ['lifecycle_stage', 'id']);
  await index('activities_status_idx', ['activity_status', 'id']);
  await index('activities_cooperation_type_idx', ['cooperation_type', 'id']);
  await db.schema.dropIndex('activities_year_idx').execute();
  await index('activities_year_idx', ['year', 'id']);
  // A year's programs in each order a user may choose (the year is the list's main filter;
  // "start" needs none: the year is the start's year, so it is a range of the start index).
  await index('activities_year_title_idx', ['year', 'sort_title', 'id']);
  await index('activities_year_end_idx', ['year', 'sort_end', 'id']);
  await index('activities_year_updated_idx', ['year', 'updated_at', 'id']);
  await index('activities_year_modality_idx', ['year', 'modality', 'id']);
  await index('activities_year_identifier_idx', ['year', 'identifier']);
}

async function trigramIndex(db: Kysely<unknown>): Promise<void> {
  // pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may
  // create it. It goes to "public", so that every schema of the database (tests, deployments
  // sharing a database) finds it; a copy installed elsewhere by an administrator is used as is.
  await sql`do $$ begin
      create extension if not exists pg_trgm with schema public;
    exception
      when unique_violation or duplicate_object then null;
      when insufficient_privilege then
        raise exception 'Mitra needs the PostgreSQL extension pg_trgm (text search of the lists)'
          using hint = 'ask a database superuser to run: create extension pg_trgm with schema public';
    end $$`.execute(db);
  const row = await sql<{
    schema: string;
  }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const schema = row.rows[0]?.schema ?? 'public';
  await sql`create index activities_search_trgm_idx on activities using gin ((${SEARCH_TEXT_PG}) ${sql.raw(`"${schema}".gin_trgm_ops`)})`.execute(
    db,
  );
}

async function ftsTable(db: Kysely<unknown>): Promise<void> {
  // An external-content FTS5 table: the text stays in `activities`, the index holds trigrams.
  await sql`create virtual table activities_fts using fts5(identifier, title_en, title_id, description_en, description_id,
    content = 'activities', content_rowid = 'id', tokenize = 'trigram')`.execute(db);
  const columns = 'identifier, title_en, title_id, description_en, description_id';
  const values = (prefix: string) =>
    columns
      .split(', ')
      .map((c) => `${prefix}.${c}`)
      .join(', ');
  await sql
    .raw(
      `create trigger activities_fts_insert after insert on activities begin
      insert into activities_fts (rowid, ${columns}) values (new.id, ${values('new')});
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger activities_fts_delete after delete on activities begin
      insert into activities_fts (activities_fts, rowid, ${columns}) values ('delete', old.id, ${values('old')});
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger activities_fts_update after update of ${columns} on activities begin
      insert into activities_fts (activities_fts, rowid, ${columns}) values ('delete', old.id, ${values('old')});
      insert into activities_fts (rowid, ${columns}) values (new.id, ${values('new')});
    end`,
    )
    .execute(db);
  await sql`insert into activities_fts (activities_fts) values ('rebuild')`.execute(db);
}

async function dataVersions(db: Kysely<unknown>, engine: MigrationContext['engine']): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('topic', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  // A migration's db has no table types (Kysely<unknown>): the table and its rows are named as never.
  await db
    .insertInto('data_versions' as never)
    .values(Object.keys(TOPICS).map((topic) => ({ topic, version: 0 })) as never)
    .execute();
  if (engine === 'postgres') await postgresVersionTriggers(db);
  else await sqliteVersionTriggers(db);
}

async function sqliteVersionTriggers(db: Kysely<unknown>): Promise<void> {
  // SQLite has one writer at a time and row triggers only: each changed row raises the counter
  // (measured: 0.4 µs a row, 0.4 s over a million-row import).
  for (const [topic, tables] of Object.entries(TOPICS)) {
    for (const table of tables) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql
          .raw(
            `create trigger ${table}_${event}_version after ${event} on ${table} begin
            update data_versions set version = version + 1 where topic = '${topic}';
          end`,
          )
          .execute(db);
      }
    }
  }
}

async function postgresVersionTriggers(db: Kysely<unknown>): Promise<void> {
  // A statement notes its transaction's topics in `data_version_bumps` (one row per topic and
  // transaction); at the commit, a deferred trigger raises the counters of all the
  // transaction's topics in one statement. The counter row is thus locked only for the instant
  // of the commit (an import of a minute does not hold it), and writers lock counters in one
  // order (no deadlock between two transactions touching two topics).
  await db.schema
    .createTable('data_version_bumps')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('xid', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_version_bumps_pk', ['xid', 'topic'] as never) // columns of a table without types
    .execute();
  await sql`create function mitra_note_change() returns trigger language plpgsql as $$
    begin
      insert into data_version_bumps (topic, xid) values (tg_argv[0], txid_current()) on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create function mitra_raise_versions() returns trigger language plpgsql as $$
    begin
      update data_versions set version = version + 1
        where topic in (select topic from data_version_bumps where xid = txid_current());
      delete from data_version_bumps where xid = txid_current();
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger data_version_bumps_commit after insert on data_version_bumps
    deferrable initially deferred for each row execute function mitra_raise_versions()`.execute(db);
  for (const [topic, tables] of Object.entries(TOPICS)) {
    for (const table of tables) {
      await sql
        .raw(
          `create trigger ${table}_version after insert or update or delete on ${table}
          for each statement execute function mitra_note_change('${topic}')`,
        )
        .execute(db);
    }
  }
}
