/**
 * A nomination: the candidate's details, given by an embassy, a recipient government's focal
 * point or the coordination team, with the candidate's consent to the processing of their data.
 */
import { z } from 'zod';
import { participantStatuses, sexes } from '../codes.js';
import { codeOf, countryCode, LIMITS, optionalText } from '../schema-helpers.js';

export const nominationInputSchema = z.strictObject({
  fullName: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(LIMITS.shortText, { message: `must be at most ${LIMITS.shortText} characters` }),
  sex: codeOf(sexes, 'sex').default('X'),
  country: countryCode,
  organisation: optionalText(LIMITS.shortText),
  position: optionalText(LIMITS.shortText),
  // Required: the candidate hears of every step of the selection by mail.
  email: z
    .string({ message: 'is required (the candidate is told of the selection by mail)' })
    .trim()
    .max(LIMITS.email)
    .toLowerCase()
    .pipe(z.email({ message: 'must be an email address' })),
  phone: z
    .string()
    .trim()
    .max(40, { message: 'must be at most 40 characters' })
    .refine((s) => s === '' || /^\+?[0-9 ()./-]{5,40}$/.test(s), { message: 'must be a telephone number (digits, spaces, + ( ) - . /)' })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  onBehalfOf: z.string().trim().min(1).max(100).nullable().optional().meta({
    description:
      'the coordination team entering a nomination received from an embassy or a recipient government: that organisation’s code (it then sees the nominee)',
  }),
  consent: z.literal(true, { message: 'the candidate must consent to the processing of their data (consent: true)' }),
});
export type NominationInput = z.output<typeof nominationInputSchema>;
export type NominationRequest = z.input<typeof nominationInputSchema>;

/** Statuses the review sets one by one or in bulk. */
export const REVIEW_STATUSES = ['selected', 'reserve', 'not_selected'] as const;

export const reviewInputSchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        participantId: z.number().int().positive(),
        status: z.enum(REVIEW_STATUSES),
        reserveRank: z.number().int().min(1).max(1_000_000).nullable().optional(),
      }),
    )
    .min(1, { message: 'name at least one nomination' })
    .max(20_000),
  note: optionalText(LIMITS.shortText * 5),
});
export type ReviewInput = z.output<typeof reviewInputSchema>;

export const selectInputSchema = z.strictObject({
  order: z
    .array(z.number().int().positive())
    .max(100_000)
    .optional()
    .meta({ description: "the agency's ranking (participant ids, best first); candidates not listed follow by nomination time" }),
  maxReserves: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .meta({ description: 'at most this many reserves; the others are not selected (default: no limit)' }),
  note: optionalText(LIMITS.shortText * 5),
});
export type SelectInput = z.output<typeof selectInputSchema>;

/** A single participant's next step (confirm, withdraw, attended, …). */
export const statusChangeSchema = z.strictObject({
  status: codeOf(participantStatuses, 'participant status'),
  note: optionalText(LIMITS.shortText * 5),
});
export type StatusChangeInput = z.output<typeof statusChangeSchema>;
