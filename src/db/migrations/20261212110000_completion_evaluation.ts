/**
 * Completion and evaluation records (issue 25, docs/completion-evaluation.md): one completion and
 * one evaluation per program, the completion's cost lines, and follow-ups that come from an
 * evaluation's management response as well as from engagements — a follow-up belongs to exactly
 * one of an engagement or a program (`activity_id`).
 *
 * SQLite cannot drop a NOT NULL, so follow_ups is rebuilt there (same columns, indexes and generated
 * column; nothing references follow_ups); PostgreSQL alters it in place.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  const activity = (c: ColumnDefinitionBuilder) => c.notNull().references('activities.id').onDelete('cascade');

  await db.schema
    .createTable('activity_completions')
    .addColumn('activity_id', 'integer', (c) => activity(c).primaryKey())
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('no_cost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_cost_reason', 'text')
    .addColumn('report_en', 'text')
    .addColumn('report_id', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activity_completion_costs')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', activity)
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // provider or partner; the partner organisation by id (its code is read through the join)
    .addColumn('bearer', 'text', (c) => c.notNull())
    .addColumn('partner_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('note', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_completion_costs_activity_idx')
    .on('activity_completion_costs')
    .columns(['activity_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('activity_evaluations')
    .addColumn('activity_id', 'integer', (c) => activity(c).primaryKey())
    .addColumn('evaluator_name', 'text')
    .addColumn('evaluator_org', 'text')
    .addColumn('evaluator_kind', 'text')
    .addColumn('evaluated_on', 'text')
    .addColumn('scale', 'text', (c) => c.notNull())
    // JSON, parsed with the domain's schemas: the criteria, the findings, the recommendations with
    // their responses and actions (each action's follow-up by id; the follow-up holds its status).
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('recommendations', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  if (engine === 'postgres') await followUpsPostgres(db);
  else await followUpsSqlite(db);
  await sql`create index follow_ups_activity_idx on follow_ups (activity_id)`.execute(db);
}

const ONE_SOURCE = sql`check ((case when engagement_id is null then 0 else 1 end) + (case when activity_id is null then 0 else 1 end) = 1)`;

async function followUpsPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`alter table follow_ups alter column engagement_id drop not null`.execute(db);
  await sql`alter table follow_ups add column activity_id integer references activities (id) on delete cascade`.execute(db);
  await sql`alter table follow_ups add constraint follow_ups_one_source ${ONE_SOURCE}`.execute(db);
}

async function followUpsSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create table follow_ups_new (
    id integer primary key autoincrement,
    engagement_id integer references engagements (id) on delete cascade,
    activity_id integer references activities (id) on delete cascade,
    action text not null,
    owner text not null,
    due_on text,
    status text not null,
    done_on text,
    created_at text not null,
    updated_at text not null,
    action_id text,
    sort_due text generated always as (coalesce(due_on, '9999-12-31')) virtual,
    constraint follow_ups_one_source ${ONE_SOURCE}
  )`.execute(db);
  await sql`insert into follow_ups_new (id, engagement_id, action, owner, due_on, status, done_on, created_at, updated_at, action_id)
    select id, engagement_id, action, owner, due_on, status, done_on, created_at, updated_at, action_id from follow_ups`.execute(db);
  await sql`drop table follow_ups`.execute(db);
  await sql`alter table follow_ups_new rename to follow_ups`.execute(db);
  await sql`create index follow_ups_due_idx on follow_ups (status, due_on)`.execute(db);
  await sql`create index follow_ups_engagement_idx on follow_ups (engagement_id)`.execute(db);
  await sql`create index follow_ups_sort_idx on follow_ups (sort_due, id)`.execute(db);
}
