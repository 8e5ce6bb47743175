/**
 * Collection rounds (issue 23; docs/rounds.md): the coordination team opens a round for a year
 * or a half-year with a deadline; each implementing agency with programs in the period has a
 * part it completes and confirms. Types, periods, lateness and the input schemas; the use cases
 * are in services/rounds.ts.
 */
import { z } from 'zod';
import type { QualityFinding } from '../quality/evaluate.js';
import type { ProgramQuality } from '../quality/scorecard.js';

export const ROUND_PERIODS = ['year', 'h1', 'h2'] as const;
/** The whole year, or its first (January–June) or second (July–December) half. */
export type RoundPeriod = (typeof ROUND_PERIODS)[number];

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const PART_STATUSES = ['open', 'confirmed'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const ROUND_TEXT_MAX = 2_000;

/** The first and last day of a period of a year. */
export function periodDays(year: number, period: RoundPeriod): { readonly firstDate: string; readonly lastDate: string } {
  if (period === 'h1') return { firstDate: `${year}-01-01`, lastDate: `${year}-06-30` };
  if (period === 'h2') return { firstDate: `${year}-07-01`, lastDate: `${year}-12-31` };
  return { firstDate: `${year}-01-01`, lastDate: `${year}-12-31` };
}

export interface CollectionRound {
  readonly id: number;
  readonly year: number;
  readonly period: RoundPeriod;
  readonly deadlineDate: string;
  readonly status: RoundStatus;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
}

export interface RoundPart {
  readonly roundId: number;
  readonly orgCode: string;
  readonly status: PartStatus;
  readonly confirmedAt: string | null;
  readonly confirmedByUserId: number | null;
  readonly confirmedBy: string | null;
  /** Why the part was confirmed with required findings left, if it was. */
  readonly confirmNote: string | null;
  readonly reopenedAt: string | null;
  readonly reopenedBy: string | null;
  readonly reopenReason: string | null;
}

/** A part not confirmed after the deadline day (the deadline day itself is on time). */
export function isLate(part: Pick<RoundPart, 'status'>, deadlineDate: string, todayDate: string): boolean {
  return part.status !== 'confirmed' && todayDate > deadlineDate;
}

/** A program is complete when no required finding is left (the data-quality rules decide what is required). */
export function isComplete(quality: Pick<ProgramQuality, 'findings'>): boolean {
  return !quality.findings.some((f) => f.severity === 'required');
}

export function requiredFindings(quality: Pick<ProgramQuality, 'findings'>): QualityFinding[] {
  return quality.findings.filter((f) => f.severity === 'required');
}

/** One agency's line in the coordinator's overview. */
export interface AgencyProgress {
  readonly orgCode: string;
  readonly nameEn: string | null;
  readonly nameId: string | null;
  readonly programs: number;
  /** Programs with no required finding left. */
  readonly complete: number;
  readonly status: PartStatus;
  readonly confirmedAt: string | null;
  readonly confirmedBy: string | null;
  readonly late: boolean;
  readonly reopenedAt: string | null;
  readonly reopenReason: string | null;
}

export interface RoundOverview {
  readonly round: CollectionRound;
  readonly evaluatedOn: string;
  readonly agencies: readonly AgencyProgress[];
}

/** An agency's part: its programs with what to fix. */
export interface RoundAgencyPart {
  readonly round: CollectionRound;
  readonly part: RoundPart;
  readonly late: boolean;
  readonly evaluatedOn: string;
  /** Most to fix first. */
  readonly programs: readonly (ProgramQuality & { readonly complete: boolean })[];
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const text = z.string().trim().min(1).max(ROUND_TEXT_MAX);

export const openRoundInput = z.object({
  year: z.number().int().min(1990).max(2100),
  period: z.enum(ROUND_PERIODS).default('year'),
  deadlineDate: day,
});
export type OpenRoundInput = z.infer<typeof openRoundInput>;

export const confirmPartInput = z.object({
  /** Confirming with required findings left needs a note saying why (recorded). */
  note: text.optional(),
});
export type ConfirmPartInput = z.infer<typeof confirmPartInput>;

export const reopenPartInput = z.object({ reason: text });
export type ReopenPartInput = z.infer<typeof reopenPartInput>;

/** Reminders before the deadline (days before it), as long as the part is not confirmed. */
export const REMINDER_DAYS_BEFORE = [7, 1] as const;
/** After the deadline: the day after, then every week. */
export const REMINDER_EVERY_DAYS_AFTER = 7;

/**
 * The reminder due on a day for an unconfirmed part, keyed so that each is sent once: 'before-7'
 * from 7 days before the deadline, 'before-1' from the day before (the deadline day included),
 * 'after-1' from the day after, then 'after-8', 'after-15'… weekly. Only the latest reached is
 * due (a server that was down does not send a backlog); null before the first.
 */
export function reminderDue(deadlineDate: string, todayDate: string): string | null {
  const daysLeft = Math.round((Date.parse(`${deadlineDate}T00:00:00Z`) - Date.parse(`${todayDate}T00:00:00Z`)) / 86_400_000);
  if (daysLeft < 0) {
    const after = -daysLeft;
    return `after-${1 + REMINDER_EVERY_DAYS_AFTER * Math.floor((after - 1) / REMINDER_EVERY_DAYS_AFTER)}`;
  }
  const reached = REMINDER_DAYS_BEFORE.filter((d) => daysLeft <= d);
  const latest = reached.at(-1);
  return latest === undefined ? null : `before-${latest}`;
}
