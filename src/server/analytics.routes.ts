/**
 * Analytics and policy: trends, concentration, the triangular network, priority targets and
 * custom country lists, and the country and partner profiles.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import {
  COMPARATORS,
  countryListInputSchema,
  PRIORITY_METRICS,
  priorityTargetInputSchema,
  SUBJECT_KINDS,
  subjectCodeProblem,
  type CountryList,
  type PriorityTarget,
} from '../domain/analytics/priority.js';
import { InvalidError } from '../domain/errors.js';
import { formatMinor } from '../domain/money.js';
import type { Concentration } from '../domain/analytics/concentration.js';
import { concentration, trends, triangularNetwork, type TrendPoint, type TrendSeries } from '../services/analytics.js';
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
} from '../services/priorities.js';
import { countryProfile, partnerProfile, type CostShares, type SexCounts } from '../services/profiles.js';
import type { MissingRate } from '../domain/report/summary.js';
import { problemResponses } from './problem.js';
import { depsFor } from './auth.js';

const ANALYTICS = ['Analytics'];
const PRIORITIES = ['Priorities'];
const count = z.number().int();
const money = z.string().meta({ description: 'exact decimal amount', example: '1875.00' });
const year = z.coerce.number().int().min(1900).max(2200);
const stage = programListQuerySchema.shape.stage;

const rangeQuery = z.object({
  from: year.optional().meta({ description: 'first year (default: nine years before `to`)' }),
  to: year.optional().meta({ description: 'last year (default: this year)' }),
  stage,
});

function range(deps: ServiceDeps, q: z.output<typeof rangeQuery>): { from: number; to: number; stages: z.output<typeof stage> } {
  const to = q.to ?? (q.from !== undefined ? Math.max(q.from, Number(deps.clock.nowIso().slice(0, 4))) : Number(deps.clock.nowIso().slice(0, 4)));
  return { from: q.from ?? to - 9, to, stages: q.stage };
}

/** What identifies a program in a profile's list. */
const programRef = z.object({ id: count, identifier: z.string(), titleEn: z.string().nullable(), titleId: z.string().nullable(), year: count.nullable() });

const changeSchema = z.object({ change: z.number(), percent: z.number().nullable().meta({ description: 'change in percent of the previous year; null when that was 0' }) }).nullable();

const pointSchema = z.object({
  year: count,
  programs: count,
  participants: count,
  countries: count.optional(),
  usd: money.optional(),
  idr: money.optional(),
  change: z.object({ programs: changeSchema, participants: changeSchema, countries: changeSchema.optional(), usd: changeSchema.optional() }),
});

const seriesSchema = z.object({ code: z.string().nullable(), labelEn: z.string(), labelId: z.string(), points: z.array(pointSchema) });

const missingRatesSchema = z.array(
  z.object({ currency: z.string(), transactions: count, amount: money, firstDate: z.string(), lastDate: z.string(), missing: z.array(z.enum(['usd', 'idr'])) }),
);

const presentMissing = (m: readonly MissingRate[]) => m.map((x) => ({ ...x, amount: formatMinor(x.amountMinor), missing: [...x.missing] }));

function presentPoint(p: TrendPoint): z.output<typeof pointSchema> {
  const { usdMinor, idrMinor, ...rest } = p;
  return {
    ...rest,
    ...(usdMinor !== undefined ? { usd: formatMinor(usdMinor) } : {}),
    ...(idrMinor !== undefined ? { idr: formatMinor(idrMinor) } : {}),
    change: { ...p.change, ...(p.change.usd !== undefined ? { usd: p.change.usd && { change: p.change.usd.change / 100, percent: p.change.usd.percent } } : {}) },
  };
}

const presentSeries = (s: readonly TrendSeries[]) => s.map((x) => ({ ...x, points: x.points.map(presentPoint) }));

const concentrationSchema = z.object({
  hhi: z.number().meta({ description: 'Herfindahl-Hirschman index, 0–10,000' }),
  equivalentParts: z.number().meta({ description: '10,000 / HHI: the number of equal parts with the same index' }),
  level: z.enum(['unconcentrated', 'moderate', 'high']).nullable(),
  parts: count,
  total: count,
  top: z.array(z.object({ key: z.string(), value: count, sharePercent: z.number() })),
});
const presentConcentration = (c: Concentration) => ({ ...c, top: [...c.top] });

