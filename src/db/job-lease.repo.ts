/** Job leases (services/background-jobs.ts): one statement takes, renews or refuses a lease. */
import type { Kysely } from 'kysely';
import type { JobLeaseRepository } from '../services/background-jobs.ports.js';
import type { Database } from './schema.js';

export class JobLeaseRepo implements JobLeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async acquire(name: string, holder: string, until: string, now: string): Promise<boolean> {
    // The row is written only when free, ours already, or run out; RETURNING says which.
    const row = await this.db
      .insertInto('job_leases')
      .values({ name, holder, expires_at: until })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: until })
          .where((eb) => eb.or([eb('job_leases.holder', '=', holder), eb('job_leases.expires_at', '<', now)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
