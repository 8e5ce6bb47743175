/**
 * Daily attendance of a course and the completion rule (docs/participants.md): the course days
 * are the calendar days of the program's dates, attendance is recorded for those days only, and
 * a participant completes the course when present on at least the offer's share of them
 * (80 % unless the course offer says otherwise). Integer arithmetic only: 7 of 9 days is 77.7 %
 * and never rounds up to 78 %.
 */
import { addDays, daysBetween } from '../dates.js';
import type { ParticipantStatus } from '../codes.js';
import { InvalidError } from '../errors.js';

/** The share of course days a participant must attend when the program has no course offer. */
export const DEFAULT_COMPLETION_PERCENT = 80;

/** Longest course whose attendance is kept day by day (a year). */
export const MAX_COURSE_DAYS = 366;

/** Statuses whose attendance may be recorded: the participants with a place who have not finished. */
export const ATTENDANCE_STATUSES: readonly ParticipantStatus[] = ['selected', 'confirmed', 'attended'];

/** Statuses shown on the attendance sheet (those who hold a place, finished or not). */
export const SHEET_STATUSES: readonly ParticipantStatus[] = ['selected', 'confirmed', 'attended', 'completed'];

export interface ProgramDates {
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
}

/** The first and last course day: the actual dates, else the planned ones; null when unknown. */
export function courseSpan(p: ProgramDates): { start: string; end: string } | null {
  const start = p.actualStart ?? p.plannedStart;
  const end = p.actualEnd ?? p.plannedEnd ?? start;
  if (!start || !end || end < start) return null;
  return { start, end };
}

/**
 * Every calendar day of the course, first to last, inclusive (a Saturday session counts like any
 * other). Refuses a program without dates and one longer than MAX_COURSE_DAYS.
 */
export function courseDays(p: ProgramDates): string[] {
  const span = courseSpan(p);
  if (!span) {
    throw new InvalidError(
      'attendance.no_dates',
      'the program has no start and end dates (actual or planned): set them before recording attendance',
      [{ path: 'plannedStart', code: 'required', message: 'the course days are the days of the program’s dates' }],
    );
  }
  const count = daysBetween(span.start, span.end) + 1;
  if (count > MAX_COURSE_DAYS) {
    throw new InvalidError(
      'attendance.too_long',
      `the program lasts ${count} days: daily attendance is kept for courses of at most ${MAX_COURSE_DAYS} days`,
    );
  }
  return Array.from({ length: count }, (_, i) => addDays(span.start, i));
}

export interface Completion {
  readonly daysPresent: number;
  readonly courseDays: number;
  readonly percent: number;
  /** The fewest days present that complete the course: ceil(percent × days / 100). */
  readonly requiredDays: number;
  readonly completes: boolean;
}

/** Whether `daysPresent` of `courseDays` meets `percent`: present × 100 ≥ percent × days, exactly. */
export function completionOf(daysPresent: number, courseDayCount: number, percent: number): Completion {
  const requiredDays = Math.ceil((percent * courseDayCount) / 100);
  const completes = courseDayCount > 0 && daysPresent * 100 >= percent * courseDayCount;
  return { daysPresent, courseDays: courseDayCount, percent, requiredDays, completes };
}

/** Where closing the attendance takes a participant: `steps` in the order of the journey. */
export interface AttendanceOutcome {
  readonly steps: readonly ('attended' | 'completed')[];
  /**
   * `completes`; `below_rule` (attended, too few days: stays attended); `no_show` (never present:
   * stays as it is); `already_completed`; `not_in_course` (a candidate or withdrawn).
   */
  readonly reason: 'completes' | 'below_rule' | 'no_show' | 'already_completed' | 'not_in_course';
}

/**
 * The status steps at the close of a course: selected or confirmed participants who were present
 * at least once attended; those who attended enough days completed. Nobody is moved back.
 */
export function attendanceOutcome(status: ParticipantStatus, completion: Completion): AttendanceOutcome {
  if (status === 'completed') return { steps: [], reason: 'already_completed' };
  if (!ATTENDANCE_STATUSES.includes(status)) return { steps: [], reason: 'not_in_course' };
  const attended = status === 'attended' || completion.daysPresent > 0;
  if (!attended) return { steps: [], reason: 'no_show' };
  const steps: ('attended' | 'completed')[] = status === 'attended' ? [] : ['attended'];
  if (!completion.completes) return { steps, reason: 'below_rule' };
  return { steps: [...steps, 'completed'], reason: 'completes' };
}
