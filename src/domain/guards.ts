/**
 * Narrowing without casts: a value checked against a list of literals, an unknown value that is
 * a plain object, and the keys of a record typed by its own keys.
 */

/** True when `value` is one of `values` (a `const` list of codes), which narrows it to them. */
export function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return values.some((v) => v === value);
}

/** True for an object that is neither null nor an array (parsed JSON, a request body). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of a record written out with exactly its keys (a literal or a generated table). */
export function keysOf<K extends string>(record: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(record) as K[]; // Object.keys says string[] because an object may have more keys than its type; these have none
}
