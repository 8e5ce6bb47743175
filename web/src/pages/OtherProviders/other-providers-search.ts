/** The other providers' pages' filters, kept in the URL so that every view is a shareable link. */
import { intParam, textParam, withoutUndefined, yearParam } from '../../search-params.js';

export const IMPORTED_PAGE_SIZE = 50;

export interface ImportedSearch {
  readonly publisherId?: number;
  readonly datasetId?: number;
  readonly country?: string;
  readonly year?: number;
  readonly q?: string;
  readonly withWarnings?: boolean;
  readonly page?: number;
}

const countryParam = (v: unknown): string | undefined => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? v : undefined);

export function parseImportedSearch(s: Record<string, unknown>): ImportedSearch {
  const page = intParam(s.page);
  return withoutUndefined({
    publisherId: intParam(s.publisherId),
    datasetId: intParam(s.datasetId),
    country: countryParam(s.country),
    year: yearParam(s.year),
    q: textParam(s.q),
    withWarnings: s.withWarnings === true || s.withWarnings === 'true' ? true : undefined,
    page: page && page > 1 ? page : undefined,
  });
}

/** The API's query for the search: the list's page and size, and the "with warnings" flag as the API spells it. */
export function importedQuery(search: ImportedSearch) {
  const { withWarnings, page, ...rest } = search;
  return { ...rest, ...(withWarnings ? { withWarnings: 'true' as const } : {}), page: page ?? 1, pageSize: IMPORTED_PAGE_SIZE };
}

export interface CompareSearch {
  readonly country?: string;
  readonly fromYear?: number;
  readonly toYear?: number;
}

/** The comparison's at most 50 years (the API's limit), from ≤ to. */
export const MAX_COMPARE_YEARS = 50;

export function parseCompareSearch(s: Record<string, unknown>): CompareSearch {
  return withoutUndefined({ country: countryParam(s.country), fromYear: yearParam(s.fromYear), toYear: yearParam(s.toYear) });
}

/** The years compared: those of the URL, else the ten years up to `thisYear`; in order and at most MAX_COMPARE_YEARS. */
export function compareYears(search: CompareSearch, thisYear: number): { fromYear: number; toYear: number } {
  const toYear = search.toYear ?? Math.max(search.fromYear ?? thisYear, thisYear);
  const fromYear = Math.min(search.fromYear ?? toYear - 9, toYear);
  return { fromYear: Math.max(fromYear, toYear - MAX_COMPARE_YEARS + 1), toYear };
}
