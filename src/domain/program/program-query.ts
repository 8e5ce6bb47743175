/** Filters, sorting and paging of the program list (API query string and CLI flags). */
import { z } from 'zod';
import { activityStatuses, cooperationTypes, flagshipAreas, lifecycleStages, modalities, type LifecycleStage } from '../codes.js';
import { REPORT_REGIONS } from '../reference/types.js';
import { codeOf, countryCode } from '../schema-helpers.js';
import { MAX_LIST_DEPTH, SEARCH_MIN_LENGTH } from './list-limits.js';
import { refinePageDepth, searchText } from '../list-query.js';
import { isOneOf } from '../guards.js';

export { MAX_LIST_DEPTH, SEARCH_MIN_LENGTH, refinePageDepth, searchText };

export const ACTIVITY_SORT_KEYS = ['identifier', 'title', 'start', 'end', 'year', 'modality', 'updated'] as const;
export type ProgramSortKey = (typeof ACTIVITY_SORT_KEYS)[number];

export const MAX_PAGE_SIZE = 500;

const sortSpec = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const desc = value.startsWith('-');
    const key = desc ? value.slice(1) : value;
    if (!isOneOf(ACTIVITY_SORT_KEYS, key)) {
      ctx.addIssue({ code: 'custom', message: `sort by one of ${ACTIVITY_SORT_KEYS.join(', ')}, with "-" for descending` });
      return z.NEVER;
    }
    return { key, desc };
  })
  .meta({ example: '-start' });

export const programListQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  modality: codeOf(modalities, 'modality').optional(),
  flagshipArea: codeOf(flagshipAreas, 'flagship area').optional(),
  region: z.enum(REPORT_REGIONS).optional(),
  country: countryCode.optional(),
  cooperationType: codeOf(cooperationTypes, 'cooperation type').optional(),
  status: codeOf(activityStatuses, 'activity status').optional(),
  stage: z
    .string()
    .transform((value, ctx) => {
      const stages: LifecycleStage[] = [];
      for (const word of value
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean)) {
        const code = lifecycleStages.parse(word);
        if (!code) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown lifecycle stage "${word}"; expected one of ${lifecycleStages.codes.join(', ')}`,
          });
          return z.NEVER;
        }
        if (!stages.includes(code)) stages.push(code);
      }
      return stages;
    })
    .optional()
    .meta({ description: 'one lifecycle stage or several, comma-separated ("approved,funded")' }),
  partner: z.string().trim().min(1).max(100).optional().meta({ description: 'partner organisation code' }),
  implementingOrg: z.string().trim().min(1).max(100).optional(),
  q: searchText
    .optional()
    .meta({ description: `free text in identifier, titles and descriptions (at least ${SEARCH_MIN_LENGTH} characters)` }),
  sort: sortSpec.default({ key: 'start', desc: true }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

/** The list as the API pages it: no deeper than MAX_LIST_DEPTH rows. */
export const programListPageSchema = programListQuerySchema.superRefine(refinePageDepth);

export type ProgramListQuery = z.output<typeof programListQuerySchema>;
export type ProgramFilter = Omit<ProgramListQuery, 'sort' | 'page' | 'pageSize'>;

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}
