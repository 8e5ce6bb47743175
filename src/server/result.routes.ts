/**
 * Results frameworks of programs (issue 25, docs/results.md): read the framework with the
 * computed participant indicator; add, replace and delete results, indicators and periods. The
 * framework has one version (its ETag): every change sends If-Match with it and answers the
 * whole framework with the new version.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  frameworkInputSchema,
  indicatorFieldsSchema,
  indicatorInputSchema,
  periodInputSchema,
  resultFieldsSchema,
  resultInputSchema,
  storedResult,
} from '../domain/results/framework.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  addIndicator,
  addPeriod,
  addResult,
  deleteIndicator,
  deletePeriod,
  deleteResult,
  getResults,
  replaceFramework,
  updateIndicator,
  updatePeriod,
  updateResult,
  type ResultsView,
} from '../services/results.js';
import { depsFor } from './auth.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses, versionedWriteResponses } from './problem.js';

const TAG = ['Results'];
const dbId = z.coerce.number().int().positive().max(2_147_483_647);
const resultParams = idParams.extend({ resultId: dbId });
const indicatorParams = resultParams.extend({ indicatorId: dbId });
const periodParams = indicatorParams.extend({ periodId: dbId });

const viewSchema = z
  .object({
    programId: z.number().int(),
    version: z.number().int().meta({ description: 'the framework version (also the ETag); 0 when none is stored yet' }),
    updatedAt: z.string().nullable(),
    results: z.array(storedResult),
    participants: z
      .object({
        start: z.string().nullable(),
        end: z.string().nullable(),
        planned: z.number().int().nullable(),
        attended: z.number().int().nullable().meta({ description: 'null when the program has no participant records' }),
        female: z.number().int(),
        male: z.number().int(),
        byCountry: z.array(z.object({ country: z.string(), attended: z.number().int() })),
      })
      .meta({ description: 'the participant indicator, computed from the participant records (read-only)' }),
    editable: z.boolean(),
  })
  .meta({ id: 'ResultsFramework' });

const present = (v: ResultsView) => ({
  ...v,
  results: [...v.results],
  participants: { ...v.participants, byCountry: [...v.participants.byCountry] },
});

export function registerResultRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const write = { response: { 200: viewSchema, ...versionedWriteResponses } };

  app.get(
    '/api/v1/activities/:id/results',
    {
      schema: {
        tags: TAG,
        summary: "A program's results framework (results, indicators, baselines, periods) and its computed participant indicator",
        params: idParams,
        response: { 200: viewSchema, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await getResults(depsFor(deps, request), request.params.id), present),
  );

  app.put(
    '/api/v1/activities/:id/results',
    {
      schema: {
        tags: TAG,
        summary: 'Replace the whole results framework (ids are given anew); If-Match: the framework version',
        params: idParams,
        body: frameworkInputSchema,
        ...write,
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) =>
        withEtag(reply, await replaceFramework(depsFor(deps, request), request.params.id, request.body, expectedVersion), present),
      ),
  );

  app.post(
    '/api/v1/activities/:id/results',
    {
      schema: {
        tags: TAG,
        summary: 'Add a result (with its indicators and periods, if given)',
        params: idParams,
        body: resultInputSchema,
        ...write,
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) =>
        withEtag(reply, await addResult(depsFor(deps, request), request.params.id, request.body, expectedVersion), present),
      ),
  );

  app.put(
    '/api/v1/activities/:id/results/:resultId',
    {
      schema: {
        tags: TAG,
        summary: "Replace a result's own fields (its indicators stay)",
        params: resultParams,
        body: resultFieldsSchema,
        ...write,
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, resultId } = request.params;
        return withEtag(reply, await updateResult(depsFor(deps, request), id, resultId, request.body, expectedVersion), present);
      }),
  );

  app.delete(
    '/api/v1/activities/:id/results/:resultId',
    { schema: { tags: TAG, summary: 'Delete a result with its indicators', params: resultParams, ...write } },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, resultId } = request.params;
        return withEtag(reply, await deleteResult(depsFor(deps, request), id, resultId, expectedVersion), present);
      }),
  );

  app.post(
    '/api/v1/activities/:id/results/:resultId/indicators',
    {
      schema: { tags: TAG, summary: 'Add an indicator to a result', params: resultParams, body: indicatorInputSchema, ...write },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, resultId } = request.params;
        return withEtag(reply, await addIndicator(depsFor(deps, request), id, resultId, request.body, expectedVersion), present);
      }),
  );

  app.put(
    '/api/v1/activities/:id/results/:resultId/indicators/:indicatorId',
    {
      schema: {
        tags: TAG,
        summary: "Replace an indicator's own fields and baseline (its periods stay)",
        params: indicatorParams,
        body: indicatorFieldsSchema,
        ...write,
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, ...ids } = request.params;
        return withEtag(reply, await updateIndicator(depsFor(deps, request), id, ids, request.body, expectedVersion), present);
      }),
  );

  app.delete(
    '/api/v1/activities/:id/results/:resultId/indicators/:indicatorId',
    { schema: { tags: TAG, summary: 'Delete an indicator with its periods', params: indicatorParams, ...write } },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, ...ids } = request.params;
        return withEtag(reply, await deleteIndicator(depsFor(deps, request), id, ids, expectedVersion), present);
      }),
  );

  app.post(
    '/api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods',
    {
      schema: {
        tags: TAG,
        summary: 'Add a period (target and actual, their disaggregations and evidence) to an indicator',
        params: indicatorParams,
        body: periodInputSchema,
        ...write,
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, ...ids } = request.params;
        return withEtag(reply, await addPeriod(depsFor(deps, request), id, ids, request.body, expectedVersion), present);
      }),
  );

  app.put(
    '/api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods/:periodId',
    { schema: { tags: TAG, summary: 'Replace a period', params: periodParams, body: periodInputSchema, ...write } },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, ...ids } = request.params;
        return withEtag(reply, await updatePeriod(depsFor(deps, request), id, ids, request.body, expectedVersion), present);
      }),
  );

  app.delete(
    '/api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods/:periodId',
    { schema: { tags: TAG, summary: 'Delete a period', params: periodParams, ...write } },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const { id, ...ids } = request.params;
        return withEtag(reply, await deletePeriod(depsFor(deps, request), id, ids, expectedVersion), present);
      }),
  );
}
