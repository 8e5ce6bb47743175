/**
 * Partner governments' requests (docs/requests.md): registered by the coordination team, an
 * embassy relaying it, or the requesting government's focal point; assessed, then accepted (a
 * program in the `request` stage is created and linked) or declined by the coordination team;
 * matched to the ministries, past programs and alumni that fit it.
 */
import { indonesianAfterEdit } from '../domain/text.js';
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import {
  actorHasRole,
  actorOrg,
  authorizeRequestAssess,
  authorizeRequestRegister,
  canSeePersonalData,
  isCoordinationTeam,
  requireSignedIn,
} from '../domain/access/policy.js';
import { actorLabel } from '../domain/access/actor.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../domain/errors.js';
import {
  matchQueryOf,
  MATCH_LIMIT,
  rankMatches,
  type AgencyCandidate,
  type AlumnusCandidate,
  type ProgramCandidate,
  type Ranked,
} from '../domain/request/matching.js';
import {
  checkRequestTransition,
  plainRequest,
  requestData,
  type CooperationRequest,
  type RequestStatus,
} from '../domain/request/request.js';
import type {
  AcceptInput,
  AssessInput,
  DeclineInput,
  RequestInput,
  RequestListQuery,
  RequestPatch,
} from '../domain/request/request.schema.js';
import { givenFields } from '../domain/patch.js';
import { createProgram, type ProgramRepo } from './programs.js';
import { audit } from './audit.js';
import { inOneTransaction, type Acting, type Deps, type Repos } from './deps.js';
import { readBack } from './read-back.js';

/** What registering, reading and changing a request use. */
export type RequestDeps = Deps<'requests' | 'organisations' | 'audit'>;

export interface RequestWriteOptions {
  /** The version the caller last saw (If-Match); another stored version is a conflict. */
  readonly expectedVersion?: number;
}

const notFound = (id: number) => new NotFoundError('cooperation_request.not_found', `no cooperation request with id ${id}`);

/**
 * Which requests the actor sees: a recipient government's focal point sees its own government's
 * (a country code, or null when its organisation has no country); everyone else signed in, all.
 */
async function countryScope(deps: Acting, repos: Repos<'organisations'>): Promise<{ all: true } | { all: false; country: string | null }> {
  requireSignedIn(deps.actor);
  if (!actorHasRole(deps.actor, 'focal_point')) return { all: true };
  const code = actorOrg(deps.actor);
  const org = code ? await repos.organisations.findByCode(code) : undefined;
  return { all: false, country: org?.countryCode ?? null };
}

async function loadVisible(deps: Acting, repos: Repos<'organisations' | 'requests'>, id: number): Promise<CooperationRequest> {
  const scope = await countryScope(deps, repos);
  const found = await repos.requests.findById(id);
  if (!found || (!scope.all && found.country !== scope.country)) throw notFound(id);
  return found;
}

/**
 * The organisation that relayed the request. An embassy or a focal point registering it is the
 * relay (a focal point for its own government only); the coordination team may name an embassy.
 */
async function relayOf(deps: Acting, repos: Repos<'organisations'>, input: RequestInput): Promise<string | null> {
  if (actorHasRole(deps.actor, 'embassy', 'focal_point')) {
    const own = actorOrg(deps.actor);
    // authorizeRequestRegister refused an embassy or focal point without one already.
    if (!own) throw new ForbiddenError('request.forbidden', 'only the coordination team, embassies and focal points register requests');
    if (input.relayedBy && input.relayedBy.toLowerCase() !== own.toLowerCase()) {
      throw new ForbiddenError(
        'cooperation_request.relay_not_own',
        `you register requests for your own organisation (${own}) only: leave relayedBy out`,
      );
    }
    const org = await repos.organisations.findByCode(own);
    if (!org)
      throw new ForbiddenError('cooperation_request.relay_not_own', `your organisation ${own} is not registered: ask an administrator`);
    if (actorHasRole(deps.actor, 'focal_point') && org.countryCode !== input.country) {
      throw new ForbiddenError(
        'cooperation_request.not_own_country',
        `a focal point registers requests of its own government (${org.countryCode ?? 'no country recorded for your organisation'}) only, not of ${input.country}`,
      );
    }
    return org.code;
  }
  if (!input.relayedBy) return null;
  const existing = await repos.organisations.existingCodes([input.relayedBy]);
  const code = existing.get(input.relayedBy.toLowerCase());
  if (!code) {
    throw new InvalidError('cooperation_request.invalid', 'the request has invalid fields', [
      { path: 'relayedBy', code: 'unknown_organisation', message: `no organisation with code "${input.relayedBy}"` },
    ]);
  }
  return code;
}

