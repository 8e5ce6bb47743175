/** Course offers (public catalogue, management) and nominations (review, selection, documents, history). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition, DOCUMENT_KINDS, type DocumentKind } from '../domain/offer/documents.js';
import {
  nominationInputSchema,
  reviewInputSchema,
  selectInputSchema,
  statusChangeSchema,
  type NominationInput,
} from '../domain/offer/nomination.js';
import { offerInputSchema } from '../domain/offer/offer.js';
import type { Actor } from '../domain/access/actor.js';
import { actorHasRole, actorOrg, isCoordinationTeam } from '../domain/access/policy.js';
import { myNominations, nominate } from '../services/nominations.js';
import { addDocuments, getDocument, listDocuments, participantHistory, type UploadedFile } from '../services/participant-documents.js';
import { changeStatus, reviewList, reviewNominations, selectAllWithinQuotas } from '../services/selection.js';
import { getOffer, getProgramOffer, listOffers, saveOffer, setOfferStatus } from '../services/offers.js';
import type { ServiceDeps } from '../services/deps.js';
import { depsFor } from './auth.js';
import { idParams } from './http-helpers.js';
import { makeProblem, problemResponses, problemSchema, sendProblem } from './problem.js';
import { readJsonWithFiles, readMultipart, type FormFile, type MultipartOptions, type Read } from './multipart.js';
import {
  cataloguePageSchema,
  catalogueQuerySchema,
  documentSchema,
  eventSchema,
  myNominationsQuerySchema,
  myNominationsSchema,
  nominationSchema,
  offerSchema,
  offerViewSchema,
  presentCounts,
  presentDocument,
  presentEntry,
  presentEvent,
  presentNomination,
  presentOffer,
  presentOfferView,
  reviewListSchema,
  reviewQuerySchema,
} from './offer.schemas.js';

const OFFERS = ['Offers'];
const NOMINATIONS = ['Nominations'];

export interface OfferRouteOptions {
  /** Largest document upload, in bytes (MITRA_UPLOAD_MAX_BYTES). */
  readonly uploadMaxBytes: number;
  /** Called after a write that queued mail (the delivery loop sends it soon). */
  readonly mailQueued?: () => void;
}

/** A nominee's documents as a form sends them: files in the fields cv and letter only. */
const documentForm = (maxBytes: number): MultipartOptions<DocumentKind> => ({
  maxBytes,
  fileFields: DOCUMENT_KINDS,
  limits: { files: 2, fields: 5, fieldSize: 64 * 1024, parts: 8 },
  badField: (field) => `files go in the fields cv and letter (got "${field}")`,
  tooManyParts: 'at most one cv, one letter and the field "data"',
  tooLarge: `a file is larger than ${maxBytes} bytes`,
});

const uploadedFiles = (files: readonly FormFile<DocumentKind>[]): UploadedFile[] =>
  files.map((f) => ({ kind: f.field, fileName: f.fileName, bytes: f.bytes }));

/** A nomination as JSON, or as a form with the nomination as JSON in the field "data" and the files cv and letter. */
async function readNomination(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): Promise<Read<{ input: NominationInput; files: UploadedFile[] }>> {
  const read = await readJsonWithFiles(request, reply, nominationInputSchema, {
    ...documentForm(maxBytes),
    jsonField: 'data',
    notJson: 'the field "data" must hold the nomination as JSON',
  });
  return read.ok ? { ok: true, input: read.data, files: uploadedFiles(read.files) } : read;
}

