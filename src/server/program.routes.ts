import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programListPageSchema } from '../domain/program/program-query.js';
import { programInputSchema, programPatchSchema } from '../domain/program/program.schema.js';
import {
  createProgram,
  deleteProgram,
  getProgram,
  getProgramByIdentifier,
  listPrograms,
  patchProgram,
  replaceProgram,
} from '../services/programs.js';
import type { ServiceDeps } from '../services/deps.js';
import { programPageSchema, programSchema, presentProgram, presentSummary } from './program.present.js';
import { badIfMatch, etagOf, idParams, readIfMatch } from './http-helpers.js';
import { problemSchema } from './problem.js';
import { depsFor } from './auth.js';

const TAG = ['Programs'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerProgramRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags: TAG,
        summary: 'List programs with filters, free-text search, sorting and paging',
        querystring: programListPageSchema,
        response: { 200: programPageSchema, 400: problemSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: ['programs'] }, async () => {
        const page = await listPrograms(depsFor(deps, request), request.query);
        return { ...page, items: page.items.map(presentSummary) };
      }),
  );

  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags: TAG,
        summary: 'Register a program',
        body: programInputSchema,
        response: { 201: programSchema, ...errors },
      },
    },
    async (request, reply) => {
      const activity = await createProgram(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/activities/${activity.id}`).header('etag', etagOf(activity.version));
      return presentProgram(activity);
    },
  );

  app.get(
    '/api/v1/activities/:id',
    { schema: { tags: TAG, summary: 'Read a program', params: idParams, response: { 200: programSchema, ...errors } } },
    async (request, reply) => {
      const activity = await getProgram(depsFor(deps, request), request.params.id);
      reply.header('etag', etagOf(activity.version));
      return presentProgram(activity);
    },
  );

  app.get(
    '/api/v1/activities/by-identifier/:identifier',
    {
      schema: {
        tags: TAG,
        summary: 'Read a program by its identifier',
        params: z.object({ identifier: z.string().min(1).max(150) }),
        response: { 200: programSchema, ...errors },
      },
    },
    async (request, reply) => {
      const activity = await getProgramByIdentifier(depsFor(deps, request), request.params.identifier);
      reply.header('etag', etagOf(activity.version));
      return presentProgram(activity);
    },
  );

  app.put(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Replace a program (fields left out are cleared); send If-Match to avoid overwriting a newer version',
        params: idParams,
        body: programInputSchema,
        response: { 200: programSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      const activity = await replaceProgram(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version });
      reply.header('etag', etagOf(activity.version));
      return presentProgram(activity);
    },
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Change some fields of a program; lists given replace the stored lists',
        params: idParams,
        body: programPatchSchema,
        response: { 200: programSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      const activity = await patchProgram(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version });
      reply.header('etag', etagOf(activity.version));
      return presentProgram(activity);
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
      await deleteProgram(depsFor(deps, request), request.params.id, { expectedVersion: ifMatch.version });
      return reply.code(204).send(null);
    },
  );
}
