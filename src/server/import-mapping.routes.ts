/**
 * A ministry's own spreadsheet layout (issue 21): the columns of an uploaded CSV or XLSX file
 * with a suggested Mitra field each, and the column mappings an agency saves for next time.
 * Registered after the import routes, whose body parsers the upload uses.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { columnMappingSchema } from '../domain/import/column-mapping.js';
import { MAPPABLE_KINDS } from '../domain/import/column-suggestions.js';
import { tableRecordSource } from '../io/table-read.js';
import type { ServiceDeps } from '../services/deps.js';
import type { SavedImportMapping } from '../services/import-mappings.ports.js';
import { deleteImportMapping, describeFileColumns, listImportMappings, saveImportMapping } from '../services/import-mappings.js';
import { depsFor } from './auth.js';
import { deletedSchema } from './common.schemas.js';
import { idParams } from './http-helpers.js';
import { uploadedFile } from './import.routes.js';
import { makeProblem, problemResponses, problemSchema, sendProblem } from './problem.js';

const TAG = ['Imports'];
const kindSchema = z.enum(MAPPABLE_KINDS);
const orgQuery = z
  .string()
  .max(64)
  .optional()
  .meta({ description: "the agency's code (by default the signed-in user's organisation; the coordination team may name any)" });

export const importMappingSchema = z
  .object({
    id: z.number().int(),
    org: z.string(),
    kind: kindSchema,
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string().nullable()),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedByName: z.string().nullable().optional().meta({ description: 'who saved it last (in lists)' }),
  })
  .meta({ id: 'ImportMapping' });

const fileColumnsSchema = z
  .object({
    kind: kindSchema,
    source: z.string(),
    headerLine: z.number().int().meta({ description: 'the row of the header in the file' }),
    sheets: z.array(z.string()).meta({ description: "an XLSX workbook's sheets, in its order (none for CSV)" }),
    sheet: z.string().nullable().meta({ description: 'the sheet read (null for CSV)' }),
    columns: z.array(
      z.object({
        index: z.number().int(),
        header: z.string(),
        samples: z.array(z.string()),
        suggestion: z.string().nullable().meta({ description: 'the Mitra field the header most likely names' }),
      }),
    ),
    fields: z.array(z.string()),
    required: z.array(z.array(z.string())).meta({ description: 'groups of fields of which one must be mapped' }),
    saved: importMappingSchema.nullable().meta({ description: "the agency's saved mapping for these headers" }),
  })
  .meta({ id: 'ImportFileColumns' });

const present = (m: SavedImportMapping & { readonly updatedByName?: string | null }): z.output<typeof importMappingSchema> => ({
  id: m.id,
  org: m.orgCode,
  kind: m.kind,
  headers: [...m.headers],
  mapping: { ...m.mapping },
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
  ...(m.updatedByName === undefined ? {} : { updatedByName: m.updatedByName }),
});

export function registerImportMappingRoutes(root: FastifyInstance, deps: ServiceDeps, options: { readonly maxBytes: number }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/imports/:kind/columns',
    {
      bodyLimit: options.maxBytes,
      schema: {
        tags: TAG,
        summary:
          "The columns of a CSV or XLSX file (sent as for an import), with sample values and the Mitra field each header most likely names (English or Indonesian), and the agency's saved mapping for the same headers. Nothing is written.",
        params: z.object({ kind: kindSchema }),
        querystring: z.object({
          org: orgQuery,
          sheet: z.string().max(100).optional().meta({ description: "an XLSX workbook's sheet (the first by default)" }),
        }),
        response: { 200: fileColumnsSchema, ...problemResponses, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request);
      if (!file) {
        return sendProblem(
          reply,
          makeProblem(
            request,
            415,
            'request.unsupported_media_type',
            'send the file as text/csv, an XLSX workbook or a multipart form field "file"',
          ),
        );
      }
      const sheet = file.fields.sheet ?? request.query.sheet;
      const source = await tableRecordSource(file.name, file.stream, {
        maxBytes: options.maxBytes,
        contentType: file.contentType,
        ...(sheet ? { sheet } : {}),
      });
      try {
        const found = await describeFileColumns(depsFor(deps, request), request.params.kind, source, {
          ...(request.query.org ? { org: request.query.org } : {}),
        });
        return {
          ...found,
          sheets: source.sheetNames(),
          sheet: source.sheet(),
          columns: found.columns.map((c) => ({ ...c, samples: [...c.samples] })),
          fields: [...found.fields],
          required: found.required.map((g) => [...g]),
          saved: found.saved && present(found.saved),
        };
      } finally {
        // Only the header and a few rows were read: the rest of the upload is read and dropped.
        await source.drain();
      }
    },
  );

  app.get(
    '/api/v1/import-mappings',
    {
      schema: {
        tags: TAG,
        summary: "An agency's saved column mappings (its officers and the coordination team)",
        querystring: z.object({ org: orgQuery, kind: kindSchema.optional() }),
        response: { 200: z.object({ items: z.array(importMappingSchema) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: (
        await listImportMappings(depsFor(deps, request), {
          ...(request.query.org ? { org: request.query.org } : {}),
          ...(request.query.kind ? { kind: request.query.kind } : {}),
        })
      ).map(present),
    }),
  );

  app.put(
    '/api/v1/import-mappings',
    {
      schema: {
        tags: TAG,
        summary:
          "Save an agency's column mapping for a kind of import and a file's headers (replacing the one saved for the same headers); refused when a required field is unmapped or a field is mapped twice",
        body: z.object({
          org: orgQuery,
          kind: kindSchema,
          headers: z.array(z.string().max(500)).min(1).max(500),
          mapping: columnMappingSchema,
        }),
        response: { 200: importMappingSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { org, ...input } = request.body;
      return present(await saveImportMapping(depsFor(deps, request), { ...input, ...(org ? { org } : {}) }));
    },
  );

  app.delete(
    '/api/v1/import-mappings/:id',
    {
      schema: {
        tags: TAG,
        summary: "Delete a saved column mapping (the agency's officers and the coordination team)",
        params: idParams,
        response: { 204: deletedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteImportMapping(depsFor(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
