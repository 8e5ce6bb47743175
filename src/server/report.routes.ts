import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatMinor } from '../domain/money.js';
import type { AnnualSummary, Spending } from '../domain/report/summary.js';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { REPORT_REGIONS } from '../domain/reference/types.js';
import { listExchangeRates } from '../services/exchange-rates.js';
import type { ServiceDeps } from '../services/deps.js';
import { annualSummary, yearlyTotals } from '../services/reports.js';
import { problemSchema } from './problem.js';
import { depsFor } from './auth.js';

const TAG = ['Reports'];
const count = z.number().int();
const money = z.string().meta({ description: 'exact decimal amount', example: '38435225.61' });

export const spendingSchema = z
  .object({
    usd: money.meta({ description: 'spent (disbursements and expenditure) in US dollars, at the rate of each value date' }),
    idr: money.meta({ description: 'the same in rupiah' }),
    transactions: count,
    byCurrency: z.array(z.object({ currency: z.string(), amount: money, transactions: count })),
    missingRates: z
      .array(
        z.object({
          currency: z.string(),
          transactions: count,
          amount: money,
          firstDate: z.string(),
          lastDate: z.string(),
          missing: z.array(z.enum(['usd', 'idr'])),
        }),
      )
      .meta({ description: 'amounts left out of a total because no exchange rate is recorded on or before their value date' }),
  })
  .meta({ id: 'Spending' });

const breakdownSchema = z.array(z.object({ code: z.string().nullable(), labelEn: z.string(), labelId: z.string(), programs: count, participants: count }));
const regionFigures = z.object({ programs: count, countries: count, participants: count });

export const summarySchema = z
  .object({
    year: count,
    programs: count,
    countries: count.meta({ description: 'distinct recipient countries' }),
    participants: count,
    participantSources: z.object({
      records: z.object({ programs: count, participants: count }),
      totals: z.object({ programs: count, participants: count, splitAcrossCountries: count }),
      none: z.object({ programs: count }),
    }),
    regions: z.object(Object.fromEntries(REPORT_REGIONS.map((r) => [r, regionFigures])) as Record<(typeof REPORT_REGIONS)[number], typeof regionFigures>),
    unassigned: z.object({ programs: count, participants: count }),
    topRecipients: z.array(
      z.object({ rank: count, country: z.string(), nameEn: z.string(), nameId: z.string(), region: z.string().nullable(), programs: count, participants: count }),
    ),
    byModality: breakdownSchema,
    byFlagshipArea: breakdownSchema,
    byCooperationType: breakdownSchema,
    partners: z.array(z.object({ org: z.string(), acronym: z.string().nullable(), nameEn: z.string(), nameId: z.string().nullable(), programs: count })),
    spending: spendingSchema,
    groupings: z.array(
      z.object({
        group: z.string(),
        nameEn: z.string(),
        nameId: z.string(),
        programs: count,
        countries: count,
        participants: count,
        programShare: z.number().meta({ description: 'share of the year\'s programs, 0–1' }),
        participantShare: z.number().meta({ description: 'share of the year\'s participants, 0–1' }),
      }),
    ),
  })
  .meta({ id: 'AnnualSummary' });

export function presentSpending(s: Spending): z.output<typeof spendingSchema> {
  return {
    usd: formatMinor(s.usdMinor),
    idr: formatMinor(s.idrMinor),
    transactions: s.transactions,
    byCurrency: s.byCurrency.map((c) => ({ currency: c.currency, amount: formatMinor(c.amountMinor), transactions: c.transactions })),
    missingRates: s.missingRates.map((m) => ({ ...m, amount: formatMinor(m.amountMinor), missing: [...m.missing] })),
  };
}

export function presentSummary(s: AnnualSummary): z.output<typeof summarySchema> {
  return {
    ...s,
    topRecipients: [...s.topRecipients],
    byModality: [...s.byModality],
    byFlagshipArea: [...s.byFlagshipArea],
    byCooperationType: [...s.byCooperationType],
    partners: [...s.partners],
    spending: presentSpending(s.spending),
    groupings: [...s.groupings],
  };
}

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
        summary: 'Annual summary: programs, countries and participants per region, top recipients, breakdowns, triangular partners, spending',
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
        response: {
          200: z.object({
            items: z.array(z.object({ year: count, programs: count, countries: count, participants: count, usd: money, idr: money, spending: spendingSchema })),
          }),
        },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: REPORT_TOPICS }, async () => ({
        items: (await yearlyTotals(depsFor(deps, request), { stages: request.query.stage })).map((y) => ({
          year: y.year,
          programs: y.programs,
          countries: y.countries,
          participants: y.participants,
          usd: formatMinor(y.spending.usdMinor),
          idr: formatMinor(y.spending.idrMinor),
          spending: presentSpending(y.spending),
        })),
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
          200: z.object({ items: z.array(z.object({ currency: z.string(), date: z.string(), unitsPerUsd: z.number(), source: z.string().nullable() })) }),
          400: problemSchema,
        },
      },
    },
    async (request) => ({ items: (await listExchangeRates(depsFor(deps, request), request.query.currency)).map((r) => ({ ...r })) }),
  );
}
