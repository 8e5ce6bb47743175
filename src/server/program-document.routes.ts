/**
 * Documents on programs (issue 25; docs/documents.md): list, upload, new versions, metadata with
 * If-Match, downloads of each version, photos' thumbnails, and the stable public address of a
 * public document (what the IATI document-link names).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { programDocumentPatchSchema } from '../domain/program/document.js';
import { makeThumbnail } from '../io/thumbnail.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  deleteProgramDocument,
  downloadProgramDocument,
  getProgramDocument,
  listProgramDocuments,
  programDocumentThumbnail,
  publicProgramDocument,
  updateProgramDocument,
  uploadProgramDocument,
  uploadProgramDocumentVersion,
  type UploadedFile,
} from '../services/program-documents.js';
import { depsFor } from './auth.js';
import { sendUploadedFile } from './downloads.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { readMultipart, type MultipartForm } from './multipart.js';
import { invalidBodyProblem, makeProblem, problemResponses, problemSchema, sendProblem, versionedWriteResponses } from './problem.js';
import {
  documentParams,
  presentProgramDocument,
  presentVersions,
  programDocumentDetailSchema,
  programDocumentFieldsSchema,
  programDocumentListSchema,
  programDocumentSchema,
  uploadFieldsOf,
  versionParams,
} from './program-document.schemas.js';

const TAGS = ['Program documents'];
const FILE_TYPES = 'PDF, DOCX, XLSX, PPTX, JPEG or PNG, checked by content; a photo must be a JPEG or PNG of at most 40 megapixels';

/** Reads an upload's form with the shared multipart reader; a missing file or a non-multipart body is answered here. */
async function readUpload(request: FastifyRequest, reply: FastifyReply, maxBytes: number): Promise<MultipartForm<'file'>> {
  if (!request.isMultipart())
    return {
      ok: false,
      sent: sendProblem(reply, makeProblem(request, 415, 'request.unsupported_media_type', 'send the document as multipart/form-data')),
    };
  const form = await readMultipart(request, reply, {
    maxBytes,
    fileFields: ['file'],
    limits: { files: 1, fields: 10, fieldSize: 4096, parts: 12 },
    badField: (field) => `the file goes in the field "file" (got "${field}")`,
    tooManyParts: 'send one file with the fields kind, category, titleEn, titleId, languages, documentDate, description and public',
    tooLarge: `the file is larger than ${maxBytes} bytes`,
  });
  if (!form.ok) return form;
  if (!form.files[0])
    return {
      ok: false,
      sent: sendProblem(
        reply,
        makeProblem(request, 400, 'document.missing', 'no file: send it in the field "file"', [
          { path: 'file', message: 'is required', code: 'required' },
        ]),
      ),
    };
  return form;
}

const fileOf = (form: { files: { fileName: string; bytes: Uint8Array }[] }): UploadedFile => {
  const [file] = form.files;
  return { fileName: file?.fileName ?? '', bytes: file?.bytes ?? new Uint8Array() };
};

