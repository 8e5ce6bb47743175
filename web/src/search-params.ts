/** Reading a URL's search parameters, which hold strings (or numbers, once the router has read them) or anything a hand-edited link carries. */

/** Trimmed text of at most 200 characters; a number as its digits; nothing for an empty or other value. */
export const textParam = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : typeof v === 'number' ? String(v) : undefined;

/** A whole number from 1 to 99,999. */
export const intParam = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : undefined;
};

/** A calendar year from 1900 to 2200. */
export const yearParam = (v: unknown): number | undefined => {
  const n = intParam(v);
  return n && n >= 1900 && n <= 2200 ? n : undefined;
};

/** The value when it is one of `list` (a closed list of words), else undefined. */
export const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined => list.find((x) => x === value);

/**
 * A code of a closed set from a link: `parse` resolves the code itself or a word for it (a code
 * set's `parse` takes its English and Indonesian labels too, as the API does), else undefined.
 */
export const codeParam = <C extends string>(v: unknown, parse: (value: string) => C | undefined): C | undefined => {
  const s = textParam(v);
  return s === undefined ? undefined : parse(s);
};

/** The same object without its undefined entries, so that links carry no empty parameters. */
export function withoutUndefined<T extends object>(o: T): T {
  const out = { ...o };
  for (const [key, value] of Object.entries(out)) if (value === undefined) Reflect.deleteProperty(out, key);
  return out;
}