export function registerOfferRoutes(root: FastifyInstance, deps: ServiceDeps, options: OfferRouteOptions): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const max = options.uploadMaxBytes;
  const kick = () => options.mailQueued?.();

  app.get(
    '/api/v1/offers',
    {
      schema: {
        tags: OFFERS,
        summary: 'The public catalogue of course offers (published programs; open and closed offers, drafts for those who manage them)',
        querystring: catalogueQuerySchema,
        response: { 200: cataloguePageSchema, 400: problemSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(
        request,
        reply,
        deps,
        { topics: ['offers', 'programs'], scope: (actor) => catalogueScope(actor, request.query.open, deps) },
        async () => {
          const { open, ...q } = request.query;
          const result = await listOffers(depsFor(deps, request), { ...q, openOnly: open });
          return { ...result, items: result.items.map(presentEntry) };
        },
      ),
  );

  app.get(
    '/api/v1/offers/:id',
    {
      schema: {
        tags: OFFERS,
        summary: "An offer's public page",
        params: idParams,
        response: { 200: offerViewSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => presentOfferView(await getOffer(depsFor(deps, request), request.params.id)),
  );

  app.get(
    '/api/v1/activities/:id/offer',
    {
      schema: {
        tags: OFFERS,
        summary: "A program's course offer (null when it has none you may see)",
        params: idParams,
        response: { 200: z.object({ offer: offerViewSchema.nullable() }), 400: problemSchema },
      },
    },
    async (request) => {
      const view = await getProgramOffer(depsFor(deps, request), request.params.id);
      return { offer: view ? presentOfferView(view) : null };
    },
  );

  app.put(
    '/api/v1/activities/:id/offer',
    {
      schema: {
        tags: OFFERS,
        summary: 'Open a program for nominations or change its offer (quotas only for its recipient countries)',
        params: idParams,
        body: offerInputSchema,
        response: { 200: offerSchema, ...problemResponses },
      },
    },
    async (request) => presentOffer(await saveOffer(depsFor(deps, request), request.params.id, request.body)),
  );

  for (const [action, to] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    app.post(
      `/api/v1/offers/:id/${action}`,
      {
        schema: {
          tags: OFFERS,
          summary: action === 'close' ? 'Close an offer (no more nominations)' : 'Reopen a closed offer',
          params: idParams,
          response: { 200: offerSchema, ...problemResponses },
        },
      },
      async (request) => presentOffer(await setOfferStatus(depsFor(deps, request), request.params.id, to)),
    );
  }

  app.post(
    '/api/v1/offers/:id/nominations',
    {
      schema: {
        tags: NOMINATIONS,
        summary:
          'Nominate a candidate: application/json (the nomination), or multipart/form-data with the field "data" (the nomination as JSON) and files "cv" and "letter" (PDF, DOCX, JPEG or PNG, checked by content; size limited). consent must be true.',
        params: idParams,
        response: {
          201: z.object({ nomination: nominationSchema, documents: z.array(documentSchema) }),
          413: problemSchema,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const nomination = await readNomination(request, reply, max);
      if (!nomination.ok) return nomination.sent;
      const result = await nominate(depsFor(deps, request), request.params.id, nomination.input, nomination.files, max);
      kick();
      reply.code(201).header('location', `/api/v1/participants/${result.participant.id}/history`);
      return { nomination: presentNomination(result.participant), documents: result.documents.map(presentDocument) };
    },
  );

  app.get(
    '/api/v1/offers/:id/nominations',
    {
      schema: {
        tags: NOMINATIONS,
        summary:
          "An offer's nominations (the review list): a page by id, filters, and the counts per status and country. Personal fields only for those allowed to see them.",
        params: idParams,
        querystring: reviewQuerySchema,
        response: { 200: reviewListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, status, ...filter } = request.query;
      const r = await reviewList(depsFor(deps, request), request.params.id, { ...filter, statuses: status }, page, pageSize);
      return {
        items: r.page.items.map(presentNomination),
        total: r.page.total,
        page: r.page.page,
        pageSize: r.page.pageSize,
        counts: presentCounts(r.counts, r.offer),
        offer: presentOffer(r.offer),
      };
    },
  );

  app.post(
    '/api/v1/offers/:id/nominations/review',
    {
      schema: {
        tags: NOMINATIONS,
        summary: 'Set nominations selected, reserve or not selected (one or many; within the quotas)',
        params: idParams,
        body: reviewInputSchema,
        response: { 200: z.object({ changed: z.number().int() }), ...problemResponses },
      },
    },
    async (request) => {
      const result = await reviewNominations(depsFor(deps, request), request.params.id, request.body);
      kick();
      return result;
    },
  );

  app.post(
    '/api/v1/offers/:id/select-within-quotas',
    {
      schema: {
        tags: NOMINATIONS,
        summary:
          "Select every candidate (nominated or reserve) within the quotas in the agency's order (ids given first, then by nomination time); the others become ranked reserves (not selected where their country has no place)",
        params: idParams,
        body: selectInputSchema.optional(),
        response: {
          200: z.object({ selected: z.number().int(), reserves: z.number().int(), notSelected: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const result = await selectAllWithinQuotas(depsFor(deps, request), request.params.id, request.body ?? {});
      kick();
      return result;
    },
  );

  app.post(
    '/api/v1/participants/:id/status',
    {
      schema: {
        tags: NOMINATIONS,
        summary:
          "A participant's next step (confirmed, withdrawn, attended, completed, …); the nominating organisation may confirm or withdraw its nominee. A withdrawal frees the place for the first reserve that fits.",
        params: idParams,
        body: statusChangeSchema,
        response: { 200: z.object({ nomination: nominationSchema, promoted: nominationSchema.nullable() }), ...problemResponses },
      },
    },
    async (request) => {
      const result = await changeStatus(depsFor(deps, request), request.params.id, request.body);
      kick();
      return { nomination: presentNomination(result.participant), promoted: result.promoted ? presentNomination(result.promoted) : null };
    },
  );

  app.get(
    '/api/v1/participants/:id/history',
    {
      schema: {
        tags: NOMINATIONS,
        summary: "A participant's status history (for those who see their personal data)",
        params: idParams,
        response: { 200: z.object({ nomination: nominationSchema, events: z.array(eventSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      const { participant, events } = await participantHistory(depsFor(deps, request), request.params.id);
      return { nomination: presentNomination(participant), events: events.map(presentEvent) };
    },
  );

  app.get(
    '/api/v1/participants/:id/documents',
    {
      schema: {
        tags: NOMINATIONS,
        summary: "A participant's documents (names, types, sizes)",
        params: idParams,
        response: { 200: z.object({ items: z.array(documentSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listDocuments(depsFor(deps, request), request.params.id)).map(presentDocument) }),
  );

  app.post(
    '/api/v1/participants/:id/documents',
    {
      schema: {
        tags: NOMINATIONS,
        summary: 'Add documents (multipart/form-data, files "cv" and/or "letter": PDF, DOCX, JPEG or PNG)',
        params: idParams,
        response: { 201: z.object({ items: z.array(documentSchema) }), 413: problemSchema, 415: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        return sendProblem(reply, makeProblem(request, 415, 'request.unsupported_media_type', 'send the files as multipart/form-data'));
      const form = await readMultipart(request, reply, documentForm(max));
      if (!form.ok) return form.sent;
      const docs = await addDocuments(depsFor(deps, request), request.params.id, uploadedFiles(form.files), max);
      return reply.code(201).send({ items: docs.map(presentDocument) });
    },
  );

  app.get(
    '/api/v1/documents/:id',
    {
      schema: {
        tags: NOMINATIONS,
        summary: 'Download a document (always as an attachment)',
        params: idParams,
        response: { 200: z.any().meta({ description: 'the file' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { meta, content } = await getDocument(depsFor(deps, request), request.params.id);
      return reply
        .header('content-type', meta.contentType)
        .header('content-disposition', contentDisposition(meta.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    },
  );

  app.get(
    '/api/v1/my/nominations',
    {
      schema: {
        tags: NOMINATIONS,
        summary: "Your organisation's nominees across offers, newest first, with their status history (embassies and focal points)",
        querystring: myNominationsQuerySchema,
        response: { 200: myNominationsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const r = await myNominations(depsFor(deps, request), filter, page, pageSize);
      return {
        ...r,
        items: r.items.map((p) => ({
          ...presentNomination(p),
          offerId: p.offerId,
          programIdentifier: p.programIdentifier,
          programTitleEn: p.programTitleEn,
          programTitleId: p.programTitleId,
          events: p.events.map(presentEvent),
        })),
      };
    },
  );
}

/**
 * Who gets the same catalogue: the coordination team (drafts and unpublished programs), an
 * agency (its own drafts too), everyone else. Offers open now depend on the time (a deadline
 * passes): such an answer is kept for the minute it was made in, at most.
 */
function catalogueScope(actor: Actor, openOnly: boolean, deps: ServiceDeps): string {
  const who = isCoordinationTeam(actor) ? 'team' : actorHasRole(actor, 'agency') ? `agency:${actorOrg(actor) ?? ''}` : 'public';
  return openOnly ? `${who}:open:${deps.clock.nowIso().slice(0, 16)}` : who;
}
