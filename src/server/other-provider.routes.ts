/**
 * Other providers' IATI data (issue 22): imported datasets and their activities, kept apart from
 * the providing country's own programs; a recipient country's providers side by side; deleting
 * a dataset; promoting an activity of the provider's own file to an own program.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countryCode } from '../domain/schema-helpers.js';
import type { ServiceDeps } from '../services/deps.js';
import { compareCountry, deleteDataset, getImported, listDatasets, listImported, promoteImported } from '../services/other-providers.js';
import { depsFor } from './auth.js';
import { pageOf, queryFlag } from './common.schemas.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Other providers'];
const text = z.string().nullable();

const datasetSchema = z
  .object({
    id: z.number().int(),
    publisherId: z.number().int(),
    publisherRef: text,
    publisherName: text,
    fileName: z.string(),
    sha256: text,
    iatiVersion: text,
    generatedAt: text,
    importedAt: z.string(),
    importedBy: z.number().int().nullable(),
    importBatchId: z.number().int().nullable(),
    activities: z.number().int(),
    warnings: z.number().int().meta({ description: 'rule warnings of its activities (each kept with its activity)' }),
    refused: z.number().int().meta({ description: 'activities of the file that could not be represented and were left out' }),
  })
  .meta({ id: 'IatiDataset' });

const summarySchema = z
  .object({
    id: z.number().int(),
    identifier: z.string(),
    title: text,
    year: z.number().int().nullable(),
    activityStatus: z.number().int().nullable(),
    publisherId: z.number().int(),
    publisherRef: text,
    publisherName: text,
    datasetId: z.number().int(),
    fileName: z.string(),
    importedAt: z.string(),
    warningCount: z.number().int(),
    prefixOk: z.boolean().meta({ description: "the identifier begins with the reporting organisation's (IATI rule 1.1.21)" }),
    promotedProgramId: z.number().int().nullable().meta({ description: 'the own program it became, if promoted' }),
  })
  .meta({ id: 'ImportedActivitySummary' });

const warningSchema = z.object({
  field: z.string(),
  code: z.string(),
  rule: text.meta({ description: 'the IATI Standard ruleset rule id' }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});

const detailSchema = summarySchema
  .extend({
    line: z.number().int(),
    record: z.record(z.string(), z.unknown()).meta({ description: 'the activity as mapped: data, implementing, partners, details' }),
    warnings: z.array(warningSchema),
    sectors: z.array(z.object({ vocabulary: z.string(), code: z.string(), percentage: z.number().nullable() })),
  })
  .meta({ id: 'ImportedActivity' });

const comparisonSchema = z
  .object({
    country: z.string(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    providers: z.array(
      z.object({
        publisherId: z.number().int().nullable(),
        publisher: z.string(),
        ref: text,
        own: z.boolean(),
        years: z.array(z.object({ year: z.number().int(), activities: z.number().int(), budgetUsd: z.number(), spendUsd: z.number() })),
        sectors: z.array(z.object({ vocabulary: z.string(), code: z.string(), activities: z.number().int() })),
        unconverted: z.array(z.object({ year: z.number().int(), currency: z.string(), budgetMinor: z.number(), spendMinor: z.number() })),
      }),
    ),
  })
  .meta({ id: 'ProviderComparison' });

const year = z.coerce.number().int().min(1950).max(2200);

export function registerOtherProviderRoutes(
  root: FastifyInstance,
  deps: ServiceDeps,
  options: { readonly ownReportingRef: string; readonly ownName: string },
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/other-providers/datasets',
    {
      schema: {
        tags: TAG,
        summary: "Other publishers' IATI files imported, newest first (kept apart from own programs)",
        response: { 200: z.object({ items: z.array(datasetSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listDatasets(depsFor(deps, request)) }),
  );

  app.delete(
    '/api/v1/other-providers/datasets/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Deletes one imported dataset and exactly its activities (coordination team)',
        params: idParams,
        response: { 200: z.object({ dataset: datasetSchema, activities: z.number().int() }), ...problemResponses },
      },
    },
    async (request) => deleteDataset(depsFor(deps, request), request.params.id),
  );

  app.get(
    '/api/v1/other-providers/activities',
    {
      schema: {
        tags: TAG,
        summary: "Other providers' imported activities",
        querystring: z.object({
          publisherId: z.coerce.number().int().optional(),
          datasetId: z.coerce.number().int().optional(),
          country: countryCode.optional(),
          year: year.optional(),
          q: z.string().trim().min(1).max(200).optional(),
          withWarnings: queryFlag('only activities that break an IATI rule'),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: pageOf(summarySchema), ...problemResponses },
      },
    },
    async (request) => listImported(depsFor(deps, request), request.query),
  );

  app.get(
    '/api/v1/other-providers/activities/:id',
    {
      schema: {
        tags: TAG,
        summary: 'One imported activity as published, with the IATI rules it breaks and its source (publisher, file, date)',
        params: idParams,
        response: { 200: detailSchema, ...problemResponses },
      },
    },
    async (request) => {
      const a = await getImported(depsFor(deps, request), request.params.id);
      return { ...a, record: { ...a.record }, warnings: [...a.warnings], sectors: [...a.sectors] };
    },
  );

  app.post(
    '/api/v1/other-providers/activities/:id/promote',
    {
      schema: {
        tags: TAG,
        summary:
          "Makes an imported activity an own program (coordination team): only when its reporting organisation is the provider or one of its ministries and agencies, and its identifier begins with that organisation's",
        params: idParams,
        response: { 200: z.object({ programId: z.number().int(), identifier: z.string(), created: z.boolean() }), ...problemResponses },
      },
    },
    async (request) => promoteImported(depsFor(deps, request), request.params.id, { ownReportingRef: options.ownReportingRef }),
  );

  app.get(
    '/api/v1/other-providers/compare',
    {
      schema: {
        tags: TAG,
        summary:
          "All providers in one recipient country by year and sector: own programs and each other publisher's imported activities, counted alike (USD at each year's end rate)",
        querystring: z
          .object({ country: countryCode, fromYear: year, toYear: year })
          .refine((q) => q.fromYear <= q.toYear && q.toYear - q.fromYear <= 50, {
            message: 'fromYear must not be after toYear (at most 50 years)',
          }),
        response: { 200: comparisonSchema, ...problemResponses },
      },
    },
    async (request) => compareCountry(depsFor(deps, request), { ...request.query, ownName: options.ownName }),
  );
}
