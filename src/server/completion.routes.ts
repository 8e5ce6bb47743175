/**
 * A program's completion and evaluation (issue 25, docs/completion-evaluation.md): read them, and
 * save each as a whole with If-Match on its version ("0" creates the first). The web saves the
 * record first, then makes the transition (POST …/transitions), which refuses while the record
 * lacks what the stage needs.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { completionInput } from '../domain/program/completion.js';
import { evaluationInput } from '../domain/program/evaluation.js';
import { getCompletion, getEvaluation, saveCompletion, saveEvaluation } from '../services/completion.js';
import type { ServiceDeps } from '../services/deps.js';
import { depsFor } from './auth.js';
import { completionViewSchema, evaluationViewSchema, presentCompletion, presentEvaluation } from './completion.schemas.js';
import { etagOf, idParams, ifMatch } from './http-helpers.js';
import { problemResponses, versionedWriteResponses } from './problem.js';

const TAGS = ['Programs'];

function sent<V extends { readonly version: number }, J>(reply: FastifyReply, view: V, present: (v: V) => J): J {
  reply.header('etag', etagOf(view.version));
  return present(view);
}

export function registerCompletionRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities/:id/completion',
    {
      schema: {
        tags: TAGS,
        summary:
          "A program's completion: actual dates, actual cost by line and who bore it (not for the public), partner shares, the report, and what completing still needs",
        params: idParams,
        response: { 200: completionViewSchema, ...problemResponses },
      },
    },
    async (request, reply) => sent(reply, await getCompletion(depsFor(deps, request), request.params.id), presentCompletion),
  );

  app.put(
    '/api/v1/activities/:id/completion',
    {
      schema: {
        tags: TAGS,
        summary:
          'Record or replace a program\'s completion (If-Match: its version, "0" for the first); the coordination team, or the implementing agency until the evaluation',
        params: idParams,
        body: completionInput,
        response: { 200: completionViewSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) =>
        sent(reply, await saveCompletion(depsFor(deps, request), request.params.id, request.body, { expectedVersion }), presentCompletion),
      ),
  );

  app.get(
    '/api/v1/activities/:id/evaluation',
    {
      schema: {
        tags: TAGS,
        summary:
          "A program's evaluation: the DAC criteria ratings with reasons and the findings (public once evaluated), the recommendations and management response with its follow-ups (signed-in readers)",
        params: idParams,
        response: { 200: evaluationViewSchema, ...problemResponses },
      },
    },
    async (request, reply) => sent(reply, await getEvaluation(depsFor(deps, request), request.params.id), presentEvaluation),
  );

  app.put(
    '/api/v1/activities/:id/evaluation',
    {
      schema: {
        tags: TAGS,
        summary:
          'Record or replace a program\'s evaluation (If-Match: its version, "0" for the first); the coordination team. Its management-response actions with an owner become follow-ups',
        params: idParams,
        body: evaluationInput,
        response: { 200: evaluationViewSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) =>
        sent(reply, await saveEvaluation(depsFor(deps, request), request.params.id, request.body, { expectedVersion }), presentEvaluation),
      ),
  );
}
