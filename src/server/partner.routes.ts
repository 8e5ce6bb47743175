/**
 * Partners and the partnerships seen whole: partner organisations and their relationship over
 * the years, the timeline of a partner or a country, the coordinator's attention list, and where
 * a program came from.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canReadPartnerships } from '../domain/access/policy.js';
import { organisationKinds } from '../domain/codes.js';
import { agreementStatuses } from '../domain/partnership/agreement.js';
import { itemKinds, itemSides } from '../domain/partnership/engagement.js';
import { TIMELINE_KINDS, type TimelineEntry } from '../domain/partnership/partnership.js';
import { partnerListQuerySchema, partnerProfileSchema, tableFormatSchema } from '../domain/partnership/partnership.schema.js';
import { countryCode } from '../domain/schema-helpers.js';
import { partnerTable } from '../io/partnership-tables.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  countryTimeline,
  getPartner,
  listPartners,
  partnerTimeline,
  programPartnership,
  setPartnerProfile,
  type PartnerDetail,
} from '../services/partners.js';
import { partnershipAttention } from '../services/reminders.js';
import { agreementSchema, presentAgreement } from './agreement.schemas.js';
import { depsFor } from './auth.js';
import { sendTable } from './downloads.js';
import { engagementSchema, followUpRowSchema, presentEngagement } from './engagement.schemas.js';
import { problemResponses } from './problem.js';
import { idParams } from './http-helpers.js';
import { organisationSchema } from './organisation.routes.js';
import { count, day, PARTNERSHIP_TAGS } from './partnership.schemas.js';

const codeParams = z.object({ code: z.string().min(1).max(100) });

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
    contacts: z
      .array(z.object({ name: z.string(), position: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }))
      .nullable(),
    agreements: z.array(agreementSchema),
    engagements: z.array(engagementSchema),
    canEdit: z.boolean(),
  })
  .meta({ id: 'PartnerDetail' });

const programPartnershipSchema = z.object({
  agreements: z.array(z.object({ id: count, reference: z.string(), titleEn: z.string(), status: z.enum(agreementStatuses.codes) })),
  engagementItems: z.array(
    z.object({
      engagementId: count,
      reference: z.string(),
      title: z.string(),
      startsOn: day,
      itemId: count,
      side: z.enum(itemSides.codes),
      kind: z.enum(itemKinds.codes),
    }),
  ),
  requests: z.array(z.object({ id: count, reference: z.string(), country: z.string(), topic: z.string(), receivedOn: day })),
});

function presentPartner(d: PartnerDetail): z.output<typeof partnerDetailSchema> {
  return {
    organisation: { ...d.organisation },
    website: d.website,
    notes: d.notes,
    contacts: d.contacts && [...d.contacts],
    agreements: d.agreements.map(presentAgreement),
    engagements: d.engagements.map(presentEngagement),
    canEdit: d.canEdit,
  };
}

const presentTimeline = (items: readonly TimelineEntry[]) => ({ items: [...items] });

export function registerPartnerRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/partners',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Partner organisations with their programs, triangular programs (in all and in the years asked), agreements and engagements',
        querystring: partnerListQuerySchema,
        response: {
          200: z
            .object({ items: z.array(partnerSummarySchema), triangularInRange: count, since: count.nullable(), upTo: count.nullable() })
            .meta({ id: 'PartnerList' }),
          ...problemResponses,
        },
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
          return { ...list, items: [...list.items] };
        },
      ),
  );

  app.get(
    '/api/v1/partners/export',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'The partner list as CSV or XLSX',
        querystring: partnerListQuerySchema.extend(tableFormatSchema.shape),
      },
    },
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
        tags: PARTNERSHIP_TAGS,
        summary:
          'A partner’s relationship beyond its programs: website, notes, contacts, agreements, engagements (its programs over the years are GET /api/v1/partners/{code}/profile)',
        params: codeParams,
        response: { 200: partnerDetailSchema, ...problemResponses },
      },
    },
    async (request) => presentPartner(await getPartner(depsFor(deps, request), request.params.code)),
  );

  app.put(
    '/api/v1/partners/:code/contacts',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Set a partner’s website, notes and contacts (coordination team)',
        params: codeParams,
        body: partnerProfileSchema,
        response: { 200: partnerDetailSchema, ...problemResponses },
      },
    },
    async (request) => presentPartner(await setPartnerProfile(depsFor(deps, request), request.params.code, request.body)),
  );

  app.get(
    '/api/v1/partners/:code/timeline',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'Engagements, agreements and programs of a partner on one time axis, latest first',
        params: codeParams,
        response: { 200: timelineSchema, ...problemResponses },
      },
    },
    async (request) => presentTimeline(await partnerTimeline(depsFor(deps, request), request.params.code)),
  );

  app.get(
    '/api/v1/countries/:country/partnership-timeline',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Engagements, agreements and programs of a country (held there, with its organisations, for it) on one time axis, latest first',
        params: z.object({ country: countryCode }),
        response: { 200: timelineSchema, ...problemResponses },
      },
    },
    async (request) => presentTimeline(await countryTimeline(depsFor(deps, request), request.params.country)),
  );

  app.get(
    '/api/v1/partnerships/attention',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary:
          'Overdue follow-ups and agreements ending within 180 days (or past their end): the coordinator’s home page; an agency sees its own',
        response: {
          200: z
            .object({ overdueFollowUps: z.array(followUpRowSchema), overdueTotal: count, expiringAgreements: z.array(agreementSchema) })
            .meta({ id: 'PartnershipAttention' }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const a = await partnershipAttention(depsFor(deps, request));
      return {
        overdueFollowUps: [...a.overdueFollowUps],
        overdueTotal: a.overdueTotal,
        expiringAgreements: a.expiringAgreements.map(presentAgreement),
      };
    },
  );

  app.get(
    '/api/v1/activities/:id/partnership',
    {
      schema: {
        tags: PARTNERSHIP_TAGS,
        summary: 'The agreements a program is carried out under, and the engagement items and partner governments’ requests it came from',
        params: idParams,
        response: { 200: programPartnershipSchema, ...problemResponses },
      },
    },
    async (request) => {
      const p = await programPartnership(depsFor(deps, request), request.params.id);
      return { agreements: [...p.agreements], engagementItems: [...p.engagementItems], requests: [...p.requests] };
    },
  );
}
