/**
 * Ports of other providers' IATI data (services/import-iati.ts writes it, services/other-providers.ts
 * reads, deletes and promotes it); db/other-provider.repo.ts implements them.
 */
import type { ImportedActivity, ImportedActivityData, ImportedWarning } from '../domain/iati/imported-activity.js';

export interface IatiPublisher {
  readonly id: number;
  readonly key: string;
  readonly ref: string | null;
  readonly name: string | null;
}

export interface DatasetWrite {
  readonly fileName: string;
  readonly sha256: string | null;
  readonly iatiVersion: string | null;
  readonly generatedAt: string | null;
  readonly importedAt: string;
  readonly importedBy: number | null;
  readonly importBatchId: number | null;
  readonly refused: number;
}

export interface IatiDataset extends DatasetWrite {
  readonly id: number;
  readonly publisherId: number;
  readonly publisherRef: string | null;
  readonly publisherName: string | null;
  readonly activities: number;
  readonly warnings: number;
}

/** What an import knows of an identifier already stored. */
export interface ImportedState {
  readonly id: number;
  readonly datasetId: number;
  readonly publisherId: number;
  readonly fingerprint: string;
  readonly promotedProgramId: number | null;
  /** The rules it breaks, as stored. */
  readonly warnings: readonly ImportedWarning[];
}

/** An activity to store: as classified, with its dataset, publisher and fingerprint. */
export interface ImportedWrite {
  readonly activity: ImportedActivity;
  readonly datasetId: number;
  readonly publisherId: number;
  readonly fingerprint: string;
  /** The activity's record and warnings as JSON, serialised once. */
  readonly json: { readonly record: string; readonly warnings: string };
  readonly now: string;
}

export interface ImportedSummary {
  readonly id: number;
  readonly identifier: string;
  readonly title: string | null;
  readonly year: number | null;
  readonly activityStatus: number | null;
  readonly publisherId: number;
  readonly publisherRef: string | null;
  readonly publisherName: string | null;
  readonly datasetId: number;
  readonly fileName: string;
  readonly importedAt: string;
  readonly warningCount: number;
  readonly prefixOk: boolean;
  readonly promotedProgramId: number | null;
}

export interface ImportedDetail extends ImportedSummary {
  readonly line: number;
  readonly record: ImportedActivityData;
  readonly warnings: readonly ImportedWarning[];
  readonly sectors: readonly { vocabulary: string; code: string; percentage: number | null }[];
}

export interface ImportedListQuery {
  readonly publisherId?: number | undefined;
  readonly datasetId?: number | undefined;
  readonly country?: string | undefined;
  readonly year?: number | undefined;
  readonly q?: string | undefined;
  readonly withWarnings?: boolean | undefined;
  readonly page: number;
  readonly pageSize: number;
}

/** One group of a comparison: a provider's activities and money in a country and year, by currency. */
export interface ComparisonRow {
  readonly publisherId: number;
  readonly year: number;
  /** '' for the activity counts (starts). */
  readonly currency: string;
  readonly activities: number;
  readonly budgetMinor: number;
  readonly spendMinor: number;
}

export interface SectorComparisonRow {
  readonly publisherId: number;
  readonly vocabulary: string;
  readonly code: string;
  readonly activities: number;
}

export interface OtherProviderRepository {
  savePublisher(p: { key: string; ref: string | null; name: string | null }, now: string): Promise<number>;
  publishers(): Promise<IatiPublisher[]>;
  /** The publisher's dataset delivered as this file: same file name, or same content under another name. */
  findDataset(publisherId: number, fileName: string, sha256: string | null): Promise<IatiDataset | undefined>;
  createDataset(publisherId: number, d: DatasetWrite): Promise<number>;
  updateDataset(id: number, d: DatasetWrite): Promise<void>;
  /** Counts each dataset's activities and warnings again (after an import moved or added some). */
  recount(datasetIds: readonly number[]): Promise<void>;
  datasets(): Promise<IatiDataset[]>;
  dataset(id: number): Promise<IatiDataset | undefined>;
  /** Deletes a dataset and exactly its activities; returns how many activities went. */
  deleteDataset(id: number): Promise<number>;
  states(identifiers: readonly string[]): Promise<Map<string, ImportedState>>;
  insertMany(writes: readonly ImportedWrite[]): Promise<void>;
  /**
   * Brings the comparison totals up to date with the activities written (insertMany and
   * replaceMany add theirs in batches): called once the writes of an import are done.
   */
  settleTotals(): Promise<void>;
  /** Replaces stored activities (found by identifier) with new versions. */
  replaceMany(writes: readonly (ImportedWrite & { readonly id: number })[]): Promise<void>;
  /** Moves unchanged activities to the dataset that delivered them last. */
  move(ids: readonly number[], datasetId: number, publisherId: number, now: string): Promise<void>;
  list(query: ImportedListQuery): Promise<{ items: ImportedSummary[]; total: number }>;
  get(id: number): Promise<ImportedDetail | undefined>;
  /** Marks an activity promoted to an own program: its facts leave the comparisons (the program counts there). */
  markPromoted(id: number, programId: number): Promise<void>;
  compare(country: string, fromYear: number, toYear: number): Promise<ComparisonRow[]>;
  compareSectors(country: string, fromYear: number, toYear: number): Promise<SectorComparisonRow[]>;
}
