/**
 * An Indonesian variant beside free texts that had one language only (issue 21): a partner
 * government's request's topic, description and assessment note (`topic_id`, `description_id`,
 * `assessment_note_id`), an agreement's subject (`subject_id`), an engagement's
 * title and purpose (`title_id`, `purpose_id`), an engagement item's description
 * (`description_id`) and a follow-up's action (`action_id`), as
 * programs keep `title_en`/`title_id`. Optional: the interface shows the
 * Indonesian text when there is one and the UI is Indonesian, else the text as entered.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.alterTable('cooperation_requests').addColumn('topic_id', 'text').execute();
  await db.schema.alterTable('cooperation_requests').addColumn('description_id', 'text').execute();
  await db.schema.alterTable('cooperation_requests').addColumn('assessment_note_id', 'text').execute();
  await db.schema.alterTable('agreements').addColumn('subject_id', 'text').execute();
  await db.schema.alterTable('engagements').addColumn('title_id', 'text').execute();
  await db.schema.alterTable('engagements').addColumn('purpose_id', 'text').execute();
  await db.schema.alterTable('engagement_items').addColumn('description_id', 'text').execute();
  await db.schema.alterTable('follow_ups').addColumn('action_id', 'text').execute();
}
