/**
 * Limits of the program list, shared by the API's query schema (program-query.ts) and the web
 * form. A module of plain constants: the list page imports them without zod and the schemas.
 */

/**
 * Pages are read by offset from an index: the rows skipped are read too, so the depth of a page
 * is bounded (as search engines do). Beyond it, narrow the filters or download the list.
 */
export const MAX_LIST_DEPTH = 10_000;

/** A text search is served by a trigram index, which needs three characters or more. */
export const SEARCH_MIN_LENGTH = 3;