export async function registerRequest(deps: RequestDeps, input: RequestInput): Promise<CooperationRequest> {
  authorizeRequestRegister(deps.actor);
  return deps.store.transaction(async (repos) => {
    const relayedBy = await relayOf(deps, repos, input);
    const now = deps.clock.nowIso();
    const today = now.slice(0, 10);
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) {
      throw new InvalidError('cooperation_request.invalid', 'the request has invalid fields', [
        { path: 'receivedOn', code: 'future_date', message: `must not be after today (${today})` },
      ]);
    }
    const reference = await repos.requests.nextReference(Number(now.slice(0, 4)));
    const id = await repos.requests.insert({
      country: input.country,
      topic: input.topic,
      description: input.description ?? null,
      topicId: input.topicId ?? null,
      descriptionId: input.descriptionId ?? null,
      flagshipArea: input.flagshipArea ?? null,
      sectorCode: input.sectorCode ?? null,
      modality: input.modality ?? null,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      receivedOn,
      relayedBy,
      reference,
      status: 'registered',
      createdBy: actorLabel(deps.actor),
      now,
    });
    const created = readBack(await repos.requests.findById(id), `request ${id}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'cooperation_request',
      entityId: id,
      entityLabel: reference,
      entityVersion: created.version,
      changes: diffRecords(null, plainRequest(created)),
    });
    return created;
  });
}

/**
 * Who may change or delete a request as registered: the coordination team while it is registered
 * or under assessment; the embassy or focal point that relayed it while it is only registered.
 */
function authorizeRequestChange(deps: Acting, r: CooperationRequest, what: 'change' | 'delete'): void {
  requireSignedIn(deps.actor);
  const team = isCoordinationTeam(deps.actor);
  const own = actorOrg(deps.actor);
  const relay = actorHasRole(deps.actor, 'embassy', 'focal_point') && !!own && r.relayedBy?.toLowerCase() === own.toLowerCase();
  if (!team && !relay)
    throw new ForbiddenError(
      'cooperation_request.forbidden',
      'only the coordination team and the organisation that relayed the request change it',
    );
  const open: readonly RequestStatus[] = what === 'delete' ? ['registered'] : ['registered', 'assessment'];
  if (!open.includes(r.status)) {
    throw new ConflictError(
      'cooperation_request.decided',
      what === 'delete'
        ? `request ${r.reference} is ${r.status}: only a request still registered can be deleted`
        : `request ${r.reference} is ${r.status}: it stays as it was decided`,
    );
  }
  if (!team && r.status !== 'registered') {
    throw new ForbiddenError(
      'cooperation_request.under_assessment',
      `request ${r.reference} is under assessment: ask the coordination team to change it`,
    );
  }
}

/** Corrects a request still registered or under assessment (the fields sent replace the stored ones). */
export async function editRequest(
  deps: RequestDeps,
  id: number,
  patch: RequestPatch,
  options: RequestWriteOptions = {},
): Promise<CooperationRequest> {
  return deps.store.transaction(async (repos) => {
    const current = await loadVisible(deps, repos, id);
    authorizeRequestChange(deps, current, 'change');
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      throw staleError(current, options.expectedVersion);
    const next = { ...requestData(current), ...givenFields(patch) };
    next.topicId = indonesianAfterEdit(patch.topicId, next.topic, { text: current.topic, indonesian: current.topicId });
    next.descriptionId = indonesianAfterEdit(patch.descriptionId, next.description, {
      text: current.description,
      indonesian: current.descriptionId,
    });
    const issues: { path: string; code: string; message: string }[] = [];
    const today = deps.clock.nowIso().slice(0, 10);
    if (next.receivedOn > today) issues.push({ path: 'receivedOn', code: 'future_date', message: `must not be after today (${today})` });
    if (next.periodFrom && next.periodTo && next.periodTo < next.periodFrom)
      issues.push({ path: 'periodTo', code: 'date_order', message: `must not be before periodFrom (${next.periodFrom})` });
    if (issues.length) throw new InvalidError('cooperation_request.invalid', 'the request has invalid fields', issues);
    const team = isCoordinationTeam(deps.actor);
    if (!team && patch.relayedBy !== undefined && (patch.relayedBy ?? '').toLowerCase() !== (current.relayedBy ?? '').toLowerCase()) {
      throw new ForbiddenError('cooperation_request.relay_not_own', 'only the coordination team changes who relayed a request');
    }
    if (actorHasRole(deps.actor, 'focal_point') && next.country !== current.country) {
      throw new ForbiddenError(
        'cooperation_request.not_own_country',
        `a focal point keeps its own government's requests (${current.country})`,
      );
    }
    if (team && patch.relayedBy) {
      const code = (await repos.organisations.existingCodes([patch.relayedBy])).get(patch.relayedBy.toLowerCase());
      if (!code)
        throw new InvalidError('cooperation_request.invalid', 'the request has invalid fields', [
          { path: 'relayedBy', code: 'unknown_organisation', message: `no organisation with code "${patch.relayedBy}"` },
        ]);
      next.relayedBy = code;
    }
    if (!(await repos.requests.updateFields(id, current.version, next, deps.clock.nowIso())))
      throw staleError((await repos.requests.findById(id)) ?? current, current.version);
    const updated = readBack(await repos.requests.findById(id), `request ${id}`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'cooperation_request',
      entityId: id,
      entityLabel: current.reference,
      entityVersion: updated.version,
      changes: diffRecords(plainRequest(current), plainRequest(updated)),
    });
    return updated;
  });
}

