/** The partner list's filters from the URL (every view is a shareable link) to the API's parameters. */
import { isCountryCode } from '../../../../src/domain/reference/countries.js';
import type { PartnerListParams } from '../../api/partnership-queries.js';

/** The URL's search parameters as the route gives them (strings, or absent). */
export type SearchStrings = Readonly<Record<string, string | undefined>>;

/** The years the triangular counts may be asked for (the API's bounds). */
export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;

export function yearOf(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR ? n : undefined;
}

export function countryOf(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && isCountryCode(code) ? code : undefined;
}

export function textOf(value: string | undefined): string | undefined {
  const text = value?.trim().slice(0, 200);
  return text ? text : undefined;
}

/** Filters of GET /api/v1/partners; unknown countries and impossible years are left out, and reversed years put in order. */
export function partnerListParams(s: SearchStrings): PartnerListParams {
  const q = textOf(s.q);
  const country = countryOf(s.country);
  let since = yearOf(s.since);
  let upTo = yearOf(s.upTo);
  if (since !== undefined && upTo !== undefined && since > upTo) [since, upTo] = [upTo, since];
  return {
    ...(q ? { q } : {}),
    ...(country ? { country } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(upTo !== undefined ? { upTo } : {}),
  };
}
