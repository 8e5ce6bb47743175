/** Year-over-year change of a figure. */

export interface Change {
  /** This year's figure minus the previous year's. */
  readonly change: number;
  /** The change in percent of the previous year's figure (two decimals); null when that was 0 or unknown. */
  readonly percent: number | null;
}

export function yearOverYear(current: number, previous: number | undefined): Change | null {
  if (previous === undefined) return null;
  return { change: current - previous, percent: previous === 0 ? null : Math.round(((current - previous) / previous) * 10_000) / 100 };
}

/** The inclusive list of years from `from` to `to`. */
export function yearRange(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