/** Deletes a request registered by mistake (still only registered). */
export async function deleteRequest(deps: RequestDeps, id: number, options: RequestWriteOptions = {}): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const current = await loadVisible(deps, repos, id);
    authorizeRequestChange(deps, current, 'delete');
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      throw staleError(current, options.expectedVersion);
    await repos.requests.delete(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'cooperation_request',
      entityId: id,
      entityLabel: current.reference,
      entityVersion: current.version,
      changes: diffRecords(plainRequest(current), null),
    });
  });
}

export async function listRequests(deps: Deps<'requests' | 'organisations'>, query: RequestListQuery): Promise<Page<CooperationRequest>> {
  const { page, pageSize, ...filter } = query;
  const scope = await countryScope(deps, deps.store.repos);
  if (!scope.all) {
    if (!scope.country || (filter.country && filter.country !== scope.country)) return { items: [], total: 0, page, pageSize };
    return deps.store.repos.requests.list({ ...filter, country: scope.country }, page, pageSize);
  }
  return deps.store.repos.requests.list(filter, page, pageSize);
}

export async function getRequest(deps: Deps<'requests' | 'organisations'>, id: number): Promise<CooperationRequest> {
  return loadVisible(deps, deps.store.repos, id);
}

function staleError(current: CooperationRequest, expectedVersion: number): ConflictError {
  return new ConflictError(
    'cooperation_request.stale',
    `request ${current.reference} was changed (now at version ${current.version}, you had version ${expectedVersion}); reload it and decide again`,
    [],
    { details: { currentVersion: current.version, yourVersion: expectedVersion } },
  );
}

