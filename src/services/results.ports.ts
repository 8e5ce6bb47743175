/** Ports of results frameworks (services/results.ts); db/result.repo.ts implements them. */
import type { Framework } from '../domain/results/framework.js';

export interface StoredFramework {
  readonly programId: number;
  readonly framework: Framework;
  /** 0 when the program has no framework yet. */
  readonly version: number;
  readonly updatedAt: string | null;
}

export interface ResultRepository {
  /** The program's framework (an empty one at version 0 when none is stored). */
  get(programId: number): Promise<StoredFramework>;
  /** The frameworks of many programs (those that have one). */
  getMany(programIds: readonly number[]): Promise<Map<number, Framework>>;
  /** The programs that have a framework with at least one result. */
  programIds(): Promise<number[]>;
  /** Writes the framework when the stored version is still `expectedVersion`; false when it moved on. */
  save(programId: number, expectedVersion: number, framework: Framework, now: string, userId: number | null): Promise<boolean>;
}
