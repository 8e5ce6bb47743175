/** The assistance process of a program (timeline, transitions) and the annual plan. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lifecycleStages } from '../domain/codes.js';
import { transitionActions } from '../domain/program/lifecycle.js';
import { programTimeline, annualPlan, transitionProgram } from '../services/lifecycle.js';
import type { ServiceDeps } from '../services/deps.js';
import { programSchema, presentProgram } from './program.present.js';
import { depsFor } from './auth.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses, versionedWriteResponses } from './problem.js';
import { presentSpending, spendingSchema } from './report.schemas.js';

const stage = z.enum(lifecycleStages.codes);
const action = z.enum(transitionActions.codes);

const timelineSchema = z
  .object({
    stage,
    transitions: z.array(
      z.object({
        id: z.number().int(),
        action,
        fromStage: stage,
        toStage: stage,
        comment: z.string().nullable(),
        actorLabel: z.string(),
        at: z.string(),
      }),
    ),
    available: z.array(action).meta({ description: 'the transitions you may make now' }),
  })
  .meta({ id: 'Timeline' });

const planProgramSchema = z.object({
  id: z.number().int(),
  identifier: z.string(),
  titleEn: z.string().nullable(),
  titleId: z.string().nullable(),
  stage,
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  recipients: z.array(z.string()),
  budget: spendingSchema,
});

const annualPlanSchema = z
  .object({
    year: z.number().int(),
    programs: z.number().int(),
    agencies: z.array(z.object({ org: z.string().nullable(), programs: z.array(planProgramSchema), budget: spendingSchema })),
    budget: spendingSchema,
  })
  .meta({ id: 'AnnualPlan' });

export function registerLifecycleRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities/:id/timeline',
    {
      schema: {
        tags: ['Programs'],
        summary: "A program's path through the assistance process and the transitions you may make",
        params: idParams,
        response: { 200: timelineSchema, ...problemResponses },
      },
    },
    async (request) => {
      const t = await programTimeline(depsFor(deps, request), request.params.id);
      return {
        stage: t.stage,
        transitions: t.transitions.map(({ actorUserId: _u, activityId: _a, ...rest }) => rest),
        available: [...t.available],
      };
    },
  );

  app.post(
    '/api/v1/activities/:id/transitions',
    {
      schema: {
        tags: ['Programs'],
        summary:
          'Move a program through the process: submit, return, approve, reject, fund, start, complete, evaluate, cancel (reject, return and cancel need a comment)',
        params: idParams,
        body: z.strictObject({ action, comment: z.string().trim().max(4000).nullable().optional() }),
        response: { 200: programSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const program = await transitionProgram(depsFor(deps, request), request.params.id, {
          action: request.body.action,
          comment: request.body.comment ?? null,
          expectedVersion,
        });
        return withEtag(reply, program, presentProgram);
      }),
  );

  app.get(
    '/api/v1/reports/annual-plan',
    {
      schema: {
        tags: ['Reports'],
        summary: 'The annual plan: approved and funded programs of a year per implementing ministry, with planned budgets in USD and IDR',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200) }),
        response: { 200: annualPlanSchema, ...problemResponses },
      },
    },
    async (request) => {
      const plan = await annualPlan(depsFor(deps, request), request.query.year);
      return {
        year: plan.year,
        programs: plan.programs,
        budget: presentSpending(plan.budget),
        agencies: plan.agencies.map((a) => ({
          org: a.org,
          budget: presentSpending(a.budget),
          programs: a.programs.map((p) => ({ ...p, recipients: [...p.recipients], budget: presentSpending(p.budget) })),
        })),
      };
    },
  );
}
