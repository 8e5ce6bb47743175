/**
 * Partnerships: partner organisations and their relationship over the years, agreements with
 * their documents, engagements with their offers, requests and follow-ups, timelines, the
 * coordinator's attention list, and every list as CSV or XLSX.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cooperationTypes, flagshipAreas, lifecycleStages, organisationKinds } from '../domain/codes.js';
import { canReadPartnerships } from '../domain/access/policy.js';
import { contentDisposition } from '../domain/offer/documents.js';
import { agreementKinds, agreementStatuses } from '../domain/partnership/agreement.js';
import { engagementKinds, followUpStatuses, itemKinds, itemSides } from '../domain/partnership/engagement.js';
import { TIMELINE_KINDS, type AgreementWithRenewal, type Engagement, type TimelineEntry } from '../domain/partnership/partnership.js';
import {
  agreementInputSchema,
  agreementListQuerySchema,
  agreementPatchSchema,
  agreementProgramSchema,
  agreementStepSchema,
  engagementInputSchema,
  engagementListQuerySchema,
  engagementPatchSchema,
  followUpInputSchema,
  followUpListQuerySchema,
  followUpPatchSchema,
  itemInputSchema,
  itemProgramSchema,
  partnerListQuerySchema,
  partnerProfileSchema,
  tableFormatSchema,
} from '../domain/partnership/partnership.schema.js';
import { countryCode } from '../domain/schema-helpers.js';
import { agreementTable, allPages, engagementTable, followUpTable, partnerTable } from '../io/partnership-tables.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  addEngagementItem,
  addFollowUp,
  countryTimeline,
  createAgreement,
  createEngagement,
  deleteAgreement,
  deleteEngagement,
  deleteEngagementItem,
  getAgreement,
  getAgreementDocument,
  getEngagement,
  getPartner,
  itemToProgram,
  linkAgreementProgram,
  listAgreements,
  listEngagements,
  listFollowUps,
  listPartners,
  partnershipAttention,
  partnerTimeline,
  patchAgreement,
  patchEngagement,
  patchFollowUp,
  programPartnership,
  sendRenewalReminders,
  setAgreementDocumentPublic,
  setPartnerProfile,
  stepAgreement,
  unlinkAgreementProgram,
  uploadAgreementDocument,
} from '../services/partnerships.js';
import { depsFor } from './auth.js';
import { sendTable } from './downloads.js';
import { badIfMatch, etagOf, idParams, readIfMatch } from './http-helpers.js';
import { makeProblem, problemSchema, sendProblem } from './problem.js';
import { organisationSchema } from './organisation.routes.js';
import { readMultipart } from './multipart.js';

const PARTNERS = ['Partnerships'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const count = z.number().int();
const day = z.string().meta({ format: 'date' });
const codeParams = z.object({ code: z.string().min(1).max(100) });

const programRefSchema = z
  .object({
    id: count,
    identifier: z.string(),
    titleEn: z.string().nullable(),
    titleId: z.string().nullable(),
    year: count.nullable(),
    start: day.nullable(),
    lifecycleStage: z.enum(lifecycleStages.codes),
    cooperationType: z.enum(cooperationTypes.codes),
  })
  .meta({ id: 'PartnershipProgram' });

const renewalSchema = z
  .object({
    daysLeft: count.nullable(),
    remindersDue: z.array(count),
    nextReminder: day.nullable(),
    expiringSoon: z.boolean(),
    overdue: z.boolean(),
  })
  .meta({ id: 'RenewalState' });

export const agreementSchema = z
  .object({
    id: count,
    reference: z.string().meta({ example: 'AGR-2017-0001' }),
    kind: z.enum(agreementKinds.codes),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    subject: z.string().nullable(),
    status: z.enum(agreementStatuses.codes),
    signedOn: day.nullable(),
    validFrom: day.nullable(),
    validUntil: day.nullable(),
    ownerOrg: z.string().nullable(),
    parties: z.array(z.object({ org: z.string().nullable(), orgName: z.string().nullable(), country: z.string().nullable() })),
    areas: z.array(z.enum(flagshipAreas.codes)),
    illustrative: z.boolean(),
    programCount: count,
    documentCount: count,
    renewal: renewalSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: count,
  })
  .meta({ id: 'Agreement' });

const documentSchema = z
  .object({
    id: count,
    agreementId: count,
    title: z.string(),
    versionNo: count,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: count,
    sha256: z.string(),
    isPublic: z.boolean(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'AgreementDocument' });

const agreementDetailSchema = z
  .object({
    agreement: agreementSchema,
    programs: z.array(programRefSchema),
    documents: z.array(documentSchema),
    canEdit: z.boolean(),
    nextStatuses: z.array(z.enum(agreementStatuses.codes)),
  })
  .meta({ id: 'AgreementDetail' });

const followUpSchema = z
  .object({
    id: count,
    engagementId: count,
    action: z.string(),
    owner: z.string(),
    dueOn: day.nullable(),
    status: z.enum(followUpStatuses.codes),
    doneOn: day.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'FollowUp' });

const followUpRowSchema = followUpSchema.extend({ engagementReference: z.string(), engagementTitle: z.string(), ownerOrg: z.string().nullable() }).meta({ id: 'FollowUpRow' });

export const engagementSchema = z
  .object({
    id: count,
    reference: z.string().meta({ example: 'ENG-2017-0002' }),
    kind: z.enum(engagementKinds.codes),
    title: z.string(),
    startsOn: day,
    endsOn: day.nullable(),
    place: z.string().nullable(),
    country: z.string().nullable(),
    partnerOrg: z.string().nullable(),
    partnerName: z.string().nullable(),
    counterpart: z.string().nullable(),
    delegation: z.string().nullable(),
    purpose: z.string().nullable(),
    outcome: z.string().nullable(),
    ownerOrg: z.string().nullable(),
    illustrative: z.boolean(),
    items: z.array(
      z.object({
        id: count,
        side: z.enum(itemSides.codes),
        kind: z.enum(itemKinds.codes),
        description: z.string(),
        flagshipArea: z.enum(flagshipAreas.codes).nullable(),
        country: z.string().nullable(),
        illustrative: z.boolean(),
        program: programRefSchema.nullable().meta({ description: 'the program request it became' }),
      }),
    ),
    followUps: z.array(followUpSchema),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: count,
    canEdit: z.boolean().optional(),
  })
  .meta({ id: 'Engagement' });

const timelineSchema = z
  .object({
    items: z.array(
      z.object({
        date: day,
        kind: z.enum(TIMELINE_KINDS),
        id: count,
        reference: z.string(),
        title: z.string(),
        titleId: z.string().nullable(),
        status: z.string().meta({ description: 'engagement kind, agreement status or program stage' }),
        partner: z.string().nullable(),
        country: z.string().nullable(),
        fromEngagement: z.string().nullable().meta({ description: 'for a program: the engagement it came from' }),
      }),
    ),
  })
  .meta({ id: 'PartnershipTimeline' });

const partnerSummarySchema = z
  .object({
    code: z.string(),
    nameEn: z.string(),
    nameId: z.string().nullable(),
    acronym: z.string().nullable(),
    kind: z.enum(organisationKinds.codes),
    country: z.string().nullable(),
    programs: count,
    triangular: count,
    triangularInRange: count,
    agreements: count,
    engagements: count,
    lastEngagement: day.nullable(),
  })
  .meta({ id: 'PartnerSummary' });

const partnerDetailSchema = z
  .object({
    organisation: organisationSchema,
    website: z.string().nullable(),
    notes: z.string().nullable(),
    contacts: z.array(z.object({ name: z.string(), position: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })).nullable(),
    agreements: z.array(agreementSchema),
    engagements: z.array(engagementSchema),
    canEdit: z.boolean(),
  })
  .meta({ id: 'PartnerDetail' });

const page = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item), total: count, page: count, pageSize: count }).meta({ id });

const presentAgreement = (a: AgreementWithRenewal): z.output<typeof agreementSchema> => JSON.parse(JSON.stringify(a)) as z.output<typeof agreementSchema>;
const presentEngagement = (e: Engagement & { canEdit?: boolean }): z.output<typeof engagementSchema> => JSON.parse(JSON.stringify(e)) as z.output<typeof engagementSchema>;
const presentTimeline = (items: readonly TimelineEntry[]) => ({ items: items.map((i) => ({ ...i })) });

function withAgreementEtag(reply: FastifyReply, a: AgreementWithRenewal) {
  reply.header('etag', etagOf(a.version));
  return presentAgreement(a);
}

function withEngagementEtag(reply: FastifyReply, e: Engagement & { canEdit?: boolean }) {
  reply.header('etag', etagOf(e.version));
  return presentEngagement(e);
}

export interface PartnershipRouteOptions {
  readonly uploadMaxBytes: number;
  readonly publicUrl: string;
  readonly mailQueued?: () => void;
}

export function registerPartnershipRoutes(root: FastifyInstance, deps: ServiceDeps, options: PartnershipRouteOptions): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  // ---- partners ----

  app.get(
    '/api/v1/partners',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Partner organisations with their programs, triangular programs (in all and in the years asked), agreements and engagements',
        querystring: partnerListQuerySchema,
        response: { 200: z.object({ items: z.array(partnerSummarySchema), triangularInRange: count, since: count.nullable(), upTo: count.nullable() }).meta({ id: 'PartnerList' }), ...errors },
      },
    },
    (request, reply) =>
      request.server.answers.reply(
        request,
        reply,
        deps,
        // The public sees published programs and agreements in force, without engagements.
        { topics: ['programs', 'partnerships'], scope: (actor) => (canReadPartnerships(actor) ? 'partnerships' : 'public') },
        async () => {
          const list = await listPartners(depsFor(deps, request), request.query);
          return { ...list, items: list.items.map((p) => ({ ...p })) };
        },
      ),
  );

  app.get(
    '/api/v1/partners/export',
    { schema: { tags: PARTNERS, summary: 'The partner list as CSV or XLSX', querystring: partnerListQuerySchema.extend(tableFormatSchema.shape) } },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const list = await listPartners(depsFor(deps, request), query);
      return sendTable(reply, { format, ...partnerTable(list.items, query, lang) });
    },
  );

  app.get(
    '/api/v1/partners/:code',
    {
      schema: {
        tags: PARTNERS,
        summary: 'A partner’s relationship beyond its programs: website, notes, contacts, agreements, engagements (its programs over the years are GET /api/v1/partners/{code}/profile)',
        params: codeParams,
        response: { 200: partnerDetailSchema, ...errors },
      },
    },
    async (request) => {
      const d = await getPartner(depsFor(deps, request), request.params.code);
      return JSON.parse(JSON.stringify(d)) as z.output<typeof partnerDetailSchema>;
    },
  );

  app.put(
    '/api/v1/partners/:code/contacts',
    {
      schema: { tags: PARTNERS, summary: 'Set a partner’s website, notes and contacts (coordination team)', params: codeParams, body: partnerProfileSchema, response: { 200: partnerDetailSchema, ...errors } },
    },
    async (request) => JSON.parse(JSON.stringify(await setPartnerProfile(depsFor(deps, request), request.params.code, request.body))) as z.output<typeof partnerDetailSchema>,
  );

  app.get(
    '/api/v1/partners/:code/timeline',
    { schema: { tags: PARTNERS, summary: 'Engagements, agreements and programs of a partner on one time axis, latest first', params: codeParams, response: { 200: timelineSchema, ...errors } } },
    async (request) => presentTimeline(await partnerTimeline(depsFor(deps, request), request.params.code)),
  );

  app.get(
    '/api/v1/countries/:country/partnership-timeline',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Engagements, agreements and programs of a country (held there, with its organisations, for it) on one time axis, latest first',
        params: z.object({ country: countryCode }),
        response: { 200: timelineSchema, ...errors },
      },
    },
    async (request) => presentTimeline(await countryTimeline(depsFor(deps, request), request.params.country)),
  );

  app.get(
    '/api/v1/partnerships/attention',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Overdue follow-ups and agreements ending within 180 days (or past their end): the coordinator’s home page; an agency sees its own',
        response: { 200: z.object({ overdueFollowUps: z.array(followUpRowSchema), overdueTotal: count, expiringAgreements: z.array(agreementSchema) }).meta({ id: 'PartnershipAttention' }), ...errors },
      },
    },
    async (request) => {
      const a = await partnershipAttention(depsFor(deps, request));
      return { overdueFollowUps: a.overdueFollowUps.map((f) => ({ ...f })), overdueTotal: a.overdueTotal, expiringAgreements: a.expiringAgreements.map(presentAgreement) };
    },
  );

  app.get(
    '/api/v1/activities/:id/partnership',
    {
      schema: {
        tags: PARTNERS,
        summary: 'The agreements a program is carried out under, and the engagement items and partner governments’ requests it came from',
        params: idParams,
        response: {
          200: z.object({
            agreements: z.array(z.object({ id: count, reference: z.string(), titleEn: z.string(), status: z.enum(agreementStatuses.codes) })),
            engagementItems: z.array(z.object({ engagementId: count, reference: z.string(), title: z.string(), startsOn: day, itemId: count, side: z.enum(itemSides.codes), kind: z.enum(itemKinds.codes) })),
            requests: z.array(z.object({ id: count, reference: z.string(), country: z.string(), topic: z.string(), receivedOn: day })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = await programPartnership(depsFor(deps, request), request.params.id);
      return { agreements: p.agreements.map((a) => ({ ...a })), engagementItems: p.engagementItems.map((i) => ({ ...i })), requests: p.requests.map((r) => ({ ...r })) };
    },
  );

  // ---- agreements ----

  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Agreements, latest signed first (the public and focal points see signed agreements only)',
        querystring: agreementListQuerySchema,
        response: { 200: page(agreementSchema, 'AgreementPage'), ...errors },
      },
    },
    async (request) => {
      const result = await listAgreements(depsFor(deps, request), request.query);
      return { ...result, items: result.items.map(presentAgreement) };
    },
  );

  app.get(
    '/api/v1/agreements/export',
    { schema: { tags: PARTNERS, summary: 'The agreements of a filter as CSV or XLSX', querystring: agreementListQuerySchema.omit({ page: true, pageSize: true }).extend(tableFormatSchema.shape) } },
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
        tags: PARTNERS,
        summary: 'Record an agreement (coordination team; an agency for itself). Dates are checked against its status',
        body: agreementInputSchema,
        response: { 201: agreementSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createAgreement(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/agreements/${created.id}`);
      return withAgreementEtag(reply, created);
    },
  );

  app.post(
    '/api/v1/agreements/reminders',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Queue the renewal reminders that are due (180, 90, 30 days before the end of validity), each once (coordination team; run daily)',
        response: { 200: z.object({ agreements: z.array(z.object({ reference: z.string(), validUntil: day, daysLeft: count, reminder: count, recipients: count })) }), ...errors },
      },
    },
    async (request) => {
      const report = await sendRenewalReminders(depsFor(deps, request), { publicUrl: options.publicUrl });
      options.mailQueued?.();
      return { agreements: report.agreements.map((a) => ({ ...a })) };
    },
  );

  app.get(
    '/api/v1/agreements/:id',
    { schema: { tags: PARTNERS, summary: 'An agreement with its programs, documents and renewal state', params: idParams, response: { 200: agreementDetailSchema, ...errors } } },
    async (request, reply) => {
      const d = await getAgreement(depsFor(deps, request), request.params.id);
      reply.header('etag', etagOf(d.agreement.version));
      return JSON.parse(JSON.stringify(d)) as z.output<typeof agreementDetailSchema>;
    },
  );

  app.patch(
    '/api/v1/agreements/:id',
    { schema: { tags: PARTNERS, summary: 'Change an agreement’s fields (coordination team, owning agency); If-Match honoured', params: idParams, body: agreementPatchSchema, response: { 200: agreementSchema, ...errors } } },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      return withAgreementEtag(reply, await patchAgreement(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version }));
    },
  );

  app.delete(
    '/api/v1/agreements/:id',
    { schema: { tags: PARTNERS, summary: 'Delete an agreement recorded by mistake: a draft or one under negotiation (coordination team, owning agency); If-Match honoured', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      await deleteAgreement(depsFor(deps, request), request.params.id, { expectedVersion: ifMatch.version });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/agreements/:id/status',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Move an agreement to its next status (draft → negotiation → signed → in force → expired or terminated), with the dates the step needs; If-Match honoured',
        params: idParams,
        body: agreementStepSchema,
        response: { 200: agreementSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      return withAgreementEtag(reply, await stepAgreement(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version }));
    },
  );

  app.post(
    '/api/v1/agreements/:id/programs',
    { schema: { tags: PARTNERS, summary: 'Record a program as carried out under the agreement', params: idParams, body: agreementProgramSchema, response: { 200: z.object({ items: z.array(programRefSchema) }), ...errors } } },
    async (request) => ({ items: (await linkAgreementProgram(depsFor(deps, request), request.params.id, request.body.identifier)).map((p) => ({ ...p })) }),
  );

  app.delete(
    '/api/v1/agreements/:id/programs/:activityId',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Remove a program from the agreement',
        params: idParams.extend({ activityId: idParams.shape.id }),
        response: { 200: z.object({ items: z.array(programRefSchema) }), ...errors },
      },
    },
    async (request) => ({ items: (await unlinkAgreementProgram(depsFor(deps, request), request.params.id, request.params.activityId)).map((p) => ({ ...p })) }),
  );

  app.post(
    '/api/v1/agreements/:id/documents',
    {
      schema: {
        tags: PARTNERS,
        summary:
          'Upload a document (multipart/form-data: field "title", optional "public" = true, file "file": PDF, DOCX, JPEG or PNG, checked by content, size limited). A title already used makes the next version',
        params: idParams,
        response: { 201: documentSchema, 413: problemSchema, 415: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) return sendProblem(reply, makeProblem(request, 415, 'request.unsupported_media_type', 'send the document as multipart/form-data'));
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
      if (!file) return sendProblem(reply, makeProblem(request, 400, 'document.missing', 'no file: send it in the field "file"', [{ path: 'file', message: 'is required', code: 'required' }]));
      const meta = await uploadAgreementDocument(depsFor(deps, request), request.params.id, { title: fields.title ?? '', isPublic: fields.public === 'true', fileName: file.fileName, bytes: file.bytes }, max);
      return reply.code(201).send({ ...meta });
    },
  );

  app.patch(
    '/api/v1/agreement-documents/:id',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Mark a document public or not (coordination team, owning agency); documents are never public unless marked',
        params: idParams,
        body: z.strictObject({ isPublic: z.boolean() }),
        response: { 200: documentSchema, ...errors },
      },
    },
    async (request) => ({ ...(await setAgreementDocumentPublic(depsFor(deps, request), request.params.id, request.body.isPublic)) }),
  );

  app.get(
    '/api/v1/agreement-documents/:id',
    { schema: { tags: PARTNERS, summary: 'Download a document (always as an attachment)', params: idParams, response: { 200: z.any().meta({ description: 'the file' }), ...errors } } },
    async (request, reply) => {
      const { meta, content } = await getAgreementDocument(depsFor(deps, request), request.params.id);
      return reply
        .header('content-type', meta.contentType)
        .header('content-disposition', contentDisposition(meta.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', meta.isPublic ? 'public, max-age=300' : 'private, no-store')
        .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    },
  );

  // ---- engagements ----

  app.get(
    '/api/v1/engagements',
    { schema: { tags: PARTNERS, summary: 'Engagements (visits, meetings, conferences, calls), latest first', querystring: engagementListQuerySchema, response: { 200: page(engagementSchema, 'EngagementPage'), ...errors } } },
    async (request) => {
      const result = await listEngagements(depsFor(deps, request), request.query);
      return { ...result, items: result.items.map(presentEngagement) };
    },
  );

  app.get(
    '/api/v1/engagements/export',
    { schema: { tags: PARTNERS, summary: 'The engagements of a filter as CSV or XLSX', querystring: engagementListQuerySchema.omit({ page: true, pageSize: true }).extend(tableFormatSchema.shape) } },
    async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const d = depsFor(deps, request);
      const items = await allPages((p) => listEngagements(d, { ...filter, page: p, pageSize: 200 }));
      return sendTable(reply, { format, ...engagementTable(items, lang) });
    },
  );

  app.post(
    '/api/v1/engagements',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Record an engagement with the offers and requests on each side and its follow-ups (each needs an owner)',
        body: engagementInputSchema,
        response: { 201: engagementSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createEngagement(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/engagements/${created.id}`);
      return withEngagementEtag(reply, created);
    },
  );

  app.get(
    '/api/v1/engagements/:id',
    { schema: { tags: PARTNERS, summary: 'An engagement with its items (and the programs they became) and follow-ups', params: idParams, response: { 200: engagementSchema, ...errors } } },
    async (request, reply) => withEngagementEtag(reply, await getEngagement(depsFor(deps, request), request.params.id)),
  );

  app.patch(
    '/api/v1/engagements/:id',
    { schema: { tags: PARTNERS, summary: 'Change an engagement’s fields (coordination team, owning agency); If-Match honoured', params: idParams, body: engagementPatchSchema, response: { 200: engagementSchema, ...errors } } },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      return withEngagementEtag(reply, await patchEngagement(depsFor(deps, request), request.params.id, request.body, { expectedVersion: ifMatch.version }));
    },
  );

  app.delete(
    '/api/v1/engagements/:id',
    { schema: { tags: PARTNERS, summary: 'Delete an engagement recorded by mistake, unless an item became a program request (coordination team, owning agency); If-Match honoured', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const ifMatch = readIfMatch(request);
      if (!ifMatch.ok) return badIfMatch(request, reply);
      await deleteEngagement(depsFor(deps, request), request.params.id, { expectedVersion: ifMatch.version });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/engagements/:id/items',
    { schema: { tags: PARTNERS, summary: 'Add an offer or a request made at the engagement', params: idParams, body: itemInputSchema, response: { 201: engagementSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(presentEngagement(await addEngagementItem(depsFor(deps, request), request.params.id, request.body))),
  );

  app.delete(
    '/api/v1/engagement-items/:id',
    { schema: { tags: PARTNERS, summary: 'Remove an offer or request (not once it became a program request)', params: idParams, response: { 200: engagementSchema, ...errors } } },
    async (request) => presentEngagement(await deleteEngagementItem(depsFor(deps, request), request.params.id)),
  );

  app.post(
    '/api/v1/engagement-items/:id/program',
    {
      schema: {
        tags: PARTNERS,
        summary: 'Turn an offer or a request into a program request (a program in the request stage), keeping the link',
        params: idParams,
        body: itemProgramSchema,
        response: { 201: z.object({ engagement: engagementSchema, program: programRefSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const { engagement, activity } = await itemToProgram(depsFor(deps, request), request.params.id, request.body);
      const program = engagement.items.find((i) => i.id === request.params.id)?.program;
      reply.code(201).header('location', `/api/v1/activities/${activity.id}`);
      return { engagement: presentEngagement(engagement), program: { ...(program ?? { id: activity.id, identifier: activity.identifier, titleEn: activity.titleEn, titleId: activity.titleId, year: activity.year, start: activity.plannedStart, lifecycleStage: activity.lifecycleStage, cooperationType: activity.cooperationType }) } };
    },
  );

  app.post(
    '/api/v1/engagements/:id/follow-ups',
    { schema: { tags: PARTNERS, summary: 'Add a follow-up action (an owner is required: an account’s email or an organisation’s code)', params: idParams, body: followUpInputSchema, response: { 201: engagementSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(presentEngagement(await addFollowUp(depsFor(deps, request), request.params.id, request.body))),
  );

  app.patch(
    '/api/v1/follow-ups/:id',
    { schema: { tags: PARTNERS, summary: 'Change a follow-up: done, cancelled, a new due day or owner (its owner may close it too)', params: idParams, body: followUpPatchSchema, response: { 200: followUpSchema, ...errors } } },
    async (request) => ({ ...(await patchFollowUp(depsFor(deps, request), request.params.id, request.body)) }),
  );

  app.get(
    '/api/v1/follow-ups',
    { schema: { tags: PARTNERS, summary: 'Follow-up actions, earliest due first', querystring: followUpListQuerySchema, response: { 200: page(followUpRowSchema, 'FollowUpPage'), ...errors } } },
    async (request) => {
      const result = await listFollowUps(depsFor(deps, request), request.query);
      return { ...result, items: result.items.map((f) => ({ ...f })) };
    },
  );

  app.get(
    '/api/v1/follow-ups/export',
    { schema: { tags: PARTNERS, summary: 'Follow-up actions as CSV or XLSX', querystring: followUpListQuerySchema.omit({ page: true, pageSize: true }).extend(tableFormatSchema.shape) } },
    async (request, reply) => {
      const { format, lang, ...filter } = request.query;
      const d = depsFor(deps, request);
      const items = await allPages((p) => listFollowUps(d, { ...filter, page: p, pageSize: 200 }));
      return sendTable(reply, { format, ...followUpTable(items, lang) });
    },
  );
}
