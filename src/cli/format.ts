/** Plain-text tables and figures for the terminal. */
import { formatMinor } from '../domain/money.js';

export function table(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length))));
  const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => fit(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A decimal string of hundredths with thousands separators: 547200000000 → "5,472,000,000.00". */
export function money(minor: number): string {
  const [units, cents] = formatMinor(minor).split('.');
  return `${(units ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
