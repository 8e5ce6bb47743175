/** Course offers (public catalogue, management) and nominations (review, selection, documents, history). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flagshipAreas, modalities, participantStatuses, sexes } from '../domain/codes.js';
import { contentDisposition, DOCUMENT_KINDS, type DocumentKind, type DocumentMeta } from '../domain/offer/documents.js';
import { nominationInputSchema, reviewInputSchema, selectInputSchema, statusChangeSchema } from '../domain/offer/nomination.js';
import { OFFER_STATUSES, offerInputSchema, type CourseOffer } from '../domain/offer/offer.js';
import { countryCode } from '../domain/schema-helpers.js';
import type { Actor } from '../domain/access/actor.js';
import { actorHasRole, actorOrg, isCoordinationTeam } from '../domain/access/policy.js';
import {
  addDocuments,
  changeStatus,
  getDocument,
  listDocuments,
  myNominations,
  nominate,
  participantHistory,
  reviewList,
  reviewNominations,
  selectAllWithinQuotas,
  type UploadedFile,
} from '../services/nominations.js';
import { getOffer, getProgramOffer, listOffers, saveOffer, setOfferStatus } from '../services/offers.js';
import type { ServiceDeps } from '../services/deps.js';
import type { CatalogueEntry } from '../services/offer-ports.js';
import { depsFor } from './auth.js';
import { idParams } from './http-helpers.js';
import { makeProblem, problemResponses, problemSchema, sendProblem } from './problem.js';
import { readMultipart } from './multipart.js';

const OFFERS = ['Offers'];
const NOMINATIONS = ['Nominations'];

export interface OfferRouteOptions {
  /** Largest document upload, in bytes (MITRA_UPLOAD_MAX_BYTES). */
  readonly uploadMaxBytes: number;
  /** Called after a write that queued mail (the delivery loop sends it soon). */
  readonly mailQueued?: () => void;
}

const offerSchema = z
  .object({
    id: z.number().int(),
    activityId: z.number().int(),
    status: z.enum(OFFER_STATUSES),
    summaryEn: z.string().nullable(),
    summaryId: z.string().nullable(),
    eligibilityEn: z.string().nullable(),
    eligibilityId: z.string().nullable(),
    deadline: z.string().meta({ format: 'date-time', description: 'UTC instant: nominations at or after it are refused' }),
    quotaDefault: z.number().int().nullable(),
    quotaTotal: z.number().int().nullable(),
    completionPercent: z.number().int(),
    quotas: z.array(z.object({ country: z.string(), quota: z.number().int() })),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'CourseOffer' });

const programCardSchema = z.object({
  id: z.number().int(),
  identifier: z.string(),
  titleEn: z.string().nullable(),
  titleId: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  descriptionId: z.string().nullable(),
  modality: z.string().nullable(),
  flagshipArea: z.string().nullable(),
  lifecycleStage: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  venueCity: z.string().nullable(),
  venueCountry: z.string().nullable(),
  implementingOrg: z.string().nullable(),
  recipients: z.array(z.string()),
});

const catalogueEntrySchema = z.object({ offer: offerSchema, program: programCardSchema }).meta({ id: 'CatalogueEntry' });

const presentOffer = ({ deadlineAt, createdAt: _c, quotas, ...o }: CourseOffer): z.output<typeof offerSchema> => ({ ...o, deadline: deadlineAt, quotas: quotas.map((q) => ({ ...q })) });
const presentEntry = (e: CatalogueEntry) => ({ offer: presentOffer(e.offer), program: { ...e.program, recipients: [...e.program.recipients] } });

