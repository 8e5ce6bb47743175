/**
 * Engagements with partners (issue 9): visits, meetings, conferences and calls, with what each
 * side offered or asked for, and the follow-up actions that must come of them. An offer or a
 * request can become a program request; the link is kept so that "what came of the Mexico
 * visit" has an answer. Pure rules; the day is given.
 */
import { defineCodeSet } from '../code-set.js';
import { isCalendarDate } from '../dates.js';
import type { FieldIssue } from '../errors.js';

export const engagementKinds = defineCodeSet({
  visit: { en: 'Visit', id: 'Kunjungan' },
  meeting: { en: 'Meeting', id: 'Pertemuan', aliases: ['rapat'] },
  conference: { en: 'Conference', id: 'Konferensi' },
  call: { en: 'Call', id: 'Panggilan', aliases: ['video call', 'telepon'] },
});
export type EngagementKind = (typeof engagementKinds.codes)[number];

/** Who put an item on the table: Mitra's country or the counterpart. */
export const itemSides = defineCodeSet({
  ours: { en: 'Indonesia', id: 'Indonesia' },
  theirs: { en: 'Counterpart', id: 'Mitra' },
});
export type ItemSide = (typeof itemSides.codes)[number];

export const itemKinds = defineCodeSet({
  offer: { en: 'Offer', id: 'Tawaran' },
  request: { en: 'Request', id: 'Permintaan' },
});
export type ItemKind = (typeof itemKinds.codes)[number];

export const followUpStatuses = defineCodeSet({
  open: { en: 'Open', id: 'Terbuka' },
  done: { en: 'Done', id: 'Selesai' },
  cancelled: { en: 'Cancelled', id: 'Dibatalkan' },
});
export type FollowUpStatus = (typeof followUpStatuses.codes)[number];

export interface EngagementDates {
  readonly startsOn: string;
  readonly endsOn: string | null;
}

export function checkEngagementDates(d: EngagementDates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isCalendarDate(d.startsOn))
    issues.push({ path: 'startsOn', code: 'invalid_date', message: `${d.startsOn} is not a calendar day (YYYY-MM-DD)` });
  if (d.endsOn !== null && !isCalendarDate(d.endsOn))
    issues.push({ path: 'endsOn', code: 'invalid_date', message: `${d.endsOn} is not a calendar day (YYYY-MM-DD)` });
  if (!issues.length && d.endsOn !== null && d.endsOn < d.startsOn)
    issues.push({ path: 'endsOn', code: 'date_order', message: `the engagement ends (${d.endsOn}) before it starts (${d.startsOn})` });
  return issues;
}

export interface FollowUp {
  readonly action: string;
  /** Who follows up: an account's email or an organisation's code; required. */
  readonly owner: string | null;
  readonly dueOn: string | null;
  readonly status: FollowUpStatus;
}

/** A follow-up needs an owner, a real due day, and something to do. */
export function checkFollowUp(f: FollowUp, path = ''): FieldIssue[] {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const issues: FieldIssue[] = [];
  if (!f.action.trim()) issues.push({ path: at('action'), code: 'required', message: 'say what is to be done' });
  if (!f.owner?.trim())
    issues.push({ path: at('owner'), code: 'owner_required', message: 'a follow-up needs an owner who answers for it' });
  if (f.dueOn !== null && !isCalendarDate(f.dueOn))
    issues.push({ path: at('dueOn'), code: 'invalid_date', message: `${f.dueOn} is not a calendar day (YYYY-MM-DD)` });
  return issues;
}

/** Open and past its due day on `today` (a follow-up due today is not overdue yet). */
export function isOverdue(f: Pick<FollowUp, 'status' | 'dueOn'>, today: string): boolean {
  return f.status === 'open' && f.dueOn !== null && f.dueOn < today;
}

/** An offer or request can become one program request, once. */
export function canBecomeProgram(item: { readonly programId: number | null }): boolean {
  return item.programId === null;
}
