/**
 * Erasure on request (docs/privacy.md) must also take the person's data out of earlier audit
 * entries, while the log stays append-only for everything else. An entry may now be changed
 * only when an `audit_scrubs` row names it (written by the erasure in the same transaction),
 * and only its changes, record label and comment: who did what, when, to which record, stays.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('audit_scrubs')
    .addColumn('audit_id', 'integer', (c) => c.primaryKey())
    .addColumn('participant_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  if (engine === 'postgres') {
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE'
          and new.id = old.id and new.at = old.at and new.actor_user_id is not distinct from old.actor_user_id
          and new.actor_label = old.actor_label and new.action = old.action and new.entity = old.entity
          and new.entity_id is not distinct from old.entity_id and new.entity_version is not distinct from old.entity_version
          and exists (select 1 from audit_scrubs s where s.audit_id = old.id) then
          return new;
        end if;
        raise exception 'the audit log cannot be changed';
      end $$`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`create trigger audit_log_no_update before update on audit_log
      when not (new.id = old.id and new.at = old.at and new.actor_user_id is old.actor_user_id
        and new.actor_label = old.actor_label and new.action = old.action and new.entity = old.entity
        and new.entity_id is old.entity_id and new.entity_version is old.entity_version
        and exists (select 1 from audit_scrubs s where s.audit_id = old.id))
      begin select raise(abort, 'the audit log cannot be changed'); end`.execute(db);
  }
}
