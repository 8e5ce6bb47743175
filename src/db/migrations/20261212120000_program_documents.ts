/**
 * Documents on programs (issue 25; docs/documents.md): each document with its IATI
 * DocumentCategory, titles, languages, date, public flag (private by default) and the number of
 * its current version; each version's file kept in the database as agreement documents' are,
 * with a JPEG thumbnail for photos.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('program_documents')
    .addColumn('id', id, idColumn)
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_id', 'text')
    // ISO 639-1 codes, comma-separated ("id,en").
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_date', 'text')
    .addColumn('description', 'text')
    // Never public unless marked so by the coordination team or the implementing agency.
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    // Optimistic lock (If-Match), moved on by the repository at every change.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index program_documents_activity_idx on program_documents (activity_id, id)`.execute(db);

  await db.schema
    .createTable('program_document_versions')
    .addColumn('id', id, idColumn)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('program_documents.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('thumbnail', bytes)
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_document_versions_uq', ['document_id', 'version_no'])
    .execute();
}
