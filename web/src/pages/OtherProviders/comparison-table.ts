/** The comparison's answer laid out for its tables: every year of the range, the sectors of all providers side by side. */
import type { ProviderComparison } from '../../api/other-provider-queries.js';

type Provider = ProviderComparison['providers'][number];
export type YearCell = Provider['years'][number];

/** Each year of the range (even one without any activity), with each provider's figures in the providers' order. */
export function yearRows(c: ProviderComparison): { year: number; cells: YearCell[] }[] {
  const rows: { year: number; cells: YearCell[] }[] = [];
  for (let year = c.fromYear; year <= c.toYear; year++) {
    rows.push({
      year,
      cells: c.providers.map((p) => p.years.find((y) => y.year === year) ?? { year, activities: 0, budgetUsd: 0, spendUsd: 0 }),
    });
  }
  return rows;
}

export interface SectorRow {
  readonly vocabulary: string;
  readonly code: string;
  /** Each provider's activities in the sector, in the providers' order. */
  readonly activities: number[];
  readonly total: number;
}

/** The sectors any provider has, the most frequent first (then by code), with each provider's count. */
export function sectorRows(c: ProviderComparison): SectorRow[] {
  const rows = new Map<string, { vocabulary: string; code: string; activities: number[] }>();
  c.providers.forEach((p, i) => {
    for (const s of p.sectors) {
      const key = `${s.vocabulary}|${s.code}`;
      const row = rows.get(key) ?? { vocabulary: s.vocabulary, code: s.code, activities: c.providers.map(() => 0) };
      row.activities[i] = (row.activities[i] ?? 0) + s.activities;
      rows.set(key, row);
    }
  });
  return [...rows.values()]
    .map((r) => ({ ...r, total: r.activities.reduce((sum, n) => sum + n, 0) }))
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
}

/** Whether any provider has amounts left out of the USD figures (no exchange rate for their currency and year). */
export const hasUnconverted = (c: ProviderComparison): boolean => c.providers.some((p) => p.unconverted.length > 0);
