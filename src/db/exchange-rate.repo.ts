import { rebuildSpending } from './analytics-cube.js';
import type { Kysely } from 'kysely';
import type { ExchangeRate } from '../domain/exchange-rate.js';
import type { ExchangeRateRepository } from '../services/exchange-rates.ports.js';
import { num } from './sql-helpers.js';
import type { Database } from './schema.js';

export class ExchangeRateRepo implements ExchangeRateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts or replaces rates by (currency, date); returns how many existed before. */
  async upsert(rates: readonly ExchangeRate[]): Promise<{ inserted: number; updated: number }> {
    let updated = 0;
    for (let i = 0; i < rates.length; i += 500) {
      const chunk = rates.slice(i, i + 500);
      const existing = await this.db
        .selectFrom('exchange_rates')
        .select(['currency', 'rate_date'])
        .where('currency', 'in', [...new Set(chunk.map((r) => r.currency))])
        .where('rate_date', 'in', [...new Set(chunk.map((r) => r.date))])
        .execute();
      const keys = new Set(existing.map((e) => `${e.currency}|${e.rate_date}`));
      updated += chunk.filter((r) => keys.has(`${r.currency}|${r.date}`)).length;
      await this.db
        .insertInto('exchange_rates')
        .values(chunk.map((r) => ({ currency: r.currency, rate_date: r.date, units_per_usd: r.unitsPerUsd, source: r.source })))
        .onConflict((oc) =>
          oc.columns(['currency', 'rate_date']).doUpdateSet((eb) => ({
            units_per_usd: eb.ref('excluded.units_per_usd'),
            source: eb.ref('excluded.source'),
          })),
        )
        .execute();
    }
    // Spending is summed per rate in force: new rates can change which one that is.
    if (rates.length > 0) await rebuildSpending(this.db);
    return { inserted: rates.length - updated, updated };
  }

  async list(filter: { currency?: string }): Promise<ExchangeRate[]> {
    let query = this.db.selectFrom('exchange_rates').selectAll();
    if (filter.currency) query = query.where('currency', '=', filter.currency);
    const rows = await query.orderBy('currency').orderBy('rate_date').execute();
    return rows.map((r) => ({ currency: r.currency, date: r.rate_date, unitsPerUsd: num(r.units_per_usd), source: r.source }));
  }
}
