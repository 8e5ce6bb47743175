/**
 * Frozen editions of a year's figures (issue 23, docs/editions.md): edition N of a year keeps
 * the annual summary exactly as the report computed it (`edition_figures`, one row per scope)
 * and the program records it was computed from (`edition_records`). Both are written once, in
 * the freeze's transaction, and never changed: triggers on both engines refuse UPDATE and
 * DELETE, so no code path (repository, route, hand-written SQL) can alter what was sent.
 * Of an `editions` row only the narrative may change, and only while it is a draft (frozen),
 * and the status only from frozen to published; a published edition changes no more, and no
 * edition is ever deleted. Programs are not referenced by foreign key: a program deleted later
 * stays in the editions that counted it.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

/** The columns fixed at the freeze (every column but status, publication and narrative). */
const FROZEN_COLUMNS = [
  'id',
  'year',
  'number',
  'title_en',
  'title_id',
  'frozen_at',
  'frozen_by_user_id',
  'frozen_by_label',
  'override_reason',
  'blockers',
  'errata_reason',
  'previous_id',
  'changes',
  'programs',
  'countries',
  'participants',
] as const;
const LATER_COLUMNS = [
  'status',
  'published_at',
  'published_by_user_id',
  'published_by_label',
  'narrative_en',
  'narrative_id',
  'narrative_updated_at',
];

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('editions')
    .addColumn('id', id, idColumn)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('frozen', 'published')`))
    // The edition's name as every document carries it ("Laporan Tahunan 2018, edisi 1, 15 Maret 2019").
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_id', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    // No foreign key to users: the row never changes, whatever becomes of the account.
    .addColumn('frozen_by_user_id', 'integer')
    .addColumn('frozen_by_label', 'text', (c) => c.notNull())
    // Why it was frozen despite what blocked it (JSON list of the blockers overridden).
    .addColumn('override_reason', 'text')
    .addColumn('blockers', 'text')
    // Errata: why edition N > 1 was made, the edition it corrects and what changed (JSON).
    .addColumn('errata_reason', 'text')
    .addColumn('previous_id', 'integer', (c) => c.references('editions.id'))
    .addColumn('changes', 'text')
    .addColumn('programs', 'integer', (c) => c.notNull())
    .addColumn('countries', 'integer', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by_user_id', 'integer')
    .addColumn('published_by_label', 'text')
    .addColumn('narrative_en', 'text')
    .addColumn('narrative_id', 'text')
    .addColumn('narrative_updated_at', 'text')
    .addUniqueConstraint('editions_year_number_key', ['year', 'number'])
    .addCheckConstraint('editions_errata_reason', sql`number = 1 or errata_reason is not null`)
    .execute();
  await db.schema
    .createTable('edition_figures')
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id'))
    // 'all': every lifecycle stage (what coordinators see); 'published': what the public sees.
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('all', 'published')`))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_figures_pkey', ['edition_id', 'scope'])
    .execute();
  await db.schema
    .createTable('edition_records')
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id'))
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    .addColumn('activity_version', 'integer', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    // JSON: the program as the report counted it (domain/report/edition.ts ProgramSnapshot).
    .addColumn('record', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_records_pkey', ['edition_id', 'activity_id'])
    .execute();
  if (engine === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function edition_rows_immutable() returns trigger language plpgsql as $$
    begin raise exception 'the figures and records of an edition cannot be changed'; end $$`.execute(db);
  for (const table of ['edition_figures', 'edition_records']) {
    await sql
      .raw(`create trigger ${table}_immutable before update or delete on ${table} for each row execute function edition_rows_immutable()`)
      .execute(db);
  }
  const frozenChanged = FROZEN_COLUMNS.map((c) => `new.${c} is distinct from old.${c}`).join(' or ');
  const laterChanged = LATER_COLUMNS.map((c) => `new.${c} is distinct from old.${c}`).join(' or ');
  await sql
    .raw(
      `create function editions_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'an edition cannot be deleted'; end if;
      if ${frozenChanged} then raise exception 'the frozen columns of an edition cannot be changed'; end if;
      if old.status = 'published' and (${laterChanged}) then raise exception 'a published edition cannot be changed'; end if;
      return new;
    end $$`,
    )
    .execute(db);
  await sql`create trigger editions_frozen before update or delete on editions for each row execute function editions_frozen()`.execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  for (const table of ['edition_figures', 'edition_records']) {
    for (const event of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${event} before ${event} on ${table}
        begin select raise(abort, 'the figures and records of an edition cannot be changed'); end`,
        )
        .execute(db);
    }
  }
  await sql`create trigger editions_no_delete before delete on editions
    begin select raise(abort, 'an edition cannot be deleted'); end`.execute(db);
  const frozenChanged = FROZEN_COLUMNS.map((c) => `new.${c} is not old.${c}`).join(' or ');
  const laterChanged = LATER_COLUMNS.map((c) => `new.${c} is not old.${c}`).join(' or ');
  await sql
    .raw(
      `create trigger editions_frozen before update on editions when ${frozenChanged}
    begin select raise(abort, 'the frozen columns of an edition cannot be changed'); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger editions_published before update on editions when old.status = 'published' and (${laterChanged})
    begin select raise(abort, 'a published edition cannot be changed'); end`,
    )
    .execute(db);
}
