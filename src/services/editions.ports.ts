/**
 * Ports of the frozen editions (services/editions.ts); db/edition.repo.ts and
 * db/edition-blockers.ts implement them. The figures and records of an edition can be inserted
 * and read, never updated or deleted: there is no method for it here, and the database's
 * triggers refuse it to any other code (migration 20261209100000_editions).
 */
import type { FrozenProgram } from '../domain/bundle/types.js';
import type { Sex } from '../domain/codes.js';
import type { Edition, EditionRound, EditionLang, EditionScope, FreezeBlocker, ProgramSnapshot } from '../domain/report/edition.js';
import type { EditionDifferences } from '../domain/report/edition-diff.js';
import type { AnnualSummary } from '../domain/report/summary.js';

/** An edition as the freeze writes it (status frozen, no publication, no narrative yet). */
export type NewEdition = Omit<
  Edition,
  'id' | 'status' | 'publishedAt' | 'publishedBy' | 'narrativeEn' | 'narrativeId' | 'narrativeUpdatedAt'
> & {
  readonly changes: EditionDifferences | null;
};

/** What the report counted of one program's participants: by recipient country, and of its records by sex. */
export interface ParticipantBreakdown {
  readonly byCountry: { country: string | null; participants: number }[];
  readonly bySex: Partial<Record<Sex, number>>;
}

export interface EditionRepository {
  /**
   * Makes the transaction's reads see one committed state (PostgreSQL: repeatable read; SQLite's
   * transaction already reads one state). Called first, before any other statement.
   */
  readOneSnapshot(): Promise<void>;
  /** Editions of a year (every year when absent), latest year and number first; `published`: those only. */
  list(options: { year?: number; publishedOnly: boolean }): Promise<Edition[]>;
  find(year: number, number: number): Promise<Edition | undefined>;
  /** The highest-numbered edition of a year. */
  latest(year: number): Promise<Edition | undefined>;
  insert(edition: NewEdition): Promise<Edition>;
  insertFigures(editionId: number, scope: EditionScope, summary: AnnualSummary): Promise<void>;
  /** Inserts the records in batches (a year may have 100,000 programs). */
  insertRecords(editionId: number, records: readonly ProgramSnapshot[]): Promise<void>;
  figures(editionId: number, scope: EditionScope): Promise<AnnualSummary | undefined>;
  records(editionId: number): Promise<ProgramSnapshot[]>;
  /** The year's programs as they are now, in the shape an edition keeps them (a few batch reads). */
  liveRecords(year: number): Promise<ProgramSnapshot[]>;
  /**
   * What the report counted of each program's participants, for the whole records an edition
   * freezes: by recipient country (the report's country facts) and, of participant records
   * counted for a recipient country, by sex.
   */
  participantBreakdown(ids: readonly number[]): Promise<Map<number, ParticipantBreakdown>>;
  /** The day of each program's last approval (its last `approve` transition), for those approved in Mitra. */
  approvalDays(ids: readonly number[]): Promise<Map<number, string>>;
  insertRounds(editionId: number, rounds: readonly EditionRound[]): Promise<void>;
  /** The year's rounds as they stood at the freeze, by round id. */
  rounds(editionId: number): Promise<EditionRound[]>;
  /** Inserts whole records (docs/bundle.md); never updated. */
  insertPrograms(editionId: number, programs: readonly FrozenProgram[]): Promise<void>;
  /** How many whole records an edition keeps (0 for an edition frozen before they were kept). */
  countPrograms(editionId: number): Promise<number>;
  /** The next whole records by program id, after `afterId`. */
  programsAfter(editionId: number, afterId: number, limit: number): Promise<FrozenProgram[]>;
  /** frozen → published; the trigger refuses any later change. */
  publish(editionId: number, at: string, byUserId: number | null, byLabel: string): Promise<void>;
  setNarrative(editionId: number, lang: EditionLang, text: string | null, at: string): Promise<void>;
}

/**
 * What stops a year from being frozen, beyond what the figures themselves show (the service adds
 * spending without an exchange rate). Collection rounds (issue 23) plug in here: an open round of
 * the year, an agency that has not confirmed its figures. A coordinator may freeze despite them,
 * with a reason, which the edition records.
 */
export interface FreezeBlockerRepository {
  blockers(year: number): Promise<FreezeBlocker[]>;
}
