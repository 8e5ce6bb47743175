/**
 * The OpenID Connect provider, through the openid-client library (certified by the OpenID
 * Foundation for the Basic RP profile): discovery, the authorisation address with PKCE (S256,
 * RFC 7636), the code exchange, and the ID token's validation (signature against the provider's
 * keys, issuer, audience, expiry, nonce: OpenID Connect Core 1.0 §3.1.3.7), which this module
 * leaves entirely to the library. Mitra's clock is the validation's "now", so tests can move it.
 */
import * as client from 'openid-client';
import { UnauthenticatedError, UnavailableError } from '../domain/errors.js';
import type { OidcAnswer, OidcProviderPort } from '../services/oidc.ports.js';

export interface OidcClientOptions {
  readonly issuer: string;
  readonly clientId: string;
  /** Null for a public client (PKCE alone). */
  readonly clientSecret: string | null;
  readonly redirectUrl: string;
  readonly scopes: string;
  /** Where the provider sends the browser after signing out (registered at the provider). */
  readonly postLogoutRedirectUrl: string;
  /** Replaces fetch for the provider's requests (tests look at or alter the provider's answers). */
  readonly fetch?: client.CustomFetch;
  /** How long a request to the provider may take, in seconds (default 10). */
  readonly timeoutSeconds?: number;
}

/** A network failure or timeout reaching the provider (fetch throws TypeError; AbortSignal.timeout a DOMException). */
function isUnreachable(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}

function unavailable(error: unknown): UnavailableError {
  return new UnavailableError('oidc.unavailable', 'the single sign-on provider cannot be reached; try again later', [], {
    cause: error,
    details: { retryAfterSeconds: 30 },
  });
}

/**
 * What was wrong, in the library's words: its error ("unexpected JWT claim value encountered")
 * and the cause's (`unexpected JWT "aud" (audience) claim value`); they hold no secret.
 */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause && cause !== error.message ? `${error.message}: ${cause}` : error.message;
}

export function openIdProvider(options: OidcClientOptions): OidcProviderPort {
  const issuerUrl = new URL(options.issuer);
  // openid-client refuses http:// addresses; the configuration allows them only on this machine (development, tests).
  const insecure = issuerUrl.protocol === 'http:';
  const auth = options.clientSecret ? client.ClientSecretBasic(options.clientSecret) : client.None();
  let discovered: Promise<client.Configuration> | undefined;
  let jwksCache: client.ExportedJWKSCache | undefined;

  const prepare = (config: client.Configuration) => {
    if (options.fetch) config[client.customFetch] = options.fetch;
    config.timeout = options.timeoutSeconds ?? 10;
    if (insecure) client.allowInsecureRequests(config);
    return config;
  };

  /** Discovery once (again after a failure: the provider may have been down at start). */
  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(issuerUrl, options.clientId, undefined, auth, {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: options.timeoutSeconds ?? 10,
        ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
      })
      .then(prepare)
      .catch((error: unknown) => {
        discovered = undefined;
        throw isUnreachable(error) ? unavailable(error) : error;
      });
    return discovered;
  }

  /** A configuration whose clock is Mitra's (`clockSkew`: seconds to add to the system clock). */
  async function configurationAt(now: string): Promise<client.Configuration> {
    const base = await configuration();
    const skew = Math.round((Date.parse(now) - Date.now()) / 1000);
    const config = prepare(new client.Configuration(base.serverMetadata(), options.clientId, { [client.clockSkew]: skew }, auth));
    if (jwksCache) client.setJwksCache(config, jwksCache);
    return config;
  }

  return {
    issuer: options.issuer,

    async authorizationUrl({ state, nonce, codeVerifier }) {
      const config = await configuration();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUrl,
        scope: options.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }).href;
    },

    async exchange(callbackUrl, expected, now): Promise<OidcAnswer> {
      const config = await configurationAt(now);
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: expected.codeVerifier,
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          idTokenExpected: true,
        });
        jwksCache = client.getJwksCache(config) ?? jwksCache;
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new client.ClientError('no ID token in the answer');
        return { claims: { ...claims }, idToken: tokens.id_token };
      } catch (error) {
        if (isUnreachable(error)) throw unavailable(error);
        const reason = reasonOf(error);
        throw new UnauthenticatedError('oidc.invalid_answer', `the single sign-on provider's answer was refused: ${reason}`, [], {
          cause: error,
        });
      }
    },

    async endSessionUrl(idToken) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      // OpenID Connect RP-Initiated Logout 1.0 §2: id_token_hint, client_id and the registered post_logout_redirect_uri.
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        client_id: options.clientId,
        post_logout_redirect_uri: options.postLogoutRedirectUrl,
      }).href;
    },
  };
}
