import { GROUP_RECORDS, MEMBERSHIP_RECORDS } from './data/groupings.js';
import { GROUP_CODES, type GroupCode, type GroupRecord, type MembershipRecord, type MembershipStatus } from './types.js';
import { isOneOf } from '../guards.js';

export function listGroups(): readonly GroupRecord[] {
  return GROUP_RECORDS;
}

export function isGroupCode(code: string): code is GroupCode {
  return isOneOf(GROUP_CODES, code);
}

/**
 * Compares a partial date of the reference tables (YYYY, YYYY-MM or YYYY-MM-DD) with a full
 * day. A partial "since" counts from the first day of its period and a partial "until" up to
 * the last day of its period, so a country that joined "in 2016" is a member on 2016-01-01.
 */
function startOf(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

function endOf(partial: string): string {
  return partial.length === 4 ? `${partial}-12-31` : partial.length === 7 ? `${partial}-31` : partial;
}

/**
 * A "former member" row records the period during which the country was a member (e.g. an LDC
 * until its graduation), so within that period it counts as a member.
 */
function statusOf(m: MembershipRecord): MembershipStatus {
  return m.status === 'former member' ? 'member' : m.status;
}

function periodCovers(m: MembershipRecord, day: string): boolean {
  if (m.since && startOf(m.since) > day) return false;
  // "until" is the day the status ended: a country that left on 2022-07-09 is no longer a member that day.
  if (m.until && (m.until.length === 10 ? m.until <= day : endOf(m.until) < day)) return false;
  return true;
}

/** The countries (ISO alpha-2) with one of the given statuses in a group on a day (YYYY-MM-DD). */
export function groupMembersOn(group: GroupCode, day: string, statuses: readonly MembershipStatus[] = ['member']): string[] {
  const members = new Set<string>();
  for (const m of MEMBERSHIP_RECORDS) {
    if (m.group === group && statuses.includes(statusOf(m)) && periodCovers(m, day)) members.add(m.iso2);
  }
  return [...members].sort();
}

/** Full members of a group at any time in a year: a 2016 report uses the 2016 membership. */
export function groupMembersInYear(group: GroupCode, year: number): string[] {
  const members = new Set<string>();
  for (const m of MEMBERSHIP_RECORDS) {
    if (m.group !== group || statusOf(m) !== 'member') continue;
    if (m.since && startOf(m.since) > `${year}-12-31`) continue;
    if (m.until && (m.until.length === 10 ? m.until <= `${year}-01-01` : endOf(m.until) < `${year}-01-01`)) continue;
    members.add(m.iso2);
  }
  return [...members].sort();
}

export function isMemberOn(group: GroupCode, iso2: string, day: string): boolean {
  return MEMBERSHIP_RECORDS.some((m) => m.group === group && m.iso2 === iso2 && statusOf(m) === 'member' && periodCovers(m, day));
}

/** Every group record of a country, for its profile. */
export function membershipsOf(iso2: string): MembershipRecord[] {
  return MEMBERSHIP_RECORDS.filter((m) => m.iso2 === iso2);
}
