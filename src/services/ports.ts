/**
 * What the use cases need from the outside world. src/db implements the repositories;
 * tests may pass fakes. Repositories return `undefined` for "absent"; services decide whether
 * that is an error.
 */
import type { Activity, ActivityData } from '../domain/activity/activity.js';
import type { ActivityFilter, ActivitySortKey, Page } from '../domain/activity/activity-query.js';
import type {
  ActivityStatus,
  CooperationType,
  FlagshipArea,
  LifecycleStage,
  Modality,
} from '../domain/codes.js';
import type { Organisation, OrganisationData } from '../domain/organisation/organisation.js';
import type { Participant, ParticipantData } from '../domain/participant/participant.js';
import type { SpendingGroup, SummaryAggregates } from '../domain/report/summary.js';
import type { ExchangeRate } from '../domain/exchange-rate.js';
import type { GroupCode } from '../domain/reference/types.js';

export interface Clock {
  /** The current instant as ISO-8601 UTC. */
  nowIso(): string;
}

export const systemClock: Clock = { nowIso: () => new Date().toISOString() };

/** One row of the program list: the fields a list shows, without the child collections. */
export interface ActivitySummary {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly modality: Modality | null;
  readonly flagshipArea: FlagshipArea | null;
  readonly cooperationType: CooperationType;
  readonly activityStatus: ActivityStatus;
  readonly lifecycleStage: LifecycleStage;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly year: number | null;
  readonly venueCity: string | null;
  readonly venueCountry: string | null;
  readonly implementingOrg: string | null;
  readonly participantsPlanned: number | null;
  readonly illustrative: boolean;
  readonly recipients: readonly string[];
  readonly updatedAt: string;
}

export interface ActivityWrite {
  readonly data: ActivityData;
  readonly now: string;
  readonly source?: string;
  readonly importBatchId?: number | null;
}

export interface ActivityRepository {
  findById(id: number): Promise<Activity | undefined>;
  findByIdentifier(identifier: string): Promise<Activity | undefined>;
  /** Whole programs in the order of the ids given (absent ids are skipped). */
  findManyByIds(ids: readonly number[]): Promise<Activity[]>;
  /** Ids of the given identifiers that exist (for bulk checks). */
  idsByIdentifier(identifiers: readonly string[]): Promise<Map<string, number>>;
  list(filter: ActivityFilter, sort: { key: ActivitySortKey; desc: boolean }, page: number, pageSize: number): Promise<Page<ActivitySummary>>;
  insert(write: ActivityWrite): Promise<number>;
  /** Inserts many new programs at once; returns their ids by identifier. */
  insertMany(writes: readonly ActivityWrite[]): Promise<Map<string, number>>;
  /** Ids and recipient countries of the given identifiers that exist (for participant imports). */
  importTargets(identifiers: readonly string[]): Promise<Map<string, { id: number; recipients: string[] }>>;
  /** Replaces the program's data if its version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, write: ActivityWrite): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  count(): Promise<number>;
}

export interface OrganisationRepository {
  findByCode(code: string): Promise<Organisation | undefined>;
  /** By code, acronym or English/Indonesian name, case-insensitively (a code match first). */
  findByName(text: string): Promise<Organisation | undefined>;
  /** The stored codes (as stored) of those given, matched case-insensitively. */
  existingCodes(codes: readonly string[]): Promise<Map<string, string>>;
  list(filter: { kind?: string; q?: string }): Promise<Organisation[]>;
  insert(data: OrganisationData, now: string): Promise<number>;
  update(code: string, data: OrganisationData, now: string): Promise<boolean>;
  delete(code: string): Promise<boolean>;
  /** How many programs name the organisation (as implementer or partner). */
  usageCount(code: string): Promise<number>;
}

export interface ParticipantWrite {
  readonly data: ParticipantData;
  readonly personKey: string;
  readonly now: string;
  readonly importBatchId?: number | null;
}

