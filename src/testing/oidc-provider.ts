/**
 * A real OpenID provider for the tests (oidc-provider 8, the OpenID Foundation-certified
 * implementation by the author of openid-client), on 127.0.0.1 at a random port, with test
 * accounts whose claims a test sets, and a headless sign-in through its development interaction
 * (a form posting the account id) so that no browser is needed. No consent screen: every grant
 * is given at once (first-party clients).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type GrantContext } from 'oidc-provider';
import * as client from 'openid-client';

export const MITRA_CLIENT = { id: 'mitra', secret: 'mitra-test-secret-0123456789abcdef' } as const;
export const OTHER_CLIENT = { id: 'other-app', secret: 'other-test-secret-0123456789abcdef' } as const;
/** Never requested: the tests turn the provider's redirects into in-process calls to Mitra. */
export const REDIRECT_URL = 'http://mitra.test/api/v1/auth/oidc/callback';
export const POST_LOGOUT_URL = 'http://mitra.test/login';

export type AccountClaims = Record<string, unknown>;

export interface TestProvider {
  readonly issuer: string;
  /** The accounts by id (the `sub`); change their claims between sign-ins. */
  readonly accounts: Map<string, AccountClaims>;
  close(): Promise<void>;
}

/** One RSA signing key, to share between two providers (a token of another issuer, signed by the same key). */
export function signingKeys(): { keys: object[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] };
}

export async function startProvider(jwks = signingKeys(), accounts = new Map<string, AccountClaims>()): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // listening on TCP: an AddressInfo
  const client = (c: { id: string; secret: string }) => ({
    client_id: c.id,
    client_secret: c.secret,
    redirect_uris: [REDIRECT_URL],
    post_logout_redirect_uris: [POST_LOGOUT_URL],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  const provider = new Provider(issuer, {
    clients: [client(MITRA_CLIENT), client(OTHER_CLIENT)],
    jwks,
    cookies: { keys: ['test-cookie-key'] },
    // An ID token lives a minute (the expiry test moves Mitra's clock past it).
    ttl: { IdToken: 60, AccessToken: 60, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    claims: { openid: ['sub', 'roles', 'org', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims in the ID token itself, as Keycloak and Azure AD put them (not only at userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true, methods: ['S256'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: async (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    loadExistingGrant: async (ctx: GrantContext) => {
      const { client: c, session } = ctx.oidc;
      if (!c || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: c.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the provider from an authorisation address, signs in as `accountId` on its form, and
 * returns the address it redirects the browser to (the client's redirect URI with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }, // plain objects here
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 10; step++) {
    let response = await send(url);
    if (response.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
      await response.text();
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }).toString(),
      });
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`);
    }
    url = new URL(location, url).href;
    if (url.startsWith(REDIRECT_URL) || url.startsWith(POST_LOGOUT_URL)) return url;
  }
  throw new Error('the provider never redirected back');
}

/**
 * An ID token the provider really issues, outside Mitra: for another client, or to Mitra's
 * client with another nonce, at this issuer. The tests put it in place of the one Mitra gets.
 */
export async function issueIdToken(issuer: string, as: { id: string; secret: string }, nonce: string, accountId: string): Promise<string> {
  const config = await client.discovery(new URL(issuer), as.id, undefined, client.ClientSecretBasic(as.secret), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URL,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const back = await signInAtProvider(url.href, accountId);
  const tokens = await client.authorizationCodeGrant(config, new URL(back), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  if (!tokens.id_token) throw new Error('no ID token');
  return tokens.id_token;
}
