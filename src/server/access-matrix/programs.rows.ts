/**
 * Rows of the access matrix (fixtures.ts): programs, their participants and their assistance
 * process (transitions).
 */
import { aProgram, aParticipant } from '../../testing/builders.js';
import { recordCompletion, recordEvaluation } from '../../testing/completion.js';
import { signOffAll } from '../../testing/sign-offs.js';
import { coordination, everyone, hidden, nominators, OTHER, OWN, ownAgency, signedIn, type Matrix, type Row } from './fixtures.js';

/** A program of the own agency in assessment or approved whose ministries all agreed at its step. */
async function signedOff(m: Matrix, stage: 'assessment' | 'approved'): Promise<number> {
  const id = (await m.program(stage)).id;
  await signOffAll(m.app().deps, id, stage === 'assessment' ? 'assessment' : 'funding');
  return id;
}

/** A program in implementation with the completion record `complete` needs (issue 25). */
async function completable(m: Matrix, org: string): Promise<number> {
  const { id } = await m.program('implementation', org);
  await recordCompletion(m.app(), id);
  return id;
}

/** A completed program with the records `evaluate` needs. */
async function evaluable(m: Matrix): Promise<number> {
  const { id } = await m.program('completed');
  await recordCompletion(m.app(), id);
  await recordEvaluation(m.app(), id, OWN);
  return id;
}

