/**
 * Data versions: one counter per topic, raised by database triggers in the transaction of every
 * write to the topic's tables (migration `20261207090000_list_indexes`). A process may keep an
 * answer computed from the data as long as the counters it read before computing it are
 * unchanged: a write in any process (or by hand in SQL) raises them at its commit, so the next
 * read anywhere sees the change.
 *
 * Why reading the counters first is enough: the counters are read before the data, by a
 * statement that sees every write committed before it, so an answer kept under a version is
 * never older than that version (it may be newer, which only costs a needless recomputation).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DataTopic } from '../services/deps.js';
import type { Database } from './schema.js';
import { num } from './sql-helpers.js';

/** The counters of some topics, as one string ("programs:12,reports:3"), for cache keys and ETags. */
export async function readDataVersions(db: Kysely<Database>, topics: readonly DataTopic[]): Promise<string> {
  const rows = await db
    .selectFrom('data_versions')
    .select(['topic', 'version'])
    .where('topic', 'in', [...topics])
    .execute();
  const byTopic = new Map(rows.map((r) => [r.topic, num(r.version)]));
  return topics.map((t) => `${t}:${byTopic.get(t) ?? 0}`).join(',');
}

/**
 * Counts kept against the data versions of their topics, so that a list's total costs one read
 * of the counters while nothing changed. Not used inside a transaction: a count there may see
 * writes that are not committed (and may never be).
 */
export class CountCache {
  private readonly entries = new Map<string, { readonly versions: string; readonly count: number }>();

  constructor(private readonly maxEntries = 2000) {}

  /**
   * The count of `query`, kept while the topics' versions are unchanged. `read`: the versions a
   * caller already read for this request (one read serves all of its counts).
   */
  async count<DB, TB extends keyof DB>(
    db: Kysely<Database>,
    topics: readonly DataTopic[],
    query: SelectQueryBuilder<DB, TB, { n: unknown }>,
    read?: string,
  ): Promise<number> {
    if (db.isTransaction) return num((await query.executeTakeFirstOrThrow()).n);
    const versions = read ?? (await readDataVersions(db, topics));
    const compiled = query.compile();
    const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.versions === versions) {
      this.entries.set(key, hit);
      return hit.count;
    }
    const count = num((await query.executeTakeFirstOrThrow()).n);
    this.entries.set(key, { versions, count });
    // Least recently used first: a Map iterates in insertion order, and a hit is re-inserted above.
    const oldest = this.entries.keys().next();
    if (this.entries.size > this.maxEntries && !oldest.done) this.entries.delete(oldest.value);
    return count;
  }
}
