/**
 * A ministry's own spreadsheet layouts (issue 21): the column mapping an agency saved for a kind
 * of import and a set of header names, offered again when a file with the same headers comes.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', id, idColumn)
    // The agency the mapping belongs to (organisations.code).
    .addColumn('org_code', 'text', (c) => c.notNull())
    // activities or participants
    .addColumn('kind', 'text', (c) => c.notNull())
    // The file's header names, normalised, sorted and joined by "|" (column-suggestions.ts headerKey).
    .addColumn('header_key', 'text', (c) => c.notNull())
    // JSON: the header names as the file wrote them, in its order.
    .addColumn('headers', 'text', (c) => c.notNull())
    // JSON: { header: field | null }.
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`create unique index import_mappings_key_idx on import_mappings (org_code, kind, header_key)`.execute(db);
}
