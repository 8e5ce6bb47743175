/**
 * What every use case is given: the store (repositories and transactions), a clock and the
 * actor. A use case names the repositories it uses (`Deps<'programs' | 'audit'>`), so that its
 * dependencies can be read off its signature and a test can pass fakes of just those
 * (src/testing/fakes/); the server and the CLI pass the whole store, which fits every use case.
 */
import type { Actor } from '../domain/access/actor.js';
import type { Repositories } from './repositories.js';

export type { Repositories } from './repositories.js';

export interface Clock {
  /** The current instant as ISO-8601 UTC. */
  nowIso(): string;
}

export const systemClock: Clock = { nowIso: () => new Date().toISOString() };

/**
 * What a cached answer depends on: each topic's counter is raised by every committed write to
 * its tables, in any process (db/data-version.ts).
 */
export const DATA_TOPICS = ['programs', 'participants', 'alumni', 'reports', 'offers', 'requests', 'partnerships'] as const;
export type DataTopic = (typeof DATA_TOPICS)[number];

/** Runs a use case's reads and writes in one transaction, committed only if `work` succeeds. */
export interface Store<R = Repositories> {
  readonly repos: R;
  transaction<T>(work: (repos: R) => Promise<T>): Promise<T>;
  /** Refreshes the planner's statistics after a large write (an import of many rows). */
  afterBulkWrite(): Promise<void>;
  /** The committed data versions of some topics, as one string that changes when any of them does. */
  dataVersions(topics: readonly DataTopic[]): Promise<string>;
  /** Resolves when the database answers; rejects (UnavailableError) when it is out of reach. */
  ping(): Promise<void>;
}

export interface ServiceDeps<R = Repositories> {
  readonly store: Store<R>;
  readonly clock: Clock;
  /** Who is asking: every use case authorises and audits against it. */
  readonly actor: Actor;
}

/** The same services acting for someone else (the server binds each request's actor). */
export function actingAs<R>(deps: ServiceDeps<R>, actor: Actor): ServiceDeps<R> {
  return { ...deps, actor };
}

/**
 * Runs several use cases as one transaction: the deps given to `work` share one transaction,
 * and their own transaction() calls join it.
 */
export async function inOneTransaction<T, R = Repositories>(deps: ServiceDeps<R>, work: (deps: ServiceDeps<R>) => Promise<T>): Promise<T> {
  return deps.store.transaction((repos) => {
    const joined: Store<R> = { ...deps.store, repos, transaction: (inner) => inner(repos) };
    return work({ ...deps, store: joined });
  });
}

/** The deps of a use case that uses only the repositories named. */
export type Deps<K extends keyof Repositories> = ServiceDeps<Repos<K>>;

/** The repositories named, as a use case's store or transaction gives them to its helpers. */
export type Repos<K extends keyof Repositories> = Pick<Repositories, K>;

/** Who acts, and the clock: what a helper needs of the deps besides repositories. */
export type Acting = Pick<ServiceDeps, 'clock' | 'actor'>;
