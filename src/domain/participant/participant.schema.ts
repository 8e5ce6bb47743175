import { z } from 'zod';
import { participantStatuses, sexes } from '../codes.js';
import { LIMITS, codeOf, countryCode, optionalText } from '../schema-helpers.js';

const participantFields = z.strictObject({
  fullName: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(LIMITS.shortText, { message: `must be at most ${LIMITS.shortText} characters` }),
  sex: codeOf(sexes, 'sex'),
  country: countryCode,
  organisation: optionalText(LIMITS.shortText),
  position: optionalText(LIMITS.shortText),
  email: z
    .string()
    .trim()
    .max(LIMITS.email)
    .transform((s) => (s === '' ? null : s.toLowerCase()))
    .refine((s) => s === null || z.email().safeParse(s).success, { message: 'must be an email address', params: { code: 'invalid_email' } })
    .nullable()
    .optional(),
  status: codeOf(participantStatuses, 'participant status'),
  illustrative: z.boolean().optional(),
});

const CONSENT_REQUIRED = 'the participant must consent to the processing of their data (consent: true)';

/**
 * A new participant: sex defaults to X (not recorded), status to attended. `consent: true`
 * records the person's consent to the processing of their data (with the time of the entry);
 * imported lists (historical records) carry none.
 */
export const participantInputSchema = participantFields.extend({
  sex: participantFields.shape.sex.default('X'),
  status: participantFields.shape.status.default('attended'),
  consent: z.boolean().optional(),
});

/**
 * A participant entered one by one (the API, the program page's form): as for a nomination
 * (domain/offer/nomination.ts), the person's consent is required.
 */
export const participantAddSchema = participantInputSchema.extend({
  consent: z.literal(true, { message: CONSENT_REQUIRED }),
});

/**
 * A partial change: only the fields given change (no defaults apply). `consent: true` records
 * consent on a record that has none (an imported one); consent is not withdrawn by a change but
 * by erasure (docs/privacy.md).
 */
export const participantPatchSchema = participantFields.partial().extend({
  consent: z.literal(true, { message: CONSENT_REQUIRED }).optional(),
});

export type ParticipantInput = z.output<typeof participantInputSchema>;
export type ParticipantRequest = z.input<typeof participantInputSchema>;
export type ParticipantAddRequest = z.input<typeof participantAddSchema>;
export type ParticipantPatch = z.output<typeof participantPatchSchema>;
