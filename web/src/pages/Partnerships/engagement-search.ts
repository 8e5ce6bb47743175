/**
 * The engagement and follow-up lists' filters: from the URL's search parameters (strings, as the
 * routes keep them) to the API's query. Values the API would refuse are left out, so that an
 * edited link shows a wider list instead of an error.
 */
import { isCalendarDate } from '../../../../src/domain/dates.js';
import { engagementKinds, followUpStatuses } from '../../../../src/domain/partnership/engagement.js';
import { isCountryCode } from '../../../../src/domain/reference/countries.js';
import type { EngagementListParams, FollowUpListParams } from '../../api/partnership-queries.js';

export const ENGAGEMENT_PAGE_SIZE = 25;
export const FOLLOW_UP_PAGE_SIZE = 50;

export interface EngagementSearch {
  q?: string;
  kind?: string;
  partner?: string;
  country?: string;
  from?: string;
  to?: string;
  page?: string;
}

export interface FollowUpSearch {
  status?: string;
  overdue?: string;
  owner?: string;
  page?: string;
}

/** A page number from the URL: a whole number from 1, else the first page. */
export function pageOf(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n < 100_000 ? n : 1;
}

/** The filter of the engagement list (without page), also used for its downloads. */
export function engagementFilter(s: EngagementSearch): Omit<EngagementListParams, 'page' | 'pageSize'> {
  const country = s.country?.toUpperCase();
  return {
    ...(s.q ? { q: s.q } : {}),
    ...(s.kind && engagementKinds.is(s.kind) ? { kind: s.kind } : {}),
    ...(s.partner ? { partner: s.partner } : {}),
    ...(country && isCountryCode(country) ? { country } : {}),
    ...(s.from && isCalendarDate(s.from) ? { from: s.from } : {}),
    ...(s.to && isCalendarDate(s.to) ? { to: s.to } : {}),
  };
}

export function engagementListParams(s: EngagementSearch): EngagementListParams {
  return { ...engagementFilter(s), page: pageOf(s.page), pageSize: ENGAGEMENT_PAGE_SIZE };
}

/** The filter of the follow-up list (without page), also used for its downloads. */
export function followUpFilter(s: FollowUpSearch): Omit<FollowUpListParams, 'page' | 'pageSize'> {
  return {
    ...(s.status && followUpStatuses.is(s.status) ? { status: s.status } : {}),
    ...(s.overdue === 'true' ? { overdue: 'true' as const } : {}),
    ...(s.owner ? { owner: s.owner } : {}),
  };
}

export function followUpListParams(s: FollowUpSearch): FollowUpListParams {
  return { ...followUpFilter(s), page: pageOf(s.page), pageSize: FOLLOW_UP_PAGE_SIZE };
}

/** How many pages a list of `total` rows takes (at least one, for the pager). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
