/**
 * What stops a year from being frozen, as the database knows it (services/editions.ports.ts
 * FreezeBlockerRepository). Collection rounds are not in Mitra yet (issue 23): when they are,
 * their open rounds of the year and the agencies that have not confirmed are read here, one
 * query each, and listed as blockers ('open_round', 'unconfirmed_agency'). Until then nothing
 * in the database blocks a freeze; the service adds what the figures show (missing rates).
 */
import type { Kysely } from 'kysely';
import type { FreezeBlocker } from '../domain/report/edition.js';
import type { FreezeBlockerRepository } from '../services/editions.ports.js';
import type { Database } from './schema.js';

export class FreezeBlockerRepo implements FreezeBlockerRepository {
  // The handle the rounds' queries will use.
  constructor(readonly db: Kysely<Database>) {}

  async blockers(_year: number): Promise<FreezeBlocker[]> {
    return [];
  }
}
