import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityListPageSchema } from '../domain/activity/activity-query.js';
import { activityInputSchema, activityPatchSchema } from '../domain/activity/activity.schema.js';
import {
  createActivity,
  deleteActivity,
  getActivity,
  getActivityByIdentifier,
  listActivities,
  patchActivity,
  replaceActivity,
} from '../services/activities.js';
import type { ServiceDeps } from '../services/ports.js';
import { activityPageSchema, activitySchema, presentActivity, presentSummary } from './activity.present.js';
import { badIfMatch, etagOf, idParams, readIfMatch } from './http-helpers.js';
import { problemSchema } from './problem.js';
import { depsFor } from './auth.js';

const TAG = ['Programs'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerActivityRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags: TAG,
        summary: 'List programs with filters, free-text search, sorting and paging',
        querystring: activityListPageSchema,
        response: { 200: activityPageSchema, 400: problemSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: ['programs'] }, async () => {
        const page = await listActivities(depsFor(deps, request), request.query);
        return { ...page, items: page.items.map(presentSummary) };
      }),
  );

  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags: TAG,
        summary: 'Register a program',
        body: activityInputSchema,
        response: { 201: activitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const activity = await createActivity(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/activities/${activity.id}`).header('etag', etagOf(activity.version));
      return presentActivity(activity);
    },
  );

  app.get(
    '/api/v1/activities/:id',
    { schema: { tags: TAG, summary: 'Read a program', params: idParams, response: { 200: activitySchema, ...errors } } },
    async (request, reply) => {
      const activity = await getActivity(depsFor(deps, request), request.params.id);
      reply.header('etag', etagOf(activity.version));
      return presentActivity(activity);
    },
  );

  app.get(
    '/api/v1/activities/by-identifier/:identifier',
    {
      schema: {
        tags: TAG,
        summary: 'Read a program by its identifier',
        params: z.object({ identifier: z.string().min(1).max(150) }),
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const activity = await getActivityByIdentifier(depsFor(deps, request), request.params.identifier);
      reply.header('etag', etagOf(activity.version));
      return presentActivity(activity);
    },
  );

  app.put(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Replace a program (fields left out are cleared); send If-Match to avoid overwriting a newer version',
        params: idParams,
        body: activityInputSchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      const activity = await replaceActivity(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version });
      reply.header('etag', etagOf(activity.version));
      return presentActivity(activity);
    },
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Change some fields of a program; lists given replace the stored lists',
        params: idParams,
        body: activityPatchSchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      const activity = await patchActivity(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version });
      reply.header('etag', etagOf(activity.version));
      return presentActivity(activity);
    },
  );

  app.delete(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Delete a program with its participants',
        params: idParams,
        response: { 204: z.null().meta({ description: 'deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      await deleteActivity(depsFor(deps, request), request.params.id, { expectedVersion: ifMatch.version });
      return reply.code(204).send(null);
    },
  );
}
