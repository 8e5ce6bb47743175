/**
 * Single sign-on as `mitra serve` sets it up: from the MITRA_OIDC_ variables alone (config.ts →
 * main.ts serverFor → io/oidc-provider.ts), against a real provider on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openApp, serverFor, type AppContext } from '../main.js';
import { ENGINES } from '../testing/engines.js';
import { MITRA_CLIENT, signInAtProvider, startProvider, type TestProvider } from '../testing/oidc-provider.js';
import { ensureOrg } from '../testing/server.js';

for (const engine of ENGINES) {
  describe(`single sign-on configured by the environment [${engine.engine}]`, () => {
    let provider: TestProvider;
    let app: AppContext;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      provider = await startProvider();
      const db = await engine.create();
      drop = db.drop;
      app = await openApp(
        loadConfig({
          DATABASE_URL: db.url,
          LOG_LEVEL: 'silent',
          // The test provider's registered redirect is http://mitra.test/api/v1/auth/oidc/callback: the default from this.
          MITRA_PUBLIC_URL: 'http://mitra.test',
          MITRA_OIDC_ISSUER: provider.issuer,
          MITRA_OIDC_CLIENT_ID: MITRA_CLIENT.id,
          MITRA_OIDC_CLIENT_SECRET: MITRA_CLIENT.secret,
          MITRA_OIDC_ROLE_CLAIM: 'groups',
          MITRA_OIDC_ROLE_MAP: '/mitra/admins=admin,/mitra/agencies=agency',
          MITRA_OIDC_ORG_CLAIM: 'org',
          MITRA_OIDC_LOCAL_PASSWORDS: 'false',
          MITRA_OIDC_LABEL: 'Keycloak Kemlu',
        }),
      );
      await ensureOrg(app, 'ID-TEST-ENV');
    });
    afterAll(async () => {
      await app?.close();
      await drop?.();
      await provider?.close();
    });

    it('offers the provider, refuses passwords, and signs in with the mapped role and organisation', async () => {
      const server = await serverFor(app, { logLevel: 'silent' });
      try {
        expect((await server.inject({ url: '/api/v1/auth/methods' })).json()).toEqual({
          password: 'off',
          oidc: { label: 'Keycloak Kemlu', startUrl: '/api/v1/auth/oidc/start' },
        });
        const refused = await server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'a@b.id', password: 'whatever' },
        });
        expect(refused.json()).toMatchObject({ status: 403, code: 'auth.password_sign_in_off' });

        provider.accounts.set('rina', {
          email: `rina.${engine.engine}@kemlu.test`,
          email_verified: true,
          groups: ['/mitra/agencies'],
          org: 'ID-TEST-ENV',
        });
        const start = await server.inject({ url: '/api/v1/auth/oidc/start' });
        const back = new URL(await signInAtProvider(start.headers.location as string, 'rina')); // a redirect carries its location
        const pending = start.cookies.find((c) => c.name === 'mitra_oidc')?.value;
        const callback = await server.inject({ url: `${back.pathname}${back.search}`, headers: { cookie: `mitra_oidc=${pending}` } });
        expect(callback.headers.location).toBe('/');
        const cookie = callback.cookies.find((c) => c.name === 'mitra_session')?.value;
        const session = await server.inject({ url: '/api/v1/auth/session', headers: { cookie: `mitra_session=${cookie}` } });
        expect(session.json()).toMatchObject({
          user: { email: `rina.${engine.engine}@kemlu.test`, role: 'agency', orgCode: 'ID-TEST-ENV' },
        });
      } finally {
        await server.close();
      }
    });
  });
}
