/**
 * The requests API, endpoint by endpoint against every role (admin, coordinator, agency,
 * embassy, focal point, viewer, the public), on both engines; then what the answers carry.
 * Rows that change a request make their own, so they depend neither on each other nor on order.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { activityInputSchema } from '../domain/activity/activity.schema.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { requestInputSchema, type RequestInputRequest } from '../domain/request/request.schema.js';
import { serverFor } from '../main.js';
import { createActivity } from '../services/activities.js';
import { createOrganisation } from '../services/organisations.js';
import { assessRequest, registerRequest } from '../services/requests.js';
import { anActivity } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

type Who = Role | 'anonymous';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
const AGENCY = 'ID-RQ-AGENCY';
const EMBASSY = 'ID-RQ-KBRI';
/** The focal point works for Fiji's foreign ministry. */
const FOCAL = 'FJ-RQ-MOFA';

type Expect = Readonly<Record<Who, number>>;
const signedIn = (status: number): Expect => ({ admin: status, coordinator: status, agency: status, embassy: status, focal_point: status, viewer: status, anonymous: 401 });
const coordination = (status: number): Expect => ({ ...signedIn(403), admin: status, coordinator: status });

interface Call {
  readonly method?: 'GET' | 'POST';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

describeEachEngine('requests API', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;
  const system = () => app().deps;
  const input = (extra: Partial<RequestInputRequest> = {}) => ({ country: 'FJ', topic: 'Community-based disaster risk management', flagshipArea: 'DEV-DRM', sectorCode: '43060', modality: 'training', receivedOn: '2026-05-04', ...extra });
  const aRequest = async (extra: Partial<RequestInputRequest> = {}) => (await registerRequest(system(), requestInputSchema.parse(input(extra)))).id;
  const anAssessedRequest = async () => {
    const id = await aRequest();
    await assessRequest(system(), id, {});
    return id;
  };
  let fiji = 0;
  let timor = 0;

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    await ensureOrg(app(), AGENCY);
    await ensureOrg(app(), EMBASSY);
    await createOrganisation(system(), organisationInputSchema.parse({ code: FOCAL, nameEn: 'Ministry of Foreign Affairs of Fiji', type: '10', countryCode: 'FJ', kind: 'recipient_institution' }));
    for (const who of WHO) {
      if (who === 'anonymous') as[who] = server;
      else as[who] = asSession(server, await signIn(server, app(), who, who === 'agency' ? AGENCY : who === 'embassy' ? EMBASSY : who === 'focal_point' ? FOCAL : null));
    }
    fiji = await aRequest();
    timor = await aRequest({ country: 'TL', topic: 'Agricultural extension', flagshipArea: 'DEV-AGR', sectorCode: '31166' });
    await createActivity(system(), activityInputSchema.parse(anActivity({ implementingOrg: AGENCY, flagshipArea: 'DEV-DRM', lifecycleStage: 'completed', recipients: [{ country: 'FJ' }] })));
  }, 60_000);

  const send = (who: Who, call: Call): Promise<LightMyRequestResponse> =>
    as[who].inject({ method: call.method ?? 'GET', url: call.url, ...(call.payload === undefined ? {} : { payload: call.payload as string }), ...(call.headers ? { headers: call.headers } : {}) });

  const ROWS: readonly { name: string; call: (who: Who) => Promise<Call>; expect: Expect }[] = [
    { name: 'GET /requests', call: async () => ({ url: '/api/v1/requests' }), expect: signedIn(200) },
    { name: 'GET /requests/{id} of Fiji', call: async () => ({ url: `/api/v1/requests/${fiji}` }), expect: signedIn(200) },
    { name: 'GET /requests/{id} of Timor-Leste', call: async () => ({ url: `/api/v1/requests/${timor}` }), expect: { ...signedIn(200), focal_point: 404 } },
    { name: 'GET /requests/{id}/matches of Fiji', call: async () => ({ url: `/api/v1/requests/${fiji}/matches` }), expect: signedIn(200) },
    { name: 'GET /requests/{id}/matches of Timor-Leste', call: async () => ({ url: `/api/v1/requests/${timor}/matches` }), expect: { ...signedIn(200), focal_point: 404 } },
    { name: 'POST /requests from Fiji', call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: input() }), expect: { ...signedIn(403), admin: 201, coordinator: 201, embassy: 201, focal_point: 201 } },
    { name: 'POST /requests from Timor-Leste', call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: input({ country: 'TL' }) }), expect: { ...signedIn(403), admin: 201, coordinator: 201, embassy: 201 } },
    { name: 'POST /requests/{id}/assess', call: async () => ({ method: 'POST', url: `/api/v1/requests/${await aRequest()}/assess`, payload: {} }), expect: coordination(200) },
    { name: 'POST /requests/{id}/decline', call: async () => ({ method: 'POST', url: `/api/v1/requests/${await aRequest()}/decline`, payload: { note: 'Not this year' } }), expect: coordination(200) },
    { name: 'POST /requests/{id}/accept', call: async () => ({ method: 'POST', url: `/api/v1/requests/${await anAssessedRequest()}/accept`, payload: { implementingOrg: AGENCY } }), expect: coordination(200) },
  ];

  describe.each(ROWS)('$name', (row) => {
    it.each(WHO)('answers %s as the matrix says', async (who) => {
      const response = await send(who, await row.call(who));
      expect(response.statusCode, response.body.slice(0, 300)).toBe(row.expect[who]);
    });
  });

  it('lists a focal point its own government’s requests only', async () => {
    const all = (await send('viewer', { url: '/api/v1/requests?pageSize=100' })).json();
    expect(all.items.map((r: { country: string }) => r.country)).toContain('TL');
    const own = (await send('focal_point', { url: '/api/v1/requests?pageSize=100' })).json();
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.items.map((r: { country: string }) => r.country))).toEqual(new Set(['FJ']));
    const filtered = (await send('coordinator', { url: '/api/v1/requests?country=Timor%20Leste&status=registered' })).json();
    expect(filtered.items.map((r: { id: number }) => r.id)).toContain(timor);
    expect(filtered.items.every((r: { country: string; status: string }) => r.country === 'TL' && r.status === 'registered')).toBe(true);
  });

  it('makes the registering embassy the relay, and names bad fields', async () => {
    const created = await send('embassy', { method: 'POST', url: '/api/v1/requests', payload: input({ country: 'Timor-Leste' }) });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/requests/${created.json().id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({ country: 'TL', relayedBy: EMBASSY, status: 'registered', reference: expect.stringMatching(/^REQ-2026-\d{4}$/) });
    const bad = await send('coordinator', { method: 'POST', url: '/api/v1/requests', payload: { ...input(), country: 'Atlantis', periodFrom: '2027-02-02', periodTo: '2027-01-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['country']);
    const order = await send('coordinator', { method: 'POST', url: '/api/v1/requests', payload: { ...input(), periodFrom: '2027-02-02', periodTo: '2027-01-01' } });
    expect(order.statusCode).toBe(400);
    expect(order.json().issues.map((i: { path: string }) => i.path)).toEqual(['periodTo']);
    const foreign = await send('focal_point', { method: 'POST', url: '/api/v1/requests', payload: input({ country: 'TL' }) });
    expect(foreign.json().code).toBe('cooperation_request.not_own_country');
  });

  it('honours If-Match and links the accepted request to its program', async () => {
    const id = await aRequest();
    const stale = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/assess`, payload: {}, headers: { 'if-match': '"5"' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('cooperation_request.stale');
    expect((await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/assess`, payload: {}, headers: { 'if-match': 'five' } })).statusCode).toBe(400);
    const early = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/accept`, payload: {} });
    expect([early.statusCode, early.json().code]).toEqual([409, 'cooperation_request.invalid_transition']);
    const assessed = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/assess`, payload: { note: 'Consulted the agency' }, headers: { 'if-match': '"1"' } });
    expect([assessed.statusCode, assessed.headers.etag, assessed.json().status]).toEqual([200, '"2"', 'assessment']);
    const noNote = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/decline`, payload: { note: '' } });
    expect(noNote.statusCode).toBe(400);
    const accepted = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/accept`, payload: { implementingOrg: AGENCY }, headers: { 'if-match': '"2"' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const body = accepted.json();
    expect(body).toMatchObject({ status: 'accepted', version: 3, activityIdentifier: body.reference });
    const program = (await send('viewer', { url: `/api/v1/activities/${body.activityId}` })).json();
    expect(program).toMatchObject({ identifier: body.reference, lifecycleStage: 'request', implementingOrg: AGENCY, recipients: [{ country: 'FJ', percentage: null }] });
  });

  it('gives the matches with their reasons, and alumni names only to those who may see them', async () => {
    const m = (await send('embassy', { url: `/api/v1/requests/${fiji}/matches` })).json();
    expect(m.request.id).toBe(fiji);
    const agency = m.agencies.find((a: { code: string }) => a.code === AGENCY);
    // One completed DEV-DRM training in Fiji, 2018 (too old for recency): 10 + 8 + 4 = 22.
    expect(agency).toMatchObject({ score: 22, programs: 1 });
    expect(agency.reasons).toEqual([
      { code: 'same_area', area: 'DEV-DRM', programs: 1, points: 10 },
      { code: 'country_experience', country: 'FJ', programs: 1, points: 8 },
      { code: 'same_modality', modality: 'training', programs: 1, points: 4 },
    ]);
    expect(m.alumni).toEqual([]);
    expect((await send('anonymous', { url: `/api/v1/requests/${fiji}/matches` })).json().code).toBe('auth.required');
    expect((await send('viewer', { url: '/api/v1/requests/999999/matches' })).statusCode).toBe(404);
  });
});
