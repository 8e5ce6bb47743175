import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidError } from '../domain/errors.js';
import {
  IMPORT_LANGUAGES,
  pickImportLanguage,
  problemMessage,
  warningMessage,
  rejectedSummary,
  type ImportLanguage,
} from '../domain/import/problem-messages.js';
import { csvRecordSource } from '../io/csv-read.js';
import { tableRecordSource, XLSX_CONTENT_TYPE } from '../io/table-read.js';
import { parseColumnMapping, withColumnMapping } from '../domain/import/column-mapping.js';
import { importExchangeRates } from '../services/exchange-rates.js';
import { importPrograms } from '../services/import-programs.js';
import { importParticipants } from '../services/import-participants.js';
import { importIati } from '../services/import-iati.js';
import { iatiActivitySource } from '../io/iati-read.js';
import { listImportBatches, type ImportReport } from '../services/imports.js';
import { actingAs, type ServiceDeps } from '../services/deps.js';
import { authorizeImport } from '../domain/access/policy.js';
import { depsFor } from './auth.js';
import { queryFlag } from './common.schemas.js';
import { makeProblem, PROBLEM_CONTENT_TYPE, problemSchema, sendProblem } from './problem.js';

const TAG = ['Imports'];
const IMPORTERS = { activities: importPrograms, participants: importParticipants, rates: importExchangeRates } as const;

const WARNING_CODES_DESCRIPTION =
  'stable code of the warning: unknown_column, unknown_iati_code, more_unknown_codes, iati_version, iati_upgraded, iati_no_version, ' +
  'iati_rule_summary, iati_activity_warning, more_activity_warnings, iati_not_provider_prefix';

export const importReportSchema = z
  .object({
    batchId: z.number().int(),
    kind: z.string(),
    source: z.string(),
    sha256: z.string().nullable(),
    status: z.enum(['committed', 'rejected', 'dry_run']),
    rows: z.number().int(),
    inserted: z.number().int().meta({ description: 'new records (would be, in a dry run)' }),
    updated: z.number().int(),
    unchanged: z.number().int().meta({ description: 'records already stored exactly so (IATI re-import)' }),
    rejectedRows: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(
      z.object({
        line: z.number().int(),
        column: z.string().nullable(),
        record: z.string().optional().meta({ description: 'the IATI activity identifier' }),
        value: z.string().optional(),
        code: z.string().meta({
          description: 'stable code of the problem (required, unknown_code, not_a_recipient, date_order…)',
          example: 'unknown_code',
        }),
        message: z.string().meta({ description: "the reason, in the request's language (lang, else Accept-Language)" }),
      }),
    ),
    warnings: z.array(z.string()).meta({ description: "the warnings, in the request's language" }),
    warningDetails: z
      .array(
        z.object({
          code: z.string().meta({ description: WARNING_CODES_DESCRIPTION }),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          message: z.string().meta({ description: "the warning, in the request's language" }),
        }),
      )
      .meta({ description: 'the warnings with their codes and params, in the order of warnings' }),
    createdOrganisations: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
    file: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: "what the file says of itself (an IATI file's version, date and publishers)" }),
  })
  .meta({ id: 'ImportReport' });

/** The report as the API answers it: every reason in the reader's language (the params stay in the batch). */
const present = (r: ImportReport, lang: ImportLanguage): z.output<typeof importReportSchema> => ({
  ...r,
  errors: r.errors.map(({ params, ...e }) => ({ ...e, message: problemMessage(e.code, params, lang, e.message) })),
  warnings: r.warnings.map((w) => warningMessage(w, lang)),
  warningDetails: r.warnings.map((w) => ({ code: w.code, params: { ...w.params }, message: warningMessage(w, lang) })),
  createdOrganisations: [...r.createdOrganisations],
});

export interface ImportRouteOptions {
  readonly openImportDeps: () => Promise<{ deps: ServiceDeps; close(): Promise<void> }>;
  readonly maxBytes: number;
  readonly providerCountry: string;
  /** Mitra's own IATI reporting-org identifier. */
  readonly ownReportingRef: string;
}

export interface UploadedFile {
  readonly name: string;
  readonly stream: AsyncIterable<Uint8Array>;
  readonly contentType: string;
  /** A multipart form's text fields sent before the file (mapping, sheet). */
  readonly fields: Readonly<Record<string, string>>;
}

/** The text fields of a multipart form that came before its file. */
function textFields(fields: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    const value: unknown = field && typeof field === 'object' && 'value' in field ? field.value : undefined;
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/**
 * The uploaded file: a raw text/csv or XML body, or the first file of a multipart form;
 * undefined for a body of another type (JSON, a URL-encoded form), which Fastify has parsed.
 */
export async function uploadedFile(request: FastifyRequest): Promise<UploadedFile | undefined> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file)
      throw new InvalidError('import.no_file', 'the form has no file: send it in a field named "file"', [
        { path: 'file', message: 'is required' },
      ]);
    return { name: file.filename || 'upload', stream: file.file, contentType: file.mimetype, fields: textFields(file.fields) };
  }
  // The browser sends the name URI-encoded (headers are Latin-1); a bad encoding keeps it as sent.
  const raw = String(request.headers['x-file-name'] ?? 'upload');
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // not URI-encoded: use the header as it is
  }
  name = name.slice(0, 200);
  // The content-type parsers registered below hand these bodies over unread, as the request's stream.
  if (!(request.body instanceof Readable)) return undefined;
  return { name, stream: request.body, contentType: String(request.headers['content-type'] ?? ''), fields: {} };
}

