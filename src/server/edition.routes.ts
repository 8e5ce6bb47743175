/**
 * Frozen editions of a year's figures (docs/editions.md): list and read them (the public sees
 * published ones only), compare one with the live figures, freeze, publish, write the narrative,
 * and download its documents and its bundle. No route changes an edition's figures or records,
 * and none deletes an edition: there is no PUT, PATCH or DELETE of an edition.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { editionDocument, freezeInputSchema, narrativeInputSchema } from '../domain/report/edition.js';
import { annualReportTables } from '../domain/report/tables.js';
import type { BundleResult } from '../io/edition-bundle.js';
import { writeXlsx } from '../io/xlsx-write.js';
import { zipFiles } from '../io/zip-write.js';
import type { ServiceDeps } from '../services/deps.js';
import type { IatiPublisher } from '../services/iati-export.js';
import { editionAchievements } from '../services/results.js';
import {
  differencesFromLive,
  editionFigures,
  editionReport,
  freezeEdition,
  listEditions,
  publishEdition,
  setNarrative,
} from '../services/editions.js';
import { depsFor } from './auth.js';
import { asAttachment, breakOnFailure, download, XLSX } from './downloads.js';
import {
  differencesSchema,
  editionFiguresSchema,
  editionSchema,
  presentDifferences,
  presentEdition,
  presentEditionFigures,
} from './edition.schemas.js';
import { problemResponses } from './problem.js';

const TAG = ['Editions'];
const year = z.coerce.number().int().min(1900).max(2200);
const yearParams = z.object({ year });
const editionParams = z.object({ year, number: z.coerce.number().int().min(1) });
const lang = z.enum(['en', 'id']).default('en');

export interface EditionRouteOptions {
  /** ISO alpha-2 code of the providing country (MITRA_PROVIDER_COUNTRY): the TOSSD, SEGIB and UN files' provider. */
  readonly providerCountry: string;
  /** The IATI reporting organisation (MITRA_IATI_REPORTING_ORG…) of the bundle's IATI files. */
  readonly publisher: IatiPublisher;
}

