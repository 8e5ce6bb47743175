/**
 * Partnerships (docs/partnerships.md): the contacts of partner organisations; agreements (MoUs,
 * technical cooperation agreements, joint frameworks, work plans) with their parties, flagship
 * areas, versioned documents, the programs carried out under them and the renewal reminders
 * sent; engagements (visits, meetings, conferences, calls) with the offers and requests made on
 * each side and their follow-up actions.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';

  await db.schema.alterTable('organisations').addColumn('website', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('notes', 'text').execute();

  await db.schema
    .createTable('partner_contacts')
    .addColumn('id', id, idColumn)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await sql`create index partner_contacts_org_idx on partner_contacts (org_id, sort_order)`.execute(db);

  await db.schema
    .createTable('agreements')
    .addColumn('id', id, idColumn)
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    // mou, technical_cooperation, joint_framework, work_plan
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_id', 'text')
    .addColumn('subject', 'text')
    // draft → negotiation → signed → in_force → expired | terminated
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    // The ministry or agency that owns the agreement (edits it with the coordination team).
    .addColumn('owner_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index agreements_status_idx on agreements (status, valid_until)`.execute(db);

  // A party is an organisation (a partner agency, a ministry) or a country's government.
  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('country_code', 'text')
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'sort_order'])
    .addCheckConstraint('agreement_parties_one', sql`(org_id is null) <> (country_code is null)`)
    .execute();
  await sql`create index agreement_parties_org_idx on agreement_parties (org_id)`.execute(db);
  await sql`create index agreement_parties_country_idx on agreement_parties (country_code)`.execute(db);

  await db.schema
    .createTable('agreement_areas')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_areas_pk', ['agreement_id', 'area'])
    .execute();

  await db.schema
    .createTable('agreement_activities')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('agreement_activities_pk', ['agreement_id', 'activity_id'])
    .execute();
  await sql`create index agreement_activities_activity_idx on agreement_activities (activity_id)`.execute(db);

  // Documents are versioned by title: a new upload under the same title is its next version.
  await db.schema
    .createTable('agreement_documents')
    .addColumn('id', id, idColumn)
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    // Never public unless marked so by the coordination team or the owning agency.
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agreement_documents_version_uq', ['agreement_id', 'title_key', 'version_no'])
    .execute();

  // Renewal reminders already sent (one per agreement, end of validity and days before it).
  await db.schema
    .createTable('agreement_reminders')
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_reminders_pk', ['agreement_id', 'valid_until', 'days_before'])
    .execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', id, idColumn)
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    // visit, meeting, conference, call
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('place', 'text')
    // Where it took place (ISO 3166-1 alpha-2), when abroad or online with one country.
    .addColumn('country_code', 'text')
    // The counterpart organisation (a partner agency, a ministry of a recipient country).
    .addColumn('partner_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('counterpart', 'text')
    .addColumn('delegation', 'text')
    .addColumn('purpose', 'text')
    .addColumn('outcome', 'text')
    .addColumn('owner_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index engagements_starts_idx on engagements (starts_on)`.execute(db);
  await sql`create index engagements_partner_idx on engagements (partner_org_id)`.execute(db);

  await db.schema
    .createTable('engagement_items')
    .addColumn('id', id, idColumn)
    .addColumn('engagement_id', 'integer', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    // ours (Mitra's country) or theirs (the counterpart); offer or request.
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('flagship_area', 'text')
    // The country that would benefit (e.g. Tanzania for a joint program with Brazil).
    .addColumn('country_code', 'text')
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    // The program request it became (a program in the `request` stage); kept when it moves on.
    .addColumn('activity_id', 'integer', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await sql`create index engagement_items_engagement_idx on engagement_items (engagement_id, sort_order)`.execute(db);
  await sql`create index engagement_items_activity_idx on engagement_items (activity_id)`.execute(db);

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', id, idColumn)
    .addColumn('engagement_id', 'integer', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    // An account's email or an organisation's code: who answers for it.
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    // open, done, cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index follow_ups_due_idx on follow_ups (status, due_on)`.execute(db);
  await sql`create index follow_ups_engagement_idx on follow_ups (engagement_id)`.execute(db);
}
