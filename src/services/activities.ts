/** Use cases of programs (activities): register, change, remove, read and list. */
import {
  activityFromInput,
  applyActivityPatch,
  type Activity,
  type ActivityData,
} from '../domain/activity/activity.js';
import type { ActivityListQuery, Page } from '../domain/activity/activity-query.js';
import { checkActivityRules } from '../domain/activity/activity.rules.js';
import type { ActivityInput, ActivityPatch } from '../domain/activity/activity.schema.js';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import type { ActivitySummary, Repositories, ServiceDeps } from './ports.js';

export interface WriteOptions {
  /** The version the caller last saw (If-Match); a different stored version is a conflict. */
  readonly expectedVersion?: number;
  readonly source?: string;
}

/**
 * Checks that the organisations named exist, and spells their codes as stored ("JICA", not
 * "jica"). One lookup serves both.
 */
async function resolveOrganisations(repos: Repositories, data: ActivityData): Promise<{ data: ActivityData; issues: FieldIssue[] }> {
  const codes = [data.implementingOrg, ...data.partners.map((p) => p.org)].filter((c): c is string => !!c);
  const existing = await repos.organisations.existingCodes(codes);
  const issues: FieldIssue[] = [];
  if (data.implementingOrg && !existing.has(data.implementingOrg.toLowerCase())) {
    issues.push({ path: 'implementingOrg', code: 'unknown_organisation', message: `no organisation with code "${data.implementingOrg}"` });
  }
  data.partners.forEach((p, i) => {
    if (!existing.has(p.org.toLowerCase())) {
      issues.push({ path: `partners.${i}.org`, code: 'unknown_organisation', message: `no organisation with code "${p.org}"` });
    }
  });
  const canonical = (code: string) => existing.get(code.toLowerCase()) ?? code;
  return {
    data: {
      ...data,
      implementingOrg: data.implementingOrg ? canonical(data.implementingOrg) : null,
      partners: data.partners.map((p) => ({ ...p, org: canonical(p.org) })),
    },
    issues,
  };
}

/** A program's participants must stay citizens of its recipient countries. */
async function checkParticipantCountries(repos: Repositories, data: ActivityData, selfId: number | null): Promise<FieldIssue[]> {
  if (selfId === null) return [];
  const recipients = new Set(data.recipients.map((r) => r.country));
  const orphaned = (await repos.participants.countriesOf(selfId)).filter((c) => !recipients.has(c));
  if (orphaned.length === 0) return [];
  return [
    {
      path: 'recipients',
      code: 'participants_from_country',
      message: `participants come from ${orphaned.join(', ')}: keep those countries as recipients or change the participants first`,
    },
  ];
}

async function validate(repos: Repositories, data: ActivityData, selfId: number | null): Promise<ActivityData> {
  const resolved = await resolveOrganisations(repos, data);
  const issues = [...checkActivityRules(data), ...resolved.issues, ...(await checkParticipantCountries(repos, data, selfId))];
  if (issues.length > 0) throw new InvalidError('activity.invalid', 'the program has invalid fields', issues);
  const clash = (await repos.activities.idsByIdentifier([data.identifier])).get(data.identifier);
  if (clash !== undefined && clash !== selfId) {
    throw new ConflictError('activity.identifier_taken', `a program with identifier "${data.identifier}" already exists`, [
      { path: 'identifier', code: 'duplicate', message: `"${data.identifier}" is already used by program ${clash}` },
    ]);
  }
  return resolved.data;
}

export async function createActivity(deps: ServiceDeps, input: ActivityInput, options: WriteOptions = {}): Promise<Activity> {
  return deps.store.transaction(async (repos) => {
    const data = await validate(repos, activityFromInput(input), null);
    const id = await repos.activities.insert({ data, now: deps.clock.nowIso(), source: options.source });
    await repos.reportFacts.refresh([id]);
    return (await repos.activities.findById(id)) as Activity; // just inserted in this transaction
  });
}

async function loadForWrite(repos: Repositories, id: number, expectedVersion: number | undefined): Promise<Activity> {
  const current = await repos.activities.findById(id);
  if (!current) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw staleError(id, current.version);
  }
  return current;
}

function staleError(id: number, version: number): ConflictError {
  return new ConflictError(
    'activity.stale',
    `program ${id} was changed by someone else (now at version ${version}); reload it and apply your change again`,
  );
}

async function save(deps: ServiceDeps, repos: Repositories, current: Activity, next: ActivityData): Promise<Activity> {
  const data = await validate(repos, next, current.id);
  const saved = await repos.activities.update(current.id, current.version, { data, now: deps.clock.nowIso() });
  if (!saved) throw staleError(current.id, current.version + 1);
  await repos.reportFacts.refresh([current.id]);
  return (await repos.activities.findById(current.id)) as Activity; // updated in this transaction
}

/** Replaces a program with a whole new input (PUT): fields left out are cleared. */
export async function replaceActivity(deps: ServiceDeps, id: number, input: ActivityInput, options: WriteOptions = {}): Promise<Activity> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForWrite(repos, id, options.expectedVersion);
    return save(deps, repos, current, activityFromInput(input));
  });
}

/** Changes the fields given (PATCH); lists given replace the stored lists. */
export async function patchActivity(deps: ServiceDeps, id: number, patch: ActivityPatch, options: WriteOptions = {}): Promise<Activity> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForWrite(repos, id, options.expectedVersion);
    return save(deps, repos, current, applyActivityPatch(current, patch));
  });
}

export async function deleteActivity(deps: ServiceDeps, id: number, options: WriteOptions = {}): Promise<void> {
  await deps.store.transaction(async (repos) => {
    await loadForWrite(repos, id, options.expectedVersion);
    await repos.activities.delete(id);
  });
}

export async function getActivity(deps: ServiceDeps, id: number): Promise<Activity> {
  const activity = await deps.store.repos.activities.findById(id);
  if (!activity) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
  return activity;
}

export async function getActivityByIdentifier(deps: ServiceDeps, identifier: string): Promise<Activity> {
  const activity = await deps.store.repos.activities.findByIdentifier(identifier);
  if (!activity) throw new NotFoundError('activity.not_found', `no program with identifier "${identifier}"`);
  return activity;
}

export async function listActivities(deps: ServiceDeps, query: ActivityListQuery): Promise<Page<ActivitySummary>> {
  const { sort, page, pageSize, ...filter } = query;
  return deps.store.repos.activities.list(filter, sort, page, pageSize);
}

/** Every program matching a filter, whole, page by page (for exports; memory stays bounded). */
export async function* exportActivities(deps: ServiceDeps, query: Omit<ActivityListQuery, 'page' | 'pageSize'>): AsyncGenerator<Activity[]> {
  const { sort, ...filter } = query;
  const pageSize = 500;
  for (let page = 1; ; page++) {
    const result = await deps.store.repos.activities.list(filter, sort, page, pageSize);
    if (result.items.length) yield await deps.store.repos.activities.findManyByIds(result.items.map((i) => i.id));
    if (page * pageSize >= result.total) return;
  }
}
