/** Exchange rates: import from a spreadsheet and list. */
import { exchangeRateInputSchema, type ExchangeRate } from '../domain/exchange-rate.js';
import { RATE_COLUMNS, type RateColumn } from '../domain/import/csv-columns.js';
import type { RecordSource } from './imports.ports.js';
import type { Deps } from './deps.js';
import { addIssues, rowsOf, runImport, zodIssues, type ImportDeps, type ImportOptions, type ImportReport } from './imports.js';

const COLUMN_OF: Record<string, RateColumn> = { currency: 'currency', date: 'date', unitsPerUsd: 'units_per_usd', source: 'source' };
const columnOf = (path: string): RateColumn => COLUMN_OF[path.split('.')[0] ?? ''] ?? 'currency';

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
        const input = {
          currency: row.cells.get('currency') ?? '',
          date: (row.cells.get('date') ?? '').trim(),
          unitsPerUsd: (row.cells.get('units_per_usd') ?? '').trim(),
          source: source ? source : null,
        };
        const parsed = exchangeRateInputSchema.safeParse(input);
        if (!parsed.success) {
          // A rate that is not a decimal says so (not the generic "invalid format").
          const issues = zodIssues(parsed.error).map((i) =>
            i.path === 'unitsPerUsd' && i.code === 'invalid_format' ? { ...i, code: 'invalid_rate' } : i,
          );
          addIssues(ctx.errors, row.line, issues, columnOf, (c) => row.cells.get(c));
        }
        // The same currency and day twice is a problem too, whatever else is wrong with the row.
        const currency = exchangeRateInputSchema.shape.currency.safeParse(input.currency);
        const date = exchangeRateInputSchema.shape.date.safeParse(input.date);
        const key = currency.success && date.success ? `${currency.data}|${date.data}` : undefined;
        const earlier = key === undefined ? undefined : seen.get(key);
        if (earlier !== undefined && currency.success && date.success) {
          ctx.errors.add({
            line: row.line,
            column: 'date',
            value: date.data,
            code: 'duplicate_rate',
            params: { currency: currency.data, date: date.data, line: earlier },
            message: `${currency.data} on ${date.data} already appears on line ${earlier}`,
          });
          continue;
        }
        if (key !== undefined) seen.set(key, row.line);
        if (!parsed.success) continue;
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
