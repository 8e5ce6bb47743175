/**
 * API tokens at the HTTP edge (issue 24; docs/security.md "API tokens"): the `Authorization:
 * Bearer` credential of RFC 6750 resolves to the service account the token acts as, the route
 * must be within the token's scopes (api-token-scopes.ts), and every request made with a token is
 * recorded in its use log as its answer is sent. The services then authorise the token's role as usual.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordApiTokenUse, resolveApiToken } from '../services/api-tokens.js';
import type { ServiceDeps } from '../services/deps.js';
import { requiredScope } from './api-token-scopes.js';
import { makeProblem, sendProblem } from './problem.js';

/**
 * The credential of an `Authorization: Bearer …` header (the scheme is case-insensitive, RFC 9110
 * §11.1), or undefined without one; another scheme (Basic) is not ours and is ignored.
 */
export function bearerCredential(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : /^Bearer\b/i.test(header) ? '' : undefined;
}

/** RFC 6750 §3: the challenge of a refused bearer request, with its error code (and the scope lacking). */
function challenge(reply: FastifyReply, error: 'invalid_token' | 'insufficient_scope', scope?: string): void {
  reply.header('www-authenticate', `Bearer realm="mitra", error="${error}"${scope ? `, scope="${scope}"` : ''}`);
}

export async function authenticateBearer(
  deps: ServiceDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  credential: string,
): Promise<FastifyReply | undefined> {
  const resolved = await resolveApiToken(deps, credential);
  if (!resolved) {
    challenge(reply, 'invalid_token');
    // Unknown, expired and revoked tokens get one answer: the caller learns nothing about which.
    return sendProblem(reply, makeProblem(request, 401, 'auth.invalid_token', 'the API token is unknown, expired or revoked'));
  }
  request.actor = resolved.actor;
  request.apiToken = resolved.token;
  // Without a matched route the answer is a 404 whatever the token may do.
  const route = request.routeOptions.url;
  if (route === undefined) return undefined;
  const needed = requiredScope(request.method, route);
  if (needed === 'never' || needed === 'unmapped') {
    return sendProblem(
      reply,
      makeProblem(
        request,
        403,
        'auth.token_not_allowed',
        'API tokens cannot use this route (accounts, tokens and sessions need a person signed in)',
      ),
    );
  }
  if (!resolved.token.scopes.includes(needed)) {
    challenge(reply, 'insufficient_scope', needed);
    return sendProblem(reply, {
      ...makeProblem(request, 403, 'auth.insufficient_scope', `the API token lacks the scope "${needed}" this request needs`),
      details: { missingScope: needed, tokenScopes: [...resolved.token.scopes] },
    });
  }
  return undefined;
}

/** Records the use of a token as its answer is sent (a failure to record is logged, never the caller's problem). */
export async function recordTokenUse(deps: ServiceDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.apiToken;
  if (!token) return;
  try {
    await recordApiTokenUse(deps, token.id, {
      at: deps.clock.nowIso(),
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
      status: reply.statusCode,
      ip: request.ip,
    });
  } catch (error) {
    request.log.error({ err: error, apiTokenId: token.id }, 'the use of an API token could not be recorded');
  }
}
