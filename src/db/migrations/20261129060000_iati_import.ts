/**
 * IATI imports: a program taken from another publisher's IATI file keeps, as JSON, what Mitra has
 * no field for (its publisher, recipient regions, unrecognised codes as written, the fingerprint
 * that makes a re-import of an unchanged activity a no-op). Null for programs entered in Mitra.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.alterTable('activities').addColumn('iati_details', 'text').execute();
}
