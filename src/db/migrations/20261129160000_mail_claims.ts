/**
 * Mail delivery by several app processes: a process claims the outbox rows it is about to send
 * (`claimed_until`, a lease), so that two processes never send the same mail; a process that
 * dies leaves its claims to expire.
 */
import { type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('claimed_until', 'text').execute();
}
