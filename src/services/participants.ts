/** Use cases of a program's participants. */
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import {
  checkParticipantCountry,
  personKey,
  type Participant,
  type ParticipantData,
} from '../domain/participant/participant.js';
import type { ParticipantInput, ParticipantPatch } from '../domain/participant/participant.schema.js';
import type { Repositories, ServiceDeps } from './ports.js';

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

async function recipientsOf(repos: Repositories, activityId: number): Promise<string[]> {
  const activity = await repos.activities.findById(activityId);
  if (!activity) throw new NotFoundError('activity.not_found', `no program with id ${activityId}`);
  return activity.recipients.map((r) => r.country);
}

async function checkAndKey(repos: Repositories, activityId: number, data: ParticipantData, selfId: number | null): Promise<string> {
  const issues = checkParticipantCountry(data.country, await recipientsOf(repos, activityId));
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

export async function addParticipant(deps: ServiceDeps, activityId: number, input: ParticipantInput): Promise<Participant> {
  return deps.store.transaction(async (repos) => {
    const data = toData(input);
    const key = await checkAndKey(repos, activityId, data, null);
    const id = await repos.participants.insert(activityId, { data, personKey: key, now: deps.clock.nowIso() });
    await repos.reportFacts.refresh([activityId]);
    return (await repos.participants.findById(id)) as Participant; // inserted just above
  });
}

async function loadParticipant(repos: Repositories, activityId: number, id: number): Promise<Participant> {
  const current = await repos.participants.findById(id);
  if (!current || current.activityId !== activityId) {
    throw new NotFoundError('participant.not_found', `no participant ${id} in program ${activityId}`);
  }
  return current;
}

export async function patchParticipant(deps: ServiceDeps, activityId: number, id: number, patch: ParticipantPatch): Promise<Participant> {
  return deps.store.transaction(async (repos) => {
    const current = await loadParticipant(repos, activityId, id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const data: ParticipantData = { ...current, ...given };
    const key = await checkAndKey(repos, activityId, data, id);
    await repos.participants.update(id, { data, personKey: key, now: deps.clock.nowIso() });
    await repos.reportFacts.refresh([activityId]);
    return (await repos.participants.findById(id)) as Participant; // updated just above
  });
}

export async function deleteParticipant(deps: ServiceDeps, activityId: number, id: number): Promise<void> {
  await deps.store.transaction(async (repos) => {
    await loadParticipant(repos, activityId, id);
    await repos.participants.delete(id);
    await repos.reportFacts.refresh([activityId]);
  });
}

export async function listParticipants(deps: ServiceDeps, activityId: number): Promise<Participant[]> {
  await recipientsOf(deps.store.repos, activityId);
  return deps.store.repos.participants.listByActivity(activityId);
}
