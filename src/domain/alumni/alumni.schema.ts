/** Inputs of the alumni directory, the participant export and erasure (API query strings, CLI options). */
import { z } from 'zod';
import { participantStatuses } from '../codes.js';
import { calendarDate, codeOf, countryCode } from '../schema-helpers.js';
import { refinePageDepth, searchText } from '../list-query.js';

export const ALUMNI_MAX_PAGE_SIZE = 200;

export const alumniQuerySchema = z
  .strictObject({
    country: countryCode.optional(),
    q: searchText.optional().meta({ description: 'text in the name or the organisation (at least 3 characters)' }),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(ALUMNI_MAX_PAGE_SIZE).default(50),
  })
  .superRefine(refinePageDepth);
export type AlumniQuery = z.output<typeof alumniQuerySchema>;

export const participantExportQuerySchema = z.strictObject({
  activityId: z.coerce.number().int().positive().optional(),
  country: countryCode.optional(),
  status: codeOf(participantStatuses, 'participant status').optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});
export type ParticipantExportQuery = z.output<typeof participantExportQuerySchema>;

export const erasureInputSchema = z.strictObject({
  reason: z.string().trim().min(3, { message: 'say why (at least 3 characters), e.g. "request by email of 2026-11-20"' }).max(500),
  /** Also erase the person's other records (the same person key in other programs). */
  wholePerson: z.boolean().default(false),
});
export type ErasureInput = z.output<typeof erasureInputSchema>;

export const sendDueInputSchema = z.strictObject({
  /** The day to count from (default: today); programs whose survey is due on or before it get invitations. */
  today: calendarDate.optional(),
});

export const surveyAnswerInputSchema = z.strictObject({
  answers: z.record(z.string(), z.unknown()).meta({ description: 'question id → answer: true/false, 1–5, an option value or text' }),
});
