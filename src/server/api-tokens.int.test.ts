/**
 * API tokens for other systems (issue 24): created by an administrator and shown once, stored as
 * a hash, used as `Authorization: Bearer` for reads and scoped writes (no CSRF), refused outside
 * their scopes, once expired or revoked, and on account and token management; every use recorded
 * and every write audited under the token's name.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATTERN } from '../domain/account/api-token.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import type { Clock } from '../services/deps.js';
import { aParticipant, aProgram } from '../testing/builders.js';
import { ENGINES, openTestApp } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../testing/server.js';
import { requiredScope } from './api-token-scopes.js';

class MovableClock implements Clock {
  constructor(private ms = Date.parse('2026-11-28T09:00:00.000Z')) {}
  nowIso(): string {
    return new Date(this.ms).toISOString();
  }
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
}

const OWN = 'ID-TOK-OWN';
const OTHER = 'ID-TOK-OTHER';

for (const engine of ENGINES) {
  describe(`API tokens [${engine.engine}]`, () => {
    const clock = new MovableClock();
    let app: AppContext;
    let server: FastifyInstance;
    let drop: () => Promise<void> = async () => {};
    let admin: TestSession;

    beforeAll(async () => {
      const db = await engine.create();
      drop = db.drop;
      app = await openTestApp(db.url, clock);
      server = await serverFor(app, { logLevel: 'silent' });
      await server.ready();
      await ensureOrg(app, OWN);
      await ensureOrg(app, OTHER);
      admin = await signIn(server, app, 'admin');
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await app?.close();
      await drop();
    });

    const asAdmin = () => asSession(server, admin);
    const create = (body: Record<string, unknown>) =>
      asAdmin().inject({
        method: 'POST',
        url: '/api/v1/api-tokens',
        payload: {
          name: 'planning-system',
          orgCode: OWN,
          role: 'agency',
          scopes: ['read', 'programs:write'],
          expiresAt: '2027-06-01',
          ...body,
        },
      });
    const newToken = async (body: Record<string, unknown> = {}) => {
      const response = await create(body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { token: string; apiToken: { id: number; prefix: string; name: string; version: number } };
    };
    const withToken = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers = {}) =>
      server.inject({ method, url, payload, headers: { authorization: `Bearer ${token}`, ...headers } });

    it('creates a token shown once and stores only its sha256', async () => {
      const { token, apiToken } = await newToken();
      const match = TOKEN_PATTERN.exec(token);
      expect(match?.[1]).toBe(apiToken.prefix);
      const listed = await asAdmin().inject({ url: '/api/v1/api-tokens' });
      expect(listed.body).not.toContain(token);
      expect(listed.json().items[0]).toMatchObject({
        name: 'planning-system',
        orgCode: OWN,
        role: 'agency',
        state: 'active',
        lastUsedAt: null,
      });

      const row = await app.database.db.selectFrom('api_tokens').selectAll().where('id', '=', apiToken.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      const secret = token.split('_').slice(2).join('_');
      for (const value of Object.values(row)) {
        expect(String(value)).not.toContain(secret);
      }
      expect(JSON.parse(row.scopes)).toEqual(['programs:write', 'read']);
    });

    it('reads and makes scoped writes without CSRF; refuses writes outside its scopes with 403 naming the scope', async () => {
      const { token, apiToken } = await newToken({ name: 'bappenas-planning' });
      const read = await withToken(token, 'GET', '/api/v1/activities');
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().items).toEqual(expect.any(Array));

      const created = await withToken(token, 'POST', '/api/v1/activities', aProgram({ implementingOrg: OWN, lifecycleStage: 'request' }));
      expect(created.statusCode, created.body).toBe(201);
      const program = created.json() as { id: number };
      const etag = created.headers.etag;
      const changed = await withToken(token, 'PATCH', `/api/v1/activities/${program.id}`, { venueCity: 'Bogor' }, { 'if-match': etag });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().venueCity).toBe('Bogor');

      const outside = await withToken(token, 'POST', `/api/v1/activities/${program.id}/participants`, aParticipant());
      expect(outside.statusCode).toBe(403);
      expect(outside.json()).toMatchObject({ code: 'auth.insufficient_scope', details: { missingScope: 'participants:write' } });
      expect(outside.json().detail).toContain('participants:write');
      expect(outside.headers['www-authenticate']).toBe('Bearer realm="mitra", error="insufficient_scope", scope="participants:write"');

      // Within its scopes the token is still its role: an agency changes only its own programs.
      const theirs = await asAdmin().inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OTHER }) });
      const foreign = await withToken(
        token,
        'PATCH',
        `/api/v1/activities/${theirs.json().id}`,
        { venueCity: 'Bogor' },
        { 'if-match': '"1"' },
      );
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().code).toBe('activity.forbidden');

      // Every write is in the audit log under the token's name; every request in its use log.
      const log = await asAdmin().inject({ url: `/api/v1/audit?entity=activity&entityId=${program.id}` });
      const labels = (log.json().items as { actorLabel: string; actorUserId: number | null }[]).map((e) => [e.actorLabel, e.actorUserId]);
      expect(labels).toEqual([
        [`token:bappenas-planning (mitra_${apiToken.prefix})`, null],
        [`token:bappenas-planning (mitra_${apiToken.prefix})`, null],
      ]);
      const uses = await asAdmin().inject({ url: `/api/v1/api-tokens/${apiToken.id}/uses` });
      expect(uses.json().items.map((u: { method: string; route: string; status: number }) => `${u.method} ${u.route} ${u.status}`)).toEqual(
        [
          'PATCH /api/v1/activities/:id 403',
          'POST /api/v1/activities/:id/participants 403',
          'PATCH /api/v1/activities/:id 200',
          'POST /api/v1/activities 201',
          'GET /api/v1/activities 200',
        ],
      );
      const after = await asAdmin().inject({ url: `/api/v1/api-tokens/${apiToken.id}` });
      expect(after.json().lastUsedAt).toBe(clock.nowIso());
    });

    it('needs no CSRF token with a bearer, while a cookie session still does; with both, the token decides', async () => {
      const { token } = await newToken({ name: 'orgs', role: 'coordinator', scopes: ['read', 'organisations:write'] });
      const org = { code: 'ID-TOK-NEW', nameEn: 'New body', type: '10', countryCode: 'ID', kind: 'provider_agency' };
      const cookieOnly = await server.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        payload: org,
        headers: { cookie: admin.cookie },
      });
      expect(cookieOnly.statusCode).toBe(403);
      expect(cookieOnly.json().code).toBe('auth.csrf');
      const bearer = await withToken(token, 'POST', '/api/v1/organisations', org);
      expect(bearer.statusCode, bearer.body).toBe(201);
      // An administrator's cookie beside the token lends it nothing: the token may not list accounts.
      const both = await withToken(token, 'GET', '/api/v1/users', undefined, { cookie: admin.cookie });
      expect(both.statusCode).toBe(403);
      expect(both.json().code).toBe('auth.token_not_allowed');
    });

    it('never reaches account, token or session management', async () => {
      const { token } = await newToken({ name: 'greedy', role: 'coordinator', scopes: ['read', 'programs:write'] });
      const attempts = [
        withToken(token, 'GET', '/api/v1/api-tokens'),
        withToken(token, 'POST', '/api/v1/api-tokens', {
          name: 'child',
          orgCode: OWN,
          role: 'agency',
          scopes: ['read'],
          expiresAt: '2027-01-01',
        }),
        withToken(token, 'GET', '/api/v1/users'),
        withToken(token, 'POST', '/api/v1/users', { email: 'x@test.invalid', name: 'X', role: 'admin', password: 'a long enough pass' }),
        withToken(token, 'POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'another long pass' }),
        withToken(token, 'GET', '/api/v1/auth/session'),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().code).toBe('auth.token_not_allowed');
      }
    });

    it('refuses revoked, expired, unknown and malformed tokens with 401 and a Bearer challenge', async () => {
      const revokedOne = await newToken({ name: 'to-revoke' });
      expect((await withToken(revokedOne.token, 'GET', '/api/v1/activities')).statusCode).toBe(200);
      // Recorded before the answer went, and once.
      const uses = await app.database.db
        .selectFrom('api_token_uses')
        .select('status')
        .where('token_id', '=', revokedOne.apiToken.id)
        .execute();
      expect(uses.map((u) => Number(u.status))).toEqual([200]);
      const revoked = await asAdmin().inject({
        method: 'POST',
        url: `/api/v1/api-tokens/${revokedOne.apiToken.id}/revoke`,
        headers: { 'if-match': `"${revokedOne.apiToken.version}"` },
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json()).toMatchObject({ state: 'revoked', revokedAt: clock.nowIso() });
      const shortLived = await newToken({ name: 'short', expiresAt: new Date(Date.parse(clock.nowIso()) + 86_400_000).toISOString() });
      expect((await withToken(shortLived.token, 'GET', '/api/v1/activities')).statusCode).toBe(200);
      clock.advanceDays(2);
      admin = await signIn(server, app, 'admin'); // the session of two days ago has ended

      const tampered = `${shortLived.token.slice(0, -1)}${shortLived.token.endsWith('A') ? 'B' : 'A'}`;
      for (const token of [revokedOne.token, shortLived.token, tampered, 'mitra_00000000_not-a-token', '']) {
        const response = await withToken(token, 'GET', '/api/v1/activities');
        expect(response.statusCode, token).toBe(401);
        expect(response.json().code).toBe('auth.invalid_token');
        expect(response.headers['www-authenticate']).toBe('Bearer realm="mitra", error="invalid_token"');
      }
      const audit = await asAdmin().inject({ url: `/api/v1/audit?entity=api_token&entityId=${revokedOne.apiToken.id}` });
      expect(audit.json().items.map((e: { action: string; comment: string | null }) => [e.action, e.comment])).toEqual([
        ['update', 'revoked'],
        ['create', null],
      ]);
    });

    it('requires an expiry within a year, an existing organisation, a role other than admin, and an administrator', async () => {
      expect((await create({ expiresAt: '2028-12-01' })).json().issues).toEqual([expect.objectContaining({ path: 'expiresAt' })]);
      expect((await create({ expiresAt: '2026-01-01' })).statusCode).toBe(422);
      expect((await create({ orgCode: 'NOPE' })).json().issues).toEqual([expect.objectContaining({ path: 'orgCode' })]);
      expect((await create({ role: 'admin' })).statusCode).toBe(400);
      expect((await create({ scopes: ['read', 'everything'] })).statusCode).toBe(400);
      const coordinator = await signIn(server, app, 'coordinator');
      const refused = await asSession(server, coordinator).inject({ url: '/api/v1/api-tokens' });
      expect(refused.statusCode).toBe(403);
    });

    it('maps every write route of the API to a scope (or keeps it from tokens)', async () => {
      const document = (await server.inject({ url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
        components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      };
      expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
      const unmapped: string[] = [];
      for (const [path, operations] of Object.entries(document.paths)) {
        const route = path.replace(/\{([^}]+)\}/g, ':$1');
        for (const method of Object.keys(operations)) {
          if (requiredScope(method, route) === 'unmapped') unmapped.push(`${method} ${route}`);
        }
      }
      expect(unmapped).toEqual([]);
    });
  });
}
