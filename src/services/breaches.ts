/**
 * The breach log (UU PDP, UU No. 27/2022, Art. 46; docs/privacy.md): the coordination team
 * records a failure of personal data protection when it is discovered, and then when the data
 * subjects and the authority were notified in writing. Each breach carries its 3 × 24-hour clock
 * (deadline, overdue) computed at the service's clock. Every write is audited; a change names
 * the version it saw (If-Match) and a stale one is refused.
 */
import { authorizeDataProtection } from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { breachClock, type Breach, type BreachChange, type BreachClock, type BreachInput } from '../domain/personal-data/breach.js';
import { actorLabel } from '../domain/access/actor.js';
import { audit } from './audit.js';
import type { Deps } from './deps.js';
import type { BreachWrite } from './personal-data.ports.js';
import { readBack } from './read-back.js';

export type BreachDeps = Deps<'breaches' | 'audit'>;

export interface BreachWithClock extends Breach {
  readonly clock: BreachClock;
}

const withClock = (b: Breach, now: string): BreachWithClock => ({ ...b, clock: breachClock(b, now) });

const notFound = (id: number) => new NotFoundError('data_breach.not_found', `no breach with id ${id}`);

function writeOf(b: Breach): BreachWrite {
  const { id: _id, createdAt: _c, createdBy: _by, updatedAt: _u, version: _v, ...rest } = b;
  return rest;
}

/** What the audit log compares: the breach's fields without its bookkeeping. */
const plain = (b: Breach) => ({ ...writeOf(b), categories: [...b.categories] });

export async function recordBreach(deps: BreachDeps, input: BreachInput): Promise<BreachWithClock> {
  authorizeDataProtection(deps.actor);
  return deps.store.transaction(async (repos) => {
    const now = deps.clock.nowIso();
    const write: BreachWrite = { ...input, subjectsNotifiedAt: null, authorityNotifiedAt: null, notificationNote: null, closedAt: null };
    const id = await repos.breaches.insert(write, actorLabel(deps.actor), now);
    const created = readBack(await repos.breaches.findById(id), `breach ${id}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'data_breach',
      entityId: id,
      entityLabel: `breach ${id}`,
      entityVersion: created.version,
      changes: diffRecords(null, plain(created)),
    });
    return withClock(created, now);
  });
}

export async function listBreaches(deps: Deps<'breaches'>): Promise<BreachWithClock[]> {
  authorizeDataProtection(deps.actor);
  const now = deps.clock.nowIso();
  return (await deps.store.repos.breaches.list()).map((b) => withClock(b, now));
}

export async function getBreach(deps: Deps<'breaches'>, id: number): Promise<BreachWithClock> {
  authorizeDataProtection(deps.actor);
  const b = await deps.store.repos.breaches.findById(id);
  if (!b) throw notFound(id);
  return withClock(b, deps.clock.nowIso());
}

function stale(current: Breach, expectedVersion: number): ConflictError {
  return new ConflictError(
    'data_breach.stale',
    `breach ${current.id} was changed (now at version ${current.version}, you had version ${expectedVersion}); reload it and decide again`,
    [],
    { details: { currentVersion: current.version, yourVersion: expectedVersion } },
  );
}

/** Records notifications, measures, corrections or the closing of a breach. */
export async function changeBreach(
  deps: BreachDeps,
  id: number,
  change: BreachChange,
  options: { readonly expectedVersion?: number } = {},
): Promise<BreachWithClock> {
  authorizeDataProtection(deps.actor);
  return deps.store.transaction(async (repos) => {
    const current = await repos.breaches.findById(id);
    if (!current) throw notFound(id);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw stale(current, options.expectedVersion);
    const next: BreachWrite = { ...writeOf(current), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    const now = deps.clock.nowIso();
    if (!(await repos.breaches.update(id, current.version, next, now)))
      throw stale((await repos.breaches.findById(id)) ?? current, current.version);
    const updated = readBack(await repos.breaches.findById(id), `breach ${id}`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'data_breach',
      entityId: id,
      entityLabel: `breach ${id}`,
      entityVersion: updated.version,
      changes: diffRecords(plain(current), plain(updated)),
    });
    return withClock(updated, now);
  });
}
