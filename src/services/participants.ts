/** Use cases of a program's participants. */
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { checkParticipantCountry, personKey, type Participant, type ParticipantData } from '../domain/participant/participant.js';
import type { ParticipantInput, ParticipantPatch } from '../domain/participant/participant.schema.js';
import type { Program } from '../domain/program/program.js';
import {
  actorHasRole,
  actorOrg,
  authorizeParticipantWrite,
  canReadInternal,
  canSeePersonalData,
  isPublished,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { givenFields } from '../domain/patch.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';

/** What changing a program's participants uses. */
export type ParticipantDeps = Deps<'programs' | 'participants' | 'reportFacts' | 'audit'>;

function toData(input: ParticipantInput): ParticipantData {
  return {
    fullName: input.fullName,
    sex: input.sex,
    country: input.country,
    organisation: input.organisation ?? null,
    position: input.position ?? null,
    email: input.email ?? null,
    status: input.status,
    illustrative: input.illustrative ?? false,
  };
}

async function programOf(repos: Repos<'programs'>, activityId: number): Promise<Program> {
  const activity = await repos.programs.findById(activityId);
  if (!activity) throw new NotFoundError('activity.not_found', `no program with id ${activityId}`);
  return activity;
}

async function checkAndKey(repos: Repos<'participants'>, program: Program, data: ParticipantData, selfId: number | null): Promise<string> {
  const activityId = program.id;
  const issues = checkParticipantCountry(
    data.country,
    program.recipients.map((r) => r.country),
  );
  if (issues.length) throw new InvalidError('participant.invalid', 'the participant has invalid fields', issues);
  const key = personKey(data);
  const twin = await repos.participants.findByPersonKey(activityId, key);
  if (twin && twin.id !== selfId) {
    throw new ConflictError('participant.duplicate', `${data.fullName} is already a participant of this program (id ${twin.id})`, [
      { path: data.email ? 'email' : 'fullName', code: 'duplicate', message: 'the same person is already registered in this program' },
    ]);
  }
  return key;
}

/** What the audit log keeps of a participant (the person key is derived). */
const auditView = ({ personKey: _key, ...p }: Participant) => ({ ...p });

export async function addParticipant(deps: ParticipantDeps, activityId: number, input: ParticipantInput): Promise<Participant> {
  return deps.store.transaction(async (repos) => {
    const program = await programOf(repos, activityId);
    authorizeParticipantWrite(deps.actor, program);
    // An embassy or a focal point nominates: its nominees start as nominated and stay visible to it.
    const nominating = actorHasRole(deps.actor, 'embassy', 'focal_point');
    const data = nominating ? { ...toData(input), status: 'nominated' as const } : toData(input);
    const key = await checkAndKey(repos, program, data, null);
    const now = deps.clock.nowIso();
    const id = await repos.participants.insert(activityId, {
      data,
      personKey: key,
      now,
      nominatedBy: nominating ? actorOrg(deps.actor) : null,
      // The consent the form (or the API's caller) affirms, recorded with the time of the entry, as a nomination's.
      ...(input.consent ? { consentAt: now } : {}),
    });
    await repos.reportFacts.refresh([activityId], { participantsOnly: true });
    const created = readBack(await repos.participants.findById(id), `participant ${id}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'participant',
      entityId: id,
      entityLabel: `${program.identifier} #${id}`,
      changes: diffRecords(null, auditView(created)),
    });
    return created;
  });
}

async function loadParticipant(repos: Repos<'participants'>, activityId: number, id: number): Promise<Participant> {
  const current = await repos.participants.findById(id);
  if (!current || current.activityId !== activityId) {
    throw new NotFoundError('participant.not_found', `no participant ${id} in program ${activityId}`);
  }
  return current;
}

/** The version a change was made on (If-Match); undefined: whatever is stored. */
export interface VersionCheck {
  readonly expectedVersion?: number | undefined;
}

const staleParticipant = (id: number, yours: number | undefined, current?: number) =>
  new ConflictError(
    'participant.stale',
    `participant ${id} was changed by someone else${current !== undefined ? ` (now at version ${current}, you had version ${yours ?? '?'})` : ''}; reload it and apply your change again`,
    [],
    { details: { ...(current !== undefined ? { currentVersion: current } : {}), yourVersion: yours } },
  );

