/**
 * Ports of the imports (services/imports.ts and the import-*.ts bodies): the batches recorded
 * and the files read; db/import-batch.repo.ts and io/csv-read.ts implement them.
 */
/** What an import batch counted, whatever its outcome. */
export interface ImportBatchCounts {
  readonly sha256: string | null;
  readonly rowsTotal: number;
  readonly rowsInserted: number;
  readonly rowsUpdated: number;
  readonly rowsRejected: number;
  readonly details: unknown;
}

export interface ImportBatch extends ImportBatchCounts {
  readonly id: number;
  readonly kind: string;
  readonly sourceName: string;
  /** running, committed, rejected, dry_run, failed */
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly userId: number | null;
}

export interface ImportBatchResult extends ImportBatchCounts {
  readonly status: 'committed' | 'rejected' | 'dry_run' | 'failed';
  readonly finishedAt: string;
}

export interface ImportBatchRepository {
  /** `runner`: "host:pid" of the process running the import. */
  start(kind: string, sourceName: string, now: string, userId?: number | null, runner?: string | null): Promise<number>;
  /** The batches still `running`, with their runner and start. */
  running(): Promise<{ id: number; runner: string | null; startedAt: string }[]>;
  /** Marks running batches `failed` (a batch no longer running is left as it is), saying why. */
  fail(ids: readonly number[], now: string, reason: string): Promise<number>;
  finish(id: number, result: ImportBatchResult): Promise<void>;
  findById(id: number): Promise<ImportBatch | undefined>;
  list(limit: number): Promise<ImportBatch[]>;
}

/** A source of records (a CSV file being read): line numbers are the file's. */
export interface RecordSource {
  readonly name: string;
  readonly batches: AsyncIterable<readonly { readonly line: number; readonly fields: readonly string[] }[]>;
  /** The sha256 of the bytes, once the batches are consumed. */
  sha256(): string | null;
}
