/** The request list's filters as URL search parameters (every view is a shareable link). */
import { requestStatuses } from '../../../../src/domain/request/request.js';
import { isCountryCode } from '../../../../src/domain/reference/countries.js';

export interface RequestSearch {
  /** One status or several, comma-separated. */
  status?: string;
  country?: string;
  q?: string;
  page?: number;
}

export const REQUEST_PAGE_SIZE = 25;

export function parseRequestSearch(s: Record<string, unknown>): RequestSearch {
  const out: RequestSearch = {};
  if (typeof s.status === 'string') {
    const statuses = s.status.split(',').filter((x) => requestStatuses.is(x));
    if (statuses.length) out.status = statuses.join(',');
  }
  if (typeof s.country === 'string' && isCountryCode(s.country.toUpperCase())) out.country = s.country.toUpperCase();
  if (typeof s.q === 'string' && s.q.trim()) out.q = s.q.trim().slice(0, 200);
  const page = typeof s.page === 'number' ? s.page : typeof s.page === 'string' ? Number(s.page) : NaN;
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}