export const programRows = (m: Matrix): readonly Row[] => [
  // Programs
  { route: 'GET /api/v1/activities', call: async () => ({ url: '/api/v1/activities' }), expect: everyone(200) },
  {
    route: 'GET /api/v1/activities/:id',
    name: 'of a published program',
    call: async () => ({ url: `/api/v1/activities/${m.own.approved}` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/activities/:id',
    name: 'of a request',
    call: async () => ({ url: `/api/v1/activities/${m.own.request}` }),
    expect: hidden(200),
  },
  {
    route: 'GET /api/v1/activities/:id',
    name: 'of another agency’s request',
    call: async () => ({ url: `/api/v1/activities/${m.other.request}` }),
    expect: hidden(200),
  },
  {
    route: 'GET /api/v1/activities/by-identifier/:identifier',
    name: 'of a published program',
    call: async () => ({ url: `/api/v1/activities/by-identifier/${m.identifiers.ownApproved}` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/activities/by-identifier/:identifier',
    name: 'of a request',
    call: async () => ({ url: `/api/v1/activities/by-identifier/${m.identifiers.ownRequest}` }),
    expect: hidden(200),
  },
  {
    route: 'POST /api/v1/activities',
    name: 'for the own agency (a request)',
    call: async () => ({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OWN }) }),
    expect: { ...ownAgency(201), ...nominators(201) },
  },
  {
    route: 'POST /api/v1/activities',
    name: 'for another agency (a request)',
    call: async () => ({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OTHER }) }),
    expect: { ...coordination(201), ...nominators(201) },
  },
  {
    route: 'POST /api/v1/activities',
    name: 'already approved',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({ implementingOrg: OWN, lifecycleStage: 'approved' }),
    }),
    expect: coordination(201),
  },
  {
    route: 'PUT /api/v1/activities/:id',
    name: 'of the own agency',
    call: async () => {
      const p = await m.program('request');
      return {
        method: 'PUT',
        url: `/api/v1/activities/${p.id}`,
        payload: aProgram({ identifier: p.identifier, implementingOrg: OWN, titleEn: 'Replaced' }),
      };
    },
    expect: ownAgency(200),
  },
  {
    route: 'PUT /api/v1/activities/:id',
    name: 'of another agency',
    call: async () => {
      const p = await m.program('request', OTHER);
      return {
        method: 'PUT',
        url: `/api/v1/activities/${p.id}`,
        payload: aProgram({ identifier: p.identifier, implementingOrg: OTHER, titleEn: 'Replaced' }),
      };
    },
    expect: coordination(200),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    name: 'of the own agency',
    call: async () => ({ method: 'PATCH', url: `/api/v1/activities/${(await m.program('approved')).id}`, payload: { titleEn: 'Changed' } }),
    expect: ownAgency(200),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    name: 'of another agency',
    call: async () => ({
      method: 'PATCH',
      url: `/api/v1/activities/${(await m.program('approved', OTHER)).id}`,
      payload: { titleEn: 'Changed' },
    }),
    expect: coordination(200),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    name: 'of the own agency once evaluated',
    call: async () => ({
      method: 'PATCH',
      url: `/api/v1/activities/${(await m.program('evaluated')).id}`,
      payload: { titleEn: 'Changed' },
    }),
    expect: coordination(200),
  },
  {
    route: 'DELETE /api/v1/activities/:id',
    name: 'the own agency’s request',
    call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${(await m.program('request')).id}` }),
    expect: ownAgency(204),
  },
  {
    route: 'DELETE /api/v1/activities/:id',
    name: 'the own agency’s approved program',
    call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${(await m.program('approved')).id}` }),
    expect: coordination(204),
  },
  {
    route: 'DELETE /api/v1/activities/:id',
    name: 'another agency’s request',
    call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${(await m.program('request', OTHER)).id}` }),
    expect: coordination(204),
  },
  // Participants
  {
    route: 'GET /api/v1/activities/:id/participants',
    name: 'participants of a published program',
    call: async () => ({ url: `/api/v1/activities/${m.own.approved}/participants` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/activities/:id/participants',
    name: 'participants of a request',
    call: async () => ({ url: `/api/v1/activities/${m.own.request}/participants` }),
    expect: hidden(200),
  },
  {
    route: 'POST /api/v1/activities/:id/participants',
    name: 'participant to the own agency’s approved program',
    call: async () => ({ method: 'POST', url: `/api/v1/activities/${m.own.approved}/participants`, payload: aParticipant() }),
    expect: { ...ownAgency(201), ...nominators(201) },
  },
  {
    route: 'POST /api/v1/activities/:id/participants',
    name: 'participant to another agency’s approved program',
    call: async () => ({ method: 'POST', url: `/api/v1/activities/${m.other.approved}/participants`, payload: aParticipant() }),
    expect: { ...coordination(201), ...nominators(201) },
  },
  {
    route: 'POST /api/v1/activities/:id/participants',
    name: 'participant to the own agency’s request (not open for nominations)',
    call: async () => ({ method: 'POST', url: `/api/v1/activities/${m.own.request}/participants`, payload: aParticipant() }),
    expect: ownAgency(201),
  },
  {
    route: 'PATCH /api/v1/activities/:id/participants/:participantId',
    name: 'a participant registered by the team, own agency’s program',
    call: async () => ({
      method: 'PATCH',
      url: `/api/v1/activities/${m.own.approved}/participants/${await m.participant(m.own.approved)}`,
      payload: { position: 'Head of unit' },
    }),
    expect: ownAgency(200),
  },
  {
    route: 'PATCH /api/v1/activities/:id/participants/:participantId',
    name: 'a participant of another agency’s program',
    call: async () => ({
      method: 'PATCH',
      url: `/api/v1/activities/${m.other.approved}/participants/${await m.participant(m.other.approved)}`,
      payload: { position: 'Head of unit' },
    }),
    expect: coordination(200),
  },
  {
    route: 'PATCH /api/v1/activities/:id/participants/:participantId',
    name: 'a participant the embassy nominated',
    call: async () => {
      const nominated = await m.send('embassy', {
        method: 'POST',
        url: `/api/v1/activities/${m.other.approved}/participants`,
        payload: aParticipant(),
      });
      return {
        method: 'PATCH',
        url: `/api/v1/activities/${m.other.approved}/participants/${nominated.json().id}`,
        payload: { position: 'Deputy director' },
      };
    },
    expect: { ...coordination(200), embassy: 200 },
  },
  {
    route: 'PATCH /api/v1/activities/:id/participants/:participantId',
    name: 'a participant the focal point nominated',
    call: async () => {
      const nominated = await m.send('focal_point', {
        method: 'POST',
        url: `/api/v1/activities/${m.other.approved}/participants`,
        payload: aParticipant(),
      });
      return {
        method: 'PATCH',
        url: `/api/v1/activities/${m.other.approved}/participants/${nominated.json().id}`,
        payload: { position: 'Deputy director' },
      };
    },
    expect: { ...coordination(200), focal_point: 200 },
  },
  {
    route: 'DELETE /api/v1/activities/:id/participants/:participantId',
    name: 'a participant the focal point nominated',
    call: async () => {
      const nominated = await m.send('focal_point', {
        method: 'POST',
        url: `/api/v1/activities/${m.other.approved}/participants`,
        payload: aParticipant(),
      });
      return { method: 'DELETE', url: `/api/v1/activities/${m.other.approved}/participants/${nominated.json().id}` };
    },
    expect: { ...coordination(204), focal_point: 204 },
  },
  {
    route: 'DELETE /api/v1/activities/:id/participants/:participantId',
    name: 'a participant of the own agency’s program',
    call: async () => ({
      method: 'DELETE',
      url: `/api/v1/activities/${m.own.approved}/participants/${await m.participant(m.own.approved)}`,
    }),
    expect: ownAgency(204),
  },
  {
    route: 'DELETE /api/v1/activities/:id/participants/:participantId',
    name: 'a participant of another agency’s program',
    call: async () => ({
      method: 'DELETE',
      url: `/api/v1/activities/${m.other.approved}/participants/${await m.participant(m.other.approved)}`,
    }),
    expect: coordination(204),
  },
  // The assistance process
  {
    route: 'GET /api/v1/activities/:id/timeline',
    name: 'of a published program',
    call: async () => ({ url: `/api/v1/activities/${m.own.approved}/timeline` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/activities/:id/timeline',
    name: 'of a request',
    call: async () => ({ url: `/api/v1/activities/${m.own.request}/timeline` }),
    expect: hidden(200),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'submit the own agency’s request',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${(await m.program('request')).id}/transitions`,
      payload: { action: 'submit' },
    }),
    expect: { ...ownAgency(200), ...nominators(200) },
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'submit another agency’s request',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${(await m.program('request', OTHER)).id}/transitions`,
      payload: { action: 'submit' },
    }),
    expect: { ...coordination(200), ...nominators(200) },
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'approve (the ministries signed off)',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${await signedOff(m, 'assessment')}/transitions`,
      payload: { action: 'approve' },
    }),
    expect: coordination(200),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'fund (the ministries signed off)',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${await signedOff(m, 'approved')}/transitions`,
      payload: { action: 'fund' },
    }),
    expect: coordination(200),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'start the own agency’s funded program',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${(await m.program('funded')).id}/transitions`,
      payload: { action: 'start' },
    }),
    expect: ownAgency(200),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'complete another agency’s program',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${await completable(m, OTHER)}/transitions`,
      payload: { action: 'complete' },
    }),
    expect: coordination(200),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'cancel the own agency’s program',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${(await m.program('approved')).id}/transitions`,
      payload: { action: 'cancel', comment: 'No venue' },
    }),
    expect: ownAgency(200),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'evaluate',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${await evaluable(m)}/transitions`,
      payload: { action: 'evaluate' },
    }),
    expect: coordination(200),
  },
  // The coordination ministries' sign-offs (docs/sign-offs.md)
  {
    route: 'GET /api/v1/activities/:id/sign-offs',
    name: 'of a program in assessment',
    call: async () => ({ url: `/api/v1/activities/${(await m.program('assessment')).id}/sign-offs` }),
    expect: signedIn(200),
  },
  {
    // The matrix's coordinator and administrator act for no ministry: they may not sign for one
    // (signing for the own ministry: sign-offs.int.test.ts).
    route: 'POST /api/v1/activities/:id/sign-offs',
    name: 'for a ministry the account does not act for',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${(await m.program('assessment')).id}/sign-offs`,
      payload: { step: 'assessment', orgCode: 'ID-BAPPENAS', opinion: 'agree' },
    }),
    expect: { ...everyone(403), anonymous: 401 },
  },
  { route: 'GET /api/v1/sign-off-rules', call: async () => ({ url: '/api/v1/sign-off-rules' }), expect: signedIn(200) },
  {
    route: 'PUT /api/v1/sign-off-rules',
    name: 'an optional ministry',
    call: async () => ({
      method: 'PUT',
      url: '/api/v1/sign-off-rules',
      payload: { step: 'funding', orgCode: OWN, required: false, daysAllowed: 5 },
    }),
    expect: coordination(200),
  },
  // Rows of the former roles matrix not covered above
  {
    route: 'POST /api/v1/activities',
    name: 'already completed',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({ implementingOrg: OWN, lifecycleStage: 'completed' }),
    }),
    expect: coordination(201),
  },
  {
    route: 'PATCH /api/v1/activities/:id',
    name: 'the own agency’s request',
    call: async () => ({ method: 'PATCH', url: `/api/v1/activities/${(await m.program('request')).id}`, payload: { titleEn: 'Changed' } }),
    expect: ownAgency(200),
  },
  {
    route: 'POST /api/v1/activities/:id/participants',
    name: 'participant to another agency’s request (not open for nominations)',
    call: async () => ({ method: 'POST', url: `/api/v1/activities/${m.other.request}/participants`, payload: aParticipant() }),
    expect: coordination(201),
  },
  {
    route: 'POST /api/v1/activities/:id/transitions',
    name: 'start another agency’s funded program',
    call: async () => ({
      method: 'POST',
      url: `/api/v1/activities/${(await m.program('funded', OTHER)).id}/transitions`,
      payload: { action: 'start' },
    }),
    expect: coordination(200),
  },
];