function refuseStale(current: Participant, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw staleParticipant(current.id, expectedVersion, current.version);
}

export async function patchParticipant(
  deps: ParticipantDeps,
  activityId: number,
  id: number,
  patch: ParticipantPatch,
  check: VersionCheck = {},
): Promise<Participant> {
  return deps.store.transaction(async (repos) => {
    const program = await programOf(repos, activityId);
    const current = await loadParticipant(repos, activityId, id);
    authorizeParticipantWrite(deps.actor, program, current);
    refuseStale(current, check.expectedVersion);
    // An erasure is final (docs/privacy.md): a change would bring personal data back into the record.
    if (current.erasedAt)
      throw new InvalidError('participant.erased', "the participant's personal data has been erased: the record is not changed");
    const { consent, ...given } = givenFields(patch);
    // Selection is the implementing agency's: an embassy or a focal point edits its nominees' details only.
    if (actorHasRole(deps.actor, 'embassy', 'focal_point')) delete given.status;
    const data: ParticipantData = { ...current, ...given };
    const key = await checkAndKey(repos, program, data, id);
    const now = deps.clock.nowIso();
    // Consent given later (a record imported or entered without it) is recorded once; the first time stays.
    const consentAt = consent && !current.consentAt ? now : undefined;
    if (!(await repos.participants.update(id, { data, personKey: key, now, ...(consentAt ? { consentAt } : {}) }, check.expectedVersion))) {
      throw staleParticipant(id, check.expectedVersion);
    }
    await repos.reportFacts.refresh([activityId], { participantsOnly: true });
    const updated = readBack(await repos.participants.findById(id), `participant ${id}`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'participant',
      entityId: id,
      entityLabel: `${program.identifier} #${id}`,
      changes: diffRecords(auditView(current), auditView(updated)),
    });
    return updated;
  });
}

export async function deleteParticipant(deps: ParticipantDeps, activityId: number, id: number, check: VersionCheck = {}): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const program = await programOf(repos, activityId);
    const current = await loadParticipant(repos, activityId, id);
    authorizeParticipantWrite(deps.actor, program, current);
    refuseStale(current, check.expectedVersion);
    if (!(await repos.participants.delete(id, check.expectedVersion))) throw staleParticipant(id, check.expectedVersion);
    await repos.reportFacts.refresh([activityId], { participantsOnly: true });
    await audit(deps, repos, {
      action: 'delete',
      entity: 'participant',
      entityId: id,
      entityLabel: `${program.identifier} #${id}`,
      changes: diffRecords(auditView(current), null),
    });
  });
}

/**
 * A participant as this actor may see it: names, emails, phones, positions and organisations
 * only where allowed (docs/privacy.md counts the organisation as personal data).
 */
export interface ParticipantView extends Omit<Participant, 'fullName' | 'email' | 'phone' | 'position' | 'organisation' | 'personKey'> {
  readonly fullName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly position: string | null;
  readonly organisation: string | null;
  /** False when the personal fields are withheld from this actor. */
  readonly personal: boolean;
}

function viewOf(deps: Acting, program: Program, p: Participant): ParticipantView {
  const { personKey: _key, ...rest } = p;
  if (canSeePersonalData(deps.actor, program, p.nominatedBy)) return { ...rest, personal: true };
  return { ...rest, fullName: null, email: null, phone: null, position: null, organisation: null, personal: false };
}

/**
 * A program's participants. Signed-in users get every record, with personal fields withheld
 * where their role does not allow them; the public gets no records at all (only the counts of
 * published programs, see breakdown).
 */
export async function listParticipants(
  deps: Deps<'programs' | 'participants'>,
  activityId: number,
): Promise<{ items: ParticipantView[]; all: readonly Participant[] }> {
  const program = await programOf(deps.store.repos, activityId);
  if (!canReadInternal(deps.actor) && !isPublished(program.lifecycleStage))
    throw new NotFoundError('activity.not_found', `no program with id ${activityId}`);
  const all = await deps.store.repos.participants.listByProgram(activityId);
  const items = canReadInternal(deps.actor) ? all.map((p) => viewOf(deps, program, p)) : [];
  return { items, all };
}