/** The program an accepted request becomes: a request-stage program for the country, from the request's fields. */
function programInput(r: CooperationRequest, input: AcceptInput) {
  const parsed = programInputSchema.safeParse({
    identifier: input.identifier ?? r.reference,
    titleEn: r.topic,
    titleId: r.topicId,
    descriptionEn: [r.description, `Created from cooperation request ${r.reference}.`].filter(Boolean).join('\n\n'),
    descriptionId: r.descriptionId ? [r.descriptionId, `Dibuat dari permintaan kerja sama ${r.reference}.`].join('\n\n') : null,
    modality: r.modality,
    flagshipArea: r.flagshipArea,
    cooperationType: 'bilateral',
    activityStatus: 'pipeline',
    lifecycleStage: 'request',
    plannedStart: r.periodFrom,
    plannedEnd: r.periodTo,
    implementingOrg: input.implementingOrg ?? null,
    recipients: [{ country: r.country }],
    sectors: r.sectorCode ? [{ vocabulary: '1', code: r.sectorCode }] : [],
  });
  if (!parsed.success) {
    // The request's fields were checked when it was registered; this names what no longer fits.
    throw new InvalidError(
      'cooperation_request.program_invalid',
      'the program of this request would be invalid',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

interface StatusChange {
  readonly to: RequestStatus;
  readonly note: string | null;
  /** The note in Indonesian, when given. */
  readonly noteId?: string | null;
  /** Accepting: what the program needs. */
  readonly accept?: AcceptInput;
}

/** What deciding on a request uses: accepting it registers its program in the same transaction. */
export type DecisionDeps = Deps<'requests' | ProgramRepo>;

async function changeStatus(
  deps: DecisionDeps,
  id: number,
  change: StatusChange,
  options: RequestWriteOptions,
): Promise<{ request: CooperationRequest; activity: Program | null }> {
  authorizeRequestAssess(deps.actor);
  return inOneTransaction(deps, async (tx) => {
    const repos = tx.store.repos;
    const current = await repos.requests.findById(id);
    if (!current) throw notFound(id);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      throw staleError(current, options.expectedVersion);
    checkRequestTransition(current.status, change.to, change.note);
    // createActivity joins this transaction: a refused program leaves the request as it was.
    const activity = change.accept ? await createProgram(tx, programInput(current, change.accept)) : null;
    const saved = await repos.requests.update(
      id,
      current.version,
      {
        status: change.to,
        assessmentNote: change.note ?? current.assessmentNote,
        // A new note brings its own Indonesian variant (or none); no note keeps the last one's.
        assessmentNoteId: change.note ? (change.noteId ?? null) : current.assessmentNoteId,
        activityId: activity?.id ?? current.activityId,
      },
      deps.clock.nowIso(),
    );
    if (!saved) throw staleError((await repos.requests.findById(id)) ?? current, current.version);
    const updated = readBack(await repos.requests.findById(id), `request ${id}`);
    await audit(tx, repos, {
      action: 'transition',
      entity: 'cooperation_request',
      entityId: id,
      entityLabel: updated.reference,
      entityVersion: updated.version,
      changes: diffRecords(plainRequest(current), plainRequest(updated)),
      comment: change.note,
    });
    return { request: updated, activity };
  });
}

/** The coordination team takes the request up. */
export async function assessRequest(
  deps: DecisionDeps,
  id: number,
  input: AssessInput,
  options: RequestWriteOptions = {},
): Promise<CooperationRequest> {
  return (await changeStatus(deps, id, { to: 'assessment', note: input.note ?? null, noteId: input.noteId }, options)).request;
}

export async function declineRequest(
  deps: DecisionDeps,
  id: number,
  input: DeclineInput,
  options: RequestWriteOptions = {},
): Promise<CooperationRequest> {
  return (await changeStatus(deps, id, { to: 'declined', note: input.note, noteId: input.noteId }, options)).request;
}

/** Accepts the request and creates its program (stage `request`), implemented by the agency chosen. */
export async function acceptRequest(
  deps: DecisionDeps,
  id: number,
  input: AcceptInput,
  options: RequestWriteOptions = {},
): Promise<{ request: CooperationRequest; activity: Program }> {
  const { request, activity } = await changeStatus(
    deps,
    id,
    { to: 'accepted', note: input.note ?? null, noteId: input.noteId, accept: input },
    options,
  );
  if (!activity) throw new Error(`accepting request ${id} created no program`); // changeStatus creates one when accepting
  return { request, activity };
}

/** An alumnus as the actor may see them: name, organisation and position only with the right to see personal data. */
export interface AlumnusMatch {
  readonly participantId: number;
  readonly country: string;
  readonly personalData: boolean;
  readonly fullName: string | null;
  readonly organisation: string | null;
  readonly position: string | null;
  readonly programs: AlumnusCandidate['programs'];
}

export interface RequestMatches {
  readonly request: CooperationRequest;
  readonly agencies: readonly Ranked<AgencyCandidate>[];
  readonly programs: readonly Ranked<ProgramCandidate>[];
  readonly alumni: readonly Ranked<AlumnusMatch>[];
}

function alumnusView(deps: Acting, a: AlumnusCandidate): AlumnusMatch {
  const personalData = canSeePersonalData(deps.actor, { implementingOrg: a.implementingOrg }, a.nominatedBy);
  return {
    participantId: a.participantId,
    country: a.country,
    personalData,
    fullName: personalData ? a.fullName : null,
    organisation: personalData ? a.organisation : null,
    position: personalData ? a.position : null,
    programs: a.programs,
  };
}

/** The ministries, past programs and alumni that fit the request, best first, with the reasons. */
export async function requestMatches(deps: Deps<'requests' | 'organisations'>, id: number): Promise<RequestMatches> {
  const request = await loadVisible(deps, deps.store.repos, id);
  // Twice the shown number: the database orders ties by its own collation, the domain by locale.
  const candidates = await deps.store.repos.requests.matchCandidates(matchQueryOf(request), 2 * MATCH_LIMIT);
  const ranked = rankMatches(request, candidates, MATCH_LIMIT);
  return {
    request,
    agencies: ranked.agencies,
    programs: ranked.programs,
    alumni: ranked.alumni.map((r) => ({ score: r.score, reasons: r.reasons, candidate: alumnusView(deps, r.candidate) })),
  };
}
