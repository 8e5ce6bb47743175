/** Conversions that keep both engines' answers the same shape, and small query helpers. */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.js';

/** PostgreSQL returns NUMERIC and some aggregates as strings, SQLite as numbers. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`not a number from the database: ${String(value)}`);
  return n;
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function bool(value: number | boolean | null): boolean {
  return value === true || value === 1;
}

/** A LIKE pattern for "contains", lower-cased, with %, _ and \ escaped (use `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Inserts rows in chunks that stay below SQLite's bound-parameter limit (32,766) and
 * PostgreSQL's (65,535).
 */
export async function insertInChunks<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot narrow a generic table's insert type; rows are typed by the caller's T.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

/** True for a unique-constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
