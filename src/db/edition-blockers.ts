/**
 * What stops a year from being frozen, as the database knows it (services/editions.ports.ts
 * FreezeBlockerRepository): the year's open collection rounds ('open_round', one per round) and,
 * in every round of the year, the agencies that have not confirmed their part
 * ('unconfirmed_agency', one per agency and round), one query each. An open round's parts are
 * those created when it was opened or last read (docs/rounds.md); the open round itself blocks
 * anyway. The service adds what the figures show (missing rates).
 */
import type { Kysely } from 'kysely';
import type { FreezeBlocker } from '../domain/report/edition.js';
import type { FreezeBlockerRepository } from '../services/editions.ports.js';
import type { Database } from './schema.js';
import { num } from './sql-helpers.js';

const PERIOD_LABEL = { year: 'year', h1: 'first half', h2: 'second half' } as const;

export class FreezeBlockerRepo implements FreezeBlockerRepository {
  constructor(readonly db: Kysely<Database>) {}

  async blockers(year: number): Promise<FreezeBlocker[]> {
    const [open, unconfirmed] = await Promise.all([
      this.db
        .selectFrom('collection_rounds')
        .select(['id', 'period', 'deadline_date'])
        .where('year', '=', year)
        .where('status', '=', 'open')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('collection_round_parts as p')
        .innerJoin('collection_rounds as r', 'r.id', 'p.round_id')
        .select(['r.id', 'r.period', 'p.org_code'])
        .where('r.year', '=', year)
        .where('p.status', '=', 'open')
        .orderBy('r.id')
        .orderBy('p.org_code')
        .execute(),
    ]);
    return [
      ...open.map((r) => ({
        kind: 'open_round',
        subject: String(num(r.id)),
        message: `collection round ${num(r.id)} (${year}, ${PERIOD_LABEL[r.period]}, deadline ${r.deadline_date}) is still open`,
      })),
      ...unconfirmed.map((p) => ({
        kind: 'unconfirmed_agency',
        subject: p.org_code,
        message: `${p.org_code} has not confirmed its part of collection round ${num(p.id)} (${year}, ${PERIOD_LABEL[p.period]})`,
      })),
    ];
  }
}
