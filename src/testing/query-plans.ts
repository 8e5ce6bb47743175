/**
 * Reads the plans of the queries a use case runs, on either engine, and names what a list must
 * not do: read a large table whole (a full scan), or sort the whole of it for a page.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Engine } from '../db/connection.js';
import type { Database } from '../db/schema.js';

export interface PlanCheck {
  /** Names a large table appears under in the plans: its own name and the aliases the queries give it. */
  readonly large: readonly string[];
}

/** The plan as text lines (SQLite's EXPLAIN QUERY PLAN details; PostgreSQL's plan nodes). */
export async function planOf(db: Kysely<Database>, engine: Engine, query: CompiledQuery): Promise<string[]> {
  if (engine === 'sqlite') {
    const result = await db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
    return result.rows.map((r) => r.detail);
  }
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `explain (costs off) ${query.sql}` });
  return result.rows.map((r) => r['QUERY PLAN']);
}

/**
 * What is wrong with a query's plan, as sentences (empty when nothing is):
 * - SQLite: `SCAN x` of a large table without an index (a full scan), or an ordered index scan
 *   of the whole table followed by a sort (`USE TEMP B-TREE FOR ORDER BY`);
 * - PostgreSQL: `Seq Scan on` a large table, or a Sort above a scan of a large table that has
 *   no index condition (a whole-table sort).
 * A search of an index (SQLite `SEARCH`, PostgreSQL an index scan with a condition) followed by
 * a sort of what it found is allowed: that sorts a selection, not the table.
 */
export async function planProblems(db: Kysely<Database>, engine: Engine, query: CompiledQuery, check: PlanCheck): Promise<string[]> {
  return engine === 'sqlite' ? sqliteProblems(await planOf(db, engine, query), check) : postgresProblems(db, query, check);
}

function sqliteProblems(lines: string[], check: PlanCheck): string[] {
  const problems: string[] = [];
  let wholeOrderedScan = false;
  for (const line of lines) {
    const scan = /^SCAN (\S+)(.*)$/.exec(line);
    if (!scan || !check.large.includes(scan[1] as string)) continue;
    const rest = scan[2] ?? '';
    if (/VIRTUAL TABLE/.test(rest)) continue;
    if (!/USING/.test(rest)) problems.push(`full scan: ${line}`);
    else wholeOrderedScan = true;
  }
  if (wholeOrderedScan && lines.some((l) => /USE TEMP B-TREE FOR ORDER BY/.test(l)))
    problems.push(`whole-table sort: ${lines.join(' | ')}`);
  return problems;
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PgNode[];
}

async function postgresProblems(db: Kysely<Database>, query: CompiledQuery, check: PlanCheck): Promise<string[]> {
  const result = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PgNode }] }>({
    ...query,
    sql: `explain (costs off, format json) ${query.sql}`,
  });
  const root = (result.rows[0]?.['QUERY PLAN'] as [{ Plan: PgNode }])[0].Plan;
  const problems: string[] = [];
  const isLarge = (n: PgNode) => check.large.includes(n['Relation Name'] ?? '') || check.large.includes(n.Alias ?? '');
  const unconditionedScan = (n: PgNode): boolean =>
    (isLarge(n) && /Index (Only )?Scan/.test(n['Node Type']) && !n['Index Cond']) || (n.Plans ?? []).some(unconditionedScan);
  const walk = (n: PgNode) => {
    if (n['Node Type'] === 'Seq Scan' && isLarge(n)) problems.push(`full scan: Seq Scan on ${n['Relation Name']} ${n.Alias ?? ''}`);
    if (n['Node Type'] === 'Sort' && (n.Plans ?? []).some(unconditionedScan))
      problems.push('whole-table sort: a Sort above an unconditioned scan of a large table');
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(root);
  return problems;
}

/** Fresh planner statistics, as after an import (`afterBulkWrite`) on a live system. */
export async function analyze(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
