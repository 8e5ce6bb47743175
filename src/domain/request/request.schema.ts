/** Input schemas of cooperation requests: what the API, the CLI and the web form accept. */
import { z } from 'zod';
import { flagshipAreas, modalities } from '../codes.js';
import { activityIdentifier, orgCode } from '../program/program.schema.js';
import { LIMITS, calendarDate, codeOf, countryCode, optionalText, sectorCodeProblem } from '../schema-helpers.js';
import { requestStatuses, type RequestStatus } from './request.js';

export const REQUEST_LIMITS = { topic: 300, note: 4000, pageSize: 100 } as const;

/** A DAC 5-digit sector code (IATI Sector, vocabulary 1), as program sectors are checked. */
export const dacSectorCode = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const problem = sectorCodeProblem('1', code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'unknown_sector' } });
  })
  .meta({ description: 'DAC 5-digit sector code (IATI Sector vocabulary 1)', example: '43060' });

const requestFields = {
  country: countryCode.meta({ description: 'the requesting government: ISO 3166-1 alpha-2/alpha-3 or a country name', example: 'FJ' }),
  topic: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(REQUEST_LIMITS.topic, { message: `must be at most ${REQUEST_LIMITS.topic} characters` }),
  description: optionalText(LIMITS.description),
  topicId: optionalText(REQUEST_LIMITS.topic).meta({ description: 'the topic in Indonesian (optional)' }),
  descriptionId: optionalText(LIMITS.description).meta({ description: 'the description in Indonesian (optional)' }),
  flagshipArea: codeOf(flagshipAreas, 'flagship area').nullable().optional(),
  sectorCode: dacSectorCode.nullable().optional(),
  modality: codeOf(modalities, 'modality').nullable().optional(),
  periodFrom: calendarDate.nullable().optional(),
  periodTo: calendarDate.nullable().optional(),
  receivedOn: calendarDate.optional().meta({ description: 'when the request was received (default: today)' }),
  relayedBy: orgCode.nullable().optional().meta({
    description: 'the organisation (an embassy) that relayed the request; an embassy or a focal point registering it is always the relay',
  }),
};

/** The preferred period may be open at either end; when both are given, from ≤ to. */
const periodInOrder = (r: { periodFrom?: string | null; periodTo?: string | null }, ctx: z.RefinementCtx) => {
  if (r.periodFrom && r.periodTo && r.periodTo < r.periodFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodTo'],
      message: `must not be before periodFrom (${r.periodFrom})`,
      params: { code: 'date_order' },
    });
  }
};

/** A new request. */
export const requestInputSchema = z.strictObject(requestFields).superRefine(periodInOrder);

/** Changes to a request still registered or under assessment: the fields sent replace the stored ones. */
export const requestPatchSchema = z.strictObject(requestFields).partial().superRefine(periodInOrder);
export type RequestPatch = z.output<typeof requestPatchSchema>;

export type RequestInput = z.output<typeof requestInputSchema>;
export type RequestInputRequest = z.input<typeof requestInputSchema>;

const note = z
  .string()
  .trim()
  .max(REQUEST_LIMITS.note, { message: `must be at most ${REQUEST_LIMITS.note} characters` })
  .transform((s) => (s === '' ? null : s));

/** The note in Indonesian, beside the note (optional). */
const noteId = note.nullable().optional().meta({ description: 'the note in Indonesian (optional)' });

export const assessInputSchema = z.strictObject({ note: note.nullable().optional(), noteId });

export const declineInputSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, { message: 'is required: say why the request is declined' })
    .max(REQUEST_LIMITS.note, { message: `must be at most ${REQUEST_LIMITS.note} characters` }),
  noteId,
});

export const acceptInputSchema = z.strictObject({
  note: note.nullable().optional(),
  noteId,
  implementingOrg: orgCode
    .nullable()
    .optional()
    .meta({ description: 'the ministry or agency chosen to implement the program (e.g. from the matches)' }),
  identifier: activityIdentifier.optional().meta({ description: 'identifier of the new program (default: the request reference)' }),
});

export type AssessInput = z.output<typeof assessInputSchema>;
export type DeclineInput = z.output<typeof declineInputSchema>;
export type AcceptInput = z.output<typeof acceptInputSchema>;

/** One status or several, comma-separated ("registered,assessment"). */
const statusList = z
  .string()
  .transform((value, ctx) => {
    const out: RequestStatus[] = [];
    for (const word of value
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean)) {
      const code = requestStatuses.parse(word);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: `unknown request status "${word}"; expected one of ${requestStatuses.codes.join(', ')}` });
        return z.NEVER;
      }
      if (!out.includes(code)) out.push(code);
    }
    return out;
  })
  .meta({ description: 'one status or several, comma-separated', example: 'registered,assessment' });

export const requestListQuerySchema = z.object({
  status: statusList.optional(),
  country: countryCode.optional(),
  q: z.string().trim().max(200).optional().meta({ description: 'text in the reference, topic or description' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(REQUEST_LIMITS.pageSize).default(25),
});

export type RequestListQuery = z.output<typeof requestListQuerySchema>;
export type RequestFilter = Omit<RequestListQuery, 'page' | 'pageSize'>;
