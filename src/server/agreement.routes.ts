/**
 * Agreements: the list (and its CSV or XLSX), an agreement's life with If-Match, the programs
 * carried out under it, its versioned documents, and the renewal reminders.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementInputSchema,
  agreementListQuerySchema,
  agreementPatchSchema,
  agreementProgramSchema,
  agreementStepSchema,
  tableFormatSchema,
} from '../domain/partnership/partnership.schema.js';
import { agreementTable, allPages } from '../io/partnership-tables.js';
import {
  createAgreement,
  deleteAgreement,
  getAgreement,
  getAgreementDocument,
  linkAgreementProgram,
  listAgreements,
  patchAgreement,
  setAgreementDocumentPublic,
  stepAgreement,
  unlinkAgreementProgram,
  uploadAgreementDocument,
} from '../services/agreements.js';
import type { ServiceDeps } from '../services/deps.js';
import { sendRenewalReminders } from '../services/reminders.js';
import {
  agreementDetailSchema,
  agreementSchema,
  documentSchema,
  presentAgreement,
  presentAgreementDetail,
  reminderReportSchema,
} from './agreement.schemas.js';
import { depsFor } from './auth.js';
import { sendTable, sendUploadedFile } from './downloads.js';
import { etagOf, idParams, ifMatch, withEtag } from './http-helpers.js';
import { readMultipart } from './multipart.js';
import { pageSchema, PARTNERSHIP_TAGS, programRefSchema } from './partnership.schemas.js';
import { makeProblem, problemResponses, problemSchema, sendProblem, versionedWriteResponses } from './problem.js';

const programListSchema = z.object({ items: z.array(programRefSchema) });

export interface AgreementRouteOptions {
  readonly uploadMaxBytes: number;
  /** The address in the reminders' links. */
  readonly publicUrl: string;
  /** Called when reminders were queued (the mail delivery sends them). */
  readonly mailQueued?: () => void;
}

