/** Downloads: the program list as CSV/XLSX (in the import format) and the annual report as tables and as a PDF. */
import type { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import type { Program } from '../domain/program/program.js';
import { programToRow } from '../domain/import/program-row.js';
import { ACTIVITY_COLUMNS } from '../domain/import/csv-columns.js';
import { annualReportTables, REPORT_TABLE_KEYS } from '../domain/report/tables.js';
import { csvRow } from '../io/csv-write.js';
import { tableCsv } from '../io/table-file.js';
import { writeXlsx } from '../io/xlsx-write.js';
import { exportPrograms } from '../services/programs.js';
import type { ServiceDeps } from '../services/deps.js';
import { annualReport, annualSummary } from '../services/reports.js';
import { yearAchievements } from '../services/results.js';
import { depsFor } from './auth.js';
import { exportIati, exportIatiActivity, type IatiExport, type IatiPublisher } from '../services/iati-export.js';
import { idParams } from './http-helpers.js';
import { iatiDocument, iatiOrganisationDocument } from '../io/iati-write.js';
import { organisationFileQuerySchema } from '../domain/iati/organisation-figures.js';
import { iatiOrganisationFile } from '../services/iati-organisation.js';
import { asAttachment, breakOnFailure, download, streamChunks, XLSX } from './downloads.js';

const exportQuery = programListQuerySchema.omit({ page: true, pageSize: true });
const lang = z.enum(['en', 'id']).default('en');

function iatiStream(reply: FastifyReply, exported: IatiExport, filename: string): PassThrough {
  const stream = download(reply, 'application/xml; charset=utf-8', filename);
  streamChunks(stream, iatiDocument(exported.generatedAt, exported.activities, exported.undated));
  return stream;
}

/** A program as a line of the CSV (the import format), formulas neutralised. */
function programCsvRow(program: Program): string {
  const row = programToRow(program);
  return csvRow(
    ACTIVITY_COLUMNS.map((c) => row[c]),
    { neutraliseFormulas: true },
  );
}

export function registerExportRoutes(
  root: FastifyInstance,
  deps: ServiceDeps,
  publisher: IatiPublisher,
  options: { readonly documentLinksUrl?: string | null } = {},
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Programs' public documents are linked at the public address, when one is configured (docs/documents.md).
  const activityPublisher: IatiPublisher = { ...publisher, publicUrl: options.documentLinksUrl ?? null };

  app.get(
    '/api/v1/export/iati-organisation.xml',
    {
      schema: {
        tags: ['Programs'],
        summary:
          'The reporting organisation as an IATI 2.03 organisation file: total budget per year, budget per recipient country and year, total expenditure per year (own programs, converted to one currency at dated exchange rates), and links to the annual reports when MITRA_PUBLIC_URL is set. The public gets the figures of published programs only.',
        querystring: organisationFileQuerySchema,
      },
    },
    async (request, reply) => {
      const { currency, from, to, stage } = request.query;
      const file = await iatiOrganisationFile(depsFor(deps, request), {
        publisher,
        currency,
        years: from !== undefined && to !== undefined ? { from, to } : undefined,
        stages: stage,
        publicUrl: options.documentLinksUrl,
      });
      return asAttachment(reply, 'application/xml; charset=utf-8', 'iati-organisation.xml').send(iatiOrganisationDocument(file));
    },
  );

  app.get(
    '/api/v1/export/iati.xml',
    {
      schema: {
        tags: ['Programs'],
        summary:
          'The programs of a filter as an IATI 2.03 activities file (valid against the official schema); identifiers are prefixed with the reporting organisation. Use `year` to keep files small (the IATI datastore takes files up to 50 MB).',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const exported = await exportIati(depsFor(deps, request), request.query, activityPublisher);
      return reply.send(iatiStream(reply, exported, `iati-activities${request.query.year ? `-${request.query.year}` : ''}.xml`));
    },
  );

  app.get(
    '/api/v1/activities/:id/iati.xml',
    { schema: { tags: ['Programs'], summary: 'One program as an IATI 2.03 activities file', params: idParams } },
    async (request, reply) => {
      const exported = await exportIatiActivity(depsFor(deps, request), request.params.id, activityPublisher);
      return reply.send(iatiStream(reply, exported, `iati-activity-${request.params.id}.xml`));
    },
  );

  app.get(
    '/api/v1/activities/export.csv',
    {
      schema: {
        tags: ['Programs'],
        summary: 'The programs of a filter as CSV, in the import format (formulas neutralised)',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const stream = download(reply, 'text/csv; charset=utf-8', 'programs.csv');
      async function* csv() {
        // A BOM makes spreadsheet programs read the file as UTF-8.
        yield `\uFEFF${csvRow(ACTIVITY_COLUMNS)}`;
        for await (const page of exportPrograms(depsFor(deps, request), request.query)) yield page.map(programCsvRow).join('');
      }
      streamChunks(stream, csv());
      return reply.send(stream);
    },
  );

  app.get(
    '/api/v1/activities/export.xlsx',
    {
      schema: {
        tags: ['Programs'],
        summary: 'The programs of a filter as an XLSX workbook, in the import format',
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const stream = download(reply, XLSX, 'programs.xlsx');
      async function* rows() {
        for await (const page of exportPrograms(depsFor(deps, request), request.query)) {
          for (const a of page) {
            const row = programToRow(a);
            yield ACTIVITY_COLUMNS.map((c) => {
              const value = row[c];
              // Numbers stay numbers in the sheet.
              return (c === 'participants_planned' || c === 'budget_amount') && value !== '' ? Number(value) : value;
            });
          }
        }
      }
      breakOnFailure(stream, writeXlsx(stream, [{ title: 'programs', columns: ACTIVITY_COLUMNS, rows: rows() }]));
      return reply.send(stream);
    },
  );

  app.get(
    '/api/v1/reports/annual.xlsx',
    {
      schema: {
        tags: ['Reports'],
        summary: 'The annual report tables as an XLSX workbook, one sheet per table',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200), lang }),
      },
    },
    async (request, reply) => {
      const summary = await annualSummary(depsFor(deps, request), request.query.year);
      const achievements = await yearAchievements(depsFor(deps, request));
      const tables = annualReportTables(summary, request.query.lang, undefined, undefined, achievements);
      const stream = download(reply, XLSX, `mitra-annual-report-${request.query.year}-${request.query.lang}.xlsx`);
      breakOnFailure(stream, writeXlsx(stream, tables));
      return reply.send(stream);
    },
  );

  app.get(
    '/api/v1/reports/annual.pdf',
    {
      schema: {
        tags: ['Reports'],
        summary:
          'The annual report as an A4 PDF (cover, the tables of annual.xlsx, charts, world map); the public counts published programs only',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200), lang, stage: programListQuerySchema.shape.stage }),
      },
    },
    async (request, reply) => {
      const { year, lang: language, stage } = request.query;
      const report = await annualReport(depsFor(deps, request), year, { stages: stage });
      // Loaded by the first report rather than at start (pdfmake and ECharts take about half a
      // second), and rendered whole: pdfmake lays out every page before the first byte.
      const { renderAnnualReportPdf } = await import('../io/pdf/annual-report.js');
      const achievements = await yearAchievements(depsFor(deps, request), { stages: stage });
      const pdf = await renderAnnualReportPdf(report.summary, language, { ...report, achievements });
      return asAttachment(reply, 'application/pdf', `mitra-annual-report-${year}-${language}.pdf`).send(pdf);
    },
  );

  app.get(
    '/api/v1/reports/annual.csv',
    {
      schema: {
        tags: ['Reports'],
        summary: 'One table of the annual report as CSV',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200), table: z.enum(REPORT_TABLE_KEYS), lang }),
      },
    },
    async (request, reply) => {
      const summary = await annualSummary(depsFor(deps, request), request.query.year);
      const table = annualReportTables(summary, request.query.lang).find((t) => t.key === request.query.table);
      const body = tableCsv(table ?? { columns: [], rows: [] });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="mitra-${request.query.table}-${request.query.year}-${request.query.lang}.csv"`,
        )
        .send(body);
    },
  );
}
