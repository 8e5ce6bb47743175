/**
 * A participant's version, for If-Match (issue 24, finding 5): a change of a participant sent
 * without the version it was made on silently overwrote a change made meanwhile. Every update of
 * a row moves its version on, whatever statement makes it (a form's change, a selection's status
 * change, an import's upsert, an erasure), by a trigger on both engines.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('participants')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  if (engine === 'postgres') {
    await sql`create function participants_next_version() returns trigger language plpgsql as $$
      begin if new.version = old.version then new.version := old.version + 1; end if; return new; end $$`.execute(db);
    await sql`create trigger participants_next_version before update on participants
      for each row execute function participants_next_version()`.execute(db);
  } else {
    // Recursive triggers are off (SQLite's default), so the trigger's own update does not fire it again.
    await sql`create trigger participants_next_version after update on participants
      for each row when new.version = old.version
      begin update participants set version = old.version + 1 where id = new.id; end`.execute(db);
  }
}
