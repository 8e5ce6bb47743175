/**
 * The IATI Standard's ruleset and codelist checks before publishing: one program's findings
 * (whoever may read the program) and a filter's summary per implementing agency (the
 * coordination team: every agency; an agency's officer: its own).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import type { ServiceDeps } from '../services/deps.js';
import type { IatiPublisher } from '../services/iati-export.js';
import { checkProgramIati, MAX_FAILING_LISTED, summarizeIatiChecks } from '../services/iati-checks.js';
import { depsFor } from './auth.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Programs'];
const severity = z.enum(['error', 'warning', 'info']);

export const iatiFindingSchema = z
  .object({
    ruleId: z.string().meta({ description: 'the IATI rule (e.g. 7.5.3), or codelist:<name> for a code not on a codelist' }),
    severity,
    category: z.string(),
    message: z.string().meta({ description: "the IATI Standard's text (English)" }),
    field: z.string().meta({ description: 'the element to fix, e.g. "budget 2 / period-end @iso-date"' }),
    hint: z.string(),
    link: z.string().nullable(),
    codelist: z.string().optional(),
  })
  .meta({ id: 'IatiFinding' });

const programCheckSchema = z
  .object({
    programId: z.number().int(),
    identifier: z.string().meta({ description: 'the published iati-identifier' }),
    implementingOrg: z.string().nullable(),
    publishable: z.boolean().meta({ description: 'false: the program has no date, so the IATI export leaves it out' }),
    checkedAt: z.string(),
    errors: z.number().int(),
    warnings: z.number().int(),
    findings: z.array(iatiFindingSchema),
  })
  .meta({ id: 'ProgramIatiCheck' });

const ruleCountSchema = z.object({ ruleId: z.string(), severity, message: z.string(), programs: z.number().int() });

const summarySchema = z
  .object({
    checkedAt: z.string(),
    rules: z.object({ translated: z.number().int(), untranslated: z.number().int() }),
    programs: z.number().int(),
    withErrors: z.number().int(),
    withWarnings: z.number().int(),
    undated: z.number().int(),
    agencies: z.array(
      z.object({
        implementingOrg: z.string().nullable(),
        name: z.string().nullable(),
        programs: z.number().int(),
        withErrors: z.number().int(),
        withWarnings: z.number().int(),
        undated: z.number().int(),
        topRules: z.array(ruleCountSchema),
      }),
    ),
    failing: z.array(
      z.object({
        programId: z.number().int(),
        identifier: z.string(),
        implementingOrg: z.string().nullable(),
        errors: z.number().int(),
        warnings: z.number().int(),
        firstError: z.string(),
      }),
    ),
    failingTruncated: z.boolean(),
  })
  .meta({ id: 'IatiChecksSummary' });

const checksQuery = programListQuerySchema.omit({ page: true, pageSize: true });

export function registerIatiCheckRoutes(root: FastifyInstance, deps: ServiceDeps, publisher: IatiPublisher): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities/:id/iati-checks',
    {
      schema: {
        tags: TAG,
        summary:
          "The IATI Standard's ruleset and codelist checks of a program as it would be published (its iati-activity built as the IATI export builds it): findings with the field to fix, errors first",
        params: idParams,
        response: { 200: programCheckSchema, ...problemResponses },
      },
    },
    async (request) => {
      const check = await checkProgramIati(depsFor(deps, request), request.params.id, publisher);
      return { ...check, findings: [...check.findings] };
    },
  );

  app.get(
    '/api/v1/iati/checks',
    {
      schema: {
        tags: TAG,
        summary: `The IATI checks of every program of a filter, per implementing agency: programs checked, with errors, with warnings, the most frequent rules, and the programs with errors (at most ${MAX_FAILING_LISTED}). The coordination team sees every agency; an agency's officer its own.`,
        querystring: checksQuery,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (request) => {
      const summary = await summarizeIatiChecks(depsFor(deps, request), request.query, publisher);
      return {
        ...summary,
        agencies: summary.agencies.map((a) => ({ ...a, topRules: [...a.topRules] })),
        failing: [...summary.failing],
      };
    },
  );
}
