/**
 * The requests API, endpoint by endpoint against every role (admin, coordinator, agency,
 * embassy, focal point, viewer, the public), on both engines; then what the answers carry.
 * Rows that change a request make their own, so they depend neither on each other nor on order.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { requestInputSchema, type RequestInputRequest } from '../domain/request/request.schema.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { createOrganisation } from '../services/organisations.js';
import { assessRequest, declineRequest, registerRequest } from '../services/requests.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

type Who = Role | 'anonymous';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
const AGENCY = 'ID-RQ-AGENCY';
const EMBASSY = 'ID-RQ-KBRI';
/** The focal point works for Fiji's foreign ministry. */
const FOCAL = 'FJ-RQ-MOFA';

type Expect = Readonly<Record<Who, number>>;
const signedIn = (status: number): Expect => ({
  admin: status,
  coordinator: status,
  agency: status,
  embassy: status,
  focal_point: status,
  viewer: status,
  anonymous: 401,
});
const coordination = (status: number): Expect => ({ ...signedIn(403), admin: status, coordinator: status });

interface Call {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

describeEachEngine('requests API', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;
  const system = () => app().deps;
  const input = (extra: Partial<RequestInputRequest> = {}) => ({
    country: 'FJ',
    topic: 'Community-based disaster risk management',
    flagshipArea: 'DEV-DRM',
    sectorCode: '43060',
    modality: 'training',
    receivedOn: '2026-05-04',
    ...extra,
  });
  const aRequest = async (extra: Partial<RequestInputRequest> = {}) =>
    (await registerRequest(system(), requestInputSchema.parse(input(extra)))).id;
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
    await createOrganisation(
      system(),
      organisationInputSchema.parse({
        code: FOCAL,
        nameEn: 'Ministry of Foreign Affairs of Fiji',
        type: '10',
        countryCode: 'FJ',
        kind: 'recipient_institution',
      }),
    );
    for (const who of WHO) {
      if (who === 'anonymous') as[who] = server;
      else
        as[who] = asSession(
          server,
          await signIn(server, app(), who, who === 'agency' ? AGENCY : who === 'embassy' ? EMBASSY : who === 'focal_point' ? FOCAL : null),
        );
    }
    fiji = await aRequest();
    timor = await aRequest({ country: 'TL', topic: 'Agricultural extension', flagshipArea: 'DEV-AGR', sectorCode: '31166' });
    await createProgram(
      system(),
      programInputSchema.parse(
        aProgram({ implementingOrg: AGENCY, flagshipArea: 'DEV-DRM', lifecycleStage: 'completed', recipients: [{ country: 'FJ' }] }),
      ),
    );
  }, 60_000);

  const send = (who: Who, call: Call): Promise<LightMyRequestResponse> =>
    as[who].inject({
      method: call.method ?? 'GET',
      url: call.url,
      ...(call.payload === undefined ? {} : { payload: call.payload as string }),
      // A change names no version unless the row does (If-Match: *); the 428 without one is tested on its own.
      headers: { ...(call.method && call.method !== 'GET' ? { 'if-match': '*' } : {}), ...call.headers },
    });

  const ROWS: readonly { name: string; call: (who: Who) => Promise<Call>; expect: Expect }[] = [
    { name: 'GET /requests', call: async () => ({ url: '/api/v1/requests' }), expect: signedIn(200) },
    { name: 'GET /requests/{id} of Fiji', call: async () => ({ url: `/api/v1/requests/${fiji}` }), expect: signedIn(200) },
    {
      name: 'GET /requests/{id} of Timor-Leste',
      call: async () => ({ url: `/api/v1/requests/${timor}` }),
      expect: { ...signedIn(200), focal_point: 404 },
    },
    { name: 'GET /requests/{id}/matches of Fiji', call: async () => ({ url: `/api/v1/requests/${fiji}/matches` }), expect: signedIn(200) },
    {
      name: 'GET /requests/{id}/matches of Timor-Leste',
      call: async () => ({ url: `/api/v1/requests/${timor}/matches` }),
      expect: { ...signedIn(200), focal_point: 404 },
    },
    {
      name: 'POST /requests from Fiji',
      call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: input() }),
      expect: { ...signedIn(403), admin: 201, coordinator: 201, embassy: 201, focal_point: 201 },
    },
    {
      name: 'POST /requests from Timor-Leste',
      call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: input({ country: 'TL' }) }),
      expect: { ...signedIn(403), admin: 201, coordinator: 201, embassy: 201 },
    },
    {
      name: 'POST /requests/{id}/assess',
      call: async () => ({ method: 'POST', url: `/api/v1/requests/${await aRequest()}/assess`, payload: {} }),
      expect: coordination(200),
    },
    {
      name: 'POST /requests/{id}/decline',
      call: async () => ({ method: 'POST', url: `/api/v1/requests/${await aRequest()}/decline`, payload: { note: 'Not this year' } }),
      expect: coordination(200),
    },
    {
      name: 'POST /requests/{id}/accept',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/requests/${await anAssessedRequest()}/accept`,
        payload: { implementingOrg: AGENCY },
      }),
      expect: coordination(200),
    },
    {
      name: 'PATCH /requests/{id}, registered',
      call: async () => ({ method: 'PATCH', url: `/api/v1/requests/${await aRequest()}`, payload: { topic: 'Corrected topic' } }),
      expect: coordination(200),
    },
    {
      name: 'PATCH /requests/{id}, registered, relayed by the embassy',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/requests/${await aRequest({ relayedBy: EMBASSY })}`,
        payload: { periodTo: '2027-03-26' },
      }),
      expect: { ...coordination(200), embassy: 200 },
    },
    {
      name: 'PATCH /requests/{id}, under assessment, relayed by the embassy',
      call: async () => {
        const id = await aRequest({ relayedBy: EMBASSY });
        await assessRequest(system(), id, {});
        return { method: 'PATCH', url: `/api/v1/requests/${id}`, payload: { topic: 'Corrected topic' } };
      },
      expect: { ...coordination(200), embassy: 403 },
    },
    {
      name: 'PATCH /requests/{id}, declined',
      call: async () => {
        const id = await aRequest({ relayedBy: EMBASSY });
        await declineRequest(system(), id, { note: 'Not this year' });
        return { method: 'PATCH', url: `/api/v1/requests/${id}`, payload: { topic: 'Corrected topic' } };
      },
      expect: { ...coordination(409), embassy: 409 },
    },
    {
      name: 'DELETE /requests/{id}, registered, relayed by the embassy',
      call: async () => ({ method: 'DELETE', url: `/api/v1/requests/${await aRequest({ relayedBy: EMBASSY })}` }),
      expect: { ...coordination(204), embassy: 204 },
    },
    {
      name: 'DELETE /requests/{id}, under assessment',
      call: async () => ({ method: 'DELETE', url: `/api/v1/requests/${await anAssessedRequest()}` }),
      expect: coordination(409),
    },
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
    expect(created.json()).toMatchObject({
      country: 'TL',
      relayedBy: EMBASSY,
      status: 'registered',
      reference: expect.stringMatching(/^REQ-2026-\d{4}$/),
    });
    const bad = await send('coordinator', {
      method: 'POST',
      url: '/api/v1/requests',
      payload: { ...input(), country: 'Atlantis', periodFrom: '2027-02-02', periodTo: '2027-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['country']);
    const order = await send('coordinator', {
      method: 'POST',
      url: '/api/v1/requests',
      payload: { ...input(), periodFrom: '2027-02-02', periodTo: '2027-01-01' },
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().issues.map((i: { path: string }) => i.path)).toEqual(['periodTo']);
    const foreign = await send('focal_point', { method: 'POST', url: '/api/v1/requests', payload: input({ country: 'TL' }) });
    expect(foreign.json().code).toBe('cooperation_request.not_own_country');
  });

  it('corrects a request with its checks, If-Match honoured, and keeps a focal point to its government', async () => {
    const id = await aRequest();
    const edited = await send('coordinator', {
      method: 'PATCH',
      url: `/api/v1/requests/${id}`,
      payload: { topic: 'Community-based DRM for divisional officers', periodFrom: '2027-04-05', periodTo: '2027-04-23' },
      headers: { 'if-match': '"1"' },
    });
    expect([edited.statusCode, edited.headers.etag]).toEqual([200, '"2"']);
    expect(edited.json()).toMatchObject({
      topic: 'Community-based DRM for divisional officers',
      periodFrom: '2027-04-05',
      periodTo: '2027-04-23',
      country: 'FJ',
      version: 2,
    });
    const stale = await send('coordinator', {
      method: 'PATCH',
      url: `/api/v1/requests/${id}`,
      payload: { topic: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'cooperation_request.stale']);
    // The period is checked against the stored end when only its start is sent.
    const order = await send('coordinator', { method: 'PATCH', url: `/api/v1/requests/${id}`, payload: { periodFrom: '2027-05-01' } });
    expect([order.statusCode, order.json().issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)]).toEqual([
      422,
      ['periodTo:date_order'],
    ]);
    const future = await send('coordinator', { method: 'PATCH', url: `/api/v1/requests/${id}`, payload: { receivedOn: '2030-01-01' } });
    expect(future.json().issues.map((i: { path: string }) => i.path)).toEqual(['receivedOn']);
    const focal = (await send('focal_point', { method: 'POST', url: '/api/v1/requests', payload: input() })).json();
    const moved = await send('focal_point', { method: 'PATCH', url: `/api/v1/requests/${focal.id}`, payload: { country: 'TL' } });
    expect([moved.statusCode, moved.json().code]).toEqual([403, 'cooperation_request.not_own_country']);
    const relay = await send('focal_point', { method: 'PATCH', url: `/api/v1/requests/${focal.id}`, payload: { relayedBy: EMBASSY } });
    expect([relay.statusCode, relay.json().code]).toEqual([403, 'cooperation_request.relay_not_own']);
    expect(
      (
        await send('focal_point', { method: 'PATCH', url: `/api/v1/requests/${focal.id}`, payload: { topic: 'Fiji’s corrected topic' } })
      ).json().topic,
    ).toBe('Fiji’s corrected topic');
    expect((await send('focal_point', { method: 'DELETE', url: `/api/v1/requests/${focal.id}` })).statusCode).toBe(204);
    expect((await send('coordinator', { url: `/api/v1/requests/${focal.id}` })).statusCode).toBe(404);
  });

  it('honours If-Match and links the accepted request to its program', async () => {
    const id = await aRequest();
    const stale = await send('coordinator', {
      method: 'POST',
      url: `/api/v1/requests/${id}/assess`,
      payload: {},
      headers: { 'if-match': '"5"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('cooperation_request.stale');
    expect(
      (await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/assess`, payload: {}, headers: { 'if-match': 'five' } }))
        .statusCode,
    ).toBe(400);
    const early = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/accept`, payload: {} });
    expect([early.statusCode, early.json().code]).toEqual([409, 'cooperation_request.invalid_transition']);
    const assessed = await send('coordinator', {
      method: 'POST',
      url: `/api/v1/requests/${id}/assess`,
      payload: { note: 'Consulted the agency' },
      headers: { 'if-match': '"1"' },
    });
    expect([assessed.statusCode, assessed.headers.etag, assessed.json().status]).toEqual([200, '"2"', 'assessment']);
    const noNote = await send('coordinator', { method: 'POST', url: `/api/v1/requests/${id}/decline`, payload: { note: '' } });
    expect(noNote.statusCode).toBe(400);
    const accepted = await send('coordinator', {
      method: 'POST',
      url: `/api/v1/requests/${id}/accept`,
      payload: { implementingOrg: AGENCY },
      headers: { 'if-match': '"2"' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const body = accepted.json();
    expect(body).toMatchObject({ status: 'accepted', version: 3, activityIdentifier: body.reference });
    const program = (await send('viewer', { url: `/api/v1/activities/${body.activityId}` })).json();
    expect(program).toMatchObject({
      identifier: body.reference,
      lifecycleStage: 'request',
      implementingOrg: AGENCY,
      recipients: [{ country: 'FJ', percentage: null }],
    });
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
