/**
 * Which year a year-based view opens on when none is asked for: the most recent year with
 * records that has begun, never an empty future or current year. The web (dashboard, annual
 * report, money, analytics, priorities) and the API's year ranges share these rules.
 */

/** The longest range of years an analytics request may ask for. */
export const MAX_YEARS = 50;

/** The most recent of `years` (those with records) not after `thisYear`; `thisYear` when none. */
export function defaultYear(years: readonly number[], thisYear: number): number {
  const begun = years.filter((y) => y <= thisYear);
  return begun.length === 0 ? thisYear : Math.max(...begun);
}

/**
 * The range a bare analytics request shows: from the first to the last year with records (not
 * after `thisYear`), at most `maxYears` long (the latest ones); the ten years up to `thisYear`
 * when there are none.
 */
export function defaultYearRange(years: readonly number[], thisYear: number, maxYears: number): { from: number; to: number } {
  const begun = years.filter((y) => y <= thisYear);
  if (begun.length === 0) return { from: thisYear - 9, to: thisYear };
  const to = Math.max(...begun);
  return { from: Math.max(Math.min(...begun), to - maxYears + 1), to };
}
