/**
 * Which scope of an API token (domain/account/api-token.ts) each route needs. Reads (GET, HEAD)
 * need `read`; each group of write routes needs its capability's write scope; account, token and
 * session management is out of every token's reach. A write route that no group names is refused
 * to tokens (api-tokens.int.test.ts checks that every write route of the OpenAPI document has a
 * scope, so a new route group cannot slip through unnoticed).
 */
import type { ApiScope } from '../domain/account/api-token.js';

/**
 * Routes no token reaches, whatever its scopes: sign-in, sessions, passwords, accounts, tokens,
 * and the personal-data protection desk (a person's whole file, breaches, retention), which stays
 * with signed-in people.
 */
const NEVER = /^\/api\/v1\/(auth|users|api-tokens|personal-data)(\/|$)/;

/** Route patterns (as declared, with `:params`) of each write scope; the first match wins. */
const WRITE_SCOPES: readonly (readonly [RegExp, ApiScope])[] = [
  [/^\/api\/v1\/activities\/:id\/participants(\/|$)/, 'participants:write'],
  [/^\/api\/v1\/activities\/:id\/results(\/|$)/, 'results:write'],
  [/^\/api\/v1\/activities\/:id\/(attendance|certificates)(\/|$)/, 'attendance:write'],
  [/^\/api\/v1\/certificates\//, 'attendance:write'],
  [/^\/api\/v1\/activities\/:id\/offer$/, 'offers:write'],
  [/^\/api\/v1\/offers\//, 'offers:write'],
  [/^\/api\/v1\/participants\/:id\/(status|documents)$/, 'offers:write'],
  [/^\/api\/v1\/participants\/:id\/erase$/, 'alumni:write'],
  [/^\/api\/v1\/(surveys|survey-answers)(\/|$)/, 'alumni:write'],
  // Programs themselves, their lifecycle transitions and the ministries' sign-offs that gate them
  // (after the sub-resources above); a sign-off itself is refused to tokens (domain/sign-off).
  [/^\/api\/v1\/activities\/:id\/sign-offs$/, 'programs:write'],
  [/^\/api\/v1\/sign-off-rules$/, 'programs:write'],
  [/^\/api\/v1\/activities(\/|$)/, 'programs:write'],
  [/^\/api\/v1\/requests(\/|$)/, 'requests:write'],
  [/^\/api\/v1\/(agreements|agreement-documents|engagements|engagement-items|follow-ups|partners)(\/|$)/, 'partnerships:write'],
  [/^\/api\/v1\/organisations(\/|$)/, 'organisations:write'],
  [/^\/api\/v1\/(imports|import-mappings)(\/|$)/, 'imports:write'],
  [/^\/api\/v1\/other-providers(\/|$)/, 'other-providers:write'],
  [/^\/api\/v1\/money(\/|$)/, 'money:write'],
  [/^\/api\/v1\/(priorities|country-lists)(\/|$)/, 'priorities:write'],
  [/^\/api\/v1\/editions(\/|$)/, 'editions:write'],
  [/^\/api\/v1\/rounds(\/|$)/, 'rounds:write'],
  [/^\/api\/v1\/quality(\/|$)/, 'quality:write'],
];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The scope a request with a token needs: a scope, `never` (no token may), or `unmapped` (a write
 * route no group names: refused, as `never`, but a bug to fix here).
 */
export function requiredScope(method: string, route: string): ApiScope | 'never' | 'unmapped' {
  if (NEVER.test(route)) return 'never';
  if (READ_METHODS.has(method.toUpperCase())) return 'read';
  return WRITE_SCOPES.find(([pattern]) => pattern.test(route))?.[1] ?? 'unmapped';
}
