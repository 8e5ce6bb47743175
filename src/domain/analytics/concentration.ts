/**
 * Concentration of the portfolio: the Herfindahl-Hirschman index (HHI) of a distribution, on
 * the usual 0–10,000 scale (the sum of the squared percentage shares). 10,000 means everything
 * went to one country (or region, or area); 10,000 / n means n equal parts. The bands are the
 * ones competition authorities use (below 1,500 unconcentrated, 1,500–2,500 moderately
 * concentrated, above 2,500 highly concentrated).
 */

export type ConcentrationLevel = 'unconcentrated' | 'moderate' | 'high';

export interface Concentration {
  /** 0–10,000, rounded to two decimals; 0 when there is nothing to share. */
  readonly hhi: number;
  /** 10,000 / HHI: how many equal parts would give the same index (two decimals), 0 when empty. */
  readonly equivalentParts: number;
  readonly level: ConcentrationLevel | null;
  /** How many parts have a positive value. */
  readonly parts: number;
  readonly total: number;
  /** The largest parts with their share in percent (two decimals), largest first. */
  readonly top: readonly { readonly key: string; readonly value: number; readonly sharePercent: number }[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function concentrationLevel(hhi: number): ConcentrationLevel {
  return hhi < 1500 ? 'unconcentrated' : hhi <= 2500 ? 'moderate' : 'high';
}

/**
 * The HHI of values keyed by part. Computed from integers as 10,000 × Σv² / (Σv)², so the
 * result is exact before its final rounding. Non-positive values are not parts.
 */
export function herfindahl(values: ReadonlyMap<string, number> | readonly (readonly [string, number])[], topN = 5): Concentration {
  const parts = [...values].filter(([, v]) => v > 0);
  const total = parts.reduce((n, [, v]) => n + v, 0);
  if (total === 0) return { hhi: 0, equivalentParts: 0, level: null, parts: 0, total: 0, top: [] };
  const squares = parts.reduce((n, [, v]) => n + v * v, 0);
  const hhi = (10_000 * squares) / (total * total);
  const top = [...parts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topN)
    .map(([key, value]) => ({ key, value, sharePercent: round2((100 * value) / total) }));
  return {
    hhi: round2(hhi),
    equivalentParts: round2((total * total) / squares),
    level: concentrationLevel(hhi),
    parts: parts.length,
    total,
    top,
  };
}
