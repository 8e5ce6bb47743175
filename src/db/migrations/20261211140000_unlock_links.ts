/**
 * Unlock links (issue 24, finding 1): when an account's sign-in is paused after too many wrong
 * passwords, its owner is mailed a single-use link that lifts the pause. The table keeps the
 * sha256 of each link's random token, never the token.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('unlock_links')
    .addColumn('id', id, idColumn)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('unlock_links_user_idx').on('unlock_links').columns(['user_id', 'created_at']).execute();
}
