/** Accounts (administrators) and the audit log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../domain/access/actor.js';
import { userInputSchema, userPatchSchema } from '../domain/account/user.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditEntry } from '../domain/audit.js';
import type { Page } from '../domain/program/program-query.js';
import { programHistory, searchAudit } from '../services/audit.js';
import type { ServiceDeps } from '../services/deps.js';
import { createUser, getUser, listUsers, unlockAccount, updateUser } from '../services/users.js';
import { depsFor } from './auth.js';
import { presentUser, userSchema } from './auth.routes.js';
import { pageOf } from './common.schemas.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses, versionedWriteResponses } from './problem.js';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actorLabel: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    entity: z.enum(AUDIT_ENTITIES),
    entityId: z.string().nullable(),
    entityLabel: z.string().nullable(),
    entityVersion: z.number().int().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    comment: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const auditPageSchema = pageOf(auditEntrySchema);
const presentAuditPage = (page: Page<AuditEntry>): z.output<typeof auditPageSchema> => ({
  ...page,
  items: page.items.map((entry) => ({ ...entry, changes: { ...entry.changes } })),
});
const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) };

export function registerUserRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const TAG = ['Accounts'];

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: TAG,
        summary: 'List accounts (administrators)',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          role: z.enum(roles.codes).optional(),
          includeDisabled: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
        response: { 200: z.object({ items: z.array(userSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listUsers(depsFor(deps, request), request.query)).map(presentUser) }),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: TAG,
        summary: 'Create an account (administrators)',
        body: userInputSchema,
        response: { 201: userSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = await createUser(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/users/${user.id}`);
      return withEtag(reply, user, presentUser);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Read an account (administrators)',
        params: idParams,
        response: { 200: userSchema, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await getUser(depsFor(deps, request), request.params.id), presentUser),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Change an account: name, role, organisation, disabled, or a new password (administrators)',
        params: idParams,
        body: userPatchSchema,
        response: { 200: userSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await updateUser(depsFor(deps, request), request.params.id, request.body, check), presentUser),
      ),
  );

  app.post(
    '/api/v1/users/:id/unlock',
    {
      schema: {
        tags: TAG,
        summary:
          "Lift an account's sign-in limit (administrators; audited): its failed sign-ins are forgotten, so its owner signs in again at once",
        params: idParams,
        response: { 200: z.object({ cleared: z.number().int().meta({ description: 'failed sign-ins forgotten' }) }), ...problemResponses },
      },
    },
    async (request) => ({ cleared: await unlockAccount(depsFor(deps, request), request.params.id) }),
  );

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Search the audit log (administrators); it cannot be changed through the API',
        querystring: z.object({
          entity: z.enum(AUDIT_ENTITIES).optional(),
          entityId: z.string().trim().max(100).optional(),
          action: z.enum(AUDIT_ACTIONS).optional(),
          actorUserId: z.coerce.number().int().positive().optional(),
          q: z.string().trim().max(200).optional(),
          from: z.string().trim().max(30).optional().meta({ description: 'ISO date or instant, inclusive' }),
          to: z.string().trim().max(30).optional().meta({ description: 'ISO date or instant, exclusive' }),
          ...paging,
        }),
        response: { 200: auditPageSchema, ...problemResponses },
      },
    },
    async (request) => presentAuditPage(await searchAudit(depsFor(deps, request), request.query)),
  );

  app.get(
    '/api/v1/activities/:id/history',
    {
      schema: {
        tags: ['Programs'],
        summary: "A program's history: who created, changed and moved it, with the fields before and after",
        params: idParams,
        querystring: z.object({ afterVersion: z.coerce.number().int().min(0).optional(), ...paging }),
        response: { 200: auditPageSchema, ...problemResponses },
      },
    },
    async (request) => presentAuditPage(await programHistory(depsFor(deps, request), request.params.id, request.query)),
  );
}
