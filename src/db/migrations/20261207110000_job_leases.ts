/**
 * Background jobs run once however many app processes serve one database (issue 19): a process
 * runs them while it holds their lease, renewed every few seconds; when it stops, the lease
 * runs out and another process takes over.
 */
import type { Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
