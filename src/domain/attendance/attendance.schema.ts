/** Input of the attendance sheet (API body, CLI flags). */
import { z } from 'zod';
import { calendarDate, optionalText } from '../schema-helpers.js';

/** Most marks in one request: 200 participants over 50 days. */
export const MAX_MARKS = 10_000;

export const attendanceMarkSchema = z
  .object({
    participantId: z.number().int().positive().max(2_147_483_647),
    day: calendarDate,
    present: z.boolean(),
  })
  .strict();

export const attendanceInputSchema = z
  .object({
    marks: z
      .array(attendanceMarkSchema)
      .max(MAX_MARKS)
      .meta({ description: `one mark per participant and course day, at most ${MAX_MARKS}; a mark given again replaces the earlier one` }),
  })
  .strict()
  .meta({ id: 'AttendanceInput' });

export const revokeInputSchema = z.object({ reason: optionalText(500) }).strict();