export function registerEditionRoutes(root: FastifyInstance, deps: ServiceDeps, options: EditionRouteOptions): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/editions',
    {
      schema: {
        tags: TAG,
        summary: 'Frozen editions, latest first (of one year when asked); the public sees published editions only',
        querystring: z.object({ year: year.optional() }),
        response: { 200: z.object({ items: z.array(editionSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listEditions(depsFor(deps, request), request.query.year)).map(presentEdition) }),
  );

  app.get(
    '/api/v1/editions/:year/:number',
    {
      schema: {
        tags: TAG,
        summary: "One edition with its figures as frozen (the public: published editions, and their published programs' figures)",
        params: editionParams,
        response: { 200: editionFiguresSchema, ...problemResponses },
      },
    },
    async (request) => presentEditionFigures(await editionFigures(depsFor(deps, request), request.params.year, request.params.number)),
  );

  app.get(
    '/api/v1/editions/:year/:number/differences',
    {
      schema: {
        tags: TAG,
        summary: 'What differs between the live figures and an edition: figure by figure, and programs added, removed and changed',
        params: editionParams,
        response: { 200: differencesSchema, ...problemResponses },
      },
    },
    async (request) => presentDifferences(await differencesFromLive(depsFor(deps, request), request.params.year, request.params.number)),
  );

  app.post(
    '/api/v1/editions/:year',
    {
      schema: {
        tags: TAG,
        summary:
          'Freeze the year as its next edition (coordination team). Refused (409 edition.blocked) while something blocks it, unless overrideReason; reason required from edition 2 (errata)',
        params: yearParams,
        body: freezeInputSchema,
        response: { 201: editionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const edition = await freezeEdition(depsFor(deps, request), request.params.year, request.body);
      return reply.code(201).send(presentEdition(edition));
    },
  );

  app.post(
    '/api/v1/editions/:year/:number/publish',
    {
      schema: {
        tags: TAG,
        summary: 'Publish an edition (coordination team): the public sees it from now on, and nothing of it changes any more',
        params: editionParams,
        response: { 200: editionSchema, ...problemResponses },
      },
    },
    async (request) => presentEdition(await publishEdition(depsFor(deps, request), request.params.year, request.params.number)),
  );

  app.put(
    '/api/v1/editions/:year/:number/narrative/:lang',
    {
      schema: {
        tags: TAG,
        summary: "Write an unpublished edition's narrative (foreword) in one language (coordination team); empty text clears it",
        params: editionParams.extend({ lang: narrativeInputSchema.shape.lang }),
        body: narrativeInputSchema.pick({ text: true }),
        response: { 200: editionSchema, ...problemResponses },
      },
    },
    async (request) =>
      presentEdition(
        await setNarrative(depsFor(deps, request), request.params.year, request.params.number, {
          lang: request.params.lang,
          text: request.body.text,
        }),
      ),
  );

  app.get(
    '/api/v1/editions/:year/:number/annual.pdf',
    {
      schema: {
        tags: TAG,
        summary: "The annual report of an edition as an A4 PDF: the edition's figures, its name on the cover and its narrative",
        params: editionParams,
        querystring: z.object({ lang }),
      },
    },
    async (request, reply) => {
      const { year: y, number } = request.params;
      const report = await editionReport(depsFor(deps, request), y, number);
      // Loaded by the first document rather than at start (pdfmake and ECharts are slow to load).
      const { renderAnnualReportPdf } = await import('../io/pdf/annual-report.js');
      const achievements = await editionAchievements(depsFor(deps, request), y, number);
      const pdf = await renderAnnualReportPdf(report.summary, request.query.lang, {
        ...report,
        edition: editionDocument(report.edition, request.query.lang),
        achievements,
      });
      return asAttachment(reply, 'application/pdf', `mitra-annual-report-${y}-edition-${number}-${request.query.lang}.pdf`).send(pdf);
    },
  );

  app.get(
    '/api/v1/editions/:year/:number/annual.xlsx',
    {
      schema: {
        tags: TAG,
        summary: "The annual report tables of an edition as an XLSX workbook (the edition's name in the summary sheet)",
        params: editionParams,
        querystring: z.object({ lang }),
      },
    },
    async (request, reply) => {
      const { year: y, number } = request.params;
      const report = await editionReport(depsFor(deps, request), y, number);
      const achievements = await editionAchievements(depsFor(deps, request), y, number);
      const title = editionDocument(report.edition, request.query.lang).title;
      const tables = annualReportTables(report.summary, request.query.lang, title, undefined, achievements);
      const stream = download(reply, XLSX, `mitra-annual-report-${y}-edition-${number}-${request.query.lang}.xlsx`);
      breakOnFailure(stream, writeXlsx(stream, tables));
      return reply.send(stream);
    },
  );

  app.get(
    '/api/v1/editions/:year/:number/bundle.zip',
    {
      schema: {
        tags: TAG,
        summary:
          "An edition's bundle as one ZIP (signed-in users; docs/bundle.md): the annual report (PDF and XLSX, Indonesian and English), the IATI activity and organisation files, the TOSSD, SEGIB and UN files, the reconciliation, the checklist and manifest.json (each file's SHA-256). The header X-Mitra-Unexplained-Differences counts the reconciliation's unexplained differences.",
        params: editionParams,
      },
    },
    async (request, reply) => {
      const { year: y, number } = request.params;
      const requestDeps = depsFor(deps, request);
      // Loaded by the first bundle rather than at start: the bundle writes the PDF report
      // (pdfmake and ECharts are slow to load, docs/benchmarks.md).
      const [{ writeEditionBundle }, { BUNDLE_BUILDERS }] = await Promise.all([
        import('../io/edition-bundle.js'),
        import('../io/bundle-builders.js'),
      ]);
      // The bundle is written whole first (its manifest holds every file's hash), into a folder
      // of this request's own: several processes may serve the same edition at once.
      const work = await mkdtemp(join(tmpdir(), 'mitra-bundle-'));
      const removeWork = () => rm(work, { recursive: true, force: true });
      let bundle: BundleResult;
      try {
        bundle = await writeEditionBundle(
          requestDeps,
          y,
          number,
          {
            providerCountry: options.providerCountry,
            publisherRef: options.publisher.ref,
            publisher: options.publisher,
            builders: BUNDLE_BUILDERS,
          },
          join(work, 'bundle'),
        );
      } catch (error) {
        await removeWork();
        throw error;
      }
      const stream = download(reply, 'application/zip', `mitra-bundle-${y}-edition-${number}.zip`);
      reply.header('x-mitra-unexplained-differences', String(bundle.unexplained.length));
      // The manifest first (what the archive holds), then its files in its order. The folder
      // goes when the archive is written, or when writing it fails — also when the client
      // goes away, which closes the stream and fails the next write (io/zip-write.ts).
      const names = ['manifest.json', ...bundle.files.map((f) => f.name)];
      const writing = zipFiles(stream, bundle.dir, names, new Date(requestDeps.clock.nowIso())).then(() => {
        stream.end();
      });
      breakOnFailure(stream, writing.finally(removeWork));
      return reply.send(stream);
    },
  );
}
