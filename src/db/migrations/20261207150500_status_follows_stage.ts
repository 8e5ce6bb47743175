/**
 * The activity status follows the lifecycle stage (issue 21; domain/program/stage-status.ts):
 * programs moved through the stages before now kept the status they were registered with
 * (mostly 1 Pipeline, even when implemented or evaluated). Each program whose status does not
 * fit its stage gets the stage's status; a suspended program in implementation keeps its
 * status. Actual dates are not invented: nobody recorded when those programs started or ended.
 * Plain SQL, the same on SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

/** The IATI code of each stage's status (STATUS_OF_STAGE, frozen here as migrations are). */
const STATUS_CODE: Readonly<Record<string, number>> = {
  request: 1,
  assessment: 1,
  approved: 1,
  funded: 1,
  implementation: 2,
  completed: 3,
  evaluated: 4,
  rejected: 5,
  cancelled: 5,
};

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  for (const [stage, code] of Object.entries(STATUS_CODE)) {
    const admitted = stage === 'implementation' ? [code, 6] : [code];
    await sql`update activities set activity_status = ${code}, version = version + 1
      where lifecycle_stage = ${stage} and activity_status not in (${sql.join(admitted)})`.execute(db);
  }
}
