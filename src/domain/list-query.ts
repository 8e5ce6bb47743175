/** What every list's query shares: the text search served by a trigram index, and the bounded depth of pages. */
import { z } from 'zod';
import { MAX_LIST_DEPTH, SEARCH_MIN_LENGTH } from './program/list-limits.js';

/** The free-text search of a list: empty means none; otherwise at least SEARCH_MIN_LENGTH characters. */
export const searchText = z
  .string()
  .trim()
  .max(200)
  .refine((value) => value === '' || [...value].length >= SEARCH_MIN_LENGTH, {
    message: `search for at least ${SEARCH_MIN_LENGTH} characters`,
    params: { code: 'too_short' },
  })
  .transform((value) => value || undefined);

/** Refuses a page deeper than MAX_LIST_DEPTH rows, naming `page`. */
export function refinePageDepth(value: { page: number; pageSize: number }, ctx: z.RefinementCtx): void {
  if ((value.page - 1) * value.pageSize + value.pageSize > MAX_LIST_DEPTH) {
    ctx.addIssue({
      code: 'custom',
      path: ['page'],
      message: `pages reach the first ${MAX_LIST_DEPTH} rows; narrow the filters or download the list`,
      params: { code: 'too_deep' },
    });
  }
}
