/** Conversions that keep both engines' answers the same shape, and small query helpers. */
import {
  PostgresAdapter,
  sql,
  type Insertable,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { Page } from '../domain/program/program-query.js';
import { yearlyNumber, yearlyReference } from '../domain/yearly-reference.js';
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

/**
 * What a repository has just written or checked (a row read back in the same transaction, an id
 * it inserted, an organisation it looked up): absent, it is a bug, not a user error.
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing just after it was written or checked`);
  return value;
}

export function bool(value: number | boolean | null): boolean {
  return value === true || value === 1;
}

/** A LIKE pattern for "contains", lower-cased, with %, _ and \ escaped (use `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The conditions joined with AND (true when there are none). */
export function allOf(conditions: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`1 = 1`;
}

/** A list's query in its order, before its LIMIT and OFFSET (a Kysely select query fits). */
interface PagedQuery<Row> {
  limit(limit: number): { offset(offset: number): { execute(): Promise<Row[]> } };
}

/** The count of what the list's filter matches: `select count(*) as n … where` the same conditions. */
interface CountQuery {
  executeTakeFirst(): Promise<{ n: unknown } | undefined>;
}

/** One page of a list and the count of all it holds, read at once; `toItems` turns the page's rows into items. */
export async function pageOf<Row, Item>(
  rows: PagedQuery<Row>,
  count: CountQuery,
  page: number,
  pageSize: number,
  toItems: (rows: Row[]) => Item[] | Promise<Item[]>,
): Promise<Page<Item>> {
  const [found, total] = await Promise.all([
    rows
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    count.executeTakeFirst(),
  ]);
  return { items: await toItems(found), total: num(total?.n), page, pageSize };
}

/** Child rows by their parent's id, each list in the order read (a page of records takes one query per child table). */
export function groupByParent<R, V>(rows: readonly R[], parentId: (r: R) => number, value: (r: R) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const r of rows) {
    const list = groups.get(parentId(r));
    if (list) list.push(value(r));
    else groups.set(parentId(r), [value(r)]);
  }
  return groups;
}

/** An organisation's id by its code, case-insensitively (served by the index on lower(code)). */
export async function organisationIdOf(db: Kysely<Database>, code: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where(sql<boolean>`lower(code) = ${code.toLowerCase()}`)
    .executeTakeFirst();
  return row?.id;
}

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Rows as one JSON parameter, read back as a table: `json_populate_recordset` (typed by the
 * table's own row type) on PostgreSQL, `json_each` on SQLite. A multi-row VALUES with thousands
 * of parameters costs PostgreSQL tens of milliseconds to parse and plan, and Kysely as much to
 * compile; one JSON parameter costs almost nothing on either side.
 */
export function jsonRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  columns: readonly string[],
  rows: readonly object[],
): RawBuilder<unknown> {
  const json = JSON.stringify(rows);
  if (isPostgres(db)) {
    return sql`select ${sql.join(columns.map((c) => sql.ref(c)))} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`;
  }
  // "where true": SQLite needs a WHERE before an upsert's ON CONFLICT to parse INSERT … SELECT.
  return sql`select ${sql.join(columns.map((c) => sql`json_extract(value, ${`$.${c}`}) as ${sql.ref(c)}`))} from json_each(${json}) where true`;
}

/** Rows per statement (one JSON parameter per statement). */
export const JSON_CHUNK_ROWS = 5_000;

/**
 * Inserts many rows in as few statements as both engines allow: JSON_CHUNK_ROWS rows a statement,
 * as one JSON parameter (jsonRows). `finish` completes each statement (an upsert's ON CONFLICT, a
 * RETURNING); what the statements return is collected. Every row has the first row's columns.
 */
export async function insertJson<T extends keyof Database & string, O>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  finish: (insert: InsertQueryBuilder<Database, T, InsertResult>) => { execute(): Promise<O[]> },
): Promise<O[]> {
  const [first] = rows;
  if (!first) return [];
  const columns = Object.keys(first);
  const out: O[] = [];
  for (let i = 0; i < rows.length; i += JSON_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + JSON_CHUNK_ROWS);
    // Kysely cannot narrow a generic table's column list; the rows are typed by the caller's T.
    const insert = db
      .insertInto(table)
      .columns(columns as never)
      .expression(jsonRows(db, table, columns, chunk));
    out.push(...(await finish(insert).execute()));
  }
  return out;
}

/** Inserts many rows in as few statements as both engines allow (insertJson). */
export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  await insertJson(db, table, rows, (insert) => insert);
}

/**
 * The next PREFIX-YEAR-NNNN of a table's `reference` column. Two registrations at once would read
 * the same last number: on PostgreSQL the advisory lock `lockKey` (held to the end of the
 * transaction) makes the second wait; SQLite runs one write transaction at a time.
 */
export async function nextYearlyReference(
  db: Kysely<Database>,
  table: 'cooperation_requests' | 'agreements' | 'engagements',
  prefix: string,
  year: number,
  lockKey: number,
): Promise<string> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(${sql.lit(lockKey)})`.execute(db);
  const last = await db
    .selectFrom(table)
    .select('reference')
    .where('reference', 'like', `${prefix}-${year}-%`)
    .orderBy(sql`length(reference)`, 'desc')
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  return yearlyReference(prefix, year, (last ? (yearlyNumber(prefix, last.reference, year) ?? 0) : 0) + 1);
}
