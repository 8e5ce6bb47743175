/**
 * The fast tier's store and deps: in-memory repositories behind the same ports the database
 * implements, a fixed clock and an actor per role, so a service unit test runs without a
 * database (src/services/*.test.ts, `npm run test:fast`).
 */
import { ANONYMOUS, systemActor, type Actor, type Role, type UserActor } from '../../domain/access/actor.js';
import type { Clock, ServiceDeps, Store } from '../../services/deps.js';

/** A clock that always says `iso` (the default is the integration tests' day too). */
export const fixedClock = (iso = '2026-11-28T09:00:00.000Z'): Clock => ({ nowIso: () => iso });

/**
 * A store over in-memory repositories. `transaction` runs the work on the same repositories:
 * fakes do not roll back, so a unit test checks that a use case refuses before it writes, and
 * never relies on a rollback undoing earlier writes (the *.int.test.ts cover transactions).
 */
export function fakeStore<R>(repos: R): Store<R> {
  return {
    repos,
    transaction: (work) => work(repos),
    afterBulkWrite: async () => {},
    dataVersions: async () => 'fake',
    ping: async () => {},
  };
}

/** The deps of a use case over these repositories, for this actor, at this clock. */
export function fakeDeps<R>(repos: R, actor: Actor, clock: Clock = fixedClock()): ServiceDeps<R> {
  return { store: fakeStore(repos), clock, actor };
}

/** A signed-in user of a role (and organisation, for agencies, embassies and focal points). */
export function userActor(role: Role, orgCode: string | null = null, userId = 900): UserActor {
  return { kind: 'user', userId, role, orgCode, label: `${role}${orgCode ? `.${orgCode.toLowerCase()}` : ''}@mitra.test` };
}

/** One actor of each kind the policies tell apart (user ids from 901, apart from the fakes' own ids). */
export const actors = {
  admin: userActor('admin', null, 901),
  coordinator: userActor('coordinator', null, 902),
  viewer: userActor('viewer', null, 903),
  agency: (orgCode: string) => userActor('agency', orgCode, 904),
  embassy: (orgCode: string) => userActor('embassy', orgCode, 905),
  focalPoint: (orgCode: string) => userActor('focal_point', orgCode, 906),
  public: ANONYMOUS,
  system: systemActor('test'),
} as const;

/** The next id of an in-memory table. */
export class Ids {
  private last = 0;
  next(): number {
    return ++this.last;
  }
}