export interface ParticipantRepository {
  findById(id: number): Promise<Participant | undefined>;
  findByPersonKey(activityId: number, personKey: string): Promise<Participant | undefined>;
  listByActivity(activityId: number): Promise<Participant[]>;
  countByActivity(activityId: number): Promise<number>;
  /** The distinct countries the program's participants come from. */
  countriesOf(activityId: number): Promise<string[]>;
  insert(activityId: number, write: ParticipantWrite): Promise<number>;
  /** Inserts new participants and updates those already there (same program and person key). */
  upsertMany(rows: readonly { activityId: number; write: ParticipantWrite }[]): Promise<void>;
  /** Existing participants by "activityId|personKey", with the import batch that last wrote them. */
  findKeys(pairs: readonly { activityId: number; personKey: string }[]): Promise<Map<string, { id: number; importBatchId: number | null }>>;
  update(id: number, write: ParticipantWrite): Promise<boolean>;
  delete(id: number): Promise<boolean>;
}

/** Participants per program and country, derived on every write (report/participant-allocation.ts). */
export interface ReportFactRepository {
  /** Recomputes the counts of these programs from their records or recorded totals. */
  refresh(activityIds: readonly number[]): Promise<void>;
}

export interface YearAggregates {
  readonly year: number;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  readonly spending: readonly SpendingGroup[];
}

export interface ReportRepository {
  /** `groupings`: the member countries of each grouping to count (membership of that year). */
  summary(year: number, groupings: readonly { group: GroupCode; members: readonly string[] }[]): Promise<SummaryAggregates>;
  years(): Promise<YearAggregates[]>;
}

export interface ImportBatch {
  readonly id: number;
  readonly kind: string;
  readonly sourceName: string;
  readonly sha256: string | null;
  readonly rowsTotal: number;
  readonly rowsInserted: number;
  readonly rowsUpdated: number;
  readonly rowsRejected: number;
  /** running, committed, rejected, dry_run, failed */
  readonly status: string;
  readonly details: unknown;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly userId: number | null;
}

export interface ImportBatchResult {
  readonly status: 'committed' | 'rejected' | 'dry_run' | 'failed';
  readonly sha256: string | null;
  readonly rowsTotal: number;
  readonly rowsInserted: number;
  readonly rowsUpdated: number;
  readonly rowsRejected: number;
  readonly details: unknown;
  readonly finishedAt: string;
}

export interface ImportBatchRepository {
  start(kind: string, sourceName: string, now: string, userId?: number | null): Promise<number>;
  finish(id: number, result: ImportBatchResult): Promise<void>;
  findById(id: number): Promise<ImportBatch | undefined>;
  list(limit: number): Promise<ImportBatch[]>;
}

export interface ExchangeRateRepository {
  upsert(rates: readonly ExchangeRate[]): Promise<{ inserted: number; updated: number }>;
  list(filter: { currency?: string }): Promise<ExchangeRate[]>;
}

/** A source of records (a CSV file being read): line numbers are the file's. */
export interface RecordSource {
  readonly name: string;
  readonly batches: AsyncIterable<readonly { readonly line: number; readonly fields: readonly string[] }[]>;
  /** The sha256 of the bytes, once the batches are consumed. */
  sha256(): string | null;
}

export interface Repositories {
  readonly activities: ActivityRepository;
  readonly organisations: OrganisationRepository;
  readonly participants: ParticipantRepository;
  readonly reportFacts: ReportFactRepository;
  readonly reports: ReportRepository;
  readonly importBatches: ImportBatchRepository;
  readonly exchangeRates: ExchangeRateRepository;
}

/** Runs a use case's reads and writes in one transaction, committed only if `work` succeeds. */
export interface Store {
  readonly repos: Repositories;
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Refreshes the planner's statistics after a large write (an import of many rows). */
  afterBulkWrite(): Promise<void>;
}

export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
}

/**
 * Runs several use cases as one transaction: the deps given to `work` share one transaction,
 * and their own transaction() calls join it.
 */
export async function inOneTransaction<T>(deps: ServiceDeps, work: (deps: ServiceDeps) => Promise<T>): Promise<T> {
  return deps.store.transaction((repos) => {
    const joined: Store = { repos, transaction: (inner) => inner(repos), afterBulkWrite: deps.store.afterBulkWrite };
    return work({ ...deps, store: joined });
  });
}
