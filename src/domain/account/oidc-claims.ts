/**
 * Single sign-on (OpenID Connect): how an identity provider's claims become a Mitra role and
 * organisation. Pure: the claims arrive already validated (issuer, audience, expiry, nonce) by the
 * OpenID client library (io/oidc-provider.ts); docs/security.md, "Single sign-on", for the rules.
 */
import { roles, type Role } from '../access/actor.js';
import { isPlainObject } from '../guards.js';

/** What the configuration says about the claims (MITRA_OIDC_ROLE_CLAIM, _ROLE_MAP, _ORG_CLAIM). */
export interface OidcClaimMapping {
  /**
   * The claim holding the user's roles or groups ("roles", "groups", Keycloak's
   * "realm_access.roles"); null when roles are managed in Mitra (an administrator sets them).
   */
  readonly roleClaim: string | null;
  /** Provider value → Mitra role, in order of precedence: the first one the user has wins. */
  readonly roleMap: readonly (readonly [string, Role])[];
  /** The claim holding the organisation's code (Mitra's organisation with that code); null: none. */
  readonly orgClaim: string | null;
}

/**
 * Parses "mitra-admin=admin,mitra-coord=coordinator" into ordered pairs; the problems name each bad
 * entry (unknown role, missing "=", a provider value given twice).
 */
export function parseRoleMap(text: string): { pairs: [string, Role][]; problems: string[] } {
  const pairs: [string, Role][] = [];
  const problems: string[] = [];
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || value === '') problems.push(`"${entry}" is not value=role`);
    else if (!roles.is(role)) problems.push(`"${entry}": ${role} is not a role (${roles.codes.join(', ')})`);
    else if (pairs.some(([v]) => v === value)) problems.push(`"${value}" is mapped twice`);
    else pairs.push([value, role]);
  }
  if (pairs.length === 0 && problems.length === 0) problems.push('maps no value to a role');
  return { pairs, problems };
}

/**
 * The string values of a claim: a string, or the strings of an array; a dotted name reaches into
 * objects ("realm_access.roles"), unless the claim is itself named with dots (some providers name
 * claims with URLs, "https://example.org/roles").
 */
export function claimValues(claims: Readonly<Record<string, unknown>>, name: string): string[] {
  const value = name in claims ? claims[name] : dotted(claims, name.split('.'));
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function dotted(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (!isPlainObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** The role the claims give: the first entry of the map (its order is the precedence) that the user has. */
export function roleFromClaims(claims: Readonly<Record<string, unknown>>, mapping: OidcClaimMapping): Role | null {
  if (!mapping.roleClaim) return null;
  const held = new Set(claimValues(claims, mapping.roleClaim));
  return mapping.roleMap.find(([value]) => held.has(value))?.[1] ?? null;
}

/** The organisation code the claims name (the first string value), or null. */
export function orgCodeFromClaims(claims: Readonly<Record<string, unknown>>, mapping: OidcClaimMapping): string | null {
  if (!mapping.orgClaim) return null;
  const code = claimValues(claims, mapping.orgClaim)[0]?.trim();
  return code ? code : null;
}

/** The person as the provider describes them (OpenID Connect Core 1.0 §5.1, standard claims). */
export interface OidcPerson {
  readonly subject: string;
  readonly email: string | null;
  /** Only `true` counts (a string "true" is not what §5.1 specifies). */
  readonly emailVerified: boolean;
  readonly name: string | null;
}

export function personFromClaims(claims: Readonly<Record<string, unknown>>): OidcPerson {
  const text = (key: string) => {
    const v = claims[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const email = text('email')?.toLowerCase() ?? null;
  const name = text('name') ?? ([text('given_name'), text('family_name')].filter(Boolean).join(' ') || null);
  return { subject: String(claims.sub ?? ''), email, emailVerified: claims.email_verified === true, name };
}
