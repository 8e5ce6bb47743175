/** Read-only reference data: countries and the resolver, groupings, SDGs, codes and codelists. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityStatuses,
  cooperationTypes,
  flagshipAreas,
  fundingSources,
  lifecycleStages,
  modalities,
  organisationKinds,
  participantStatuses,
  sexes,
  sscRoles,
} from '../domain/codes.js';
import type { CodeSet } from '../domain/code-set.js';
import { isCalendarDate } from '../domain/dates.js';
import { codelistNames, listCodelist, type IatiCodelistName } from '../domain/reference/codelists.js';
import { describeCountryFailure, resolveCountry, searchCountries } from '../domain/reference/countries.js';
import { groupMembersOn, listGroups } from '../domain/reference/groupings.js';
import { listSdgGoals, listSdgTargets } from '../domain/reference/sdgs.js';
import { GROUP_CODES, REPORT_REGIONS, type CountryRecord } from '../domain/reference/types.js';
import type { Clock } from '../services/deps.js';
import { makeProblem, PROBLEM_CONTENT_TYPE, problemSchema, problemType } from './problem.js';

const TAG = ['Reference data'];

const countrySchema = z
  .object({
    iso2: z.string(),
    iso3: z.string(),
    numeric: z.string(),
    nameEn: z.string(),
    nameId: z.string(),
    region: z.enum(REPORT_REGIONS).nullable(),
    m49SubregionCode: z.string().nullable(),
    m49SubregionName: z.string().nullable(),
    unStatus: z.string(),
  })
  .meta({ id: 'Country' });

const presentCountry = (c: CountryRecord): z.output<typeof countrySchema> => ({
  iso2: c.iso2,
  iso3: c.iso3,
  numeric: c.numeric,
  nameEn: c.nameEn,
  nameId: c.nameId,
  region: c.region,
  m49SubregionCode: c.m49SubregionCode,
  m49SubregionName: c.m49SubregionName,
  unStatus: c.unStatus,
});

const CODE_SETS: Record<string, CodeSet<string>> = {
  modality: modalities,
  flagshipArea: flagshipAreas,
  cooperationType: cooperationTypes,
  activityStatus: activityStatuses,
  lifecycleStage: lifecycleStages,
  fundingSource: fundingSources,
  sscRole: sscRoles,
  organisationKind: organisationKinds,
  sex: sexes,
  participantStatus: participantStatuses,
};

export function registerReferenceRoutes(root: FastifyInstance, clock: Clock): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/reference/countries',
    {
      schema: {
        tags: TAG,
        summary: 'Countries with ISO codes, English and Indonesian names and report regions',
        querystring: z.object({ region: z.enum(REPORT_REGIONS).optional(), q: z.string().trim().max(100).optional() }),
        response: { 200: z.object({ items: z.array(countrySchema) }), 400: problemSchema },
      },
    },
    async (request) => ({ items: searchCountries(request.query).map(presentCountry) }),
  );

  app.get(
    '/api/v1/reference/countries/resolve',
    {
      schema: {
        tags: TAG,
        summary: 'Resolve a country written any way (code, English or Indonesian name, common variant)',
        querystring: z.object({ name: z.string().max(200) }),
        response: {
          200: z.object({ input: z.string(), country: countrySchema }),
          404: problemSchema.extend({ suggestions: z.array(countrySchema) }),
          400: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { name } = request.query;
      const resolved = resolveCountry(name);
      if (resolved.ok) return { input: name, country: presentCountry(resolved.country) };
      const problem = makeProblem(
        request,
        404,
        resolved.reason === 'ambiguous' ? 'country.ambiguous' : 'country.unknown',
        describeCountryFailure(name, resolved),
      );
      // The type stays country.unknown for an ambiguous name too (the code tells them apart).
      return reply
        .code(404)
        .type(PROBLEM_CONTENT_TYPE)
        .send({ ...problem, type: problemType('country.unknown'), suggestions: resolved.suggestions.map(presentCountry) });
    },
  );

  app.get(
    '/api/v1/reference/groups',
    {
      schema: {
        tags: TAG,
        summary: 'Country groupings (LDC, LLDC, SIDS, PIF, MSG, ASEAN, AU, OIC, G77)',
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), nameEn: z.string(), nameId: z.string(), kind: z.string() })) }),
        },
      },
    },
    async () => ({ items: listGroups().map((g) => ({ ...g })) }),
  );

  app.get(
    '/api/v1/reference/groups/:code/members',
    {
      schema: {
        tags: TAG,
        summary: 'Members of a grouping on a day (membership changes over time: a 2016 report uses the 2016 list)',
        params: z.object({ code: z.enum(GROUP_CODES) }),
        querystring: z.object({
          date: z.string().refine(isCalendarDate, { message: 'must be a calendar day YYYY-MM-DD' }).optional(),
        }),
        response: { 200: z.object({ group: z.string(), date: z.string(), members: z.array(z.string()) }), 400: problemSchema },
      },
    },
    async (request) => {
      const date = request.query.date ?? clock.nowIso().slice(0, 10);
      return { group: request.params.code, date, members: groupMembersOn(request.params.code, date) };
    },
  );

  app.get(
    '/api/v1/reference/sdgs',
    {
      schema: {
        tags: TAG,
        summary: 'SDG goals (English and Indonesian) and targets',
        response: {
          200: z.object({
            goals: z.array(
              z.object({
                goal: z.number(),
                shortEn: z.string(),
                titleEn: z.string(),
                shortId: z.string(),
                titleId: z.string(),
                colorHex: z.string(),
              }),
            ),
            targets: z.array(z.object({ target: z.string(), goal: z.number(), titleEn: z.string() })),
          }),
        },
      },
    },
    async () => ({ goals: listSdgGoals().map((g) => ({ ...g })), targets: listSdgTargets().map((t) => ({ ...t })) }),
  );

  app.get(
    '/api/v1/reference/codes',
    {
      schema: {
        tags: TAG,
        summary: "Mitra's code sets (modality, flagship area, …) with Indonesian and English labels",
        response: {
          200: z.record(z.string(), z.array(z.object({ code: z.string(), en: z.string(), id: z.string() }))),
        },
      },
    },
    async () =>
      Object.fromEntries(
        Object.entries(CODE_SETS).map(([name, set]) => [
          name,
          set.codes.map((code) => ({ code, en: set.labels[code]?.en ?? code, id: set.labels[code]?.id ?? code })),
        ]),
      ),
  );

  app.get(
    '/api/v1/reference/codelists/:name',
    {
      schema: {
        tags: TAG,
        summary: 'An IATI codelist used by Mitra',
        // z.enum takes a non-empty tuple; the codelists are a constant table that is never empty.
        params: z.object({ name: z.enum(codelistNames() as [IatiCodelistName, ...IatiCodelistName[]]) }),
        response: {
          200: z.object({ name: z.string(), items: z.array(z.object({ code: z.string(), name: z.string(), active: z.boolean() })) }),
          400: problemSchema,
        },
      },
    },
    async (request) => ({ name: request.params.name, items: listCodelist(request.params.name).map((i) => ({ ...i })) }),
  );
}
