/**
 * "Contains" searches of the lists (issue 19), three characters or more (SEARCH_MIN_LENGTH), in
 * the two forms a query may take: the set of rows a trigram index finds (SQLite's FTS5 trigram
 * table; PostgreSQL's pg_trgm GIN index over the expression `pgText`, LIKE rechecked on the
 * text), or the same test made on each row met (which no index serves).
 *
 * Reading a common word's set costs milliseconds to tens of milliseconds, while checking the text
 * on the rows met in a page's order costs nothing when one row in three has it (and a full scan
 * when one in ten thousand does); the planners cannot tell the two apart (they guess a text is
 * rare). So a repository counts both sides once per data version and reads the set only when
 * it is small beside what the other filters leave (`preferSet`).
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema.js';
import { isPostgres, likePattern } from './sql-helpers.js';

/** The set is read when it is at most a quarter of what the other filters leave. */
const TEXT_SET_RATIO = 4;

export interface TextSearch {
  /** The rows the trigram index finds. */
  readonly asSet: Expression<SqlBool>;
  /** The same test on the row at hand. */
  readonly byRow: Expression<SqlBool>;
}

export interface TextSearchTarget {
  /** PostgreSQL: the expression of the trigram index, exactly as the migration wrote it. */
  readonly pgText: RawBuilder<unknown>;
  /** SQLite: the FTS5 trigram table over the rows, and the row's id column it is keyed by. */
  readonly fts: { readonly table: 'activities_fts' | 'participants_fts'; readonly id: string };
  /** SQLite: the columns the FTS5 table indexes, as the query names them. */
  readonly columns: readonly string[];
}

export function textSearch(db: Kysely<Database>, target: TextSearchTarget, q: string): TextSearch {
  const pattern = likePattern(q);
  if (isPostgres(db)) {
    return {
      asSet: sql<SqlBool>`${target.pgText} like ${pattern} escape '\\'`,
      // strpos() is the same test, which the trigram index does not serve.
      byRow: sql<SqlBool>`strpos(${target.pgText}, ${q.toLowerCase()}) > 0`,
    };
  }
  const table = sql.raw(target.fts.table);
  // An FTS5 phrase of trigrams is a substring (quotes doubled inside the phrase).
  const phrase = `"${q.replace(/"/g, '""')}"`;
  return {
    asSet: sql<SqlBool>`${sql.ref(target.fts.id)} in (select f.rowid from ${table} f where ${table} match ${phrase})`,
    byRow: sql<SqlBool>`(${sql.join(
      target.columns.map((c) => sql`${sql.ref(c)} like ${pattern} escape '\\'`),
      sql` or `,
    )})`,
  };
}

/** Whether the set of `matching` rows is worth reading rather than checking `left` rows one by one. */
export function preferSet(matching: number, left: number): boolean {
  return matching * TEXT_SET_RATIO <= left;
}
