import { beforeAll, describe, expect, it } from 'vitest';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

describeEachEngine('programs API', (app) => {
  const server = useServer(app);
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    server().inject({ method: 'POST', url, payload: payload as object, headers });
  const count = async () => (await server().inject({ url: '/api/v1/activities?pageSize=1' })).json().total as number;
  let partner = '';

  beforeAll(async () => {
    partner = (await post('/api/v1/organisations', anOrganisation({ kind: 'partner' }))).json().code;
  });

  it('creates, reads, changes and deletes a program with ETags', async () => {
    const created = await post(
      '/api/v1/activities',
      aProgram({ budgets: [{ periodStart: '2018-01-01', periodEnd: '2018-12-31', amount: 1500000.5, currency: 'idr' }] }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(created.headers.location).toBe(`/api/v1/activities/${body.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(body.budgets[0]).toMatchObject({ amount: '1500000.50', currency: 'IDR', type: 1, status: 1 });

    const read = await server().inject({ url: `/api/v1/activities/${body.id}` });
    expect(read.json()).toEqual(body);
    const byIdentifier = await server().inject({ url: `/api/v1/activities/by-identifier/${body.identifier}` });
    expect(byIdentifier.json().id).toBe(body.id);

    const patched = await server().inject({
      method: 'PATCH',
      url: `/api/v1/activities/${body.id}`,
      payload: { titleEn: 'Changed' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');

    const stale = await server().inject({
      method: 'PATCH',
      url: `/api/v1/activities/${body.id}`,
      payload: { titleEn: 'Lost' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('activity.stale');

    const replaced = await server().inject({
      headers: { 'if-match': '*' },
      method: 'PUT',
      url: `/api/v1/activities/${body.id}`,
      payload: { identifier: body.identifier, titleId: 'Judul' },
    });
    expect(replaced.json()).toMatchObject({ titleEn: null, titleId: 'Judul', version: 3, budgets: [] });

    const deleted = await server().inject({ method: 'DELETE', url: `/api/v1/activities/${body.id}`, headers: { 'if-match': '"3"' } });
    expect(deleted.statusCode).toBe(204);
    expect((await server().inject({ url: `/api/v1/activities/${body.id}` })).statusCode).toBe(404);
  });

  it('answers problem+json naming every bad field, and writes nothing', async () => {
    const before = await count();
    const res = await post('/api/v1/activities', {
      identifier: 'has space',
      modality: 'dancing',
      plannedStart: '2018-02-30',
      recipients: [{ country: 'Narnia' }],
      role: 'admin',
      version: 7,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({
      status: 400,
      code: 'request.invalid',
      type: 'urn:mitra:problem:request.invalid',
      instance: '/api/v1/activities',
    });
    expect(problem.requestId).toEqual(expect.any(String));
    expect(problem.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ['identifier', 'modality', 'plannedStart', 'recipients.0.country', 'role', 'version'].sort(),
    );
    expect(problem.issues.find((i: { path: string }) => i.path === 'role')).toMatchObject({ code: 'unknown_field', in: 'body' });
    expect(problem.issues.find((i: { path: string }) => i.path === 'plannedStart')).toMatchObject({ code: 'invalid_date' });
    expect(problem.issues.find((i: { path: string }) => i.path === 'recipients.0.country').message).toMatch(/did you mean/);
    expect(await count()).toBe(before);
  });

  it('answers 422 for broken rules with every field named', async () => {
    const res = await post(
      '/api/v1/activities',
      aProgram({
        titleEn: null,
        titleId: null,
        plannedEnd: '2018-01-01',
        cooperationType: 'triangular',
        recipients: [
          { country: 'FJ', percentage: 60 },
          { country: 'PG', percentage: 30 },
        ],
        implementingOrg: 'NOPE',
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'titleEn',
      'plannedEnd',
      'recipients',
      'partners',
      'implementingOrg',
    ]);
  });

  it('refuses an embassy (or a recipient institution) as the implementer: 422 at implementingOrg, on create, patch and replace', async () => {
    const embassy = (await post('/api/v1/organisations', anOrganisation({ kind: 'embassy' }))).json().code;
    const recipient = (await post('/api/v1/organisations', anOrganisation({ kind: 'recipient_institution', countryCode: 'FJ' }))).json()
      .code;
    const agency = (await post('/api/v1/organisations', anOrganisation())).json().code;
    const before = await count();
    for (const org of [embassy, recipient]) {
      const res = await post('/api/v1/activities', aProgram({ implementingOrg: org }));
      expect(res.statusCode).toBe(422);
      expect(res.json().issues).toEqual([expect.objectContaining({ path: 'implementingOrg', code: 'cannot_implement' })]);
    }
    expect(await count()).toBe(before);
    const program = (await post('/api/v1/activities', aProgram({ implementingOrg: agency }))).json();
    const patched = await server().inject({
      headers: { 'if-match': '*' },
      method: 'PATCH',
      url: `/api/v1/activities/${program.id}`,
      payload: { implementingOrg: embassy.toLowerCase() },
    });
    expect(patched.statusCode).toBe(422);
    expect(patched.json().issues.map((i: { path: string }) => i.path)).toEqual(['implementingOrg']);
    const replaced = await server().inject({
      headers: { 'if-match': '*' },
      method: 'PUT',
      url: `/api/v1/activities/${program.id}`,
      payload: { ...aProgram({ implementingOrg: embassy }), identifier: program.identifier },
    });
    expect(replaced.statusCode).toBe(422);
    expect((await server().inject({ url: `/api/v1/activities/${program.id}` })).json()).toMatchObject({
      implementingOrg: agency,
      version: 1,
    });
  });

  it('answers 409 for an identifier that exists', async () => {
    const a = aProgram();
    expect((await post('/api/v1/activities', a)).statusCode).toBe(201);
    const res = await post('/api/v1/activities', a);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'activity.identifier_taken', issues: [{ path: 'identifier', code: 'duplicate' }] });
  });

  it('refuses malformed JSON, a wrong media type, an oversized body and a bad If-Match', async () => {
    const malformed = await server().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: '{"identifier": "X",',
      headers: JSON_HEADERS,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_json');

    const text = await server().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: 'identifier=X',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);

    const huge = await post('/api/v1/activities', aProgram({ descriptionEn: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('request.too_large');

    const created = (await post('/api/v1/activities', aProgram())).json();
    const badIfMatch = await server().inject({
      method: 'PATCH',
      url: `/api/v1/activities/${created.id}`,
      payload: {},
      headers: { 'if-match': 'yesterday' },
    });
    expect(badIfMatch.statusCode).toBe(400);
    expect(badIfMatch.json().code).toBe('request.if_match');
    // Without If-Match a change, a step and a removal are refused (they overwrote a change made meanwhile), and nothing changed.
    for (const call of [
      { method: 'PATCH' as const, url: `/api/v1/activities/${created.id}`, payload: { titleEn: 'Blind overwrite' } },
      { method: 'PUT' as const, url: `/api/v1/activities/${created.id}`, payload: aProgram({ titleEn: 'Blind overwrite' }) },
      { method: 'POST' as const, url: `/api/v1/activities/${created.id}/transitions`, payload: { action: 'submit' } },
      { method: 'DELETE' as const, url: `/api/v1/activities/${created.id}` },
    ]) {
      const blind = await server().inject(call);
      expect(blind.statusCode, `${call.method} ${call.url}`).toBe(428);
      expect(blind.json()).toMatchObject({ status: 428, code: 'request.if_match_required' });
    }
    expect((await server().inject({ url: `/api/v1/activities/${created.id}` })).json()).toMatchObject({
      version: 1,
      titleEn: created.titleEn,
    });
  });

  it('refuses text over the field limits and bad query parameters', async () => {
    const long = await post('/api/v1/activities', aProgram({ titleEn: 'x'.repeat(501) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().issues[0].path).toBe('titleEn');
    const badQuery = await server().inject({ url: '/api/v1/activities?year=twenty&region=mars&sort=colour&pageSize=100000' });
    expect(badQuery.statusCode).toBe(400);
    expect(
      badQuery
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['pageSize', 'region', 'sort', 'year']);
    expect(badQuery.json().issues[0].in).toBe('query');
  });

  it('stores SQL metacharacters and markup as plain text', async () => {
    const title = `Robert'); DROP TABLE activities;-- <script>alert(1)</script>`;
    const created = (await post('/api/v1/activities', aProgram({ titleEn: title }))).json();
    expect(created.titleEn).toBe(title);
    const search = await server().inject({ url: `/api/v1/activities?q=${encodeURIComponent("'); DROP")}` });
    expect(search.json().items.map((i: { id: number }) => i.id)).toContain(created.id);
  });

  it('lists with filters given in Indonesian or by name', async () => {
    const a = (
      await post(
        '/api/v1/activities',
        aProgram({
          modality: 'lokakarya',
          cooperationType: 'triangular',
          recipients: [{ country: 'Papua Nugini' }],
          partners: [{ org: partner, iatiRole: 1, sscRole: 'second_provider' }],
        }),
      )
    ).json();
    const res = await server().inject({
      url: `/api/v1/activities?modality=lokakarya&country=Papua%20Nugini&partner=${partner}&region=oceania&cooperationType=triangular`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([a.id]);
  });

  it('manages participants and enforces the recipient rule', async () => {
    const a = (await post('/api/v1/activities', aProgram({ recipients: [{ country: 'KE' }] }))).json();
    const ok = await post(`/api/v1/activities/${a.id}/participants`, aParticipant({ country: 'Kenya', email: 'A@b.org' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).not.toHaveProperty('personKey');
    const wrong = await post(`/api/v1/activities/${a.id}/participants`, aParticipant({ country: 'UG' }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().issues[0]).toMatchObject({ path: 'country', code: 'not_a_recipient' });
    const list = await server().inject({ url: `/api/v1/activities/${a.id}/participants` });
    expect(list.json().items).toHaveLength(1);
    const missing = await server().inject({ url: '/api/v1/activities/999999/participants' });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 404 as problem+json for unknown routes and records', async () => {
    const route = await server().inject({ url: '/api/v1/nothing' });
    expect(route.statusCode).toBe(404);
    expect(route.json().code).toBe('route.not_found');
    const record = await server().inject({ url: '/api/v1/activities/424242' });
    expect(record.json()).toMatchObject({ status: 404, code: 'activity.not_found' });
  });
});

describe('OpenAPI and docs', () => {
  describeEachEngine('documents', (app) => {
    const server = useServer(app);
    it('serves the OpenAPI document and the interactive docs', async () => {
      const doc = (await server().inject({ url: '/api/openapi.json' })).json();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/activities', '/api/v1/activities/{id}', '/api/v1/organisations', '/api/v1/reference/countries']),
      );
      expect(doc.paths['/api/v1/activities'].post.requestBody).toBeDefined();
      const docs = await server().inject({ url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.body).toMatch(/swagger/i);
      const health = (await server().inject({ url: '/api/health' })).json();
      expect(health.status).toBe('ok');
    });
  });
});
