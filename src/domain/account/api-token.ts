/**
 * API tokens for other systems (issue 24): a ministry's planning system or a partner's AIMS
 * calls the API with `Authorization: Bearer mitra_<prefix>_<secret>`. A token acts as a service
 * account of one role within one organisation, may read (`read`) and write only what its scopes
 * name, and always expires. docs/security.md, "API tokens", explains them to operators.
 */
import { z } from 'zod';
import { isOneOf } from '../guards.js';
import { codeOf } from '../schema-helpers.js';
import { apiScopes, TOKEN_MAX_DAYS, TOKEN_ROLES, type ApiScope, type TokenRole } from './api-token-codes.js';

export { apiScopes, TOKEN_MAX_DAYS, TOKEN_ROLES, type ApiScope, type TokenRole } from './api-token-codes.js';

export const TOKEN_NAME_MAX = 100;

/**
 * `mitra_` + 8 hex characters shown in lists (to recognise a token, never to find it) + `_` +
 * 43 base64url characters (32 random bytes). The fixed-length prefix keeps the split unambiguous
 * although base64url itself may contain `_`.
 */
export const TOKEN_PATTERN = /^mitra_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly orgCode: string;
  readonly role: TokenRole;
  readonly scopes: readonly ApiScope[];
  /** The visible part of the token (`mitra_<prefix>_…`). */
  readonly prefix: string;
  readonly createdBy: number | null;
  /** Who created it, as the audit log names actors. */
  readonly createdByLabel: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly version: number;
}

/** One use of a token: one API request, as the server answered it. */
export interface ApiTokenUse {
  readonly at: string;
  readonly method: string;
  /** The route as declared (`/api/v1/activities/:id`), or the path when no route matched. */
  readonly route: string;
  readonly status: number;
  readonly ip: string;
}

export const apiTokenInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'required').max(TOKEN_NAME_MAX),
  orgCode: z.string().trim().min(1, 'required').max(100),
  role: z.enum(TOKEN_ROLES).meta({ description: 'the role the token acts as, within its organisation (not admin)' }),
  scopes: z
    .array(codeOf(apiScopes, 'scope'))
    .min(1, 'name at least one scope')
    .transform((s) => [...new Set(s)].sort()),
  expiresAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'a date (YYYY-MM-DD) or an ISO instant in UTC')
    .meta({ description: `when the token stops working: at most ${TOKEN_MAX_DAYS} days ahead; a date means its start (00:00 UTC)` }),
});
export type ApiTokenInput = z.output<typeof apiTokenInputSchema>;

/** The instant a token input's expiry names, or why it is not acceptable at `now`. */
export function tokenExpiry(expiresAt: string, now: string): { at: string } | { problem: string } {
  const ms = Date.parse(expiresAt.length === 10 ? `${expiresAt}T00:00:00.000Z` : expiresAt);
  // Date.parse rolls 2027-02-30 over to 2 March: a day that does not read back is not a day.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== expiresAt.slice(0, 10)) return { problem: 'not a valid date' };
  const nowMs = Date.parse(now);
  if (ms <= nowMs) return { problem: 'must be in the future' };
  if (ms > nowMs + TOKEN_MAX_DAYS * 86_400_000) return { problem: `at most ${TOKEN_MAX_DAYS} days ahead` };
  return { at: new Date(ms).toISOString() };
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: string): TokenState {
  if (token.revokedAt !== null) return 'revoked';
  return token.expiresAt <= now ? 'expired' : 'active';
}

/** How a token appears as the actor in the audit log: its name and visible prefix. */
export function tokenActorLabel(token: Pick<ApiToken, 'name' | 'prefix'>): string {
  return `token:${token.name} (mitra_${token.prefix})`;
}

export function isTokenRole(role: unknown): role is TokenRole {
  return isOneOf(TOKEN_ROLES, role);
}
