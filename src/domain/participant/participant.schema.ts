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

/** A new participant: sex defaults to X (not recorded), status to attended. */
export const participantInputSchema = participantFields.extend({
  sex: participantFields.shape.sex.default('X'),
  status: participantFields.shape.status.default('attended'),
});

/** A partial change: only the fields given change (no defaults apply). */
export const participantPatchSchema = participantFields.partial();

export type ParticipantInput = z.output<typeof participantInputSchema>;
export type ParticipantRequest = z.input<typeof participantInputSchema>;
export type ParticipantPatch = z.output<typeof participantPatchSchema>;
