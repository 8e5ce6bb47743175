/**
 * Money: budget against spending, the unit costs and estimates of the in-kind valuation helper,
 * and the TOSSD/CRS-style CSV export. Amounts travel as exact decimal strings.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { budgetVsSpentQuerySchema } from '../domain/finance/budget-vs-spent.js';
import { unitCostInputSchema } from '../domain/finance/unit-costs.js';
import { tossdCsv } from '../io/tossd-csv.js';
import { budgetVsSpent, createUnitCost, deleteUnitCost, inKindEstimates, listUnitCosts, updateUnitCost } from '../services/money.js';
import type { ServiceDeps } from '../services/deps.js';
import { tossdExport, type TossdOptions } from '../services/tossd-export.js';
import { depsFor } from './auth.js';
import { asAttachment } from './downloads.js';
import { deletedSchema } from './common.schemas.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';
import {
  budgetVsSpentSchema,
  inKindQuery,
  inKindReportSchema,
  presentBudgetVsSpent,
  presentInKindReport,
  presentUnitCost,
  unitCostSchema,
} from './money.schemas.js';

const TAG = ['Money'];

export function registerMoneyRoutes(root: FastifyInstance, deps: ServiceDeps, tossd: TossdOptions): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/money/budget-vs-spent',
    {
      schema: {
        tags: TAG,
        summary:
          'Budget against spending per program, implementing agency or year, in USD and IDR at the rates of each value date, with the execution rate. Budgets: the revised ones when a program has any, else the original ones, at their value date (else period start); `transactions` counts budget lines. Spending: disbursements and expenditure (IATI 3 and 4). Amounts without a rate are listed in `missingRates`, never dropped. The public counts published programs only.',
        querystring: budgetVsSpentQuerySchema,
        response: { 200: budgetVsSpentSchema, ...problemResponses },
      },
    },
    async (request) => presentBudgetVsSpent(await budgetVsSpent(depsFor(deps, request), request.query)),
  );

  app.get(
    '/api/v1/money/unit-costs',
    {
      schema: {
        tags: TAG,
        summary:
          'Unit costs of the in-kind valuation helper (participant-day, expert-day, flight per recipient region), each from a day on',
        response: { 200: z.object({ items: z.array(unitCostSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listUnitCosts(depsFor(deps, request))).map(presentUnitCost) }),
  );

  app.post(
    '/api/v1/money/unit-costs',
    {
      schema: {
        tags: TAG,
        summary: 'Add a unit cost (coordination team): kind, region for a flight, year or validFrom, currency, a positive amount',
        body: unitCostInputSchema,
        response: { 201: unitCostSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const cost = await createUnitCost(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/money/unit-costs/${cost.id}`);
      return presentUnitCost(cost);
    },
  );

  app.put(
    '/api/v1/money/unit-costs/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Replace a unit cost (coordination team)',
        params: idParams,
        body: unitCostInputSchema,
        response: { 200: unitCostSchema, ...problemResponses },
      },
    },
    async (request) => presentUnitCost(await updateUnitCost(depsFor(deps, request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/money/unit-costs/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Delete a unit cost (coordination team)',
        params: idParams,
        response: { 204: deletedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteUnitCost(depsFor(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/money/in-kind',
    {
      schema: {
        tags: TAG,
        summary:
          'Estimated in-kind values of programs with no money recorded: people × days × day cost + a flight each to the recipient region, labelled estimated, with their inputs; missing unit costs are reported, not guessed',
        querystring: inKindQuery,
        response: { 200: inKindReportSchema, ...problemResponses },
      },
    },
    async (request) => presentInKindReport(await inKindEstimates(depsFor(deps, request), request.query)),
  );

  app.get(
    '/api/v1/export/tossd.csv',
    {
      schema: {
        tags: TAG,
        summary:
          'A TOSSD/CRS-style CSV of a year: one row per program and recipient, collaboration type 8 for triangular programs (1 otherwise), spending in USD at the rates of each value date split exactly over the recipients, the in-kind estimate in its own column. Programs under way or done unless `stage` says otherwise; the public gets published programs only.',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200), stage: programListQuerySchema.shape.stage }),
      },
    },
    async (request, reply) => {
      const rows = tossdExport(depsFor(deps, request), request.query.year, request.query.stage, tossd);
      return asAttachment(reply, 'text/csv; charset=utf-8', `mitra-tossd-${request.query.year}.csv`).send(Readable.from(tossdCsv(rows)));
    },
  );
}
