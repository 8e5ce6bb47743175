/** API tokens for other systems (administrators): create (the token shown once), list, read, revoke, uses. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiScopes, apiTokenInputSchema, tokenState, TOKEN_ROLES, type ApiToken } from '../domain/account/api-token.js';
import { apiTokenUses, createApiToken, getApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.js';
import type { ServiceDeps } from '../services/deps.js';
import { depsFor } from './auth.js';
import { pageOf } from './common.schemas.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Accounts'];

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    orgCode: z.string(),
    role: z.enum(TOKEN_ROLES),
    scopes: z.array(z.enum(apiScopes.codes)),
    prefix: z.string().meta({ description: 'the visible start of the token: mitra_<prefix>_…' }),
    createdByLabel: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
    version: z.number().int(),
  })
  .meta({ id: 'ApiToken' });

const createdSchema = z
  .object({
    token: z.string().meta({ description: 'the token itself, shown this once: send it as Authorization: Bearer <token>' }),
    apiToken: apiTokenSchema,
  })
  .meta({ id: 'CreatedApiToken' });

const useSchema = z
  .object({ at: z.string(), method: z.string(), route: z.string(), status: z.number().int(), ip: z.string() })
  .meta({ id: 'ApiTokenUse' });

export function registerApiTokenRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const present = (t: ApiToken): z.output<typeof apiTokenSchema> => ({
    id: t.id,
    name: t.name,
    orgCode: t.orgCode,
    role: t.role,
    scopes: [...t.scopes],
    prefix: t.prefix,
    createdByLabel: t.createdByLabel,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
    state: tokenState(t, deps.clock.nowIso()),
    version: t.version,
  });

  app.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: TAG,
        summary: 'List API tokens, revoked and expired ones too (administrators)',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listApiTokens(depsFor(deps, request))).map(present) }),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: TAG,
        summary: 'Create an API token for another system (administrators); the answer shows the token once',
        body: apiTokenInputSchema,
        response: { 201: createdSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/api-tokens/${created.record.id}`).header('cache-control', 'no-store');
      return { token: created.token, apiToken: withEtag(reply, created.record, present) };
    },
  );

  app.get(
    '/api/v1/api-tokens/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Read an API token (administrators)',
        params: idParams,
        response: { 200: apiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await getApiToken(depsFor(deps, request), request.params.id), present),
  );

  app.post(
    '/api/v1/api-tokens/:id/revoke',
    {
      schema: {
        tags: TAG,
        summary: 'Revoke an API token at once (administrators); send If-Match',
        params: idParams,
        response: { 200: apiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await revokeApiToken(depsFor(deps, request), request.params.id, check), present),
      ),
  );

  app.get(
    '/api/v1/api-tokens/:id/uses',
    {
      schema: {
        tags: TAG,
        summary: "An API token's use log: every request made with it, newest first (administrators)",
        params: idParams,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: pageOf(useSchema), ...problemResponses },
      },
    },
    async (request) => {
      const page = await apiTokenUses(depsFor(deps, request), request.params.id, request.query.page, request.query.pageSize);
      return { ...page, items: [...page.items] };
    },
  );
}