export function registerAgreementRoutes(root: FastifyInstance, deps: ServiceDeps, options: AgreementRouteOptions): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Agreements, latest signed first (the public and focal points see signed agreements only)',
        querystring: agreementListQuerySchema,
        response: { 200: pageSchema(agreementSchema, 'AgreementPage'), ...problemResponses },
      },
    },
    async (request) => {
      const result = await listAgreements(depsFor(deps, request), request.query);
      return { ...result, items: result.items.map(presentAgreement) };
    },
  );

  app.get(
    '/api/v1/agreements/export',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'The agreements of a filter as CSV or XLSX',
        querystring: agreementListQuerySchema.omit({ page: true, pageSize: true }).extend(tableFormatSchema.shape),
      },
    },
    async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const d = depsFor(deps, request);
      const items = await allPages((p) => listAgreements(d, { ...filter, page: p, pageSize: 200 }));
      return sendTable(reply, { format, ...agreementTable(items, lang) });
    },
  );

  app.post(
    '/api/v1/agreements',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Record an agreement (coordination team; an agency for itself). Dates are checked against its status',
        body: agreementInputSchema,
        response: { 201: agreementSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await createAgreement(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/agreements/${created.id}`);
      return withEtag(reply, created, presentAgreement);
    },
  );

  app.post(
    '/api/v1/agreements/reminders',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Queue the renewal reminders that are due (180, 90, 30 days before the end of validity), each once (coordination team; run daily)',
        response: { 200: reminderReportSchema, ...problemResponses },
      },
    },
    async (request) => {
      const report = await sendRenewalReminders(depsFor(deps, request), { publicUrl: options.publicUrl });
      options.mailQueued?.();
      return { agreements: [...report.agreements] };
    },
  );

  app.get(
    '/api/v1/agreements/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'An agreement with its programs, documents and renewal state',
        params: idParams,
        response: { 200: agreementDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const d = await getAgreement(depsFor(deps, request), request.params.id);
      reply.header('etag', etagOf(d.agreement.version));
      return presentAgreementDetail(d);
    },
  );

  app.patch(
    '/api/v1/agreements/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Change an agreement’s fields (coordination team, owning agency); If-Match honoured',
        params: idParams,
        body: agreementPatchSchema,
        response: { 200: agreementSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) => {
      return ifMatch(request, reply, async (check) =>
        withEtag(reply, await patchAgreement(depsFor(deps, request), request.params.id, request.body, check), presentAgreement),
      );
    },
  );

  app.delete(
    '/api/v1/agreements/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Delete an agreement recorded by mistake: a draft or one under negotiation (coordination team, owning agency); If-Match honoured',
        params: idParams,
        response: { 204: z.null(), ...versionedWriteResponses },
      },
    },
    async (request, reply) => {
      return ifMatch(request, reply, async (check) => {
        await deleteAgreement(depsFor(deps, request), request.params.id, check);
        return reply.code(204).send(null);
      });
    },
  );

  app.post(
    '/api/v1/agreements/:id/status',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Move an agreement to its next status (draft → negotiation → signed → in force → expired or terminated), with the dates the step needs; If-Match honoured',
        params: idParams,
        body: agreementStepSchema,
        response: { 200: agreementSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) => {
      return ifMatch(request, reply, async (check) =>
        withEtag(reply, await stepAgreement(depsFor(deps, request), request.params.id, request.body, check), presentAgreement),
      );
    },
  );

  app.post(
    '/api/v1/agreements/:id/programs',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Record a program as carried out under the agreement',
        params: idParams,
        body: agreementProgramSchema,
        response: { 200: programListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: [...(await linkAgreementProgram(depsFor(deps, request), request.params.id, request.body.identifier))] }),
  );

  app.delete(
    '/api/v1/agreements/:id/programs/:activityId',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Remove a program from the agreement',
        params: idParams.extend({ activityId: idParams.shape.id }),
        response: { 200: programListSchema, ...problemResponses },
      },
    },
    async (request) => ({
      items: [...(await unlinkAgreementProgram(depsFor(deps, request), request.params.id, request.params.activityId))],
    }),
  );

  app.post(
    '/api/v1/agreements/:id/documents',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Upload a document (multipart/form-data: field "title", optional "public" = true, file "file": PDF, DOCX, JPEG or PNG, checked by content, size limited). A title already used makes the next version',
        params: idParams,
        response: { 201: documentSchema, 413: problemSchema, 415: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        return sendProblem(reply, makeProblem(request, 415, 'request.unsupported_media_type', 'send the document as multipart/form-data'));
      const max = options.uploadMaxBytes;
      const form = await readMultipart(request, reply, {
        maxBytes: max,
        fileFields: ['file'],
        limits: { files: 1, fields: 4, fieldSize: 4096, parts: 6 },
        badField: (field) => `the file goes in the field "file" (got "${field}")`,
        tooManyParts: 'send one file with the fields "title" and "public"',
        tooLarge: `the file is larger than ${max} bytes`,
      });
      if (!form.ok) return form.sent;
      const { fields } = form;
      const file = form.files[0];
      if (!file)
        return sendProblem(
          reply,
          makeProblem(request, 400, 'document.missing', 'no file: send it in the field "file"', [
            { path: 'file', message: 'is required', code: 'required' },
          ]),
        );
      const meta = await uploadAgreementDocument(
        depsFor(deps, request),
        request.params.id,
        { title: fields.title ?? '', isPublic: fields.public === 'true', fileName: file.fileName, bytes: file.bytes },
        max,
      );
      return reply.code(201).send({ ...meta });
    },
  );

  app.patch(
    '/api/v1/agreement-documents/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Mark a document public or not (coordination team, owning agency); documents are never public unless marked',
        params: idParams,
        body: z.strictObject({ isPublic: z.boolean() }),
        response: { 200: documentSchema, ...problemResponses },
      },
    },
    async (request) => ({ ...(await setAgreementDocumentPublic(depsFor(deps, request), request.params.id, request.body.isPublic)) }),
  );

  app.get(
    '/api/v1/agreement-documents/:id',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Download a document (always as an attachment)',
        params: idParams,
        response: { 200: z.any().meta({ description: 'the file' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { meta, content } = await getAgreementDocument(depsFor(deps, request), request.params.id);
      return sendUploadedFile(reply, { ...meta, content });
    },
  );
}