const targetSchema = z
  .object({
    id: count,
    year: count,
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectCode: z.string(),
    metric: z.enum(PRIORITY_METRICS),
    comparator: z.enum(COMPARATORS),
    target: z.number(),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PriorityTarget' });
const presentTarget = (t: PriorityTarget): z.output<typeof targetSchema> => ({
  id: t.id,
  year: t.year,
  subjectKind: t.subject.kind,
  subjectCode: t.subject.code,
  metric: t.metric,
  comparator: t.comparator,
  target: t.target,
  note: t.note,
  updatedAt: t.updatedAt,
});

const listSchema = z
  .object({ id: count, code: z.string(), nameEn: z.string(), nameId: z.string(), countries: z.array(z.string()), updatedAt: z.string() })
  .meta({ id: 'CountryList' });
const presentList = (l: CountryList) => ({ ...l, countries: [...l.countries] });

const sexSchema = z.object({ F: count, M: count, X: count, notRecorded: count.meta({ description: 'counted from a recorded total, without individual records' }) });
const presentSex = (s: SexCounts) => ({ ...s });

const costSharesSchema = z.object({
  usd: money,
  idr: money,
  programs: count,
  byCurrency: z.array(z.object({ currency: z.string(), amount: money, programs: count })),
  missingRates: missingRatesSchema,
});
const presentShares = (c: CostShares) => ({
  usd: formatMinor(c.usdMinor),
  idr: formatMinor(c.idrMinor),
  programs: c.programs,
  byCurrency: c.byCurrency.map((b) => ({ currency: b.currency, amount: formatMinor(b.amountMinor), programs: b.transactions })),
  missingRates: presentMissing(c.missingRates),
});

export function registerAnalyticsRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/analytics/trends',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'Programs, countries, participants and spending per year, by region, modality and flagship area, with year-over-year change',
        querystring: rangeQuery,
        response: {
          200: z.object({ from: count, to: count, totals: z.array(pointSchema), byRegion: z.array(seriesSchema), byModality: z.array(seriesSchema), byFlagshipArea: z.array(seriesSchema), missingRates: missingRatesSchema }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const d = depsFor(deps, request);
      const t = await trends(d, range(d, request.query));
      return { from: t.from, to: t.to, totals: t.totals.map(presentPoint), byRegion: presentSeries(t.byRegion), byModality: presentSeries(t.byModality), byFlagshipArea: presentSeries(t.byFlagshipArea), missingRates: presentMissing(t.missingRates) };
    },
  );

  app.get(
    '/api/v1/analytics/concentration',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'Herfindahl-Hirschman index of programs and participants across recipient countries, regions and flagship areas, per year',
        description: 'HHI = sum of squared percentage shares (0–10,000). Below 1,500 unconcentrated, 1,500–2,500 moderately concentrated, above 2,500 highly concentrated. A program with two recipients counts once for each.',
        querystring: rangeQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                year: count,
                programsByCountry: concentrationSchema,
                participantsByCountry: concentrationSchema,
                programsByRegion: concentrationSchema,
                participantsByRegion: concentrationSchema,
                programsByFlagshipArea: concentrationSchema,
                participantsByFlagshipArea: concentrationSchema,
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const d = depsFor(deps, request);
      const items = await concentration(d, range(d, request.query));
      return {
        items: items.map((y) => ({
          year: y.year,
          programsByCountry: presentConcentration(y.programsByCountry),
          participantsByCountry: presentConcentration(y.participantsByCountry),
          programsByRegion: presentConcentration(y.programsByRegion),
          participantsByRegion: presentConcentration(y.participantsByRegion),
          programsByFlagshipArea: presentConcentration(y.programsByFlagshipArea),
          participantsByFlagshipArea: presentConcentration(y.participantsByFlagshipArea),
        })),
      };
    },
  );

  app.get(
    '/api/v1/analytics/triangular-network',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'Triangular programs as a network: implementing agency → partner (second provider or facilitator) → recipient country',
        querystring: rangeQuery,
        response: {
          200: z.object({
            from: count,
            to: count,
            nodes: z.array(z.object({ id: z.string(), kind: z.enum(['provider', 'partner', 'recipient']), code: z.string().nullable(), labelEn: z.string(), labelId: z.string(), programs: count })),
            links: z.array(z.object({ source: z.string(), target: z.string(), programs: count })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const d = depsFor(deps, request);
      const n = await triangularNetwork(d, range(d, request.query));
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
        response: {
          200: z.object({
            from: count,
            to: count,
            rows: z.array(
              z.object({
                subjectKind: z.enum(SUBJECT_KINDS),
                subjectCode: z.string(),
                nameEn: z.string(),
                nameId: z.string(),
                metric: z.enum(PRIORITY_METRICS),
                note: z.string().nullable(),
                behind: z.boolean().meta({ description: 'the latest year with a target is behind it' }),
                behindYears: z.array(count),
                years: z.array(
                  z.object({
                    year: count,
                    targetId: count.nullable(),
                    target: z.number().nullable(),
                    comparator: z.enum(COMPARATORS).nullable(),
                    actual: z.number().meta({ description: 'percent (two decimals) for shares, else the count' }),
                    gap: z.number().nullable().meta({ description: 'actual − target (percentage points for shares)' }),
                    met: z.boolean().nullable(),
                    open: z.boolean().meta({ description: 'the year is not over' }),
                    programs: count,
                    participants: count,
                    countries: count,
                    totalPrograms: count,
                    totalParticipants: count,
                  }),
                ),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const d = depsFor(deps, request);
      const r = range(d, request.query);
      const v = await priorityView(d, r);
      return {
        from: v.from,
        to: v.to,
        rows: v.rows.map((row) => ({
          subjectKind: row.subject.kind,
          subjectCode: row.subject.code,
          nameEn: row.nameEn,
          nameId: row.nameId,
          metric: row.metric,
          note: row.note,
          behind: row.behind,
          behindYears: [...row.behindYears],
          years: row.years.map((y) => ({
            year: y.year,
            targetId: y.targetId,
            target: y.target,
            comparator: y.comparator,
            actual: y.evaluation.actual,
            gap: y.target === null ? null : y.evaluation.gap,
            met: y.met,
            open: y.open,
            programs: y.programs,
            participants: y.participants,
            countries: y.countries,
            totalPrograms: y.totalPrograms,
            totalParticipants: y.totalParticipants,
          })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/priorities/breakdown',
    {
      schema: {
        tags: PRIORITIES,
        summary: 'A grouping, region, list or country in one year, member by member',
        querystring: z.object({ kind: z.enum(SUBJECT_KINDS), code: z.string().trim().min(1).max(40), year, stage }),
        response: {
          200: z.object({
            subjectKind: z.enum(SUBJECT_KINDS),
            subjectCode: z.string(),
            nameEn: z.string(),
            nameId: z.string(),
            year: count,
            totals: z.object({ programs: count, participants: count, countries: count }),
            countries: z.array(z.object({ country: z.string(), nameEn: z.string(), nameId: z.string(), region: z.string().nullable(), programs: count, participants: count })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { kind, code, year: y, stage: stages } = request.query;
      const problem = subjectCodeProblem(kind, code);
      if (problem) throw new InvalidError('priority.unknown_subject', problem, [{ path: 'code', message: problem }]);
      const normalised = kind === 'group' || kind === 'country' ? code.toUpperCase() : code.toLowerCase();
      const b = await subjectBreakdown(depsFor(deps, request), { kind, code: normalised }, y, { stages });
      return { subjectKind: b.subject.kind, subjectCode: b.subject.code, nameEn: b.nameEn, nameId: b.nameId, year: b.year, totals: b.totals, countries: [...b.countries] };
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
        response: { 204: z.null().meta({ description: 'deleted' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePriorityTarget(depsFor(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/country-lists',
    { schema: { tags: PRIORITIES, summary: 'Custom country lists (next to the built-in groupings)', response: { 200: z.object({ items: z.array(listSchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listCountryLists(depsFor(deps, request))).map(presentList) }),
  );

  const listParams = z.object({ code: z.string().min(1).max(40) });

  app.get(
    '/api/v1/country-lists/:code',
    { schema: { tags: PRIORITIES, summary: 'A custom country list', params: listParams, response: { 200: listSchema, ...problemResponses } } },
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
      if (!input.success) throw new InvalidError('country_list.invalid', `"${request.params.code}" is not a country-list code: lower-case letters, digits and dashes`, [{ path: 'code', message: 'lower-case letters, digits and dashes, at most 40' }]);
      const { list, created } = await saveCountryList(depsFor(deps, request), input.data);
      return reply.code(created ? 201 : 200).send(presentList(list));
    },
  );

  app.delete(
    '/api/v1/country-lists/:code',
    {
      schema: { tags: PRIORITIES, summary: 'Delete a custom country list that no target uses (coordination team)', params: listParams, response: { 204: z.null().meta({ description: 'deleted' }), ...problemResponses } },
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
        response: {
          200: z.object({
            country: z.object({ iso2: z.string(), iso3: z.string(), nameEn: z.string(), nameId: z.string(), region: z.string().nullable(), subregion: z.string().nullable() }),
            memberships: z.array(z.object({ group: z.string(), nameEn: z.string(), nameId: z.string(), status: z.string(), since: z.string().nullable(), until: z.string().nullable() })),
            totals: z.object({ programs: count, participants: count, usd: money, idr: money }),
            years: z.array(z.object({ year: count.nullable(), programs: count, participants: count, usd: money })),
            participantsBySex: sexSchema,
            programs: z.array(
              programRef.extend({
                modality: z.string().nullable(),
                flagshipArea: z.string().nullable(),
                cooperationType: z.string(),
                stage: z.string(),
                implementingOrg: z.string().nullable(),
                participants: count,
                participantsBySex: sexSchema,
                recipientCount: count,
                share: z.number().meta({ description: 'the country\'s part of the program (its recipient percentage, else an equal part)' }),
                usd: money.meta({ description: 'the country\'s part of the program\'s spending' }),
                idr: money,
              }),
            ),
            partners: z.array(z.object({ code: z.string(), acronym: z.string().nullable(), nameEn: z.string(), nameId: z.string().nullable(), roles: z.array(z.string()), programs: count })),
            missingRates: missingRatesSchema,
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const p = await countryProfile(depsFor(deps, request), request.params.code, { stages: request.query.stage });
      return {
        country: p.country,
        memberships: [...p.memberships],
        totals: { programs: p.totals.programs, participants: p.totals.participants, usd: formatMinor(p.totals.usdMinor), idr: formatMinor(p.totals.idrMinor) },
        years: p.years.map((y) => ({ year: y.year, programs: y.programs, participants: y.participants, usd: formatMinor(y.usdMinor) })),
        participantsBySex: presentSex(p.participantsBySex),
        programs: p.programs.map((x) => ({
          id: x.id,
          identifier: x.identifier,
          titleEn: x.titleEn,
          titleId: x.titleId,
          year: x.year,
          modality: x.modality,
          flagshipArea: x.flagshipArea,
          cooperationType: x.cooperationType,
          stage: x.stage,
          implementingOrg: x.implementingOrg,
          participants: x.participants,
          participantsBySex: presentSex(x.participantsBySex),
          recipientCount: x.recipientCount,
          share: x.share,
          usd: formatMinor(x.usdMinor),
          idr: formatMinor(x.idrMinor),
        })),
        partners: p.partners.map((x) => ({ ...x, roles: [...x.roles] })),
        missingRates: presentMissing(p.missingRates),
      };
    },
  );

  app.get(
    '/api/v1/partners/:code/profile',
    {
      schema: {
        tags: ANALYTICS,
        summary: 'A partner over the years: programs, roles, recipients, cost shares (cash and in kind), triangular programs cumulated',
        params: z.object({ code: z.string().min(1).max(100) }),
        querystring: z.object({ stage, since: year.optional().meta({ description: 'count triangular programs cumulatively from this year' }) }),
        response: {
          200: z.object({
            organisation: z.object({ code: z.string(), acronym: z.string().nullable(), nameEn: z.string(), nameId: z.string().nullable(), type: z.string(), kind: z.string(), countryCode: z.string().nullable() }),
            totals: z.object({ programs: count, triangular: count, recipients: count }),
            since: count.nullable(),
            years: z.array(z.object({ year: count.nullable(), programs: count, triangular: count, cumulativeTriangular: count })),
            roles: z.array(z.object({ role: z.string(), programs: count })),
            programs: z.array(
              programRef.extend({
                stage: z.string(),
                cooperationType: z.string(),
                role: z.string(),
                contribution: z.object({ amount: money, currency: z.string(), inKind: z.boolean(), usd: money.nullable() }).nullable(),
                recipients: z.array(z.string()),
              }),
            ),
            recipients: z.array(z.object({ country: z.string(), programs: count })),
            cash: costSharesSchema,
            inKind: costSharesSchema,
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const p = await partnerProfile(depsFor(deps, request), request.params.code, { stages: request.query.stage, since: request.query.since });
      return {
        organisation: p.organisation,
        totals: p.totals,
        since: p.since,
        years: [...p.years],
        roles: [...p.roles],
        programs: p.programs.map((x) => ({
          ...x,
          contribution: x.contribution && { amount: formatMinor(x.contribution.amountMinor), currency: x.contribution.currency, inKind: x.contribution.inKind, usd: x.contribution.usdMinor === null ? null : formatMinor(x.contribution.usdMinor) },
          recipients: [...x.recipients],
        })),
        recipients: [...p.recipients],
        cash: presentShares(p.cash),
        inKind: presentShares(p.inKind),
      };
    },
  );
}
