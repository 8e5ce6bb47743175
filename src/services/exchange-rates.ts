/** Exchange rates: import from a spreadsheet and list. */
import { exchangeRateInputSchema, type ExchangeRate } from '../domain/exchange-rate.js';
import { RATE_COLUMNS, type RateColumn } from '../domain/import/csv-columns.js';
import type { RecordSource } from './imports.ports.js';
import type { Deps } from './deps.js';
import { addIssues, rowsOf, runImport, zodIssues, type ImportDeps, type ImportOptions, type ImportReport } from './imports.js';

const COLUMN_OF: Record<string, RateColumn> = { currency: 'currency', date: 'date', unitsPerUsd: 'units_per_usd', source: 'source' };

export async function importExchangeRates(
  deps: ImportDeps<'exchangeRates'>,
  source: RecordSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(deps, 'rates', source, options, async (ctx) => {
    const seen = new Map<string, number>();
    for await (const rows of rowsOf(source, RATE_COLUMNS, [['currency'], ['date'], ['units_per_usd']], ctx)) {
      const valid: ExchangeRate[] = [];
      for (const row of rows) {
        ctx.counts.rows++;
        const source = row.cells.get('source')?.trim();
        const parsed = exchangeRateInputSchema.safeParse({
          currency: row.cells.get('currency') ?? '',
          date: (row.cells.get('date') ?? '').trim(),
          unitsPerUsd: (row.cells.get('units_per_usd') ?? '').trim(),
          source: source ? source : null,
        });
        if (!parsed.success) {
          addIssues(
            ctx.errors,
            row.line,
            zodIssues(parsed.error),
            (p) => COLUMN_OF[p.split('.')[0] ?? ''] ?? 'currency',
            (c) => row.cells.get(c),
          );
          continue;
        }
        const key = `${parsed.data.currency}|${parsed.data.date}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          ctx.errors.add({
            line: row.line,
            column: 'date',
            message: `${parsed.data.currency} on ${parsed.data.date} already appears on line ${earlier}`,
          });
          continue;
        }
        seen.set(key, row.line);
        valid.push({
          currency: parsed.data.currency,
          date: parsed.data.date,
          unitsPerUsd: parsed.data.unitsPerUsd,
          source: parsed.data.source ?? null,
        });
      }
      const result = await ctx.repos.exchangeRates.upsert(valid);
      ctx.counts.inserted += result.inserted;
      ctx.counts.updated += result.updated;
    }
  });
}

/** Exchange rates are public reference data (reports convert with them). */
export async function listExchangeRates(deps: Deps<'exchangeRates'>, currency?: string): Promise<ExchangeRate[]> {
  return deps.store.repos.exchangeRates.list({ currency });
}
