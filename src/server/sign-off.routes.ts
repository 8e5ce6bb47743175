/** The coordination ministries' sign-offs on a program, and the rules of who signs at which step (docs/sign-offs.md). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signOffInputSchema, signOffOpinions, signOffRuleInputSchema, signOffSteps, type StepState } from '../domain/sign-off/sign-off.js';
import type { ServiceDeps } from '../services/deps.js';
import { listSignOffRules, programSignOffs, recordSignOff, saveSignOffRule, type ProgramSignOffs } from '../services/sign-offs.js';
import { depsFor } from './auth.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';

const step = z.enum(signOffSteps.codes);
const opinion = z.enum(signOffOpinions.codes);

const ruleSchema = z
  .object({ step, orgCode: z.string(), required: z.boolean(), daysAllowed: z.number().int() })
  .meta({ id: 'SignOffRule' });

const stepStateSchema = z.object({
  step,
  startedAt: z
    .string()
    .nullable()
    .meta({ description: 'when the program entered the step (the round started); null when it was registered there' }),
  ministries: z.array(
    z.object({
      orgCode: z.string(),
      status: z.enum(['waiting', 'overdue', ...signOffOpinions.codes]),
      deadlineDate: z.string().nullable(),
      opinion: opinion.nullable(),
      comment: z.string().nullable(),
      signedBy: z.string().nullable(),
      signedAt: z.string().nullable(),
    }),
  ),
  waitingOn: z.array(z.string()),
  disagreed: z.array(z.string()),
  mayProceed: z.boolean(),
});

const programSignOffsSchema = z
  .object({
    current: step.nullable().meta({ description: 'the step whose round is open now (the program is in its stage)' }),
    steps: z.array(stepStateSchema),
    mySignFor: z.string().nullable().meta({ description: 'the ministry you may sign for at the current step' }),
  })
  .meta({ id: 'ProgramSignOffs' });

function presentStep(s: StepState): z.infer<typeof stepStateSchema> {
  return {
    step: s.step,
    startedAt: s.startedAt,
    ministries: s.ministries.map((m) => ({
      orgCode: m.orgCode,
      status: m.status,
      deadlineDate: m.deadlineDate,
      opinion: m.signOff?.opinion ?? null,
      comment: m.signOff?.comment ?? null,
      signedBy: m.signOff?.signedByLabel ?? null,
      signedAt: m.signOff?.signedAt ?? null,
    })),
    waitingOn: [...s.waitingOn],
    disagreed: [...s.disagreed],
    mayProceed: s.mayProceed,
  };
}

const present = (p: ProgramSignOffs): z.infer<typeof programSignOffsSchema> => ({
  current: p.current,
  steps: p.steps.map(presentStep),
  mySignFor: p.mySignFor,
});

export function registerSignOffRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities/:id/sign-offs',
    {
      schema: {
        tags: ['Programs'],
        summary: "The coordination ministries' sign-offs of a program: per step who is waited on, opinions and deadlines",
        params: idParams,
        response: { 200: programSignOffsSchema, ...problemResponses },
      },
    },
    async (request) => present(await programSignOffs(depsFor(deps, request), request.params.id)),
  );

  app.post(
    '/api/v1/activities/:id/sign-offs',
    {
      schema: {
        tags: ['Programs'],
        summary:
          "Record your ministry's opinion at the program's current step (agree; agree with conditions, which need the conditions; disagree, which needs the reason); a newer opinion replaces the ministry's earlier one",
        params: idParams,
        body: signOffInputSchema,
        response: { 200: programSignOffsSchema, ...problemResponses },
      },
    },
    async (request) => present(await recordSignOff(depsFor(deps, request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/sign-off-rules',
    {
      schema: {
        tags: ['Programs'],
        summary: 'Which ministry must sign at which step, and in how many days',
        response: { 200: z.array(ruleSchema), ...problemResponses },
      },
    },
    async (request) => listSignOffRules(depsFor(deps, request)),
  );

  app.put(
    '/api/v1/sign-off-rules',
    {
      schema: {
        tags: ['Programs'],
        summary: 'Set whether a ministry must sign at a step, and its days (the coordination team)',
        body: signOffRuleInputSchema,
        response: { 200: ruleSchema, ...problemResponses },
      },
    },
    async (request) => saveSignOffRule(depsFor(deps, request), request.body),
  );
}
