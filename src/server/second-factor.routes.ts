/**
 * The second factor (TOTP, RFC 6238): its status, enrolment (with a QR code), the code after the
 * password, new recovery codes, disabling one's own, and an administrator's reset of another's.
 * A session that still needs its code or an enrolment reaches only the routes server/auth.ts lets
 * through; the services check the session's state again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Role } from '../domain/access/actor.js';
import { recoveryCodeSchema, totpCodeSchema } from '../domain/account/second-factor.js';
import { DEFAULT_SESSION_POLICY, type SignedIn } from '../services/auth.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  confirmEnrolment,
  disableOwnSecondFactor,
  regenerateRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
  verifySignIn,
} from '../services/second-factor.js';
import { cookieOptions, depsFor, SESSION_COOKIE, type AuthOptions } from './auth.js';
import { presentSession, sessionSchema } from './auth.routes.js';
import { idParams } from './http-helpers.js';
import { problemSchema } from './problem.js';

const TAG = ['Accounts'];
const BASE = '/api/v1/auth/second-factor';

const statusSchema = z
  .object({
    enrolled: z.boolean(),
    enrolledAt: z.string().nullable(),
    required: z.boolean().meta({ description: 'whether the role must use a second factor (MITRA_TOTP_REQUIRED_ROLES)' }),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'SecondFactorStatus' });

const recoveryCodesSchema = z
  .array(z.string())
  .meta({ description: 'shown this once: only their hashes are kept; each works once instead of a code' });

const proofSchema = z.union([z.strictObject({ code: totpCodeSchema }), z.strictObject({ recoveryCode: recoveryCodeSchema })]);

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerSecondFactorRoutes(root: FastifyInstance, deps: ServiceDeps, options: AuthOptions): void {
  if (options.portal) return;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const requiredRoles: readonly Role[] = policy.secondFactorRoles;

  /** A new session token replaces the one that only could give its code or enrol. */
  const renew = (request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn) => {
    reply.setCookie(SESSION_COOKIE, signedIn.token, cookieOptions(request, options, policy.absoluteMinutes * 60));
    reply.header('cache-control', 'no-store');
    return presentSession(signedIn);
  };

  app.get(
    BASE,
    {
      schema: {
        tags: TAG,
        summary: 'Your second factor: set up or not, required for your role, recovery codes left',
        response: { 200: statusSchema, ...problems },
      },
    },
    async (request) => secondFactorStatus(depsFor(deps, request), request.activeSession, requiredRoles),
  );

  app.post(
    `${BASE}/enrolment`,
    {
      schema: {
        tags: TAG,
        summary: 'Start setting up a second factor: a new secret, its otpauth:// URI and a QR code (SVG) for the authenticator app',
        response: {
          200: z.object({
            secret: z.string().meta({ description: 'base32 (RFC 4648), for typing into the app' }),
            uri: z.string(),
            qrSvg: z.string(),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const started = await startEnrolment(depsFor(deps, request), request.activeSession);
      reply.header('cache-control', 'no-store');
      const qrSvg = await QRCode.toString(started.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { ...started, qrSvg };
    },
  );

  app.post(
    `${BASE}/enrolment/confirm`,
    {
      schema: {
        tags: TAG,
        summary:
          "Finish the set-up with the app's first code; returns the recovery codes (once) and, after a sign-in that had to enrol, the full session",
        body: z.strictObject({ code: totpCodeSchema }),
        response: { 200: z.object({ recoveryCodes: recoveryCodesSchema, session: sessionSchema.nullable() }), ...problems },
      },
    },
    async (request, reply) => {
      const done = await confirmEnrolment(depsFor(deps, request), request.activeSession, request.body.code, policy);
      reply.header('cache-control', 'no-store');
      return { recoveryCodes: done.recoveryCodes, session: done.signedIn ? renew(request, reply, done.signedIn) : null };
    },
  );

  app.post(
    `${BASE}/verify`,
    {
      schema: {
        tags: TAG,
        summary:
          'The second step of signing in: the code of the authenticator app, or a recovery code; the session becomes a full one (new cookie)',
        body: proofSchema,
        response: { 200: sessionSchema, ...problems, 429: problemSchema },
      },
    },
    async (request, reply) =>
      renew(request, reply, await verifySignIn(depsFor(deps, request), request.activeSession, request.body, request.ip, policy)),
  );

  app.post(
    `${BASE}/recovery-codes`,
    {
      schema: {
        tags: TAG,
        summary: 'New recovery codes (the old ones stop working), with a current code',
        body: z.strictObject({ code: totpCodeSchema }),
        response: { 200: z.object({ recoveryCodes: recoveryCodesSchema }), ...problems, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        recoveryCodes: await regenerateRecoveryCodes(depsFor(deps, request), request.activeSession, request.body.code, request.ip, policy),
      };
    },
  );

  app.post(
    `${BASE}/disable`,
    {
      schema: {
        tags: TAG,
        summary:
          'Disable your second factor (with a code or a recovery code); your other sessions end, and this one too when your role requires a second factor',
        body: proofSchema,
        response: { 200: z.object({ sessionEnded: z.boolean() }), ...problems, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await disableOwnSecondFactor(depsFor(deps, request), request.activeSession, request.body, request.ip, policy);
      if (result.sessionEnded) reply.clearCookie(SESSION_COOKIE, cookieOptions(request, options));
      return result;
    },
  );

  app.delete(
    '/api/v1/users/:id/second-factor',
    {
      schema: {
        tags: TAG,
        summary:
          "Reset an account's second factor (administrators; audited): its sessions end and it sets one up again at its next sign-in",
        params: idParams,
        response: { 204: z.null().meta({ description: 'reset (also when it had none)' }), ...problems, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await resetSecondFactor(depsFor(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
