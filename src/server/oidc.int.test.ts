/**
 * Single sign-on against a real OpenID provider (oidc-provider on 127.0.0.1): Mitra is called
 * in-process, the provider over HTTP. The whole code flow (PKCE, state, nonce), role and
 * organisation from the claims, a returning user updated, refusals, sign-out at the provider, and
 * ID tokens the provider really issued but that are not Mitra's to accept (another client's,
 * expired, another issuer's, another sign-in's nonce) put in place of the right one.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CustomFetch } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcClaimMapping } from '../domain/account/oidc-claims.js';
import { userInputSchema } from '../domain/account/user.js';
import { openIdProvider } from '../io/oidc-provider.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import type { Clock } from '../services/deps.js';
import { createUser } from '../services/users.js';
import { ENGINES, openTestApp } from '../testing/engines.js';
import {
  issueIdToken,
  MITRA_CLIENT,
  OTHER_CLIENT,
  POST_LOGOUT_URL,
  REDIRECT_URL,
  signingKeys,
  signInAtProvider,
  startProvider,
  type TestProvider,
} from '../testing/oidc-provider.js';
import { ensureOrg, loginAs, TEST_PASSWORD } from '../testing/server.js';

const ROLE_MAP = [
  ['mitra-admin', 'admin'],
  ['mitra-coord', 'coordinator'],
  ['mitra-agency', 'agency'],
  ['mitra-view', 'viewer'],
] as const;

/** Mitra's clock: the real time, moved by `offsetMs` (the expiry test). */
function movableClock(): Clock & { offsetMs: number } {
  const clock = { offsetMs: 0, nowIso: () => new Date(Date.now() + clock.offsetMs).toISOString() };
  return clock;
}

