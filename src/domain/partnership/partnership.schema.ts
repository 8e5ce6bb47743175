/** Input schemas of partnerships: what the API, the CLI and the web forms accept. */
import { z } from 'zod';
import { cooperationTypes, flagshipAreas } from '../codes.js';
import { activityIdentifier, orgCode } from '../program/program.schema.js';
import { LIMITS, calendarDate, codeOf, countryCode, optionalText } from '../schema-helpers.js';
import { agreementKinds, agreementStatuses, type AgreementStatus } from './agreement.js';
import { engagementKinds, followUpStatuses, itemKinds, itemSides } from './engagement.js';

export const PARTNERSHIP_LIMITS = { title: LIMITS.title, text: 4000, items: 50, parties: 10, contacts: 20, pageSize: 200 } as const;

const title = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(PARTNERSHIP_LIMITS.title, { message: `must be at most ${PARTNERSHIP_LIMITS.title} characters` });
const text = optionalText(PARTNERSHIP_LIMITS.text);
const day = calendarDate.nullable().optional();

export const partyInputSchema = z
  .strictObject({
    org: orgCode.nullable().optional().meta({ description: 'organisation code of the party (a partner agency, a ministry)' }),
    country: countryCode.nullable().optional().meta({ description: "a country's government as the party" }),
  })
  .superRefine((p, ctx) => {
    if (!p.org === !p.country)
      ctx.addIssue({ code: 'custom', message: 'name either an organisation (org) or a country, not both', params: { code: 'one_party' } });
  });

const agreementFields = {
  kind: codeOf(agreementKinds, 'agreement kind'),
  titleEn: title,
  titleId: optionalText(PARTNERSHIP_LIMITS.title),
  subject: text,
  subjectId: text.meta({ description: 'the subject in Indonesian (optional)' }),
  signedOn: day,
  validFrom: day,
  validUntil: day,
  ownerOrg: orgCode
    .nullable()
    .optional()
    .meta({ description: 'the ministry or agency that owns the agreement (an agency creating it owns it)' }),
  parties: z
    .array(partyInputSchema)
    .min(1, { message: 'name at least one party besides Indonesia' })
    .max(PARTNERSHIP_LIMITS.parties, { message: `at most ${PARTNERSHIP_LIMITS.parties} parties` }),
  areas: z.array(codeOf(flagshipAreas, 'flagship area')).max(20).optional(),
  illustrative: z.boolean().optional(),
};

export const agreementInputSchema = z.strictObject({
  ...agreementFields,
  status: codeOf(agreementStatuses, 'agreement status')
    .optional()
    .meta({ description: 'default draft; an agreement recorded after the fact may start signed or in force' }),
});
export type AgreementInput = z.output<typeof agreementInputSchema>;

/** Changes to an agreement's fields; its status moves with the status step. */
export const agreementPatchSchema = z.strictObject({
  kind: agreementFields.kind.optional(),
  titleEn: title.optional(),
  titleId: agreementFields.titleId,
  subject: text,
  subjectId: agreementFields.subjectId,
  signedOn: day,
  validFrom: day,
  validUntil: day,
  ownerOrg: agreementFields.ownerOrg,
  parties: agreementFields.parties.optional(),
  areas: agreementFields.areas,
  illustrative: z.boolean().optional(),
});
export type AgreementPatch = z.output<typeof agreementPatchSchema>;

export const agreementStepSchema = z.strictObject({
  to: codeOf(agreementStatuses, 'agreement status'),
  signedOn: day.meta({ description: 'the signature date (when signing)' }),
  validFrom: day,
  validUntil: day,
  note: text,
});
export type AgreementStep = z.output<typeof agreementStepSchema>;

export const agreementProgramSchema = z.strictObject({
  identifier: activityIdentifier.meta({ description: 'the program carried out under the agreement' }),
});

