/**
 * Ports of single sign-on with OpenID Connect (services/oidc.ts): the identities, sign-ins under
 * way and sessions' ID tokens (db/oidc.repo.ts), and the provider itself (io/oidc-provider.ts,
 * over the openid-client library, which validates what the provider answers).
 */

/** A sign-in between the redirect to the provider and its answer. */
export interface PendingOidcLogin {
  /** sha256 of the browser cookie's token. */
  readonly id: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  readonly expiresAt: string;
}

export interface OidcRepository {
  /** The account an identity of the provider is linked to. */
  findIdentity(issuer: string, subject: string): Promise<number | undefined>;
  linkIdentity(userId: number, issuer: string, subject: string, now: string): Promise<void>;
  touchIdentity(issuer: string, subject: string, now: string): Promise<void>;
  savePending(login: PendingOidcLogin): Promise<void>;
  /** Returns and deletes a pending sign-in (each is used once). */
  takePending(id: string): Promise<PendingOidcLogin | undefined>;
  prunePending(now: string): Promise<void>;
  saveSessionToken(sessionId: string, issuer: string, idToken: string): Promise<void>;
  sessionToken(sessionId: string): Promise<{ issuer: string; idToken: string } | undefined>;
}

/** What the provider's validated answer says. */
export interface OidcAnswer {
  /** The ID token's claims, validated by the library (issuer, audience, expiry, nonce, signature). */
  readonly claims: Readonly<Record<string, unknown>>;
  readonly idToken: string;
}

export interface OidcProviderPort {
  readonly issuer: string;
  /** The provider's authorisation address with state, nonce and the PKCE challenge (S256). */
  authorizationUrl(request: { state: string; nonce: string; codeVerifier: string }): Promise<string>;
  /**
   * Exchanges the code of the callback address for tokens and validates them at `now` (Mitra's
   * clock); throws UnauthenticatedError `oidc.invalid_answer` when the answer or its ID token is
   * not valid, UnavailableError `oidc.unavailable` when the provider cannot be reached.
   */
  exchange(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }, now: string): Promise<OidcAnswer>;
  /** The provider's end-session address (RP-initiated logout), or null when it advertises none. */
  endSessionUrl(idToken: string): Promise<string | null>;
}
