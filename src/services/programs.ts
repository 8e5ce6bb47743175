/** Use cases of programs (activities): register, change, remove, read and list. */
import { programFromInput, applyProgramPatch, type Program, type ProgramData } from '../domain/program/program.js';
import type { ProgramListQuery, Page } from '../domain/program/program-query.js';
import type { LifecycleStage } from '../domain/codes.js';
import { checkImplementer, checkProgramRules } from '../domain/program/program.rules.js';
import { stageOfStatus } from '../domain/program/lifecycle.js';
import { settleStatus } from '../domain/program/stage-status.js';
import type { ProgramInput, ProgramPatch } from '../domain/program/program.schema.js';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import {
  authorizeCreateProgram,
  authorizeDeleteProgram,
  authorizeEditProgram,
  canReadInternal,
  isPublished,
  PUBLISHED_STAGES,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { audit } from './audit.js';
import type { ProgramSummary } from './programs.ports.js';
import type { Acting, Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';

/** What registering and changing a program use (reading one needs `programs` only). */
export type ProgramRepo = 'programs' | 'organisations' | 'participants' | 'reportFacts' | 'audit';
export type ProgramDeps = Deps<ProgramRepo>;

export interface WriteOptions {
  /** The version the caller last saw (If-Match); a different stored version is a conflict. */
  readonly expectedVersion?: number;
  readonly source?: string;
}

/**
 * Checks that the organisations named exist and that the implementer is one that implements
 * programs, and spells their codes as stored ("JICA", not "jica").
 */
async function resolveOrganisations(
  repos: Repos<'organisations'>,
  data: ProgramData,
): Promise<{ data: ProgramData; issues: FieldIssue[] }> {
  const codes = [data.implementingOrg, ...data.partners.map((p) => p.org)].filter((c): c is string => !!c);
  const existing = await repos.organisations.existingCodes(codes);
  const issues: FieldIssue[] = [];
  if (data.implementingOrg && !existing.has(data.implementingOrg.toLowerCase())) {
    issues.push({ path: 'implementingOrg', code: 'unknown_organisation', message: `no organisation with code "${data.implementingOrg}"` });
  } else if (data.implementingOrg) {
    issues.push(...checkImplementer(await repos.organisations.findByCode(data.implementingOrg)));
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
async function checkParticipantCountries(repos: Repos<'participants'>, data: ProgramData, selfId: number | null): Promise<FieldIssue[]> {
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

/** `statusGiven`: the writer gave an activity status (it must fit the stage; else it follows the stage). */
async function validate(
  repos: Repos<'organisations' | 'participants' | 'programs'>,
  proposed: ProgramData,
  selfId: number | null,
  statusGiven: boolean,
): Promise<ProgramData> {
  const { data, issue } = settleStatus(proposed, statusGiven);
  const resolved = await resolveOrganisations(repos, data);
  const issues = [
    ...(issue ? [issue] : []),
    ...checkProgramRules(data),
    ...resolved.issues,
    ...(await checkParticipantCountries(repos, data, selfId)),
  ];
  if (issues.length > 0) throw new InvalidError('activity.invalid', 'the program has invalid fields', issues);
  const clash = (await repos.programs.idsByIdentifier([data.identifier])).get(data.identifier);
  if (clash !== undefined && clash !== selfId) {
    throw new ConflictError('activity.identifier_taken', `a program with identifier "${data.identifier}" already exists`, [
      { path: 'identifier', code: 'duplicate', message: `"${data.identifier}" is already used by program ${clash}` },
    ]);
  }
  return resolved.data;
}

export async function createProgram(deps: ProgramDeps, input: ProgramInput, options: WriteOptions = {}): Promise<Program> {
  return deps.store.transaction(async (repos) => {
    let proposed = programFromInput(input);
    // A program registered with a status but no stage is at the stage of that status (as in imports).
    if (input.lifecycleStage === undefined && input.activityStatus !== undefined) {
      proposed = { ...proposed, lifecycleStage: stageOfStatus(proposed.activityStatus) };
    }
    // An agency's program is its own: the implementing organisation defaults to it.
    if (deps.actor.kind === 'user' && deps.actor.role === 'agency' && !proposed.implementingOrg) {
      proposed = { ...proposed, implementingOrg: deps.actor.orgCode };
    }
    authorizeCreateProgram(deps.actor, proposed);
    const data = await validate(repos, proposed, null, input.activityStatus !== undefined);
    const id = await repos.programs.insert({ data, now: deps.clock.nowIso(), source: options.source });
    await repos.reportFacts.refresh([id]);
    const created = readBack(await repos.programs.findById(id), `program ${id}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'activity',
      entityId: id,
      entityLabel: created.identifier,
      entityVersion: created.version,
      changes: diffRecords(null, created),
    });
    return created;
  });
}

async function loadForWrite(
  deps: Acting,
  repos: Repos<'programs' | 'audit'>,
  id: number,
  expectedVersion: number | undefined,
): Promise<Program> {
  const current = await repos.programs.findById(id);
  if (!current) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw await staleError(deps, repos, current, expectedVersion);
  }
  return current;
}

/**
 * "Someone else changed this": the current version, and who changed what since the version the
 * caller had (from the audit log), so that the user can see the other change before deciding.
 */
async function staleError(deps: Acting, repos: Repos<'audit'>, current: Program, expectedVersion: number): Promise<ConflictError> {
  const since = canReadInternal(deps.actor)
    ? (await repos.audit.search({ entity: 'activity', entityId: String(current.id), afterVersion: expectedVersion, page: 1, pageSize: 20 }))
        .items
    : [];
  const last = since[0];
  const who = last ? ` by ${last.actorLabel} at ${last.at}` : '';
  return new ConflictError(
    'activity.stale',
    `program ${current.id} was changed${who} (now at version ${current.version}, you had version ${expectedVersion}); reload it and apply your change again`,
    [],
    {
      details: {
        currentVersion: current.version,
        yourVersion: expectedVersion,
        changes: since.map((e) => ({ version: e.entityVersion, at: e.at, actor: e.actorLabel, action: e.action, changes: e.changes })),
      },
    },
  );
}

/** The lifecycle stage moves through transitions only (so that each step is recorded with its author). */
function keepStage(current: Program, next: ProgramData, given: string | undefined): ProgramData {
  if (given !== undefined && given !== current.lifecycleStage) {
    throw new InvalidError(
      'activity.stage_by_transition',
      'the lifecycle stage changes through transitions (POST …/transitions), not by editing',
      [
        {
          path: 'lifecycleStage',
          code: 'stage_by_transition',
          message: `the program is "${current.lifecycleStage}"; use a transition to move it`,
        },
      ],
    );
  }
  return { ...next, lifecycleStage: current.lifecycleStage };
}

async function save(
  deps: Acting,
  repos: Repos<ProgramRepo>,
  current: Program,
  next: ProgramData,
  expectedVersion: number | undefined,
  statusGiven: boolean,
): Promise<Program> {
  authorizeEditProgram(deps.actor, current, next);
  const data = await validate(repos, next, current.id, statusGiven);
  const saved = await repos.programs.update(current.id, current.version, { data, now: deps.clock.nowIso() });
  if (!saved) {
    const now = (await repos.programs.findById(current.id)) ?? current;
    throw await staleError(deps, repos, now, expectedVersion ?? current.version);
  }
  await repos.reportFacts.refresh([current.id]);
  const updated = readBack(await repos.programs.findById(current.id), `program ${current.id}`);
  const changes = diffRecords(current, updated);
  await audit(deps, repos, {
    action: 'update',
    entity: 'activity',
    entityId: current.id,
    entityLabel: updated.identifier,
    entityVersion: updated.version,
    changes,
  });
  return updated;
}

/** Replaces a program with a whole new input (PUT): fields left out are cleared (the stage is kept). */
export async function replaceProgram(deps: ProgramDeps, id: number, input: ProgramInput, options: WriteOptions = {}): Promise<Program> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForWrite(deps, repos, id, options.expectedVersion);
    return save(
      deps,
      repos,
      current,
      keepStage(current, programFromInput(input), input.lifecycleStage),
      options.expectedVersion,
      input.activityStatus !== undefined,
    );
  });
}

/** Changes the fields given (PATCH); lists given replace the stored lists. */
export async function patchProgram(deps: ProgramDeps, id: number, patch: ProgramPatch, options: WriteOptions = {}): Promise<Program> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForWrite(deps, repos, id, options.expectedVersion);
    return save(
      deps,
      repos,
      current,
      keepStage(current, applyProgramPatch(current, patch), patch.lifecycleStage),
      options.expectedVersion,
      patch.activityStatus !== undefined,
    );
  });
}

export async function deleteProgram(
  deps: Deps<'programs' | 'reportFacts' | 'audit'>,
  id: number,
  options: WriteOptions = {},
): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const current = await loadForWrite(deps, repos, id, options.expectedVersion);
    authorizeDeleteProgram(deps.actor, current);
    await repos.reportFacts.remove([id]);
    await repos.programs.delete(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'activity',
      entityId: id,
      entityLabel: current.identifier,
      changes: diffRecords(current, null),
    });
  });
}

/** The public sees published programs only; to it, any other program does not exist. */
function visible(deps: Acting, activity: Program | undefined): Program | undefined {
  return activity && (canReadInternal(deps.actor) || isPublished(activity.lifecycleStage)) ? activity : undefined;
}

export async function getProgram(deps: Deps<'programs'>, id: number): Promise<Program> {
  const activity = visible(deps, await deps.store.repos.programs.findById(id));
  if (!activity) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
  return activity;
}

export async function getProgramByIdentifier(deps: Deps<'programs'>, identifier: string): Promise<Program> {
  const activity = visible(deps, await deps.store.repos.programs.findByIdentifier(identifier));
  if (!activity) throw new NotFoundError('activity.not_found', `no program with identifier "${identifier}"`);
  return activity;
}

/** The filter as the actor may apply it: the public lists published programs only. */
function scopedFilter<F extends { stage?: LifecycleStage[] | undefined }>(deps: Acting, filter: F): F {
  if (canReadInternal(deps.actor)) return filter;
  return { ...filter, stage: (filter.stage?.length ? filter.stage : PUBLISHED_STAGES).filter((s) => PUBLISHED_STAGES.includes(s)) };
}

export async function listPrograms(deps: Deps<'programs'>, query: ProgramListQuery): Promise<Page<ProgramSummary>> {
  const { sort, page, pageSize, ...filter } = query;
  return deps.store.repos.programs.list(scopedFilter(deps, filter), sort, page, pageSize);
}

/**
 * Every program matching a filter, whole, 500 at a time. The ids come first in one query (a
 * few bytes each), so that the pages do not repeat the filter, the count and an ever longer
 * OFFSET: an export of 100,000 programs went from 110 s to a fraction of that.
 */
export async function* exportPrograms(
  deps: Deps<'programs'>,
  query: Omit<ProgramListQuery, 'page' | 'pageSize'>,
): AsyncGenerator<Program[]> {
  const { sort, ...rest } = query;
  const ids = await deps.store.repos.programs.idsInOrder(scopedFilter(deps, rest), sort);
  const pageSize = 500;
  for (let i = 0; i < ids.length; i += pageSize) {
    yield await deps.store.repos.programs.findManyByIds(ids.slice(i, i + pageSize));
  }
}

/** How many programs the registry holds, whatever their stage (the start page says so to everyone). */
export async function countPrograms(deps: Deps<'programs'>): Promise<number> {
  return deps.store.repos.programs.count();
}