export function registerProgramDocumentRoutes(
  root: FastifyInstance,
  deps: ServiceDeps,
  options: { readonly uploadMaxBytes: number },
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const uploadOptions = { maxBytes: options.uploadMaxBytes, makeThumbnail };

  app.get(
    '/api/v1/activities/:id/documents',
    {
      schema: {
        tags: TAGS,
        summary:
          "A program's documents: all of them for the coordination team and the implementing agency, the public ones for everyone else who may see the program",
        params: idParams,
        response: { 200: programDocumentListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const list = await listProgramDocuments(depsFor(deps, request), request.params.id);
      return { items: list.items.map(presentProgramDocument), canManage: list.canManage };
    },
  );

  app.post(
    '/api/v1/activities/:id/documents',
    {
      schema: {
        tags: TAGS,
        summary: `Upload a document (multipart/form-data: fields kind, optional category (IATI DocumentCategory A01–A12, else the kind's), titleEn, titleId, languages (comma-separated ISO 639-1), documentDate, description, public = true; file "file": ${FILE_TYPES}). Private unless public is sent. Coordination team and the implementing agency`,
        params: idParams,
        response: { 201: programDocumentSchema, 413: problemSchema, 415: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const form = await readUpload(request, reply, options.uploadMaxBytes);
      if (!form.ok) return form.sent;
      const fields = programDocumentFieldsSchema.safeParse(uploadFieldsOf(form.fields));
      if (!fields.success) return sendProblem(reply, invalidBodyProblem(request, fields.error));
      const document = await uploadProgramDocument(depsFor(deps, request), request.params.id, fields.data, fileOf(form), uploadOptions);
      return reply.code(201).send(withEtag(reply, document, presentProgramDocument));
    },
  );

  app.get(
    '/api/v1/activities/:id/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: 'A document with its version history (the current version alone to those who see only public documents)',
        params: documentParams,
        response: { 200: programDocumentDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { document, versions } = await getProgramDocument(depsFor(deps, request), {
        activityId: request.params.id,
        id: request.params.documentId,
      });
      return { document: withEtag(reply, document, presentProgramDocument), versions: presentVersions(versions) };
    },
  );

  app.patch(
    '/api/v1/activities/:id/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: "Change a document's metadata, marking it public or private among them (If-Match: the document's version)",
        params: documentParams,
        body: programDocumentPatchSchema,
        response: { 200: programDocumentSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const ref = { activityId: request.params.id, id: request.params.documentId };
        const document = await updateProgramDocument(depsFor(deps, request), ref, expectedVersion, request.body);
        return withEtag(reply, document, presentProgramDocument);
      }),
  );

  app.delete(
    '/api/v1/activities/:id/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a document with every version (coordination team; If-Match); the audit log keeps its metadata and checksums',
        params: documentParams,
        response: { 204: z.null().meta({ description: 'deleted' }), ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        await deleteProgramDocument(
          depsFor(deps, request),
          { activityId: request.params.id, id: request.params.documentId },
          expectedVersion,
        );
        return reply.code(204).send(null);
      }),
  );

  app.post(
    '/api/v1/activities/:id/documents/:documentId/versions',
    {
      schema: {
        tags: TAGS,
        summary: `Upload the next version of a document's file (multipart/form-data, file "file": ${FILE_TYPES}; If-Match: the document's version). Older versions stay readable to the coordination team and the implementing agency`,
        params: documentParams,
        response: { 201: programDocumentSchema, 413: problemSchema, 415: problemSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async ({ expectedVersion }) => {
        const form = await readUpload(request, reply, options.uploadMaxBytes);
        if (!form.ok) return form.sent;
        const ref = { activityId: request.params.id, id: request.params.documentId };
        const document = await uploadProgramDocumentVersion(depsFor(deps, request), ref, expectedVersion, fileOf(form), uploadOptions);
        return reply.code(201).send(withEtag(reply, document, presentProgramDocument));
      }),
  );

  app.get(
    '/api/v1/activities/:id/documents/:documentId/versions/:versionNo',
    {
      schema: {
        tags: TAGS,
        summary:
          "Download a version's file (always as an attachment); a private document's download is audited. Others than the coordination team and the implementing agency get a public document's current version only",
        params: versionParams,
        response: { 200: z.any().meta({ description: 'the file' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const ref = { activityId: request.params.id, id: request.params.documentId };
      const file = await downloadProgramDocument(depsFor(deps, request), ref, request.params.versionNo);
      return sendUploadedFile(reply, { ...file.version, content: file.content, isPublic: file.isPublic });
    },
  );

  app.get(
    '/api/v1/activities/:id/documents/:documentId/versions/:versionNo/thumbnail',
    {
      schema: {
        tags: TAGS,
        summary: "A photo version's thumbnail (JPEG, longest side 320 pixels), to whoever may see the document",
        params: versionParams,
        response: { 200: z.any().meta({ description: 'the thumbnail (image/jpeg)' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const ref = { activityId: request.params.id, id: request.params.documentId };
      const thumbnail = await programDocumentThumbnail(depsFor(deps, request), ref, request.params.versionNo);
      // An image shown inline by the page (img src): still never sniffed, and no script may run in it.
      return reply
        .header('content-type', 'image/jpeg')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', thumbnail.isPublic ? 'public, max-age=300' : 'private, no-store')
        .send(Buffer.from(thumbnail.bytes.buffer, thumbnail.bytes.byteOffset, thumbnail.bytes.byteLength));
    },
  );

  app.get(
    '/api/v1/public/documents/:id',
    {
      schema: {
        tags: TAGS,
        summary:
          "A public document's current file at its stable address (the IATI document-link's url): only a document marked public of a published program, to anyone",
        params: idParams,
        response: { 200: z.any().meta({ description: 'the file' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await publicProgramDocument(depsFor(deps, request), request.params.id);
      return sendUploadedFile(reply, { ...file.version, content: file.content, isPublic: true });
    },
  );
}
