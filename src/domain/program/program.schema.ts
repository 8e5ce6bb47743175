/**
 * Input schemas of a program (IATI "activity"): what the API, the CLI and imports accept.
 * Shape checks live here; rules that compare fields are in program.rules.ts, and rules that
 * need stored data (does the organisation exist?) are checked by the service.
 */
import { z } from 'zod';
import { activityStatuses, cooperationTypes, flagshipAreas, fundingSources, lifecycleStages, modalities, sscRoles } from '../codes.js';
import { isCodeIn } from '../reference/codelists.js';
import { parseSdgTag } from '../reference/sdgs.js';
import {
  IATI_IDENTIFIER_PATTERN,
  LIMITS,
  amountMinor,
  calendarDate,
  codeOf,
  countryCode,
  currencyCode,
  optionalText,
  percentage,
  sectorCodeProblem,
} from '../schema-helpers.js';

/**
 * IATI identifiers must not contain "/", "&", "|" or "?" nor spaces (IATI rules 1.1.x and
 * 1.8.13); the reporting-org prefix is added on export when it is missing.
 */
export const activityIdentifier = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(LIMITS.identifier, { message: `must be at most ${LIMITS.identifier} characters` })
  .regex(IATI_IDENTIFIER_PATTERN, { message: 'must not contain spaces or any of / & | ?' })
  .meta({ example: 'KSST-2018-001' });

export const orgCode = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(100, { message: 'must be at most 100 characters' })
  .meta({ description: 'organisation code (IATI organisation identifier when known)', example: 'ID-KEMLU' });

export const recipientInput = z.strictObject({
  country: countryCode,
  percentage: percentage.nullable().optional(),
});

export const partnerInput = z.strictObject({
  org: orgCode,
  iatiRole: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
    .meta({ description: 'IATI OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing' }),
  sscRole: codeOf(sscRoles, 'SSC role'),
  contributionAmount: amountMinor.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  inKind: z.boolean().optional(),
});

export const sectorInput = z
  .strictObject({
    vocabulary: z.string().trim().default('1').meta({ description: 'IATI SectorVocabulary; 1 = DAC 5-digit' }),
    code: z.string().trim().min(1),
    percentage: percentage.nullable().optional(),
  })
  .superRefine((s, ctx) => {
    const problem = sectorCodeProblem(s.vocabulary, s.code);
    if (problem)
      ctx.addIssue({ code: 'custom', path: [isCodeIn('SectorVocabulary', s.vocabulary) ? 'code' : 'vocabulary'], message: problem });
  });

/** An SDG tag: "8", "8.3", or { goal, target }. */
export const sdgInput = z
  .union([z.string(), z.number(), z.strictObject({ goal: z.number().int(), target: z.string().nullable().optional() })])
  .transform((value, ctx) => {
    const text = typeof value === 'object' ? (value.target ?? String(value.goal)) : String(value);
    const tag = parseSdgTag(text);
    if (!tag || (typeof value === 'object' && tag.goal !== value.goal)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not an SDG goal (1–17) or target (e.g. 8.3)`,
        params: { code: 'unknown_sdg', value: text },
      });
      return z.NEVER;
    }
    return tag;
  })
  .meta({ description: 'SDG goal ("8") or target ("8.3")', example: '8.3' });

export const budgetInput = z.strictObject({
  type: z
    .union([z.literal(1), z.literal(2)])
    .default(1)
    .meta({ description: 'IATI BudgetType: 1 original, 2 revised' }),
  status: z
    .union([z.literal(1), z.literal(2)])
    .default(1)
    .meta({ description: 'IATI BudgetStatus: 1 indicative, 2 committed' }),
  periodStart: calendarDate,
  periodEnd: calendarDate,
  amount: amountMinor,
  currency: currencyCode,
  valueDate: calendarDate.nullable().optional(),
});

export const transactionInput = z.strictObject({
  type: z
    .string()
    .trim()
    .refine((t) => isCodeIn('TransactionType', t), {
      message: 'must be an IATI TransactionType code (e.g. 2 commitment, 3 disbursement, 4 expenditure)',
    }),
  date: calendarDate,
  amount: amountMinor,
  currency: currencyCode,
  valueDate: calendarDate.nullable().optional(),
  description: optionalText(LIMITS.shortText),
});

const listOf = <T extends z.ZodType>(item: T) =>
  z.array(item).max(LIMITS.listItems, { message: `must have at most ${LIMITS.listItems} items` });

/** Every field of a program except its identifier, each optional (a patch). */
const programFields = {
  titleEn: optionalText(LIMITS.title),
  titleId: optionalText(LIMITS.title),
  descriptionEn: optionalText(LIMITS.description),
  descriptionId: optionalText(LIMITS.description),
  modality: codeOf(modalities, 'modality').nullable().optional(),
  flagshipArea: codeOf(flagshipAreas, 'flagship area').nullable().optional(),
  cooperationType: codeOf(cooperationTypes, 'cooperation type').optional(),
  activityStatus: codeOf(activityStatuses, 'activity status').optional(),
  lifecycleStage: codeOf(lifecycleStages, 'lifecycle stage').optional(),
  plannedStart: calendarDate.nullable().optional(),
  plannedEnd: calendarDate.nullable().optional(),
  actualStart: calendarDate.nullable().optional(),
  actualEnd: calendarDate.nullable().optional(),
  venueCity: optionalText(LIMITS.shortText),
  venueCountry: countryCode.nullable().optional(),
  implementingOrg: orgCode.nullable().optional(),
  fundingSource: codeOf(fundingSources, 'funding source').nullable().optional(),
  participantsPlanned: z.number().int().min(0).max(1_000_000).nullable().optional(),
  illustrative: z.boolean().optional(),
  recipients: listOf(recipientInput).optional(),
  partners: listOf(partnerInput).optional(),
  sectors: listOf(sectorInput).optional(),
  sdgs: listOf(sdgInput).optional(),
  budgets: listOf(budgetInput).optional(),
  transactions: listOf(transactionInput).optional(),
};

/** A new program, or a full replacement (PUT). Unknown fields are refused. */
export const programInputSchema = z.strictObject({ identifier: activityIdentifier, ...programFields });

/** A partial change (PATCH): only the fields given change; lists given replace the stored list. */
export const programPatchSchema = z.strictObject({ identifier: activityIdentifier.optional(), ...programFields });

export type ProgramInput = z.output<typeof programInputSchema>;
/** What a client sends, before parsing (amounts as strings, countries as names or codes). */
export type ProgramRequest = z.input<typeof programInputSchema>;
export type ProgramPatch = z.output<typeof programPatchSchema>;
export type RecipientInput = z.output<typeof recipientInput>;
export type PartnerInput = z.output<typeof partnerInput>;
export type SectorInput = z.output<typeof sectorInput>;
export type BudgetInput = z.output<typeof budgetInput>;
export type TransactionInput = z.output<typeof transactionInput>;
export type SdgTagInput = z.output<typeof sdgInput>;