const reviewItemSchema = z
  .object({
    id: z.number().int(),
    activityId: z.number().int(),
    fullName: z.string().nullable(),
    sex: z.enum(sexes.codes),
    country: z.string(),
    organisation: z.string().nullable(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(participantStatuses.codes),
    reserveRank: z.number().int().nullable(),
    nominatedBy: z.string().nullable(),
    nominatedAt: z.string().nullable(),
    consentAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    statusChangedAt: z.string().nullable(),
    personal: z.boolean().meta({ description: 'false when name, email, phone and position are withheld from you' }),
  })
  .meta({ id: 'Nomination' });

const documentSchema = z
  .object({ id: z.number().int(), participantId: z.number().int(), kind: z.enum(DOCUMENT_KINDS), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), uploadedBy: z.string(), createdAt: z.string() })
  .meta({ id: 'ParticipantDocument' });
const presentDoc = (d: DocumentMeta) => ({ ...d });

const eventSchema = z.object({ id: z.number().int(), fromStatus: z.string().nullable(), toStatus: z.string(), at: z.string(), byLabel: z.string(), note: z.string().nullable() });

const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

const pick = <T extends { [k: string]: unknown }>(p: T) => ({
  id: p.id as number,
  activityId: p.activityId as number,
  fullName: p.fullName as string | null,
  sex: p.sex as (typeof sexes.codes)[number],
  country: p.country as string,
  organisation: p.organisation as string | null,
  position: p.position as string | null,
  email: p.email as string | null,
  phone: p.phone as string | null,
  status: p.status as (typeof participantStatuses.codes)[number],
  reserveRank: p.reserveRank as number | null,
  nominatedBy: p.nominatedBy as string | null,
  nominatedAt: p.nominatedAt as string | null,
  consentAt: p.consentAt as string | null,
  reviewNote: p.reviewNote as string | null,
  statusChangedAt: p.statusChangedAt as string | null,
  personal: (p.personal as boolean | undefined) ?? true,
});

function badRequest(request: FastifyRequest, reply: FastifyReply, error: z.ZodError, where: string): FastifyReply {
  const issues = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message, code: i.code }));
  return sendProblem(reply, makeProblem(request, 400, 'request.invalid', `the ${where || 'body'} has ${issues.length} invalid field(s)`, issues));
}

type Form = { ok: true; fields: Record<string, string>; files: UploadedFile[] } | { ok: false; sent: FastifyReply };

