/** Single sign-on (OpenID Connect): linked identities, sign-ins under way, sessions' ID tokens. Conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface UserIdentitiesTable {
  id: Generated<number>;
  user_id: number;
  /** The provider's issuer identifier (OpenID Connect Core 1.0 §2, `iss`). */
  issuer: string;
  /** The `sub` claim: unique within the issuer, never reassigned. */
  subject: string;
  created_at: string;
  last_login_at: string;
}

export interface OidcLoginsTable {
  /** sha256 (hex) of the browser cookie's token. */
  id: string;
  state: string;
  nonce: string;
  /** The PKCE code verifier (RFC 7636 §4.1). */
  code_verifier: string;
  /** The web app's path to go back to. */
  return_to: string;
  expires_at: string;
}

export interface OidcSessionsTable {
  session_id: string;
  issuer: string;
  /** The ID token, sent back as `id_token_hint` at sign-out (OpenID Connect RP-Initiated Logout 1.0 §2). */
  id_token: string;
}
