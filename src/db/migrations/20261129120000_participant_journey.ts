/**
 * The participant journey (docs/participants.md): course offers open for nominations with
 * quotas per country, nominations as participant records with their documents, status history
 * and consent, the mail outbox, daily attendance, certificates, follow-up surveys of alumni, and
 * partner governments' requests matched to what the ministries can offer.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';

  // Nominations are participant records from their first status on.
  await db.schema.alterTable('participants').addColumn('phone', 'text').execute();
  await db.schema.alterTable('participants').addColumn('nominated_at', 'text').execute();
  await db.schema.alterTable('participants').addColumn('consent_at', 'text').execute();
  await db.schema.alterTable('participants').addColumn('reserve_rank', 'integer').execute();
  await db.schema.alterTable('participants').addColumn('review_note', 'text').execute();
  await db.schema.alterTable('participants').addColumn('status_changed_at', 'text').execute();
  await db.schema.alterTable('participants').addColumn('erased_at', 'text').execute();
  // The review list pages through one program's nominations by status and country.
  await sql`create index participants_review_idx on participants (activity_id, status, country_code, id)`.execute(db);

  await db.schema
    .createTable('course_offers')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().unique().references('activities.id').onDelete('cascade'))
    // draft (being prepared), open (in the public catalogue, taking nominations), closed.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text')
    .addColumn('summary_id', 'text')
    .addColumn('eligibility_en', 'text')
    .addColumn('eligibility_id', 'text')
    // An instant (ISO 8601, UTC): nominations after it are refused.
    .addColumn('deadline', 'text', (c) => c.notNull())
    // Places per country when the country has no quota of its own; null: no limit per country.
    .addColumn('quota_default', 'integer')
    // Places in all; null: the sum of the country quotas.
    .addColumn('quota_total', 'integer')
    // Share of the course days a participant must attend to complete it.
    .addColumn('completion_percent', 'integer', (c) => c.notNull().defaultTo(80))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index course_offers_status_idx on course_offers (status, deadline)`.execute(db);
  await db.schema
    .createTable('offer_quotas')
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('course_offers.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('offer_quotas_pk', ['offer_id', 'country_code'])
    .execute();

  // Uploaded files (CV, nomination letter), kept in the database so that every app process of a
  // deployment serves them and a failed write leaves nothing behind.
  await db.schema
    .createTable('participant_documents')
    .addColumn('id', id, idColumn)
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index participant_documents_participant_idx on participant_documents (participant_id)`.execute(db);

  await db.schema
    .createTable('participant_events')
    .addColumn('id', id, idColumn)
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await sql`create index participant_events_participant_idx on participant_events (participant_id, id)`.execute(db);

  // Mail is written in the transaction of the change it reports and sent after the commit.
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', id, idColumn)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index mail_outbox_unsent_idx on mail_outbox (sent_at, id)`.execute(db);

  await db.schema
    .createTable('attendance')
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['participant_id', 'day'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', id, idColumn)
    .addColumn('participant_id', 'integer', (c) => c.notNull().unique().references('participants.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    // The unguessable part of the public verification address.
    .addColumn('verify_token', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', id, idColumn)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_id', 'text', (c) => c.notNull())
    // Months after the end of the program when the survey is sent (6, 12).
    .addColumn('months_after', 'integer', (c) => c.notNull())
    // The questions as JSON (domain/alumni/survey.ts).
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', id, idColumn)
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answers', 'text')
    .addUniqueConstraint('survey_invitations_uq', ['survey_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('cooperation_requests')
    .addColumn('id', id, idColumn)
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('flagship_area', 'text')
    .addColumn('sector_code', 'text')
    .addColumn('modality', 'text')
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    // The embassy (organisation code) that relayed it, when one did.
    .addColumn('relayed_by', 'text')
    // registered → assessment → accepted | declined
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assessment_note', 'text')
    .addColumn('activity_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index cooperation_requests_status_idx on cooperation_requests (status, received_on)`.execute(db);
}