for (const engine of ENGINES) {
  describe(`single sign-on (OpenID Connect) [${engine.engine}]`, () => {
    const jwks = signingKeys();
    let provider: TestProvider;
    /** The same keys and accounts at another address: a real token of another issuer. */
    let otherIssuer: TestProvider;
    let app: AppContext;
    let server: FastifyInstance;
    /** The same, with roles managed in Mitra (no role claim). */
    let managedInMitra: FastifyInstance;
    let drop: () => Promise<void>;
    const clock = movableClock();
    /** Replaces the ID token of the provider's next token answer (undefined: untouched). */
    let swapIdToken: ((nonce: string) => Promise<string>) | undefined;
    let lastNonce = '';

    const tamperingFetch: CustomFetch = async (url, options) => {
      // openid-client's body type (Uint8Array among others) is what fetch takes; the two type packages differ.
      const response = await fetch(url, options as RequestInit);
      if (!swapIdToken || !url.endsWith('/token')) return response;
      const body = (await response.json()) as Record<string, unknown>; // the provider's JSON token answer
      const swap = swapIdToken;
      swapIdToken = undefined;
      return Response.json({ ...body, id_token: await swap(lastNonce) }, { status: response.status });
    };

    beforeAll(async () => {
      provider = await startProvider(jwks);
      otherIssuer = await startProvider(jwks, provider.accounts);
      const db = await engine.create();
      drop = db.drop;
      app = await openTestApp(db.url, clock);
      await ensureOrg(app, 'ID-TEST-OIDC');
      server = await mitraServer({ roleClaim: 'roles', roleMap: ROLE_MAP, orgClaim: 'org' });
      managedInMitra = await mitraServer({ roleClaim: null, roleMap: [], orgClaim: null });
    });
    /** Mitra with single sign-on to the test provider, and this claim mapping. */
    async function mitraServer(mapping: OidcClaimMapping): Promise<FastifyInstance> {
      const built = await serverFor(app, {
        logLevel: 'silent',
        oidcRedirectUrl: REDIRECT_URL,
        auth: {
          portal: false,
          secureCookies: 'never',
          passwords: { localPasswords: true, breakGlassEmail: null },
          oidc: {
            label: 'Test SSO',
            mapping,
            provider: openIdProvider({
              issuer: provider.issuer,
              clientId: MITRA_CLIENT.id,
              clientSecret: MITRA_CLIENT.secret,
              redirectUrl: REDIRECT_URL,
              scopes: 'openid email profile',
              postLogoutRedirectUrl: POST_LOGOUT_URL,
              fetch: tamperingFetch,
            }),
          },
        },
      });
      await built.ready();
      return built;
    }

    afterAll(async () => {
      await managedInMitra?.close();
      await server?.close();
      await app?.close();
      await drop?.();
      await provider?.close();
      await otherIssuer?.close();
    });

    /** Starts at Mitra, signs in at the provider, and calls Mitra's callback; returns its answer. */
    async function signIn(
      accountId: string,
      options: { redirect?: string; editCallback?: (url: URL) => void; mitra?: FastifyInstance } = {},
    ) {
      const mitra = options.mitra ?? server;
      const start = await mitra.inject({
        method: 'GET',
        url: '/api/v1/auth/oidc/start',
        query: options.redirect ? { redirect: options.redirect } : {},
      });
      expect(start.statusCode).toBe(302);
      const location = new URL(start.headers.location as string); // a redirect carries its location
      lastNonce = location.searchParams.get('nonce') ?? '';
      const pending = start.cookies.find((c) => c.name === 'mitra_oidc');
      const back = new URL(await signInAtProvider(location.href, accountId));
      options.editCallback?.(back);
      return mitra.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        headers: pending ? { cookie: `mitra_oidc=${pending.value}` } : {},
      });
    }

    const sessionOf = async (callback: LightMyRequestResponse) => {
      const cookie = callback.cookies.find((c) => c.name === 'mitra_session');
      if (!cookie) throw new Error(`no session: ${callback.statusCode} ${String(callback.headers.location)}`);
      const session = await server.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie: `mitra_session=${cookie.value}` },
      });
      const body = session.json<{
        user: { id: number; email: string; role: string; orgCode: string | null; name: string };
        csrfToken: string;
      }>();
      return { ...body, cookie: `mitra_session=${cookie.value}` };
    };

    /** Why the last refused answer was refused, as audited (the library's own words). */
    const lastReason = async () => {
      const failed = await app.deps.store.repos.audit.search({ action: 'login_failed', q: provider.issuer, page: 1, pageSize: 1 });
      return failed.items[0]?.comment ?? '';
    };

    const refusal = (callback: LightMyRequestResponse) => {
      expect(callback.statusCode).toBe(302);
      expect(callback.cookies.find((c) => c.name === 'mitra_session')).toBeUndefined();
      return new URL(callback.headers.location as string, 'http://mitra.test').searchParams.get('sso_error'); // a redirect carries its location
    };

    it('tells the web app how to sign in', async () => {
      const methods = await server.inject({ method: 'GET', url: '/api/v1/auth/methods' });
      expect(methods.json()).toEqual({ password: 'open', oidc: { label: 'Test SSO', startUrl: '/api/v1/auth/oidc/start' } });
    });

    it('redirects to the provider with state, nonce and an S256 PKCE challenge', async () => {
      const start = await server.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
      const location = new URL(start.headers.location as string); // a redirect carries its location
      expect(location.origin).toBe(provider.issuer);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        client_id: MITRA_CLIENT.id,
        response_type: 'code',
        redirect_uri: REDIRECT_URL,
        scope: 'openid email profile',
        code_challenge_method: 'S256',
      });
      for (const p of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = start.cookies.find((c) => c.name === 'mitra_oidc');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc/', maxAge: 600 });
    });

    it('signs a new user in through the code flow, with the role and organisation of the claims, and audits it', async () => {
      provider.accounts.set(`sari-${engine.engine}`, {
        email: `sari.${engine.engine}@kemlu.test`,
        email_verified: true,
        name: 'Sari Wulandari',
        roles: ['staff', 'mitra-agency'],
        org: 'id-test-oidc',
      });
      const callback = await signIn(`sari-${engine.engine}`, { redirect: '/programs?year=2026' });
      expect(callback.statusCode).toBe(302);
      expect(callback.headers.location).toBe('/programs?year=2026');
      const { user } = await sessionOf(callback);
      expect(user).toMatchObject({
        email: `sari.${engine.engine}@kemlu.test`,
        name: 'Sari Wulandari',
        role: 'agency',
        orgCode: 'ID-TEST-OIDC',
      });
      const logins = await app.deps.store.repos.audit.search({ action: 'login', q: user.email, page: 1, pageSize: 5 });
      expect(logins.items[0]?.comment).toMatch(/^single sign-on \(oidc, http:\/\/127\.0\.0\.1:\d+\) from /);
      const created = await app.deps.store.repos.audit.search({
        action: 'create',
        entity: 'user',
        entityId: String(user.id),
        page: 1,
        pageSize: 5,
      });
      expect(created.items[0]).toMatchObject({ actorLabel: 'system:single sign-on', changes: { role: { after: 'agency' } } });
    });

    it('updates a returning user from the claims, and takes the first mapped role in the map order', async () => {
      const id = `budi-${engine.engine}`;
      provider.accounts.set(id, { email: `budi.${engine.engine}@kemlu.test`, email_verified: true, name: 'Budi', roles: ['mitra-view'] });
      const firstSession = await sessionOf(await signIn(id));
      const first = firstSession.user;
      expect(first.role).toBe('viewer');
      provider.accounts.set(id, {
        email: `budi.${engine.engine}@kemlu.test`,
        email_verified: true,
        name: 'Budi Santoso',
        roles: ['mitra-view', 'mitra-coord'],
      });
      const again = (await sessionOf(await signIn(id))).user;
      expect(again).toMatchObject({ id: first.id, role: 'coordinator', name: 'Budi Santoso' });
      const updates = await app.deps.store.repos.audit.search({
        action: 'update',
        entity: 'user',
        entityId: String(first.id),
        page: 1,
        pageSize: 5,
      });
      expect(updates.items[0]?.changes).toMatchObject({ role: { before: 'viewer', after: 'coordinator' } });
      const old = await server.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: firstSession.cookie } });
      expect(old.json<{ user: unknown }>().user).toBeNull(); // the viewer's session ended with the role change
    });

    it('refuses a user whose claims map to no role, or to an agency without a known organisation, and audits it', async () => {
      provider.accounts.set(`nobody-${engine.engine}`, {
        email: `nobody.${engine.engine}@kemlu.test`,
        email_verified: true,
        roles: ['staff'],
      });
      expect(refusal(await signIn(`nobody-${engine.engine}`))).toBe('oidc.no_role');
      expect(await app.deps.store.repos.users.findByEmail(`nobody.${engine.engine}@kemlu.test`)).toBeUndefined();
      const failed = await app.deps.store.repos.audit.search({
        action: 'login_failed',
        q: `nobody.${engine.engine}`,
        page: 1,
        pageSize: 5,
      });
      expect(failed.items[0]?.comment).toMatch(/^single sign-on refused \(oidc\.no_role\)/);
      provider.accounts.set(`lost-${engine.engine}`, {
        email: `lost.${engine.engine}@kemlu.test`,
        email_verified: true,
        roles: ['mitra-agency'],
        org: 'ID-NOPE',
      });
      expect(refusal(await signIn(`lost-${engine.engine}`))).toBe('oidc.no_organisation');
    });

    it('links an existing account by a verified email only', async () => {
      const email = `dewi.${engine.engine}@kemlu.test`;
      const local = await createUser(app.deps, userInputSchema.parse({ email, name: 'Dewi', role: 'viewer', password: TEST_PASSWORD }));
      provider.accounts.set(`dewi-unverified-${engine.engine}`, { email, email_verified: false, roles: ['mitra-view'] });
      expect(refusal(await signIn(`dewi-unverified-${engine.engine}`))).toBe('oidc.email_unverified');
      provider.accounts.set(`dewi-${engine.engine}`, { email, email_verified: true, roles: ['mitra-view'] });
      expect((await sessionOf(await signIn(`dewi-${engine.engine}`))).user.id).toBe(local.id);
    });

    it('with roles managed in Mitra: links an account an administrator made, changes nothing in it, refuses strangers and disabled accounts', async () => {
      const email = `fajar.${engine.engine}@kemlu.test`;
      await ensureOrg(app, 'ID-TEST-KBRI', 'embassy');
      const made = await createUser(
        app.deps,
        userInputSchema.parse({ email, name: 'Fajar', role: 'embassy', orgCode: 'ID-TEST-KBRI', password: TEST_PASSWORD }),
      );
      provider.accounts.set(`fajar-${engine.engine}`, { email, email_verified: true, name: 'Fajar Nugroho', roles: ['mitra-admin'] });
      expect((await sessionOf(await signIn(`fajar-${engine.engine}`, { mitra: managedInMitra }))).user).toMatchObject({
        id: made.id,
        role: 'embassy',
        orgCode: 'ID-TEST-KBRI',
        name: 'Fajar',
      });
      provider.accounts.set(`stranger-${engine.engine}`, {
        email: `stranger.${engine.engine}@kemlu.test`,
        email_verified: true,
        roles: ['mitra-admin'],
      });
      expect(refusal(await signIn(`stranger-${engine.engine}`, { mitra: managedInMitra }))).toBe('oidc.no_account');
      const current = await app.deps.store.repos.users.findById(made.id);
      if (!current) throw new Error('the account is gone');
      await app.deps.store.repos.users.update(made.id, current.version, { ...current, disabled: true }, clock.nowIso());
      expect(refusal(await signIn(`fajar-${engine.engine}`, { mitra: managedInMitra }))).toBe('oidc.account_disabled');
    });

    it('signs out of Mitra and returns the provider’s end-session address; a password session gets none', async () => {
      provider.accounts.set(`eko-${engine.engine}`, {
        email: `eko.${engine.engine}@kemlu.test`,
        email_verified: true,
        roles: ['mitra-admin'],
      });
      const session = await sessionOf(await signIn(`eko-${engine.engine}`));
      const out = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      });
      expect(out.statusCode).toBe(200);
      const end = new URL(out.json<{ endSessionUrl: string }>().endSessionUrl);
      expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
      expect(end.searchParams.get('client_id')).toBe(MITRA_CLIENT.id);
      expect(end.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGOUT_URL);
      expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
      expect((await fetch(end)).status).toBe(200); // the provider's own "sign out?" page accepts the hint
      const gone = await server.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: session.cookie } });
      expect(gone.json<{ user: unknown }>().user).toBeNull();

      const local = await createUser(
        app.deps,
        userInputSchema.parse({ email: `local.${engine.engine}@kemlu.test`, name: 'L', role: 'viewer', password: TEST_PASSWORD }),
      );
      const password = await loginAs(server, local.email, local.id);
      const plain = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: password.cookie, 'x-csrf-token': password.csrf },
      });
      expect(plain.statusCode).toBe(204);
    });

    describe('refuses what is not this sign-in’s', () => {
      const account = () => {
        const id = `target-${engine.engine}`;
        provider.accounts.set(id, { email: `target.${engine.engine}@kemlu.test`, email_verified: true, roles: ['mitra-admin'] });
        return id;
      };

      it('an ID token issued to another client (wrong audience)', async () => {
        const id = account();
        swapIdToken = (nonce) => issueIdToken(provider.issuer, OTHER_CLIENT, nonce, id);
        const callback = await signIn(id);
        expect(refusal(callback)).toBe('oidc.invalid_answer');
        expect(swapIdToken).toBeUndefined();
        expect(await lastReason()).toMatch(
          /^the single sign-on provider's answer was refused: .*unexpected JWT "aud" \(audience\) claim value \(from /,
        );
      });

      it('an ID token of another issuer signed with the same key', async () => {
        const id = account();
        swapIdToken = (nonce) => issueIdToken(otherIssuer.issuer, MITRA_CLIENT, nonce, id);
        expect(refusal(await signIn(id))).toBe('oidc.invalid_answer');
        expect(swapIdToken).toBeUndefined();
        expect(await lastReason()).toMatch(/unexpected JWT "iss" \(issuer\) claim value/);
      });

      it('an ID token of another sign-in (its nonce)', async () => {
        const id = account();
        swapIdToken = () => issueIdToken(provider.issuer, MITRA_CLIENT, 'another-sign-in-nonce', id);
        expect(refusal(await signIn(id))).toBe('oidc.invalid_answer');
        expect(swapIdToken).toBeUndefined();
        expect(await lastReason()).toMatch(/unexpected ID Token "nonce" claim value/);
      });

      it('an expired ID token (Mitra’s clock five minutes on: the token lives one, tolerance 30 s)', async () => {
        const id = account();
        const start = await server.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
        const pending = start.cookies.find((c) => c.name === 'mitra_oidc');
        const back = new URL(await signInAtProvider(start.headers.location as string, id)); // a redirect carries its location
        clock.offsetMs = 5 * 60_000;
        try {
          const callback = await server.inject({
            method: 'GET',
            url: `${back.pathname}${back.search}`,
            headers: { cookie: `mitra_oidc=${pending?.value}` },
          });
          expect(refusal(callback)).toBe('oidc.invalid_answer');
          expect(await lastReason()).toMatch(/unexpected JWT "exp" \(expiration time\) claim value, expiration is past current timestamp/);
        } finally {
          clock.offsetMs = 0;
        }
      });

      it('a changed state, a missing pending cookie, and a second use of one', async () => {
        const id = account();
        expect(refusal(await signIn(id, { editCallback: (url) => url.searchParams.set('state', 'forged-state') }))).toBe(
          'oidc.invalid_answer',
        );
        expect(await lastReason()).toMatch(/unexpected "state" response parameter value/);
        const start = await server.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
        const back = new URL(await signInAtProvider(start.headers.location as string, id)); // a redirect carries its location
        const path = `${back.pathname}${back.search}`;
        expect(refusal(await server.inject({ method: 'GET', url: path }))).toBe('oidc.no_pending_sign_in');
        const cookie = `mitra_oidc=${start.cookies.find((c) => c.name === 'mitra_oidc')?.value}`;
        expect((await server.inject({ method: 'GET', url: path, headers: { cookie } })).statusCode).toBe(302);
        expect(refusal(await server.inject({ method: 'GET', url: path, headers: { cookie } }))).toBe('oidc.no_pending_sign_in');
      });

      it('and the right token still signs in (the tampering above is what was refused)', async () => {
        const id = account();
        expect((await sessionOf(await signIn(id))).user.role).toBe('admin');
      });
    });
  });
}
