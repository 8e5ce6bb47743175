import { describe, expect, it } from 'vitest';
import type { CooperationRequest } from '../../api/request-queries.js';
import { canRequests } from '../../auth/request-rules.js';
import { emptyRequestForm, requestFormOf, toRequestBody, validateRequestForm } from './request-form.js';

describe('the new-request form', () => {
  it('sends empty fields as null and leaves out an empty relay', () => {
    const s = { ...emptyRequestForm('2026-11-29', 'FJ'), topic: 'Disaster risk management training', flagshipArea: 'DEV-DRM' };
    expect(toRequestBody(s)).toEqual({
      country: 'FJ',
      topic: 'Disaster risk management training',
      description: null,
      flagshipArea: 'DEV-DRM',
      sectorCode: null,
      modality: null,
      periodFrom: null,
      periodTo: null,
      receivedOn: '2026-11-29',
    });
    expect(validateRequestForm(s).size).toBe(0);
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
    description: null,
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
    expect(form).toMatchObject({ country: 'FJ', description: '', periodTo: '', relayedBy: 'ID-KBRI-SUVA' });
    expect(toRequestBody(form)).toEqual({
      country: 'FJ',
      topic: registered.topic,
      description: null,
      flagshipArea: 'DEV-DRM',
      sectorCode: '43060',
      modality: 'training',
      periodFrom: '2027-03-01',
      periodTo: null,
      receivedOn: '2026-02-16',
      relayedBy: 'ID-KBRI-SUVA',
    });
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
