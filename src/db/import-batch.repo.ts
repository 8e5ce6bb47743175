import type { Kysely, Selectable } from 'kysely';
import type { ImportBatch, ImportBatchRepository, ImportBatchResult } from '../services/imports.ports.js';
import type { Database, ImportBatchesTable } from './schema.js';

function toBatch(r: Selectable<ImportBatchesTable>): ImportBatch {
  const details: unknown = r.details ? JSON.parse(r.details) : null;
  return {
    id: r.id,
    kind: r.kind,
    sourceName: r.source_name,
    sha256: r.sha256,
    rowsTotal: r.rows_total,
    rowsInserted: r.rows_inserted,
    rowsUpdated: r.rows_updated,
    rowsRejected: r.rows_rejected,
    status: r.status,
    details,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    userId: r.user_id,
  };
}

export class ImportBatchRepo implements ImportBatchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async start(kind: string, sourceName: string, now: string, userId: number | null = null, runner: string | null = null): Promise<number> {
    const row = await this.db
      .insertInto('import_batches')
      .values({
        kind,
        source_name: sourceName,
        status: 'running',
        started_at: now,
        user_id: userId,
        runner,
        rows_total: 0,
        rows_inserted: 0,
        rows_updated: 0,
        rows_rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async finish(id: number, result: ImportBatchResult): Promise<void> {
    await this.db
      .updateTable('import_batches')
      .set({
        status: result.status,
        sha256: result.sha256,
        rows_total: result.rowsTotal,
        rows_inserted: result.rowsInserted,
        rows_updated: result.rowsUpdated,
        rows_rejected: result.rowsRejected,
        details: JSON.stringify(result.details),
        finished_at: result.finishedAt,
      })
      .where('id', '=', id)
      .execute();
  }

  async running(): Promise<{ id: number; runner: string | null; startedAt: string }[]> {
    const rows = await this.db
      .selectFrom('import_batches')
      .select(['id', 'runner', 'started_at'])
      .where('status', '=', 'running')
      .execute();
    return rows.map((r) => ({ id: r.id, runner: r.runner, startedAt: r.started_at }));
  }

  async fail(ids: readonly number[], now: string, reason: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .updateTable('import_batches')
      .set({ status: 'failed', finished_at: now, details: JSON.stringify({ errorCount: 0, errors: [], warnings: [reason] }) })
      .where('id', 'in', ids)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async findById(id: number): Promise<ImportBatch | undefined> {
    const row = await this.db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toBatch(row) : undefined;
  }

  async list(limit: number): Promise<ImportBatch[]> {
    const rows = await this.db.selectFrom('import_batches').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toBatch);
  }
}
