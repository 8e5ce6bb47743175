/** The priorities page's URL: its year range and the subject shown country by country (shareable links). */
import type { SubjectKind } from '../../api/analytics-queries.js';
import { oneOf, yearParam as year } from '../../search-params.js';

export interface PrioritiesSearch {
  from?: number;
  to?: number;
  /** The subject shown country by country: "group:PIF". */
  subject?: string;
  year?: number;
}

/** The kinds of subject a target is set for. */
export const KINDS: readonly SubjectKind[] = ['group', 'region', 'list', 'country'];

export function parsePrioritiesSearch(s: Record<string, unknown>): PrioritiesSearch {
  return {
    ...(year(s.from) ? { from: year(s.from) } : {}),
    ...(year(s.to) ? { to: year(s.to) } : {}),
    ...(typeof s.subject === 'string' && /^(group|region|list|country):[A-Za-z0-9-]{1,40}$/.test(s.subject) ? { subject: s.subject } : {}),
    ...(year(s.year) ? { year: year(s.year) } : {}),
  };
}

/** The URL's subject ("group:PIF") as its kind and code, or null when there is none. */
export function subjectOf(subject: string | undefined): { kind: SubjectKind; code: string } | null {
  const [subjectKind, code] = (subject ?? '').split(':');
  const kind = oneOf(KINDS, subjectKind);
  return kind && code ? { kind, code } : null;
}
