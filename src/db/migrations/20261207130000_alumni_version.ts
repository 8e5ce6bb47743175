/**
 * The alumni directory's own data version (issue 19): its counters and cached answers change
 * when a record becomes or stops being an alumnus' (attended or completed, not erased), not with
 * every nomination of a season, which writes participant records too. And a partial index of
 * the alumni's person keys, so that counting the persons reads that index alone.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

const ALUMNI = (row: string) => `(${row}.status in ('attended', 'completed') and ${row}.erased_at is null)`;

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await sql`create index participants_alumni_person_idx on participants (person_key) where status in ('attended', 'completed') and erased_at is null`.execute(
    db,
  );
  await sql`insert into data_versions (topic, version) values ('alumni', 0)`.execute(db);
  if (engine === 'postgres') {
    // Statement triggers see the rows a statement changed through their transition tables.
    for (const [event, tables, rows] of [
      ['insert', 'new table as changed', ALUMNI('changed')],
      ['delete', 'old table as changed', ALUMNI('changed')],
    ] as const) {
      await sql
        .raw(
          `create function mitra_note_alumni_${event}() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from changed where ${rows}) then
            insert into data_version_bumps (topic, xid) values ('alumni', txid_current()) on conflict do nothing;
          end if;
          return null;
        end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger participants_alumni_${event} after ${event} on participants referencing ${tables}
        for each statement execute function mitra_note_alumni_${event}()`,
        )
        .execute(db);
    }
    await sql
      .raw(
        `create function mitra_note_alumni_update() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from before_rows where ${ALUMNI('before_rows')}) or exists (select 1 from after_rows where ${ALUMNI('after_rows')}) then
          insert into data_version_bumps (topic, xid) values ('alumni', txid_current()) on conflict do nothing;
        end if;
        return null;
      end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger participants_alumni_update after update on participants referencing old table as before_rows new table as after_rows
      for each statement execute function mitra_note_alumni_update()`,
      )
      .execute(db);
  } else {
    const bump = `update data_versions set version = version + 1 where topic = 'alumni';`;
    await sql
      .raw(`create trigger participants_alumni_insert after insert on participants when ${ALUMNI('new')} begin ${bump} end`)
      .execute(db);
    await sql
      .raw(`create trigger participants_alumni_delete after delete on participants when ${ALUMNI('old')} begin ${bump} end`)
      .execute(db);
    await sql
      .raw(
        `create trigger participants_alumni_update after update on participants when ${ALUMNI('old')} or ${ALUMNI('new')} begin ${bump} end`,
      )
      .execute(db);
  }
}
