import { describe, expect, it } from 'vitest';
import type { CooperationRequest } from '../../api/request-queries.js';
import { canRequests } from '../../auth/request-rules.js';
import {
  emptyDecision,
  emptyRequestForm,
  requestFormOf,
  toRequestBody,
  toRequestStep,
  validateDecision,
  validateRequestForm,
} from './request-form.js';

describe('the new-request form', () => {
  it('sends empty fields as null and leaves out an empty relay', () => {
    const s = { ...emptyRequestForm('2026-11-29', 'FJ'), topic: 'Disaster risk management training', flagshipArea: 'DEV-DRM' };
    expect(toRequestBody(s)).toEqual({
      country: 'FJ',
      topic: 'Disaster risk management training',
      topicId: null,
      description: null,
      descriptionId: null,
      flagshipArea: 'DEV-DRM',
      sectorCode: null,
      modality: null,
      periodFrom: null,
      periodTo: null,
      receivedOn: '2026-11-29',
    });
    expect(validateRequestForm(s).size).toBe(0);
  });

  it('sends the topic and the description in Indonesian beside them, trimmed', () => {
    const s = {
      ...emptyRequestForm('2026-11-29', 'FJ'),
      topic: 'Disaster risk management training',
      topicId: ' Pelatihan manajemen risiko bencana ',
      descriptionId: 'Untuk pejabat distrik.',
    };
    expect(toRequestBody(s)).toMatchObject({
      topic: 'Disaster risk management training',
      topicId: 'Pelatihan manajemen risiko bencana',
      description: null,
      descriptionId: 'Untuk pejabat distrik.',
    });
    expect(validateRequestForm(s).size).toBe(0);
    // Beyond the API's limit: at the Indonesian field, as the server would name it.
    expect(validateRequestForm({ ...s, topicId: 'x'.repeat(301) }).get('topicId')?.code).toBe('too_big');
  });

  it('names the fields the API would refuse', () => {
    const errors = validateRequestForm({
      ...emptyRequestForm('2026-11-29'),
      sectorCode: '123',
      periodFrom: '2027-02-02',
      periodTo: '2027-02-01',
    });
    expect([...errors.keys()].sort()).toEqual(['country', 'sectorCode', 'topic']);
    expect(errors.get('country')?.code).toBe('required');
    expect(errors.get('topic')).toEqual({ code: 'required', message: 'is required' });
    const order = validateRequestForm({
      ...emptyRequestForm('2026-11-29', 'FJ'),
      topic: 'x',
      periodFrom: '2027-02-02',
      periodTo: '2027-02-01',
    });
    expect(order.get('periodTo')).toEqual({ code: 'date_order', message: 'must not be before periodFrom (2027-02-02)' });
  });
});

describe('correcting a request', () => {
  const registered = {
    id: 7,
    reference: 'REQ-2026-0007',
    country: 'FJ',
    topic: 'Disaster risk management training',
    topicId: 'Pelatihan manajemen risiko bencana',
    description: null,
    descriptionId: null,
    flagshipArea: 'DEV-DRM',
    sectorCode: '43060',
    modality: 'training',
    periodFrom: '2027-03-01',
    periodTo: null,
    receivedOn: '2026-02-16',
    relayedBy: 'ID-KBRI-SUVA',
    status: 'registered',
  } as CooperationRequest;

  it('fills the form with the request and sends it back unchanged', () => {
    const form = requestFormOf(registered);
    expect(form).toMatchObject({ country: 'FJ', description: '', descriptionId: '', periodTo: '', relayedBy: 'ID-KBRI-SUVA' });
    expect(toRequestBody(form)).toEqual({
      country: 'FJ',
      topic: registered.topic,
      topicId: 'Pelatihan manajemen risiko bencana',
      description: null,
      descriptionId: null,
      flagshipArea: 'DEV-DRM',
      sectorCode: '43060',
      modality: 'training',
      periodFrom: '2027-03-01',
      periodTo: null,
      receivedOn: '2026-02-16',
      relayedBy: 'ID-KBRI-SUVA',
    });
  });

  it('keeps the Indonesian topic when only the English one is edited, and clears it only when emptied', () => {
    // The server drops a stored variant when its text changes without it: the form always sends the variant it shows.
    const form = requestFormOf(registered);
    expect(toRequestBody({ ...form, topic: 'Training in disaster risk management' })).toMatchObject({
      topic: 'Training in disaster risk management',
      topicId: 'Pelatihan manajemen risiko bencana',
    });
    expect(toRequestBody({ ...form, topicId: '' }).topicId).toBeNull();
  });

  it('offers the correction to the coordination team until the decision, to the relay while registered', () => {
    const user = (role: string, orgCode: string | null = null) =>
      ({ id: 1, email: 'x@y.z', name: 'X', role, orgCode }) as Parameters<typeof canRequests.edit>[0];
    const assessed = { ...registered, status: 'assessment' as const };
    const declined = { ...registered, status: 'declined' as const };
    expect([registered, assessed, declined].map((r) => canRequests.edit(user('coordinator'), r))).toEqual([true, true, false]);
    expect([registered, assessed, declined].map((r) => canRequests.edit(user('embassy', 'ID-KBRI-SUVA'), r))).toEqual([true, false, false]);
    expect(canRequests.edit(user('embassy', 'ID-KBRI-DILI'), registered)).toBe(false);
    expect(canRequests.edit(user('viewer'), registered)).toBe(false);
    expect([registered, assessed].map((r) => canRequests.remove(user('admin'), r))).toEqual([true, false]);
    expect(canRequests.remove(user('embassy', 'id-kbri-suva'), registered)).toBe(true);
  });
});

describe('the decision notes', () => {
  const texts = { ...emptyDecision(), note: ' Consult BNPB first ', noteId: ' Konsultasikan dulu dengan BNPB ' };

  it('sends a note with its Indonesian variant, and neither when both are empty', () => {
    expect(toRequestStep('assessment', texts)).toEqual({
      kind: 'assess',
      note: 'Consult BNPB first',
      noteId: 'Konsultasikan dulu dengan BNPB',
    });
    expect(toRequestStep('assessment', emptyDecision())).toEqual({ kind: 'assess' });
    expect(toRequestStep('accepted', { ...texts, noteId: '', agency: ' ID-BNPB ', identifier: '' })).toEqual({
      kind: 'accept',
      note: 'Consult BNPB first',
      implementingOrg: 'ID-BNPB',
    });
  });

  it('sends the reason of a decline with its own Indonesian variant, not the note’s', () => {
    const declined = { ...texts, reason: 'Outside the priorities', reasonId: 'Di luar prioritas' };
    expect(toRequestStep('declined', declined)).toEqual({ kind: 'decline', note: 'Outside the priorities', noteId: 'Di luar prioritas' });
    expect(toRequestStep('declined', { ...declined, reasonId: ' ' })).toEqual({ kind: 'decline', note: 'Outside the priorities' });
  });

  it('asks for the English note beside an Indonesian one (the server keeps a variant only with its note), and for a decline’s reason', () => {
    expect(validateDecision('assessment', texts).size).toBe(0);
    expect(validateDecision('accepted', { ...emptyDecision(), noteId: 'Catatan saja' }).get('note')?.code).toBe('english_required');
    expect(validateDecision('declined', { ...emptyDecision(), reasonId: 'Di luar prioritas' }).get('note')?.code).toBe('required');
    expect(validateDecision('declined', { ...emptyDecision(), reason: 'Outside the priorities' }).size).toBe(0);
  });
});