const statusList = z
  .string()
  .transform((value, ctx) => {
    const out: AgreementStatus[] = [];
    for (const word of value
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean)) {
      const code = agreementStatuses.parse(word);
      if (!code) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown agreement status "${word}"; expected one of ${agreementStatuses.codes.join(', ')}`,
        });
        return z.NEVER;
      }
      if (!out.includes(code)) out.push(code);
    }
    return out;
  })
  .meta({ description: 'one status or several, comma-separated', example: 'signed,in_force' });

const searchText = z.string().trim().max(200).optional();
const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

export const agreementListQuerySchema = z.object({
  status: statusList.optional(),
  kind: codeOf(agreementKinds, 'agreement kind').optional(),
  partner: orgCode.optional().meta({ description: 'organisation code of a party' }),
  country: countryCode.optional().meta({ description: 'a country party, or the country of a party organisation' }),
  area: codeOf(flagshipAreas, 'flagship area').optional(),
  expiringWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .meta({ description: 'signed or in force, ending within this many days (or already past its end)' }),
  q: searchText.meta({ description: 'text in the reference, title or subject' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PARTNERSHIP_LIMITS.pageSize).default(50),
});
export type AgreementListQuery = z.output<typeof agreementListQuerySchema>;
export type AgreementFilter = Omit<AgreementListQuery, 'page' | 'pageSize'>;

export const itemInputSchema = z.strictObject({
  side: codeOf(itemSides, 'side'),
  kind: codeOf(itemKinds, 'item kind'),
  description: z
    .string()
    .trim()
    .min(1, { message: 'is required: what was offered or asked for' })
    .max(PARTNERSHIP_LIMITS.text, { message: `must be at most ${PARTNERSHIP_LIMITS.text} characters` }),
  descriptionId: text.meta({ description: 'the description in Indonesian (optional)' }),
  flagshipArea: codeOf(flagshipAreas, 'flagship area').nullable().optional(),
  country: countryCode.nullable().optional().meta({ description: 'the country that would benefit' }),
  illustrative: z.boolean().optional(),
});
export type ItemInput = z.output<typeof itemInputSchema>;

export const followUpInputSchema = z.strictObject({
  action: z
    .string()
    .trim()
    .max(PARTNERSHIP_LIMITS.text, { message: `must be at most ${PARTNERSHIP_LIMITS.text} characters` }),
  owner: z
    .string()
    .trim()
    .max(LIMITS.email, { message: `must be at most ${LIMITS.email} characters` })
    .nullable()
    .optional()
    .meta({ description: "who answers for it: an account's email or an organisation's code (required)" }),
  dueOn: day,
  actionId: optionalText(PARTNERSHIP_LIMITS.text).meta({ description: 'the action in Indonesian (optional)' }),
});
export type FollowUpInput = z.output<typeof followUpInputSchema>;

export const followUpPatchSchema = z.strictObject({
  action: followUpInputSchema.shape.action.optional(),
  actionId: followUpInputSchema.shape.actionId,
  owner: followUpInputSchema.shape.owner,
  dueOn: day,
  status: codeOf(followUpStatuses, 'follow-up status').optional(),
});
export type FollowUpPatch = z.output<typeof followUpPatchSchema>;

const engagementFields = {
  kind: codeOf(engagementKinds, 'engagement kind'),
  title,
  titleId: text.meta({ description: 'the title in Indonesian (optional)' }),
  purposeId: text.meta({ description: 'the purpose in Indonesian (optional)' }),
  startsOn: calendarDate,
  endsOn: day,
  place: optionalText(LIMITS.shortText),
  country: countryCode.nullable().optional().meta({ description: 'where it took place' }),
  partnerOrg: orgCode.nullable().optional().meta({ description: 'the counterpart organisation (e.g. ID of AMEXCID in the registry)' }),
  counterpart: text.meta({ description: 'who was met' }),
  delegation: text.meta({ description: "Indonesia's delegation" }),
  purpose: text,
  outcome: text,
  ownerOrg: orgCode
    .nullable()
    .optional()
    .meta({ description: 'the ministry or agency that owns the engagement (an agency recording it owns it)' }),
  illustrative: z.boolean().optional(),
};

export const engagementInputSchema = z.strictObject({
  ...engagementFields,
  items: z.array(itemInputSchema).max(PARTNERSHIP_LIMITS.items).optional(),
  followUps: z.array(followUpInputSchema).max(PARTNERSHIP_LIMITS.items).optional(),
});
export type EngagementInput = z.output<typeof engagementInputSchema>;

export const engagementPatchSchema = z.strictObject({
  kind: engagementFields.kind.optional(),
  title: title.optional(),
  titleId: engagementFields.titleId,
  purposeId: engagementFields.purposeId,
  startsOn: calendarDate.optional(),
  endsOn: day,
  place: engagementFields.place,
  country: engagementFields.country,
  partnerOrg: engagementFields.partnerOrg,
  counterpart: text,
  delegation: text,
  purpose: text,
  outcome: text,
  ownerOrg: engagementFields.ownerOrg,
  illustrative: z.boolean().optional(),
});
export type EngagementPatch = z.output<typeof engagementPatchSchema>;

export const engagementListQuerySchema = z.object({
  kind: codeOf(engagementKinds, 'engagement kind').optional(),
  partner: orgCode.optional(),
  country: countryCode.optional().meta({ description: 'where it took place, the counterpart’s country, or a country an item is for' }),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  q: searchText.meta({ description: 'text in the reference, title, purpose, counterpart or items' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PARTNERSHIP_LIMITS.pageSize).default(50),
});
export type EngagementListQuery = z.output<typeof engagementListQuerySchema>;
export type EngagementFilter = Omit<EngagementListQuery, 'page' | 'pageSize'>;

export const followUpListQuerySchema = z.object({
  status: codeOf(followUpStatuses, 'follow-up status').optional(),
  overdue: yesNo.optional().meta({ description: 'true: open and past their due day' }),
  owner: z.string().trim().max(LIMITS.email).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PARTNERSHIP_LIMITS.pageSize).default(50),
});
export type FollowUpListQuery = z.output<typeof followUpListQuerySchema>;

/** Turning an offer or a request into a program request. */
export const itemProgramSchema = z.strictObject({
  identifier: activityIdentifier
    .optional()
    .meta({ description: 'identifier of the new program (default: the engagement reference and the item number)' }),
  country: countryCode.optional().meta({ description: 'the recipient country (default: the item’s country)' }),
  titleEn: title.optional().meta({ description: 'default: the item’s description' }),
  titleId: title.optional().meta({ description: 'the title in Indonesian (optional)' }),
  implementingOrg: orgCode.nullable().optional(),
  cooperationType: codeOf(cooperationTypes, 'cooperation type')
    .optional()
    .meta({ description: 'default: triangular when the counterpart is a partner of another country than the recipient' }),
  illustrative: z.boolean().optional().meta({ description: 'default: illustrative when the item or the engagement is' }),
});
export type ItemProgramInput = z.output<typeof itemProgramSchema>;

export const contactInputSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'is required' }).max(LIMITS.shortText),
  position: optionalText(LIMITS.shortText),
  email: z.email({ message: 'must be an email address' }).max(LIMITS.email).nullable().optional(),
  phone: optionalText(60),
});

export const partnerProfileSchema = z.strictObject({
  website: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
    .max(500)
    .nullable()
    .optional(),
  notes: text,
  contacts: z.array(contactInputSchema).max(PARTNERSHIP_LIMITS.contacts).optional(),
});
export type PartnerProfileInput = z.output<typeof partnerProfileSchema>;

const year = z.coerce.number().int().min(1950).max(2100);

export const partnerListQuerySchema = z.object({
  q: searchText,
  country: countryCode.optional(),
  since: year.optional().meta({ description: 'first year counted in triangularInRange (default: all years)' }),
  upTo: year.optional().meta({ description: 'last year counted in triangularInRange (default: all years)' }),
  all: yesNo.optional().meta({ description: 'true: also organisations without any program, agreement or engagement' }),
});
export type PartnerListQuery = z.output<typeof partnerListQuerySchema>;

export const tableFormatSchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['en', 'id']).default('en') });
