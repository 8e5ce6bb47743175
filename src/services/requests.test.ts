import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { ConflictError, ForbiddenError, InvalidError } from '../domain/errors.js';
import { requestInputSchema, requestListQuerySchema, requestPatchSchema } from '../domain/request/request.schema.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeOrganisations } from '../testing/fakes/organisations.js';
import { FakeRequests } from '../testing/fakes/requests.js';
import { actors, fakeDeps } from '../testing/fakes/store.js';
import { deleteRequest, editRequest, getRequest, listRequests, registerRequest } from './requests.js';

const EMBASSY = 'ID-KBRI-SUVA';
const FIJI = 'FJ-MFA';

function setup() {
  const repos = { requests: new FakeRequests(), organisations: new FakeOrganisations(), audit: new FakeAudit() };
  repos.organisations.seed(
    { code: EMBASSY, nameEn: 'Embassy in Suva', countryCode: 'ID' },
    { code: FIJI, nameEn: 'Fiji foreign ministry', countryCode: 'FJ', kind: 'recipient_institution' },
  );
  return { repos, as: (actor: Actor) => fakeDeps(repos, actor) };
}

const aRequest = (overrides: Record<string, unknown> = {}) =>
  requestInputSchema.parse({ country: 'FJ', topic: 'Disaster risk management training', receivedOn: '2026-11-20', ...overrides });

describe('registerRequest', () => {
  it('numbers requests per year, makes an embassy the relay (spelt as stored) and audits the creation', async () => {
    const { repos, as } = setup();
    const first = await registerRequest(as(actors.embassy('id-kbri-suva')), aRequest());
    const second = await registerRequest(as(actors.coordinator), aRequest({ country: 'TL', relayedBy: 'id-kbri-suva' }));
    expect(first).toMatchObject({
      reference: 'REQ-2026-0001',
      status: 'registered',
      relayedBy: EMBASSY,
      createdBy: 'embassy.id-kbri-suva@mitra.test',
      version: 1,
    });
    expect(second).toMatchObject({ reference: 'REQ-2026-0002', relayedBy: EMBASSY });
    expect(repos.audit.of('cooperation_request', first.id)).toEqual([
      expect.objectContaining({ action: 'create', entityLabel: 'REQ-2026-0001', entityVersion: 1 }),
    ]);
  });

  it('keeps embassies and focal points to their own organisation and government', async () => {
    const { repos, as } = setup();
    await expect(registerRequest(as(actors.embassy(EMBASSY)), aRequest({ relayedBy: FIJI }))).rejects.toMatchObject({
      code: 'cooperation_request.relay_not_own',
    });
    const otherCountry = registerRequest(as(actors.focalPoint(FIJI)), aRequest({ country: 'TL' }));
    await expect(otherCountry).rejects.toBeInstanceOf(ForbiddenError);
    await expect(otherCountry).rejects.toMatchObject({ code: 'cooperation_request.not_own_country' });
    await expect(registerRequest(as(actors.viewer), aRequest())).rejects.toMatchObject({ code: 'request.forbidden' });
    expect(repos.requests.rows).toEqual([]);
    expect(repos.audit.entries).toEqual([]);
  });

  it('names the field of a date after today and of an unknown relay', async () => {
    const { as } = setup();
    const future = registerRequest(as(actors.coordinator), aRequest({ receivedOn: '2026-12-01' }));
    await expect(future).rejects.toBeInstanceOf(InvalidError);
    await expect(future).rejects.toMatchObject({ issues: [{ path: 'receivedOn', code: 'future_date' }] });
    await expect(registerRequest(as(actors.coordinator), aRequest({ relayedBy: 'ID-NOWHERE' }))).rejects.toMatchObject({
      code: 'cooperation_request.invalid',
      issues: [{ path: 'relayedBy', code: 'unknown_organisation' }],
    });
  });
});

describe('editRequest', () => {
  it('refuses a stale version, and checks the period against the stored start', async () => {
    const { as } = setup();
    const team = as(actors.coordinator);
    const r = await registerRequest(team, aRequest({ periodFrom: '2027-03-01' }));
    const edited = await editRequest(team, r.id, requestPatchSchema.parse({ topic: 'Community-based disaster risk management' }), {
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({ topic: 'Community-based disaster risk management', version: 2, periodFrom: '2027-03-01' });
    const stale = editRequest(team, r.id, requestPatchSchema.parse({ topic: 'Again' }), { expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'cooperation_request.stale', details: { currentVersion: 2, yourVersion: 1 } });
    await expect(editRequest(team, r.id, requestPatchSchema.parse({ periodTo: '2027-01-31' }))).rejects.toMatchObject({
      issues: [{ path: 'periodTo', code: 'date_order' }],
    });
  });

  it('leaves a request under assessment to the coordination team', async () => {
    const { repos, as } = setup();
    const embassy = as(actors.embassy(EMBASSY));
    const r = await registerRequest(embassy, aRequest());
    await repos.requests.update(
      r.id,
      1,
      { status: 'assessment', assessmentNote: null, assessmentNoteId: null, activityId: null },
      '2026-11-28T09:00:00.000Z',
    );
    await expect(editRequest(embassy, r.id, requestPatchSchema.parse({ topic: 'Changed' }))).rejects.toMatchObject({
      code: 'cooperation_request.under_assessment',
    });
    expect((await getRequest(embassy, r.id)).topic).toBe('Disaster risk management training');
  });
});

describe('deleteRequest', () => {
  it('lets the relaying embassy delete a request still registered, not another organisation, and not a decided one', async () => {
    const { repos, as } = setup();
    const mine = await registerRequest(as(actors.embassy(EMBASSY)), aRequest());
    await expect(deleteRequest(as(actors.embassy('ID-KBRI-DILI')), mine.id)).rejects.toMatchObject({
      code: 'cooperation_request.forbidden',
    });
    const declined = await registerRequest(as(actors.coordinator), aRequest({ topic: 'Scholarships' }));
    await repos.requests.update(
      declined.id,
      1,
      { status: 'declined', assessmentNote: 'out of scope', assessmentNoteId: null, activityId: null },
      '2026-11-28T09:00:00.000Z',
    );
    await expect(deleteRequest(as(actors.coordinator), declined.id)).rejects.toMatchObject({ code: 'cooperation_request.decided' });
    await deleteRequest(as(actors.embassy(EMBASSY)), mine.id);
    expect(repos.requests.rows.map((r) => r.id)).toEqual([declined.id]);
    expect(repos.audit.of('cooperation_request', mine.id).map((e) => e.action)).toEqual(['create', 'delete']);
  });
});

describe('listRequests', () => {
  it('shows a focal point its own government’s requests only', async () => {
    const { as } = setup();
    await registerRequest(as(actors.coordinator), aRequest());
    await registerRequest(as(actors.coordinator), aRequest({ country: 'TL', topic: 'Agricultural extension' }));
    const query = requestListQuerySchema.parse({});
    expect((await listRequests(as(actors.focalPoint(FIJI)), query)).items.map((r) => r.country)).toEqual(['FJ']);
    expect((await listRequests(as(actors.focalPoint(FIJI)), { ...query, country: 'TL' })).total).toBe(0);
    expect((await listRequests(as(actors.viewer), query)).total).toBe(2);
  });
});
