/**
 * Who is asking, for every API request: an `Authorization: Bearer` API token resolves to the
 * service account it acts as (bearer.ts), the session cookie to a user (or the public);
 * state-changing requests from a browser session must carry its CSRF token, and the public
 * portal mode refuses every write. Authorisation itself happens in the services.
 *
 * A request with both a bearer token and a session cookie is the token's: the cookie is ignored
 * (neither checked nor cleared). The browser adds the cookie by itself, so someone signed in who
 * tries a token in the interactive docs (/api/docs) sends both; the explicit credential wins, and
 * the request never holds the union of two identities' rights.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor, type UserActor } from '../domain/access/actor.js';
import type { ApiToken } from '../domain/account/api-token.js';
import { csrfMatches, resolveSession, type ActiveSession, type SessionPolicy, DEFAULT_SESSION_POLICY } from '../services/auth.js';
import { actingAs, type ServiceDeps } from '../services/deps.js';
import type { OidcSignIn, PasswordSignIn } from '../services/oidc.js';
import { authenticateBearer, bearerCredential, recordTokenUse } from './bearer.js';
import type { PendingFactor } from '../domain/account/second-factor.js';
import { makeProblem, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    activeSession: ActiveSession | null;
    /** The API token of a bearer request (its use is recorded as the answer is sent). */
    apiToken: ApiToken | null;
  }
}

export const SESSION_COOKIE = 'mitra_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Changes that need no session: signing in, and signing out (harmless without one). */
const OPEN_WRITES = new Set(['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/unlock']);
/**
 * What a session signed in with a password but still without its second factor may do: read who
 * it is, sign out or in again, and give its code ('verify') or enrol ('enrol'). Anything else is
 * 403, and the request acts as the public meanwhile, so no route can mistake it for the user.
 */
const PENDING_ALLOWED: Readonly<Record<PendingFactor, readonly string[]>> = {
  verify: ['POST /api/v1/auth/second-factor/verify'],
  enrol: ['POST /api/v1/auth/second-factor/enrolment', 'POST /api/v1/auth/second-factor/enrolment/confirm'],
};
const PENDING_ALWAYS = ['GET /api/v1/auth/session', 'HEAD /api/v1/auth/session', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/login'];

function pendingProblem(request: FastifyRequest, pending: PendingFactor) {
  return pending === 'verify'
    ? makeProblem(
        request,
        403,
        'auth.second_factor_required',
        'give the code of your authenticator app (POST /api/v1/auth/second-factor/verify) first',
      )
    : makeProblem(
        request,
        403,
        'auth.second_factor_enrolment_required',
        'your role must sign in with a second factor: set it up (POST /api/v1/auth/second-factor/enrolment) first',
      );
}

/** An alumnus answers a follow-up survey without an account: the unguessable token in the mailed link authorises it. */
const OPEN_WRITE_PATHS = [/^\/api\/v1\/survey-answers\/[A-Za-z0-9_-]{16,128}$/];

export interface AuthOptions {
  /** Read-only anonymous server: no sign-in, every write refused. */
  readonly portal: boolean;
  /** Secure cookies: always, never, or when the request came over HTTPS. */
  readonly secureCookies: 'always' | 'never' | 'auto';
  readonly policy?: SessionPolicy;
  /** Single sign-on with an OpenID Connect provider (server/oidc.routes.ts); none by default. */
  readonly oidc?: (OidcSignIn & { readonly label: string }) | null;
  /** Whether password sign-in stays open beside single sign-on (default: open to all). */
  readonly passwords?: PasswordSignIn;
  /** The web app's unlock page: a paused account's owner is mailed a link to it (none: no mail). */
  readonly unlockUrl?: string;
}

/** The services acting for this request's user (or the public). */
export function depsFor(deps: ServiceDeps, request: FastifyRequest): ServiceDeps {
  return actingAs(deps, request.actor ?? ANONYMOUS);
}

export function cookieOptions(request: FastifyRequest, options: AuthOptions, maxAgeSeconds?: number) {
  const secure = options.secureCookies === 'always' || (options.secureCookies === 'auto' && request.protocol === 'https');
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}) };
}

function clearSession(reply: FastifyReply, request: FastifyRequest, options: AuthOptions): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, options));
}

export async function registerAuth(app: FastifyInstance, deps: ServiceDeps, options: AuthOptions): Promise<void> {
  await app.register(fastifyCookie);
  // Fastify takes no object as a request decorator's start value (it would be shared by every
  // request); the onRequest hook below sets each request's actor before anything reads it.
  app.decorateRequest('actor', null as unknown as UserActor);
  app.decorateRequest('activeSession', null);
  app.decorateRequest('apiToken', null);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    request.activeSession = null;
    request.apiToken = null;
    if (!request.url.startsWith('/api/')) return;
    if (options.portal) {
      if (!SAFE_METHODS.has(request.method)) {
        return sendProblem(reply, makeProblem(request, 405, 'portal.read_only', 'this is the public portal: it is read-only'));
      }
      return;
    }
    // A bearer request needs no CSRF token: no browser adds an Authorization header by itself
    // (a cross-site page cannot set one without a CORS preflight, which this server never grants).
    const credential = bearerCredential(request);
    if (credential !== undefined) return authenticateBearer(deps, request, reply, credential);
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) {
      // Every change needs a signed-in user: refused before the body is even read.
      const path = request.url.split('?')[0] ?? '';
      if (!SAFE_METHODS.has(request.method) && !OPEN_WRITES.has(path) && !OPEN_WRITE_PATHS.some((p) => p.test(path))) {
        return sendProblem(reply, makeProblem(request, 401, 'auth.required', 'sign in to do this'));
      }
      return;
    }
    const active = await resolveSession(deps, token, options.policy ?? DEFAULT_SESSION_POLICY);
    if (!active) {
      clearSession(reply, request, options);
      // Signing in again (or reading who is signed in) works with a stale cookie; nothing else does.
      if (request.url.startsWith('/api/v1/auth/')) return;
      return sendProblem(reply, makeProblem(request, 401, 'auth.session_expired', 'your session has ended or is not valid; sign in again'));
    }
    request.activeSession = active;
    const pending = active.session.pendingFactor;
    if (pending) {
      const route = `${request.method} ${request.url.split('?')[0] ?? ''}`;
      if (!PENDING_ALWAYS.includes(route) && !PENDING_ALLOWED[pending].includes(route)) {
        return sendProblem(reply, pendingProblem(request, pending));
      }
    } else {
      request.actor = active.actor;
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      request.url !== '/api/v1/auth/login' &&
      !csrfMatches(active.session, headerOf(request, CSRF_HEADER))
    ) {
      return sendProblem(
        reply,
        makeProblem(
          request,
          403,
          'auth.csrf',
          `send the session's CSRF token in the ${CSRF_HEADER} header (GET /api/v1/auth/session gives it)`,
        ),
      );
    }
  });
  // Before the answer goes (its status is final by then): a client that has its answer finds its use recorded.
  app.addHook('onSend', async (request, reply, payload) => {
    await recordTokenUse(deps, request, reply);
    return payload;
  });
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
