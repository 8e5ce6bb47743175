/** Ports of the exchange rates (services/exchange-rates.ts); db/exchange-rate.repo.ts implements them. */
import type { ExchangeRate } from '../domain/exchange-rate.js';

export interface ExchangeRateRepository {
  upsert(rates: readonly ExchangeRate[]): Promise<{ inserted: number; updated: number }>;
  list(filter: { currency?: string }): Promise<ExchangeRate[]>;
}