export async function registerImportRoutes(root: FastifyInstance, deps: ServiceDeps, options: ImportRouteOptions): Promise<void> {
  // CSV bodies are streamed to the importer, never buffered whole.
  // CSV and XML bodies are streamed to the importer, never buffered whole.
  root.addContentTypeParser(
    ['text/csv', 'application/csv', 'application/octet-stream', 'application/xml', 'text/xml', XLSX_CONTENT_TYPE],
    (_request, payload, done) => done(null, payload),
  );
  await root.register(fastifyMultipart, { limits: { fileSize: options.maxBytes, files: 1, fields: 10 } });
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/imports/:kind',
    {
      bodyLimit: options.maxBytes,
      schema: {
        tags: TAG,
        summary:
          'Import a CSV file (UTF-8, comma or semicolon separated; kinds activities, participants, rates) or an XLSX workbook (activities, participants; its first sheet unless sheet names one; columns mapped by mapping) or an IATI activity file of another publisher (kind iati; 1.0x, 2.01–2.03) as the request body (text/csv, application/xml) or a multipart form field "file". Spreadsheets are all or nothing: if any row is invalid nothing is written and every bad one is listed. An IATI file is kept apart from own programs as data of other providers (/api/v1/other-providers): an activity that breaks an IATI rule is kept with a warning, one Mitra cannot represent is refused alone (allOrNothing=true writes nothing then). An IATI re-import updates what changed and writes nothing for the rest.',
        params: z.object({ kind: z.enum(['activities', 'participants', 'rates', 'iati']) }),
        querystring: z.object({
          lang: z
            .enum(IMPORT_LANGUAGES)
            .optional()
            .meta({ description: 'language of the reasons; default: the Accept-Language header, else en' }),
          dryRun: queryFlag('validate only, write nothing'),
          partial: queryFlag('accepted for older clients: refused IATI activities never stop the others'),
          allOrNothing: queryFlag('IATI: write nothing when an activity is refused'),
          mapping: z.string().max(20_000).optional().meta({
            description:
              'activities and participants: JSON {"file header": "Mitra column" | null}; unmapped columns are ignored (or a form field "mapping" before the file)',
          }),
          sheet: z.string().max(100).optional().meta({ description: "an XLSX workbook's sheet (the first by default)" }),
        }),
        response: {
          200: importReportSchema,
          422: problemSchema.extend({ report: importReportSchema.optional() }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          413: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request, reply) => {
      // Refused before a byte of the file is read.
      authorizeImport(request.actor, request.params.kind);
      const file = await uploadedFile(request);
      if (!file) {
        const problem = makeProblem(
          request,
          415,
          'request.unsupported_media_type',
          'send the file as text/csv, application/xml or a multipart form field "file"',
        );
        return sendProblem(reply, problem);
      }
      const kind = request.params.kind;
      const mappingText = file.fields.mapping ?? request.query.mapping;
      const mapping = mappingText ? parseColumnMapping(mappingText) : undefined;
      const sheet = file.fields.sheet ?? request.query.sheet;
      const read = { maxBytes: options.maxBytes, contentType: file.contentType, ...(sheet ? { sheet } : {}) };
      const withMapping = <S extends Parameters<typeof withColumnMapping>[1]>(source: S): S =>
        mapping && kind !== 'rates' && kind !== 'iati' ? withColumnMapping(kind, source, mapping) : source;
      const importer = await options.openImportDeps();
      let report: ImportReport;
      try {
        const deps = actingAs(importer.deps, request.actor);
        const common = { dryRun: request.query.dryRun, providerCountry: options.providerCountry };
        report =
          kind === 'iati'
            ? await importIati(deps, iatiActivitySource(file.name, file.stream, { maxBytes: options.maxBytes }), {
                ...common,
                allOrNothing: request.query.allOrNothing,
                ownReportingRef: options.ownReportingRef,
              })
            : kind === 'rates'
              ? await IMPORTERS[kind](deps, csvRecordSource(file.name, file.stream, { maxBytes: options.maxBytes }), common)
              : await IMPORTERS[kind](deps, withMapping(await tableRecordSource(file.name, file.stream, read)), common);
      } finally {
        await importer.close();
      }
      const lang = pickImportLanguage(request.query.lang, request.headers['accept-language']);
      const presented = present(report, lang);
      if (report.status !== 'rejected') return presented;
      const problem = makeProblem(
        request,
        422,
        'import.rejected',
        rejectedSummary(report, lang),
        presented.errors.slice(0, 1_000).map((e) => ({
          path: `line ${e.line}${e.record ? ` (${e.record})` : ''}${e.column ? `, ${e.column}` : ''}`,
          message: e.message,
          code: 'row_invalid',
        })),
      );
      return reply
        .code(422)
        .type(PROBLEM_CONTENT_TYPE)
        .send({ ...problem, report: presented });
    },
  );

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags: TAG,
        summary: 'The latest import batches, whatever their outcome',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                kind: z.string(),
                sourceName: z.string(),
                sha256: z.string().nullable(),
                status: z.string(),
                rowsTotal: z.number().int(),
                rowsInserted: z.number().int(),
                rowsUpdated: z.number().int(),
                rowsRejected: z.number().int(),
                startedAt: z.string(),
                finishedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: (await listImportBatches(depsFor(deps, request), request.query.limit)).map(({ details: _d, userId: _u, ...b }) => b),
    }),
  );
}
