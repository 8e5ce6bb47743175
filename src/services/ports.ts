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
  /** Ids of the given identifiers that exist (for bulk checks). */
  idsByIdentifier(identifiers: readonly string[]): Promise<Map<string, number>>;
  list(filter: ActivityFilter, sort: { key: ActivitySortKey; desc: boolean }, page: number, pageSize: number): Promise<Page<ActivitySummary>>;
  insert(write: ActivityWrite): Promise<number>;
  /** Replaces the program's data if its version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, write: ActivityWrite): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  count(): Promise<number>;
}

export interface OrganisationRepository {
  findByCode(code: string): Promise<Organisation | undefined>;
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
  update(id: number, write: ParticipantWrite): Promise<boolean>;
  delete(id: number): Promise<boolean>;
}

export interface Repositories {
  readonly activities: ActivityRepository;
  readonly organisations: OrganisationRepository;
  readonly participants: ParticipantRepository;
}

/** Runs a use case's reads and writes in one transaction, committed only if `work` succeeds. */
export interface Store {
  readonly repos: Repositories;
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
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
    const joined: Store = { repos, transaction: (inner) => inner(repos) };
    return work({ ...deps, store: joined });
  });
}
