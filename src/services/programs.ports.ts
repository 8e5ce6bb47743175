/** Ports of the program use cases (services/programs.ts, lifecycle.ts, the imports); db/program.repo.ts implements them. */
import type { IatiDetails } from '../domain/iati/program-from-iati.js';
import type { Program, ProgramData } from '../domain/program/program.js';
import type { Page, ProgramFilter, ProgramListQuery } from '../domain/program/program-query.js';

/** One row of the program list: the fields a list shows, without the child collections. */
export type ProgramSummary = Pick<
  Program,
  | 'id'
  | 'identifier'
  | 'titleEn'
  | 'titleId'
  | 'modality'
  | 'flagshipArea'
  | 'cooperationType'
  | 'activityStatus'
  | 'lifecycleStage'
  | 'plannedStart'
  | 'plannedEnd'
  | 'actualStart'
  | 'actualEnd'
  | 'year'
  | 'venueCity'
  | 'venueCountry'
  | 'implementingOrg'
  | 'participantsPlanned'
  | 'illustrative'
  | 'updatedAt'
> & {
  /** The recipient countries' codes. */
  readonly recipients: readonly string[];
};

export type ProgramSort = ProgramListQuery['sort'];

/** What a transition writes: the stage, the status and actual dates that follow it (and the planned start, for the year). */
export type StageChange = Pick<ProgramData, 'lifecycleStage' | 'activityStatus' | 'actualStart' | 'actualEnd' | 'plannedStart'>;

export interface ProgramWrite {
  readonly data: ProgramData;
  readonly now: string;
  readonly source?: string;
  readonly importBatchId?: number | null;
  /** An IATI import's details of the program; left as stored when undefined. */
  readonly iatiDetails?: IatiDetails | null;
}

/** What an IATI import needs to know of a stored program with the same identifier. */
export type ProgramImportState = Pick<Program, 'id' | 'version'> & {
  /** "mitra" or "iati" (Program['source'], always stored). */
  readonly source: string;
  /** IatiDetails' fingerprint of the stored program, null when it has none. */
  readonly fingerprint: string | null;
};

/** What a participant import needs to know of a program the file names. */
export type ProgramImportTarget = Pick<Program, 'id' | 'implementingOrg'> & { recipients: string[] };

export interface ProgramRepository {
  findById(id: number): Promise<Program | undefined>;
  findByIdentifier(identifier: string): Promise<Program | undefined>;
  /** Whole programs in the order of the ids given (absent ids are skipped). */
  findManyByIds(ids: readonly number[]): Promise<Program[]>;
  /** Ids of the given identifiers that exist (for bulk checks). */
  idsByIdentifier(identifiers: readonly string[]): Promise<Map<string, number>>;
  list(filter: ProgramFilter, sort: ProgramSort, page: number, pageSize: number): Promise<Page<ProgramSummary>>;
  /** The ids of every program of a filter, in the list's order (exports read them in chunks). */
  idsInOrder(filter: ProgramFilter, sort: ProgramSort): Promise<number[]>;
  insert(write: ProgramWrite): Promise<number>;
  /** Inserts many new programs at once; returns their ids by identifier. */
  insertMany(writes: readonly ProgramWrite[]): Promise<Map<string, number>>;
  /** Id, version, source and IATI fingerprint of the given identifiers that exist. */
  importStates(identifiers: readonly string[]): Promise<Map<string, ProgramImportState>>;
  /** Ids and recipient countries of the given identifiers that exist (for participant imports). */
  importTargets(identifiers: readonly string[]): Promise<Map<string, ProgramImportTarget>>;
  /** Replaces the program's data if its version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, write: ProgramWrite): Promise<boolean>;
  /**
   * Moves the program to a lifecycle stage with the status and actual dates that follow it, if its
   * version is still `expectedVersion` (the planned start is given for the program's year).
   */
  setStage(id: number, expectedVersion: number, change: StageChange, now: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  count(): Promise<number>;
}
