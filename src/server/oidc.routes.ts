/**
 * Single sign-on (OpenID Connect) at HTTP: which sign-in methods the web app offers, the redirect
 * to the provider, and the provider's callback, which ends in a Mitra session and a redirect into
 * the web app. The callback is a browser navigation, so its refusals are redirects to the sign-in
 * page with the problem's code (`/login?sso_error=oidc.no_role`), which the page translates.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDomainError, NotFoundError } from '../domain/errors.js';
import type { ServiceDeps } from '../services/deps.js';
import { beginOidcLogin, completeOidcLogin } from '../services/oidc.js';
import { DEFAULT_SESSION_POLICY } from '../services/auth.js';
import { cookieOptions, depsFor, SESSION_COOKIE, type AuthOptions } from './auth.js';
import { problemSchema } from './problem.js';

const TAG = ['Accounts'];
/** The browser's side of a sign-in under way (its token's hash keys the pending record). */
const PENDING_COOKIE = 'mitra_oidc';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

const methodsSchema = z
  .object({
    password: z.enum(['open', 'break_glass', 'off']).meta({
      description: 'open: every account may sign in with its password; break_glass: only the one emergency administrator; off: none',
    }),
    oidc: z
      .object({
        label: z.string().meta({ description: 'the provider\'s name for the button: "Sign in with <label>"' }),
        startUrl: z.string().meta({ description: 'where the browser goes to sign in (add ?redirect=/path to come back there)' }),
      })
      .nullable(),
  })
  .meta({ id: 'SignInMethods' });

function passwordMode(options: AuthOptions): 'open' | 'break_glass' | 'off' {
  // The public portal has no sign-in at all (auth.routes.ts registers none there).
  if (options.portal) return 'off';
  if (!options.passwords || options.passwords.localPasswords) return 'open';
  return options.passwords.breakGlassEmail ? 'break_glass' : 'off';
}

/** The callback's address as the provider called it: the configured redirect URL with this request's query. */
function callbackUrl(request: FastifyRequest, redirectUrl: string): URL {
  const url = new URL(redirectUrl);
  url.search = new URL(request.url, 'http://mitra.invalid').search;
  return url;
}

export function registerOidcRoutes(root: FastifyInstance, deps: ServiceDeps, options: AuthOptions & { redirectUrl: string }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const sso = options.portal ? null : (options.oidc ?? null);

  app.get(
    '/api/v1/auth/methods',
    { schema: { tags: TAG, summary: 'How one signs in here: passwords, single sign-on, or both', response: { 200: methodsSchema } } },
    async () => ({
      password: passwordMode(options),
      oidc: sso ? { label: sso.label, startUrl: '/api/v1/auth/oidc/start' } : null,
    }),
  );

  /** Single sign-on as configured, or a 404 problem (these routes exist on every server, for one API document). */
  const configured = () => {
    if (sso) return sso;
    throw new NotFoundError('oidc.not_configured', 'single sign-on is not configured on this server');
  };
  const pendingCookie = (request: FastifyRequest, maxAgeSeconds?: number) => ({
    ...cookieOptions(request, options, maxAgeSeconds),
    path: '/api/v1/auth/oidc/',
  });

  app.get(
    '/api/v1/auth/oidc/start',
    {
      schema: {
        tags: TAG,
        summary: 'Sign in with single sign-on: redirects to the provider (authorisation code flow with PKCE)',
        querystring: z.object({ redirect: z.string().max(2000).optional().meta({ description: 'a path of the web app to come back to' }) }),
        response: { 302: z.null().meta({ description: "to the provider's sign-in" }), 404: problemSchema },
      },
    },
    async (request, reply) => {
      const started = await beginOidcLogin(depsFor(deps, request), configured(), request.query.redirect);
      reply.setCookie(PENDING_COOKIE, started.cookieToken, pendingCookie(request, started.maxAgeSeconds));
      reply.header('cache-control', 'no-store');
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: TAG,
        summary: "The provider's answer: signs in and redirects into the web app (to /login?sso_error=<code> when refused)",
        response: {
          302: z.null().meta({ description: 'into the web app, signed in; or back to the sign-in page with the reason' }),
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const signOn = configured();
      reply.clearCookie(PENDING_COOKIE, pendingCookie(request));
      reply.header('cache-control', 'no-store');
      const policy = options.policy ?? DEFAULT_SESSION_POLICY;
      try {
        const signedIn = await completeOidcLogin(
          depsFor(deps, request),
          signOn,
          { cookieToken: request.cookies[PENDING_COOKIE], callbackUrl: callbackUrl(request, options.redirectUrl), ip: request.ip },
          policy,
        );
        reply.setCookie(SESSION_COOKIE, signedIn.token, cookieOptions(request, options, policy.absoluteMinutes * 60));
        return reply.redirect(signedIn.returnTo, 302);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        request.log.warn({ code: error.code, reason: error.message }, 'single sign-on refused');
        return reply.redirect(`/login?sso_error=${encodeURIComponent(error.code)}`, 302);
      }
    },
  );
}
