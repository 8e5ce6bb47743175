/**
 * The other lists served from indexes (issue 19), as the program list is:
 * - nominations of an offer in id order, and those of a nominating organisation;
 * - the alumni directory walked in name order (overall and per country) over the records that
 *   count as alumni, with a trigram index for its text search (FTS5 on SQLite, pg_trgm on
 *   PostgreSQL, like the programs');
 * - offers by deadline, requests by the day received, agreements by signature (else creation),
 *   engagements by start, follow-ups by due day (none last): each order an indexed column.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

/** The records of the alumni directory (ALUMNI_STATUSES, not erased), as each partial index's condition. */
const ALUMNI = sql.raw(`status in ('attended', 'completed') and erased_at is null`);
/** The text a participant search matches on PostgreSQL: name and organisation apart. */
const PARTICIPANT_TEXT_PG = sql.raw(`lower(full_name || chr(31) || coalesce(organisation, ''))`);

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await sql`create index participants_activity_idx on participants (activity_id, id)`.execute(db);
  await sql`create index participants_nominator_idx on participants (lower(nominated_by), id)`.execute(db);
  await sql`create index participants_alumni_name_idx on participants (lower(full_name), person_key) where ${ALUMNI}`.execute(db);
  await sql`create index participants_alumni_country_idx on participants (country_code, lower(full_name), person_key) where ${ALUMNI}`.execute(
    db,
  );
  if (engine === 'postgres') {
    const row = await sql<{
      schema: string;
    }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(
      db,
    );
    const opclass = sql.raw(`"${row.rows[0]?.schema ?? 'public'}".gin_trgm_ops`);
    await sql`create index participants_alumni_text_idx on participants using gin ((${PARTICIPANT_TEXT_PG}) ${opclass}) where ${ALUMNI}`.execute(
      db,
    );
  } else {
    await participantsFts(db);
  }

  await sql`create index course_offers_deadline_idx on course_offers (deadline, id)`.execute(db);
  await sql`create index cooperation_requests_received_idx on cooperation_requests (received_on, id)`.execute(db);
  await sql`drop index engagements_starts_idx`.execute(db);
  await sql`create index engagements_starts_idx on engagements (starts_on, id)`.execute(db);

  const kind = engine === 'postgres' ? sql`stored` : sql`virtual`;
  await sql`alter table agreements add column sort_on text generated always as (coalesce(signed_on, substr(created_at, 1, 10))) ${kind}`.execute(
    db,
  );
  await sql`create index agreements_sort_idx on agreements (sort_on, id)`.execute(db);
  await sql`alter table follow_ups add column sort_due text generated always as (coalesce(due_on, '9999-12-31')) ${kind}`.execute(db);
  await sql`create index follow_ups_sort_idx on follow_ups (sort_due, id)`.execute(db);
  await sql`analyze`.execute(db);
}

async function participantsFts(db: Kysely<unknown>): Promise<void> {
  // Like activities_fts: an external-content trigram table kept by triggers.
  await sql`create virtual table participants_fts using fts5(full_name, organisation, content = 'participants', content_rowid = 'id', tokenize = 'trigram')`.execute(
    db,
  );
  await sql
    .raw(
      `create trigger participants_fts_insert after insert on participants begin
      insert into participants_fts (rowid, full_name, organisation) values (new.id, new.full_name, new.organisation);
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger participants_fts_delete after delete on participants begin
      insert into participants_fts (participants_fts, rowid, full_name, organisation) values ('delete', old.id, old.full_name, old.organisation);
    end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger participants_fts_update after update of full_name, organisation on participants begin
      insert into participants_fts (participants_fts, rowid, full_name, organisation) values ('delete', old.id, old.full_name, old.organisation);
      insert into participants_fts (rowid, full_name, organisation) values (new.id, new.full_name, new.organisation);
    end`,
    )
    .execute(db);
  await sql`insert into participants_fts (participants_fts) values ('rebuild')`.execute(db);
}
