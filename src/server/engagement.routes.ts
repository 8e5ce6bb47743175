/**
 * Engagements: the list (and its CSV or XLSX), an engagement with If-Match, the offers and
 * requests made at it (an item turned into a program request), and the follow-ups with their list.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  engagementInputSchema,
  engagementListQuerySchema,
  engagementPatchSchema,
  followUpInputSchema,
  followUpListQuerySchema,
  followUpPatchSchema,
  itemInputSchema,
  itemProgramSchema,
  tableFormatSchema,
} from '../domain/partnership/partnership.schema.js';
import { allPages, engagementTable, followUpTable } from '../io/partnership-tables.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  addEngagementItem,
  createEngagement,
  deleteEngagement,
  deleteEngagementItem,
  getEngagement,
  itemToProgram,
  listEngagements,
  patchEngagement,
} from '../services/engagements.js';
import { addFollowUp, listFollowUps, patchFollowUp } from '../services/follow-ups.js';
import { depsFor } from './auth.js';
import { sendTable } from './downloads.js';
import { engagementSchema, followUpRowSchema, followUpSchema, presentEngagement } from './engagement.schemas.js';
import { problemResponses, versionedWriteResponses } from './problem.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { pageSchema, PARTNERSHIP_TAGS, programRefSchema } from './partnership.schemas.js';

export function registerEngagementRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/engagements',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Engagements (visits, meetings, conferences, calls), latest first',
        querystring: engagementListQuerySchema,
        response: { 200: pageSchema(engagementSchema, 'EngagementPage'), ...problemResponses },
      },
    },
    async (request) => {
      const result = await listEngagements(depsFor(deps, request), request.query);
      return { ...result, items: result.items.map(presentEngagement) };
    },
  );

  app.get(
    '/api/v1/engagements/export',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'The engagements of a filter as CSV or XLSX',
        querystring: engagementListQuerySchema.omit({ page: true, pageSize: true }).extend(tableFormatSchema.shape),
      },
    },
    async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const d = depsFor(deps, request);
      const items = await allPages((p) => listEngagements(d, { ...filter, page: p, pageSize: 200 }));
      return sendTable(reply, { format, ...engagementTable(items, lang) });
    },
  );

  app.post(
    '/api/v1/engagements',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Record an engagement with the offers and requests on each side and its follow-ups (each needs an owner)',
        body: engagementInputSchema,
        response: { 201: engagementSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await createEngagement(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/engagements/${created.id}`);
      return withEtag(reply, created, presentEngagement);
    },
  );

  app.get(
    '/api/v1/engagements/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'An engagement with its items (and the programs they became) and follow-ups',
        params: idParams,
        response: { 200: engagementSchema, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await getEngagement(depsFor(deps, request), request.params.id), presentEngagement),
  );

  app.patch(
    '/api/v1/engagements/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Change an engagement’s fields (coordination team, owning agency); If-Match honoured',
        params: idParams,
        body: engagementPatchSchema,
        response: { 200: engagementSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) => {
      return ifMatch(request, reply, async (check) =>
        withEtag(reply, await patchEngagement(depsFor(deps, request), request.params.id, request.body, check), presentEngagement),
      );
    },
  );

  app.delete(
    '/api/v1/engagements/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Delete an engagement recorded by mistake, unless an item became a program request (coordination team, owning agency); If-Match honoured',
        params: idParams,
        response: { 204: z.null(), ...versionedWriteResponses },
      },
    },
    async (request, reply) => {
      return ifMatch(request, reply, async (check) => {
        await deleteEngagement(depsFor(deps, request), request.params.id, check);
        return reply.code(204).send(null);
      });
    },
  );

  app.post(
    '/api/v1/engagements/:id/items',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Add an offer or a request made at the engagement',
        params: idParams,
        body: itemInputSchema,
        response: { 201: engagementSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentEngagement(await addEngagementItem(depsFor(deps, request), request.params.id, request.body))),
  );

  app.delete(
    '/api/v1/engagement-items/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Remove an offer or request (not once it became a program request)',
        params: idParams,
        response: { 200: engagementSchema, ...problemResponses },
      },
    },
    async (request) => presentEngagement(await deleteEngagementItem(depsFor(deps, request), request.params.id)),
  );

  app.post(
    '/api/v1/engagement-items/:id/program',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Turn an offer or a request into a program request (a program in the request stage), keeping the link',
        params: idParams,
        body: itemProgramSchema,
        response: { 201: z.object({ engagement: engagementSchema, program: programRefSchema }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { engagement, activity, program } = await itemToProgram(depsFor(deps, request), request.params.id, request.body);
      reply.code(201).header('location', `/api/v1/activities/${activity.id}`);
      return { engagement: presentEngagement(engagement), program };
    },
  );

  app.post(
    '/api/v1/engagements/:id/follow-ups',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Add a follow-up action (an owner is required: an account’s email or an organisation’s code)',
        params: idParams,
        body: followUpInputSchema,
        response: { 201: engagementSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentEngagement(await addFollowUp(depsFor(deps, request), request.params.id, request.body))),
  );

  app.patch(
    '/api/v1/follow-ups/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Change a follow-up: done, cancelled, a new due day or owner (its owner may close it too)',
        params: idParams,
        body: followUpPatchSchema,
        response: { 200: followUpSchema, ...problemResponses },
      },
    },
    async (request) => patchFollowUp(depsFor(deps, request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/follow-ups',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Follow-up actions, earliest due first',
        querystring: followUpListQuerySchema,
        response: { 200: pageSchema(followUpRowSchema, 'FollowUpPage'), ...problemResponses },
      },
    },
    async (request) => {
      const result = await listFollowUps(depsFor(deps, request), request.query);
      return { ...result, items: [...result.items] };
    },
  );

  app.get(
    '/api/v1/follow-ups/export',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Follow-up actions as CSV or XLSX',
        querystring: followUpListQuerySchema.omit({ page: true, pageSize: true }).extend(tableFormatSchema.shape),
      },
    },
    async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const d = depsFor(deps, request);
      const items = await allPages((p) => listFollowUps(d, { ...filter, page: p, pageSize: 200 }));
      return sendTable(reply, { format, ...followUpTable(items, lang) });
    },
  );
}
