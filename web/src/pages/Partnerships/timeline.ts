/** The partnership timeline's years: entries on one time axis, grouped by year, latest first. */

export interface TimelineYear<T> {
  /** The calendar year, as in the entries' dates ("2019"). */
  readonly year: string;
  readonly items: readonly T[];
}

/**
 * Groups entries by the year of their date, latest year first and latest entry first within a
 * year. Entries of the same day keep the order they came in (the server's: engagement, agreement,
 * program), as the sort is stable.
 */
export function groupTimelineByYear<T extends { readonly date: string }>(items: readonly T[]): TimelineYear<T>[] {
  const sorted = [...items].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
  const years: { year: string; items: T[] }[] = [];
  for (const item of sorted) {
    const year = item.date.slice(0, 4);
    const last = years[years.length - 1];
    if (last && last.year === year) last.items.push(item);
    else years.push({ year, items: [item] });
  }
  return years;
}