/** Reads a multipart form with limits: text fields, and files in the fields cv and letter only. */
async function readForm(request: FastifyRequest, reply: FastifyReply, maxBytes: number): Promise<Form> {
  const form = await readMultipart(request, reply, {
    maxBytes,
    fileFields: DOCUMENT_KINDS,
    limits: { files: 2, fields: 5, fieldSize: 64 * 1024, parts: 8 },
    badField: (field) => `files go in the fields cv and letter (got "${field}")`,
    tooManyParts: 'at most one cv, one letter and the field "data"',
    tooLarge: `a file is larger than ${maxBytes} bytes`,
  });
  if (!form.ok) return form;
  return { ok: true, fields: form.fields, files: form.files.map((f) => ({ kind: f.field as DocumentKind, fileName: f.fileName, bytes: f.bytes })) };
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
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          country: countryCode.optional(),
          modality: z.enum(modalities.codes).optional(),
          flagshipArea: z.enum(flagshipAreas.codes).optional(),
          open: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1').meta({ description: 'only offers taking nominations now' }),
          status: z.enum(OFFER_STATUSES).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(catalogueEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), 400: problemSchema },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: ['offers', 'programs'], scope: (actor) => catalogueScope(actor, request.query.open, deps) }, async () => {
        const { open, ...q } = request.query;
        const result = await listOffers(depsFor(deps, request), { ...q, openOnly: open });
        return { ...result, items: result.items.map(presentEntry) };
      }),
  );

  app.get(
    '/api/v1/offers/:id',
    {
      schema: {
        tags: OFFERS,
        summary: "An offer's public page",
        params: idParams,
        response: { 200: catalogueEntrySchema.extend({ acceptingNominations: z.boolean(), canManage: z.boolean(), canNominate: z.boolean() }), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const view = await getOffer(depsFor(deps, request), request.params.id);
      return { ...presentEntry(view), acceptingNominations: view.acceptingNominations, canManage: view.canManage, canNominate: view.canNominate };
    },
  );

  app.get(
    '/api/v1/activities/:id/offer',
    {
      schema: {
        tags: OFFERS,
        summary: "A program's course offer (null when it has none you may see)",
        params: idParams,
        response: { 200: z.object({ offer: catalogueEntrySchema.extend({ acceptingNominations: z.boolean(), canManage: z.boolean(), canNominate: z.boolean() }).nullable() }), 400: problemSchema },
      },
    },
    async (request) => {
      const view = await getProgramOffer(depsFor(deps, request), request.params.id);
      return { offer: view ? { ...presentEntry(view), acceptingNominations: view.acceptingNominations, canManage: view.canManage, canNominate: view.canNominate } : null };
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

  for (const [action, to] of [['close', 'closed'], ['reopen', 'open']] as const) {
    app.post(
      `/api/v1/offers/:id/${action}`,
      { schema: { tags: OFFERS, summary: action === 'close' ? 'Close an offer (no more nominations)' : 'Reopen a closed offer', params: idParams, response: { 200: offerSchema, ...problemResponses } } },
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
        response: { 201: z.object({ nomination: reviewItemSchema, documents: z.array(documentSchema) }), 413: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      let body: unknown = request.body;
      let files: UploadedFile[] = [];
      if (request.isMultipart()) {
        const form = await readForm(request, reply, max);
        if (!form.ok) return form.sent;
        files = form.files;
        try {
          body = JSON.parse(form.fields.data ?? '');
        } catch {
          return sendProblem(reply, makeProblem(request, 400, 'request.invalid', 'the field "data" must hold the nomination as JSON', [{ path: 'data', message: 'must be JSON', code: 'invalid_json' }]));
        }
      }
      const parsed = nominationInputSchema.safeParse(body);
      if (!parsed.success) return badRequest(request, reply, parsed.error, '');
      const result = await nominate(depsFor(deps, request), request.params.id, parsed.data, files, max);
      kick();
      reply.code(201).header('location', `/api/v1/participants/${result.participant.id}/history`);
      return { nomination: pick({ ...result.participant }), documents: result.documents.map(presentDoc) };
    },
  );

  app.get(
    '/api/v1/offers/:id/nominations',
    {
      schema: {
        tags: NOMINATIONS,
        summary: "An offer's nominations (the review list): a page by id, filters, and the counts per status and country. Personal fields only for those allowed to see them.",
        params: idParams,
        querystring: z.object({
          status: z
            .string()
            .optional()
            .transform((s, ctx) => {
              if (!s) return undefined;
              const list = s.split(',').map((x) => participantStatuses.parse(x.trim()));
              if (list.some((x) => x === undefined)) {
                ctx.addIssue({ code: 'custom', message: `statuses are ${participantStatuses.codes.join(', ')}` });
                return z.NEVER;
              }
              return list as (typeof participantStatuses.codes)[number][];
            })
            .meta({ description: 'one or more statuses, comma-separated' }),
          country: countryCode.optional(),
          q: z.string().trim().min(1).max(200).optional(),
          mine: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1').meta({ description: "only your organisation's nominees" }),
          ...pageQuery,
        }),
        response: {
          200: z.object({
            items: z.array(reviewItemSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            counts: z.object({
              total: z.number().int(),
              byStatus: z.record(z.string(), z.number().int()),
              byCountry: z.array(z.object({ country: z.string(), total: z.number().int(), nominated: z.number().int(), holding: z.number().int(), reserve: z.number().int(), quota: z.number().int().nullable() })),
            }),
            offer: offerSchema,
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { page, pageSize, status, ...filter } = request.query;
      const r = await reviewList(depsFor(deps, request), request.params.id, { ...filter, statuses: status }, page, pageSize);
      const quotaOf = (c: string) => r.offer.quotas.find((q) => q.country === c)?.quota ?? r.offer.quotaDefault;
      return {
        items: r.page.items.map((p) => pick({ ...p })),
        total: r.page.total,
        page: r.page.page,
        pageSize: r.page.pageSize,
        counts: { total: r.counts.total, byStatus: { ...r.counts.byStatus } as Record<string, number>, byCountry: r.counts.byCountry.map((c) => ({ ...c, quota: quotaOf(c.country) })) },
        offer: presentOffer(r.offer),
      };
    },
  );

  app.post(
    '/api/v1/offers/:id/nominations/review',
    { schema: { tags: NOMINATIONS, summary: 'Set nominations selected, reserve or not selected (one or many; within the quotas)', params: idParams, body: reviewInputSchema, response: { 200: z.object({ changed: z.number().int() }), ...problemResponses } } },
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
        summary: "Select every candidate (nominated or reserve) within the quotas in the agency's order (ids given first, then by nomination time); the others become ranked reserves (not selected where their country has no place)",
        params: idParams,
        body: selectInputSchema.optional(),
        response: { 200: z.object({ selected: z.number().int(), reserves: z.number().int(), notSelected: z.number().int() }), ...problemResponses },
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
        summary: "A participant's next step (confirmed, withdrawn, attended, completed, …); the nominating organisation may confirm or withdraw its nominee. A withdrawal frees the place for the first reserve that fits.",
        params: idParams,
        body: statusChangeSchema,
        response: { 200: z.object({ nomination: reviewItemSchema, promoted: reviewItemSchema.nullable() }), ...problemResponses },
      },
    },
    async (request) => {
      const result = await changeStatus(depsFor(deps, request), request.params.id, request.body);
      kick();
      return { nomination: pick({ ...result.participant }), promoted: result.promoted ? pick({ ...result.promoted }) : null };
    },
  );

  app.get(
    '/api/v1/participants/:id/history',
    { schema: { tags: NOMINATIONS, summary: "A participant's status history (for those who see their personal data)", params: idParams, response: { 200: z.object({ nomination: reviewItemSchema, events: z.array(eventSchema) }), ...problemResponses } } },
    async (request) => {
      const { participant, events } = await participantHistory(depsFor(deps, request), request.params.id);
      return { nomination: pick({ ...participant }), events: events.map(({ participantId: _p, ...e }) => e) };
    },
  );

  app.get(
    '/api/v1/participants/:id/documents',
    { schema: { tags: NOMINATIONS, summary: "A participant's documents (names, types, sizes)", params: idParams, response: { 200: z.object({ items: z.array(documentSchema) }), ...problemResponses } } },
    async (request) => ({ items: (await listDocuments(depsFor(deps, request), request.params.id)).map(presentDoc) }),
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
      if (!request.isMultipart()) return sendProblem(reply, makeProblem(request, 415, 'request.unsupported_media_type', 'send the files as multipart/form-data'));
      const form = await readForm(request, reply, max);
      if (!form.ok) return form.sent;
      const docs = await addDocuments(depsFor(deps, request), request.params.id, form.files, max);
      return reply.code(201).send({ items: docs.map(presentDoc) });
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
        querystring: z.object({ status: z.enum(participantStatuses.codes).optional(), offerId: z.coerce.number().int().positive().optional(), ...pageQuery }),
        response: {
          200: z.object({
            items: z.array(reviewItemSchema.extend({ offerId: z.number().int().nullable(), programIdentifier: z.string(), programTitleEn: z.string().nullable(), programTitleId: z.string().nullable(), events: z.array(eventSchema) })),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const r = await myNominations(depsFor(deps, request), filter, page, pageSize);
      return {
        ...r,
        items: r.items.map((p) => ({ ...pick({ ...p }), offerId: p.offerId, programIdentifier: p.programIdentifier, programTitleEn: p.programTitleEn, programTitleId: p.programTitleId, events: p.events.map(({ participantId: _p, ...e }) => e) })),
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
