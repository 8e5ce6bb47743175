import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { listExchangeRates } from '../services/exchange-rates.js';
import type { ServiceDeps } from '../services/deps.js';
import { annualSummary, programYears, yearlyTotals } from '../services/reports.js';
import { problemSchema } from './problem.js';
import { depsFor } from './auth.js';
import { presentSummary, presentYearlyTotals, programYearsSchema, summarySchema, yearlyTotalsSchema } from './report.schemas.js';

const TAG = ['Reports'];
/** What reports are computed from: programs, participants, and the facts and summary tables kept with them. */
const REPORT_TOPICS = ['programs', 'participants', 'reports'] as const;

/** Reports may count programs of some lifecycle stages only; the public always counts published ones. */
const stageQuery = programListQuerySchema.shape.stage;

export function registerReportRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/reports/summary',
    {
      schema: {
        tags: TAG,
        summary:
          'Annual summary: programs, countries and participants per region, top recipients, breakdowns, triangular partners, spending',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200), stage: stageQuery }),
        response: { 200: summarySchema, 400: problemSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: REPORT_TOPICS }, async () =>
        presentSummary(await annualSummary(depsFor(deps, request), request.query.year, { stages: request.query.stage })),
      ),
  );

  app.get(
    '/api/v1/reports/years',
    {
      schema: {
        tags: TAG,
        summary: 'One row per year: programs, countries, participants and spending',
        querystring: z.object({ stage: stageQuery }),
        response: { 200: yearlyTotalsSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: REPORT_TOPICS }, async () =>
        presentYearlyTotals(await yearlyTotals(depsFor(deps, request), { stages: request.query.stage })),
      ),
  );

  app.get(
    '/api/v1/reports/program-years',
    {
      schema: {
        tags: TAG,
        summary:
          'The years that have programs counted in reports, with their number of programs, latest first (what year-based views open on)',
        querystring: z.object({ stage: stageQuery }),
        response: { 200: programYearsSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: REPORT_TOPICS }, async () => ({
        items: (await programYears(depsFor(deps, request), { stages: request.query.stage })).map((y) => ({ ...y })),
      })),
  );

  app.get(
    '/api/v1/exchange-rates',
    {
      schema: {
        tags: TAG,
        summary: 'Exchange rates (units of a currency per US dollar, by date)',
        querystring: z.object({ currency: z.string().trim().toUpperCase().length(3).optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ currency: z.string(), date: z.string(), unitsPerUsd: z.number(), source: z.string().nullable() })),
          }),
          400: problemSchema,
        },
      },
    },
    async (request) => ({ items: (await listExchangeRates(depsFor(deps, request), request.query.currency)).map((r) => ({ ...r })) }),
  );
}
