/**
 * Money amounts are exact decimals. They travel as strings ("1250000.50") and are stored as
 * integers in hundredths of the currency unit, so that SQL sums are exact on both engines.
 */

export const AMOUNT_SCALE = 100;
/** Largest amount accepted: keeps hundredths within JavaScript's exact integer range with room for sums. */
export const MAX_AMOUNT = 1_000_000_000_000; // 1e12 units (a trillion rupiah is 1e12)

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses "1250000", "1250000.5" or 1250000.5 to hundredths; undefined when not a valid amount. */
export function parseAmountToMinor(value: string | number): number | undefined {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  if (text === undefined) return undefined;
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const units = Number(match[2]);
  if (units > MAX_AMOUNT) return undefined;
  const cents = Number((match[3] ?? '').padEnd(2, '0'));
  const minor = units * AMOUNT_SCALE + cents;
  return match[1] ? -minor : minor;
}

function numberToPlainString(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  // toFixed avoids exponent notation; more than two decimals are refused, not rounded.
  const fixed = value.toFixed(2);
  return Number(fixed) === value ? fixed.replace(/\.00$/, '') : String(value);
}

/** Formats hundredths as a plain decimal string with two decimals: 125000050 → "1250000.50". */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const units = Math.floor(abs / AMOUNT_SCALE);
  const cents = String(abs % AMOUNT_SCALE).padStart(2, '0');
  return `${sign}${units}.${cents}`;
}
