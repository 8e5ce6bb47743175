/**
 * Compares the analytics summary tables kept on every write with a rebuild from scratch
 * (in a transaction that is rolled back), for tests of writes and imports.
 */
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { rebuildAnalytics } from '../db/analytics-cube.js';
import type { Database } from '../db/schema.js';
import type { AppContext } from '../main.js';

class Rollback extends Error {}

async function snapshot(db: Kysely<Database>) {
  const rows = async (query: ReturnType<typeof sql<Record<string, unknown>>>) =>
    (await query.execute(db)).rows.map((r) => JSON.stringify(Object.values(r).map(String)));
  return {
    cube: await rows(
      sql`select year, stage, dim, key, programs, participants from analytics_cube where programs <> 0 or participants <> 0 order by dim, key, year, stage`,
    ),
    spending: await rows(
      sql`select year, stage, dim, key, currency, currency_rate_date, idr_rate_date, missing_day, amount_minor, transactions from spending_cube where transactions <> 0 order by dim, key, year, stage, currency, currency_rate_date, idr_rate_date, missing_day`,
    ),
  };
}

export async function expectAnalyticsConsistent(app: AppContext): Promise<void> {
  const db = app.database.db as Kysely<Database>;
  const kept = await snapshot(db);
  let rebuilt: Awaited<ReturnType<typeof snapshot>> | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await rebuildAnalytics(trx);
      rebuilt = await snapshot(trx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  expect(kept.cube.length).toBeGreaterThan(0);
  expect(kept).toEqual(rebuilt);
}
