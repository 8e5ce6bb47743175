/** Sign-in, sign-out, the current session and one's own password. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles, systemActor } from '../domain/access/actor.js';
import { passwordSchema, type User } from '../domain/account/user.js';
import { changeOwnPassword, login, logout, DEFAULT_SESSION_POLICY, type SignedIn } from '../services/auth.js';
import { actingAs, type ServiceDeps } from '../services/deps.js';
import { offerUnlockLink, unlockWithLink } from '../services/unlock-links.js';
import { RateLimitedError } from '../domain/errors.js';
import { checkPasswordSignIn, oidcSignOutUrl } from '../services/oidc.js';
import { cookieOptions, depsFor, SESSION_COOKIE, type AuthOptions } from './auth.js';
import { problemSchema } from './problem.js';

const TAG = ['Accounts'];

/** Who mails and follows unlock links: the sign-in itself, before anyone is signed in. */
const UNLOCK_ACTOR = systemActor('sign-in pause');

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles.codes),
    orgCode: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const presentUser = (u: User): z.output<typeof userSchema> => ({ ...u });

export const sessionSchema = z
  .object({
    user: userSchema.nullable(),
    csrfToken: z.string().nullable().meta({ description: 'send it as X-CSRF-Token with every change' }),
    expiresAt: z.string().nullable(),
    portal: z.boolean().meta({ description: 'true on a read-only public portal (no sign-in)' }),
    pendingFactor: z.enum(['verify', 'enrol']).optional().meta({
      description:
        'only while the password was right but the session still needs its second factor: the code (verify) or an enrolment (enrol); until then every other call is 403',
    }),
  })
  .meta({ id: 'Session' });

/** A session as the API shows it (after sign-in, and after the second factor). */
export function presentSession(signedIn: SignedIn): z.output<typeof sessionSchema> {
  return {
    user: presentUser(signedIn.user),
    csrfToken: signedIn.session.csrfToken,
    expiresAt: signedIn.session.expiresAt,
    portal: false,
    ...(signedIn.session.pendingFactor ? { pendingFactor: signedIn.session.pendingFactor } : {}),
  };
}

export function registerAuthRoutes(root: FastifyInstance, deps: ServiceDeps, options: AuthOptions): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: TAG,
        summary: 'Who is signed in (null for the public), with the CSRF token for changes',
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const s = request.activeSession;
      return {
        user: s ? presentUser(s.user) : null,
        csrfToken: s?.session.csrfToken ?? null,
        expiresAt: s?.session.expiresAt ?? null,
        portal: options.portal,
        ...(s?.session.pendingFactor ? { pendingFactor: s.session.pendingFactor } : {}),
      };
    },
  );

  if (options.portal) return;

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: TAG,
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
        response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      if (options.passwords) await checkPasswordSignIn(depsFor(deps, request), request.body.email, options.passwords);
      const signedIn = await login(depsFor(deps, request), { ...request.body, ip: request.ip }, policy).catch(async (error: unknown) => {
        // A pause of the account: its owner is mailed a link that lifts it (the answer is the same either way).
        if (options.unlockUrl && error instanceof RateLimitedError) {
          await offerUnlockLink(actingAs(deps, UNLOCK_ACTOR), request.body.email, options.unlockUrl, policy);
        }
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, signedIn.token, cookieOptions(request, options, policy.absoluteMinutes * 60));
      reply.header('cache-control', 'no-store');
      return presentSession(signedIn);
    },
  );

  app.post(
    '/api/v1/auth/unlock',
    {
      schema: {
        tags: TAG,
        summary: 'Lift the pause of a sign-in with the single-use link mailed to the account’s owner (no session needed)',
        body: z.strictObject({ token: z.string().trim().min(1).max(200) }),
        response: { 204: z.null().meta({ description: 'the account may sign in again' }), 400: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      await unlockWithLink(actingAs(deps, UNLOCK_ACTOR), request.body.token);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: TAG,
        summary: 'Sign out (ends the session); after a single sign-on, also the address that signs out at the provider',
        response: {
          200: z
            .object({
              endSessionUrl: z.string().meta({ description: "send the browser there: the provider's own sign-out (RP-initiated logout)" }),
            })
            .meta({ description: 'signed out of Mitra; the provider still has a session' }),
          204: z.null().meta({ description: 'signed out' }),
        },
      },
    },
    async (request, reply) => {
      const active = request.activeSession;
      // Read before the session ends: its ID token goes with it.
      const endSessionUrl = active ? await oidcSignOutUrl(depsFor(deps, request), options.oidc ?? null, active.session.id) : null;
      if (active) await logout(depsFor(deps, request), active);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request, options));
      if (endSessionUrl) return reply.code(200).send({ endSessionUrl });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: TAG,
        summary: 'Change your own password (your other sessions end)',
        body: z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }),
        response: { 204: z.null().meta({ description: 'changed' }), 400: problemSchema, 401: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(depsFor(deps, request), request.activeSession, request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );
}
