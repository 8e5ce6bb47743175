/**
 * Analytics and policy: trends, concentration, the triangular network, priority targets and
 * custom country lists, and the country and partner profiles.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countryListInputSchema, priorityTargetInputSchema, prioritySubjectOf } from '../domain/analytics/priority.js';
import { InvalidError } from '../domain/errors.js';
import { concentration, trends, triangularNetwork } from '../services/analytics.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  deleteCountryList,
  deletePriorityTarget,
  getCountryList,
  listCountryLists,
  listPriorityTargets,
  priorityView,
  saveCountryList,
  setPriorityTargets,
  subjectBreakdown,
  type YearRangeRequest,
} from '../services/priorities.js';
import { countryProfile, partnerProfile } from '../services/profiles.js';
import { problemResponses } from './problem.js';
import { depsFor } from './auth.js';
import { deletedSchema } from './common.schemas.js';
import {
  breakdownQuery,
  breakdownSchema,
  concentrationYearsSchema,
  countryProfileSchema,
  listSchema,
  networkSchema,
  partnerProfileQuery,
  partnerProfileSchema,
  presentConcentrationYears,
  presentCountryProfile,
  presentList,
  presentPartnerProfile,
  presentPriorityView,
  presentTarget,
  presentTrends,
  priorityViewSchema,
  rangeQuery,
  stage,
  targetSchema,
  trendsSchema,
  year,
} from './analytics.schemas.js';

const ANALYTICS = ['Analytics'];
const PRIORITIES = ['Priorities'];

/** The years and stages asked for (the service fills in the years left out). */
const rangeOf = ({ from, to, stage: stages }: z.output<typeof rangeQuery>): YearRangeRequest => ({ from, to, stages });

export function registerAnalyticsRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/analytics/trends',
    {
      schema: {
        tags: ANALYTICS,
        summary:
          'Programs, countries, participants and spending per year, by region, modality and flagship area, with year-over-year change',
        querystring: rangeQuery,
        response: { 200: trendsSchema, ...problemResponses },
      },
    },
    async (request) => presentTrends(await trends(depsFor(deps, request), rangeOf(request.query))),
  );

  app.get(
    '/api/v1/analytics/concentration',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'Herfindahl-Hirschman index of programs and participants across recipient countries, regions and flagship areas, per year',
        description:
          'HHI = sum of squared percentage shares (0–10,000). Below 1,500 unconcentrated, 1,500–2,500 moderately concentrated, above 2,500 highly concentrated. A program with two recipients counts once for each.',
        querystring: rangeQuery,
        response: { 200: concentrationYearsSchema, ...problemResponses },
      },
    },
    async (request) => presentConcentrationYears(await concentration(depsFor(deps, request), rangeOf(request.query))),
  );

  app.get(
    '/api/v1/analytics/triangular-network',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'Triangular programs as a network: implementing agency → partner (second provider or facilitator) → recipient country',
        querystring: rangeQuery,
        response: { 200: networkSchema, ...problemResponses },
      },
    },
    async (request) => {
      const n = await triangularNetwork(depsFor(deps, request), rangeOf(request.query));
      return { from: n.from, to: n.to, nodes: [...n.nodes], links: [...n.links] };
    },
  );

  app.get(
    '/api/v1/priorities',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'Priority targets against the records, per year: actual value, met or behind',
        querystring: rangeQuery,
        response: { 200: priorityViewSchema, ...problemResponses },
      },
    },
    async (request) => presentPriorityView(await priorityView(depsFor(deps, request), rangeOf(request.query))),
  );

  app.get(
    '/api/v1/priorities/breakdown',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'A grouping, region, list or country in one year, member by member',
        querystring: breakdownQuery,
        response: { 200: breakdownSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { kind, code, year: y, stage: stages } = request.query;
      const b = await subjectBreakdown(depsFor(deps, request), prioritySubjectOf(kind, code), y, { stages });
      return {
        subjectKind: b.subject.kind,
        subjectCode: b.subject.code,
        nameEn: b.nameEn,
        nameId: b.nameId,
        year: b.year,
        totals: b.totals,
        countries: [...b.countries],
      };
    },
  );

  app.get(
    '/api/v1/priorities/targets',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'The priority targets set',
        querystring: z.object({ from: year.optional(), to: year.optional() }),
        response: { 200: z.object({ items: z.array(targetSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listPriorityTargets(depsFor(deps, request), request.query)).map(presentTarget) }),
  );

  app.post(
    '/api/v1/priorities/targets',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'Set targets (coordination team): one per year, subject and metric; setting one again replaces it',
        body: z.object({ targets: z.array(priorityTargetInputSchema).min(1).max(500) }),
        response: { 200: z.object({ items: z.array(targetSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await setPriorityTargets(depsFor(deps, request), request.body.targets)).map(presentTarget) }),
  );

  app.delete(
    '/api/v1/priorities/targets/:id',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'Delete a target (coordination team)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: deletedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePriorityTarget(depsFor(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/country-lists',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'Custom country lists (next to the built-in groupings)',
        response: { 200: z.object({ items: z.array(listSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listCountryLists(depsFor(deps, request))).map(presentList) }),
  );

  const listParams = z.object({ code: z.string().min(1).max(40) });

  app.get(
    '/api/v1/country-lists/:code',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'A custom country list',
        params: listParams,
        response: { 200: listSchema, ...problemResponses },
      },
    },
    async (request) => presentList(await getCountryList(depsFor(deps, request), request.params.code)),
  );

  app.put(
    '/api/v1/country-lists/:code',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'Create or replace a custom country list (coordination team)',
        params: listParams,
        body: countryListInputSchema.omit({ code: true }),
        response: { 200: listSchema, 201: listSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const input = countryListInputSchema.safeParse({ ...request.body, code: request.params.code });
      if (!input.success)
        throw new InvalidError(
          'country_list.invalid',
          `"${request.params.code}" is not a country-list code: lower-case letters, digits and dashes`,
          [{ path: 'code', message: 'lower-case letters, digits and dashes, at most 40' }],
        );
      const { list, created } = await saveCountryList(depsFor(deps, request), input.data);
      return reply.code(created ? 201 : 200).send(presentList(list));
    },
  );

  app.delete(
    '/api/v1/country-lists/:code',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'Delete a custom country list that no target uses (coordination team)',
        params: listParams,
        response: { 204: deletedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteCountryList(depsFor(deps, request), request.params.code);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/countries/:code/profile',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'A recipient country over the years: programs, participants by sex, partners, groupings, spending',
        params: z.object({ code: z.string().min(2).max(3) }),
        querystring: z.object({ stage }),
        response: { 200: countryProfileSchema, ...problemResponses },
      },
    },
    async (request) =>
      presentCountryProfile(await countryProfile(depsFor(deps, request), request.params.code, { stages: request.query.stage })),
  );

  app.get(
    '/api/v1/partners/:code/profile',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'A partner over the years: programs, roles, recipients, cost shares (cash and in kind), triangular programs cumulated',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: partnerProfileQuery,
        response: { 200: partnerProfileSchema, ...problemResponses },
      },
    },
    async (request) =>
      presentPartnerProfile(
        await partnerProfile(depsFor(deps, request), request.params.code, { stages: request.query.stage, since: request.query.since }),
      ),
  );
}
