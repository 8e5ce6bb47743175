/**
 * Results frameworks (issue 25, docs/results.md): one row per program holding its results,
 * indicators, baselines and periods as one JSON document with one version. The framework is
 * always read whole (the program page, the IATI export, the annual report) and small (at most
 * 50 results × 50 indicators × 100 periods, in practice a handful), and one version for the
 * whole prevents lost updates between two editors of different indicators.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

/** The cached answers the frameworks feed: the program page and IATI files (programs), the annual report (reports). */
const TOPICS = ['programs', 'reports'] as const;

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('activity_results')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // A change of a framework raises the data versions of its topics, as a program's own rows do
  // (migration 20261207090000_list_indexes); the triggers are named apart from those.
  for (const topic of TOPICS) {
    if (engine === 'postgres') {
      await sql
        .raw(
          `create trigger activity_results_bumps_${topic} after insert or update or delete on activity_results
          for each statement execute function mitra_note_change('${topic}')`,
        )
        .execute(db);
      continue;
    }
    for (const event of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `create trigger activity_results_${event}_bumps_${topic} after ${event} on activity_results begin
          update data_versions set version = version + 1 where topic = '${topic}';
        end`,
        )
        .execute(db);
    }
  }
}
