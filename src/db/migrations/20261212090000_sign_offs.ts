/**
 * The coordination ministries' sign-offs (issue 25): the rules saying which ministry must sign at
 * which step (seeded with the default of docs/sign-offs.md: all four ministries at assessment,
 * national planning and finance at funding), the opinions of the current round, and the
 * reminders mailed for them (each sent once per round).
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

const DEFAULT_RULES: readonly [string, string, number][] = [
  ['assessment', 'ID-KEMLU', 14],
  ['assessment', 'ID-KEMENSETNEG', 14],
  ['assessment', 'ID-BAPPENAS', 14],
  ['assessment', 'ID-KEMENKEU', 14],
  ['funding', 'ID-BAPPENAS', 10],
  ['funding', 'ID-KEMENKEU', 10],
];

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('sign_off_rules')
    .addColumn('id', id, idColumn)
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('days_allowed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sign_off_rules_step_org_key', ['step', 'org_code'])
    .execute();
  await db.schema
    .createTable('sign_offs')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('signed_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('signed_by_label', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sign_offs_activity_step_org_key', ['activity_id', 'step', 'org_code'])
    .execute();
  await db.schema
    .createTable('sign_off_reminders')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('round_started_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sign_off_reminders_once_key', ['activity_id', 'step', 'org_code', 'kind', 'round_started_at'])
    .execute();
  const now = new Date().toISOString();
  await (db as Kysely<{ sign_off_rules: { step: string; org_code: string; required: number; days_allowed: number; updated_at: string } }>)
    .insertInto('sign_off_rules')
    .values(DEFAULT_RULES.map(([step, org_code, days_allowed]) => ({ step, org_code, required: 1, days_allowed, updated_at: now })))
    .execute();
}
