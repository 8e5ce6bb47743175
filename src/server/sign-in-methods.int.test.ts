/**
 * Which sign-in methods a server offers: password sign-in closed beside single sign-on (but for
 * the break-glass administrator), and a server without single sign-on.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { userInputSchema } from '../domain/account/user.js';
import { serverFor } from '../main.js';
import type { OidcProviderPort } from '../services/oidc.ports.js';
import { createUser } from '../services/users.js';
import { describeEachEngine } from '../testing/engines.js';
import { TEST_PASSWORD } from '../testing/server.js';

/** Never reached: these tests do not sign in through it. */
const unusedProvider: OidcProviderPort = {
  issuer: 'https://sso.example.test',
  authorizationUrl: () => Promise.reject(new Error('not used')),
  exchange: () => Promise.reject(new Error('not used')),
  endSessionUrl: () => Promise.reject(new Error('not used')),
};

describeEachEngine('password sign-in beside single sign-on', (app) => {
  let closed: FastifyInstance;
  let none: FastifyInstance;
  const login = (server: FastifyInstance, email: string) =>
    server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });

  beforeAll(async () => {
    closed = await serverFor(app(), {
      logLevel: 'silent',
      auth: {
        portal: false,
        secureCookies: 'never',
        passwords: { localPasswords: false, breakGlassEmail: 'break.glass@kemlu.test' },
        oidc: { label: 'Kemlu SSO', provider: unusedProvider, mapping: { roleClaim: null, roleMap: [], orgClaim: null } },
      },
    });
    none = await serverFor(app(), { logLevel: 'silent' });
    for (const [email, role] of [
      ['break.glass@kemlu.test', 'admin'],
      ['someone@kemlu.test', 'admin'],
    ] as const) {
      await createUser(app().deps, userInputSchema.parse({ email, name: email, role, password: TEST_PASSWORD }));
    }
  });
  afterAll(async () => {
    await closed?.close();
    await none?.close();
  });

  it('refuses passwords to everyone but the break-glass administrator, before checking them', async () => {
    const refused = await login(closed, 'someone@kemlu.test');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.password_sign_in_off' });
    expect((await login(closed, 'nobody@kemlu.test')).statusCode).toBe(403);
    expect((await login(closed, 'Break.Glass@kemlu.test')).statusCode).toBe(200);
    expect((await login(none, 'someone@kemlu.test')).statusCode).toBe(200);
  });

  it('refuses the break-glass email once it is no longer an administrator', async () => {
    const user = await app().deps.store.repos.users.findByEmail('break.glass@kemlu.test');
    if (!user) throw new Error('no break-glass account');
    await app().deps.store.repos.users.update(user.id, user.version, { ...user, role: 'viewer' }, '2026-12-01T00:00:00.000Z');
    expect((await login(closed, 'break.glass@kemlu.test')).statusCode).toBe(403);
  });

  it('tells the web app what is offered (nothing on the public portal); a server without single sign-on answers 404 at its routes', async () => {
    expect((await closed.inject({ url: '/api/v1/auth/methods' })).json()).toEqual({
      password: 'break_glass',
      oidc: { label: 'Kemlu SSO', startUrl: '/api/v1/auth/oidc/start' },
    });
    expect((await none.inject({ url: '/api/v1/auth/methods' })).json()).toEqual({ password: 'open', oidc: null });
    const portal = await serverFor(app(), {
      logLevel: 'silent',
      auth: {
        portal: true,
        secureCookies: 'never',
        oidc: { label: 'X', provider: unusedProvider, mapping: { roleClaim: null, roleMap: [], orgClaim: null } },
      },
    });
    try {
      expect((await portal.inject({ url: '/api/v1/auth/methods' })).json()).toEqual({ password: 'off', oidc: null });
      expect((await portal.inject({ url: '/api/v1/auth/oidc/start' })).statusCode).toBe(404);
    } finally {
      await portal.close();
    }
    for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const answer = await none.inject({ url });
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ code: 'oidc.not_configured' });
    }
  });
});
