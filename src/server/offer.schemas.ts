/**
 * What the offer and nomination routes read and answer (offer.routes.ts): the request and
 * response schemas (validation and OpenAPI) and the presenters that fill the responses. The
 * schemas with an id register in this order, which the OpenAPI document follows.
 */
import { z } from 'zod';
import { flagshipAreas, modalities, participantStatuses, sexes, type ParticipantStatus } from '../domain/codes.js';
import { DOCUMENT_KINDS, type DocumentMeta } from '../domain/offer/documents.js';
import { OFFER_STATUSES, type CourseOffer } from '../domain/offer/offer.js';
import type { Participant } from '../domain/participant/participant.js';
import { countryCode } from '../domain/schema-helpers.js';
import type { CatalogueEntry, ReviewCounts } from '../services/offers.ports.js';
import { pageOf, queryFlag } from './common.schemas.js';

export const offerSchema = z
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

export const catalogueEntrySchema = z.object({ offer: offerSchema, program: programCardSchema }).meta({ id: 'CatalogueEntry' });

/** An offer's page: the entry, and what the asker may do with it. */
export const offerViewSchema = catalogueEntrySchema.extend({
  acceptingNominations: z.boolean(),
  canManage: z.boolean(),
  canNominate: z.boolean(),
});

export const presentOffer = ({ deadlineAt, createdAt: _c, quotas, ...o }: CourseOffer): z.output<typeof offerSchema> => ({
  ...o,
  deadline: deadlineAt,
  quotas: quotas.map((q) => ({ ...q })),
});
export const presentEntry = (e: CatalogueEntry) => ({
  offer: presentOffer(e.offer),
  program: { ...e.program, recipients: [...e.program.recipients] },
});
export const presentOfferView = (
  v: CatalogueEntry & { readonly acceptingNominations: boolean; readonly canManage: boolean; readonly canNominate: boolean },
): z.output<typeof offerViewSchema> => ({
  ...presentEntry(v),
  acceptingNominations: v.acceptingNominations,
  canManage: v.canManage,
  canNominate: v.canNominate,
});

export const nominationSchema = z
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

/** A nominee as a service gives it: a participant, or a review item with the personal fields withheld (`personal: false`). */
type Nominee = Pick<
  Participant,
  | 'id'
  | 'activityId'
  | 'sex'
  | 'country'
  | 'organisation'
  | 'status'
  | 'reserveRank'
  | 'nominatedBy'
  | 'nominatedAt'
  | 'consentAt'
  | 'reviewNote'
  | 'statusChangedAt'
> & {
  readonly fullName: string | null;
  readonly position: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly personal?: boolean;
};

export const presentNomination = (p: Nominee): z.output<typeof nominationSchema> => ({
  id: p.id,
  activityId: p.activityId,
  fullName: p.fullName,
  sex: p.sex,
  country: p.country,
  organisation: p.organisation,
  position: p.position,
  email: p.email,
  phone: p.phone,
  status: p.status,
  reserveRank: p.reserveRank,
  nominatedBy: p.nominatedBy,
  nominatedAt: p.nominatedAt,
  consentAt: p.consentAt,
  reviewNote: p.reviewNote,
  statusChangedAt: p.statusChangedAt,
  // A participant itself (not a review item) is shown to those who may see it whole.
  personal: p.personal ?? true,
});

export const documentSchema = z
  .object({
    id: z.number().int(),
    participantId: z.number().int(),
    kind: z.enum(DOCUMENT_KINDS),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ParticipantDocument' });
export const presentDocument = (d: DocumentMeta): z.output<typeof documentSchema> => ({ ...d });

export const eventSchema = z.object({
  id: z.number().int(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  at: z.string(),
  byLabel: z.string(),
  note: z.string().nullable(),
});
/** A status event without the participant it belongs to (the answer names them already). */
export const presentEvent = <E extends { readonly participantId: number }>({ participantId: _p, ...event }: E) => event;

const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const catalogueQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  country: countryCode.optional(),
  modality: z.enum(modalities.codes).optional(),
  flagshipArea: z.enum(flagshipAreas.codes).optional(),
  open: queryFlag('only offers taking nominations now'),
  status: z.enum(OFFER_STATUSES).optional(),
  ...pageQuery,
});

export const cataloguePageSchema = pageOf(catalogueEntrySchema);

/** "selected,reserve": one or more statuses. */
const statusList = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const parsed = s.split(',').map((x) => participantStatuses.parse(x.trim()));
    const statuses = parsed.filter((x): x is ParticipantStatus => x !== undefined);
    if (statuses.length < parsed.length) {
      ctx.addIssue({ code: 'custom', message: `statuses are ${participantStatuses.codes.join(', ')}` });
      return z.NEVER;
    }
    return statuses;
  })
  .meta({ description: 'one or more statuses, comma-separated' });

export const reviewQuerySchema = z.object({
  status: statusList,
  country: countryCode.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  mine: queryFlag("only your organisation's nominees"),
  ...pageQuery,
});

export const reviewListSchema = z.object({
  items: z.array(nominationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byCountry: z.array(
      z.object({
        country: z.string(),
        total: z.number().int(),
        nominated: z.number().int(),
        holding: z.number().int(),
        reserve: z.number().int(),
        quota: z.number().int().nullable(),
      }),
    ),
  }),
  offer: offerSchema,
});

/** The counts of a review list, each country with its quota (its own, else the offer's default). */
export function presentCounts(counts: ReviewCounts, offer: CourseOffer): z.output<typeof reviewListSchema>['counts'] {
  const byStatus: Record<string, number> = {};
  for (const [status, n] of Object.entries(counts.byStatus)) if (n !== undefined) byStatus[status] = n;
  const quotaOf = (c: string) => offer.quotas.find((q) => q.country === c)?.quota ?? offer.quotaDefault;
  return { total: counts.total, byStatus, byCountry: counts.byCountry.map((c) => ({ ...c, quota: quotaOf(c.country) })) };
}

export const myNominationsQuerySchema = z.object({
  status: z.enum(participantStatuses.codes).optional(),
  offerId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

export const myNominationsSchema = pageOf(
  nominationSchema.extend({
    offerId: z.number().int().nullable(),
    programIdentifier: z.string(),
    programTitleEn: z.string().nullable(),
    programTitleId: z.string().nullable(),
    events: z.array(eventSchema),
  }),
);
