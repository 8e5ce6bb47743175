/** Results frameworks: one JSON document per program (migration 20261212100000_results). */
import type { Kysely } from 'kysely';
import { EMPTY_FRAMEWORK, parseStoredFramework, type Framework } from '../domain/results/framework.js';
import type { ResultRepository, StoredFramework } from '../services/results.ports.js';
import { num } from './sql-helpers.js';
import type { Database } from './schema.js';

export class ResultRepo implements ResultRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(programId: number): Promise<StoredFramework> {
    const row = await this.db.selectFrom('activity_results').selectAll().where('activity_id', '=', programId).executeTakeFirst();
    if (!row) return { programId, framework: EMPTY_FRAMEWORK, version: 0, updatedAt: null };
    return { programId, framework: parseStoredFramework(row.framework), version: num(row.version), updatedAt: row.updated_at };
  }

  async getMany(programIds: readonly number[]): Promise<Map<number, Framework>> {
    const out = new Map<number, Framework>();
    for (let i = 0; i < programIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('activity_results')
        .select(['activity_id', 'framework'])
        .where('activity_id', 'in', programIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(num(r.activity_id), parseStoredFramework(r.framework));
    }
    return out;
  }

  async programIds(): Promise<number[]> {
    // An emptied framework keeps its row (and version) with no results: '{"results":[],...'.
    const rows = await this.db
      .selectFrom('activity_results')
      .select('activity_id')
      .where('framework', 'not like', '{"results":[]%')
      .orderBy('activity_id')
      .execute();
    return rows.map((r) => num(r.activity_id));
  }

  async save(programId: number, expectedVersion: number, framework: Framework, now: string, userId: number | null): Promise<boolean> {
    const json = JSON.stringify(framework);
    if (expectedVersion === 0) {
      // The first write: of two concurrent first writes, the second inserts nothing.
      const inserted = await this.db
        .insertInto('activity_results')
        .values({ activity_id: programId, framework: json, version: 1, updated_at: now, updated_by: userId })
        .onConflict((oc) => oc.column('activity_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    const result = await this.db
      .updateTable('activity_results')
      .set({ framework: json, version: expectedVersion + 1, updated_at: now, updated_by: userId })
      .where('activity_id', '=', programId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
