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
import { deletedSchema } from './common.schemas.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses, problemSchema, versionedWriteResponses } from './problem.js';
import { depsFor } from './auth.js';

const TAG = ['Programs'];

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
        response: { 201: programSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const program = await createProgram(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/activities/${program.id}`);
      return withEtag(reply, program, presentProgram);
    },
  );

  app.get(
    '/api/v1/activities/:id',
    { schema: { tags: TAG, summary: 'Read a program', params: idParams, response: { 200: programSchema, ...problemResponses } } },
    async (request, reply) => withEtag(reply, await getProgram(depsFor(deps, request), request.params.id), presentProgram),
  );

  app.get(
    '/api/v1/activities/by-identifier/:identifier',
    {
      schema: {
        tags: TAG,
        summary: 'Read a program by its identifier',
        params: z.object({ identifier: z.string().min(1).max(150) }),
        response: { 200: programSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await getProgramByIdentifier(depsFor(deps, request), request.params.identifier), presentProgram),
  );

  app.put(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Replace a program (fields left out are cleared); send If-Match to avoid overwriting a newer version',
        params: idParams,
        body: programInputSchema,
        response: { 200: programSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await replaceProgram(depsFor(deps, request), request.params.id, request.body, check), presentProgram),
      ),
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Change some fields of a program; lists given replace the stored lists',
        params: idParams,
        body: programPatchSchema,
        response: { 200: programSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await patchProgram(depsFor(deps, request), request.params.id, request.body, check), presentProgram),
      ),
  );

  app.delete(
    '/api/v1/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Delete a program with its participants',
        params: idParams,
        response: { 204: deletedSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) => {
        await deleteProgram(depsFor(deps, request), request.params.id, check);
        return reply.code(204).send(null);
      }),
  );
}
