/**
 * Daily attendance and the completion rule (docs/participants.md). The coordination team and the
 * program's implementing agency record who was present on each course day and close the
 * attendance (participants who came become attended; those who came on enough days, completed).
 * The certificates that follow: certificates.ts.
 */
import { actorLabel } from '../domain/access/actor.js';
import { authorizeOfferManage } from '../domain/access/policy.js';
import type { Program } from '../domain/program/program.js';
import {
  ATTENDANCE_STATUSES,
  attendanceOutcome,
  completionOf,
  courseDays,
  DEFAULT_COMPLETION_PERCENT,
  SHEET_STATUSES,
} from '../domain/attendance/attendance.js';
import { MAX_MARKS } from '../domain/attendance/attendance.schema.js';
import type { ParticipantStatus } from '../domain/codes.js';
import { InvalidError, type FieldIssue } from '../domain/errors.js';
import type { Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import { moveParticipants, type JourneyRepo, type StatusChange } from './journey.js';
import type { AttendanceMark, Certificate } from './attendance.ports.js';
import type { Deps, Repos } from './deps.js';
import { programOf } from './offers.js';
import { requireStage } from '../domain/program/stage-status.js';

/** What the attendance sheet reads. */
export type SheetDeps = Deps<'programs' | 'participants' | 'attendance' | 'certificates'>;

export interface SheetRow {
  readonly participantId: number;
  /** null once the person's data was erased. */
  readonly fullName: string | null;
  readonly country: string;
  readonly status: ParticipantStatus;
  /** One per course day, in the order of `days`: present, absent, or not recorded (null). */
  readonly marks: readonly (boolean | null)[];
  readonly daysPresent: number;
  readonly completes: boolean;
  /** Whether attendance may still be recorded for this participant. */
  readonly editable: boolean;
  readonly certificate: Pick<Certificate, 'id' | 'number' | 'issuedAt' | 'revokedAt'> | null;
}

export interface AttendanceSheet {
  readonly program: Pick<Program, 'id' | 'identifier' | 'titleEn' | 'titleId' | 'implementingOrg'>;
  readonly days: readonly string[];
  readonly completionPercent: number;
  /** The fewest days present that complete the course. */
  readonly requiredDays: number;
  readonly rows: readonly SheetRow[];
}

async function percentOf(repos: Repos<'attendance'>, programId: number): Promise<number> {
  return (await repos.attendance.completionPercent(programId)) ?? DEFAULT_COMPLETION_PERCENT;
}

async function buildSheet(repos: Repos<'participants' | 'attendance' | 'certificates'>, program: Program): Promise<AttendanceSheet> {
  const days = courseDays(program);
  const percent = await percentOf(repos, program.id);
  const participants = (await repos.participants.listByProgram(program.id)).filter((p) => SHEET_STATUSES.includes(p.status));
  const marks = new Map<string, boolean>();
  for (const m of await repos.attendance.listByProgram(program.id)) marks.set(`${m.participantId}|${m.day}`, m.present);
  const certificates = new Map((await repos.certificates.listByProgram(program.id)).map((c) => [c.participantId, c]));
  const rows = participants.map((p): SheetRow => {
    const row = days.map((d) => marks.get(`${p.id}|${d}`) ?? null);
    const daysPresent = row.filter((m) => m === true).length;
    const c = certificates.get(p.id);
    return {
      participantId: p.id,
      fullName: p.erasedAt ? null : p.fullName,
      country: p.country,
      status: p.status,
      marks: row,
      daysPresent,
      completes: completionOf(daysPresent, days.length, percent).completes,
      editable: ATTENDANCE_STATUSES.includes(p.status),
      certificate: c ? { id: c.id, number: c.number, issuedAt: c.issuedAt, revokedAt: c.revokedAt } : null,
    };
  });
  rows.sort((a, b) => (a.fullName ?? '').localeCompare(b.fullName ?? '') || a.participantId - b.participantId);
  return {
    program: {
      id: program.id,
      identifier: program.identifier,
      titleEn: program.titleEn,
      titleId: program.titleId,
      implementingOrg: program.implementingOrg,
    },
    days,
    completionPercent: percent,
    requiredDays: completionOf(0, days.length, percent).requiredDays,
    rows,
  };
}

/** The attendance sheet of a program: its participants with a place × its course days. */
export async function attendanceSheet(deps: SheetDeps, programId: number): Promise<AttendanceSheet> {
  const program = await programOf(deps.store.repos, programId);
  authorizeOfferManage(deps.actor, program);
  requireStage('attendance', program);
  return buildSheet(deps.store.repos, program);
}

/** Why each mark is refused (at most 50 named), so a whole sheet can be corrected at once. */
function markIssues(
  marks: readonly AttendanceMark[],
  days: ReadonlySet<string>,
  participants: ReadonlyMap<number, Participant>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  marks.forEach((m, i) => {
    const p = participants.get(m.participantId);
    if (!p)
      issues.push({
        path: `marks.${i}.participantId`,
        code: 'not_participant',
        message: `participant ${m.participantId} is not a participant of this program`,
      });
    else if (!ATTENDANCE_STATUSES.includes(p.status)) {
      issues.push({
        path: `marks.${i}.participantId`,
        code: 'not_confirmed',
        message: `participant ${m.participantId} is ${p.status}: attendance is recorded for selected, confirmed and attended participants only`,
      });
    }
    if (!days.has(m.day)) issues.push({ path: `marks.${i}.day`, code: 'not_course_day', message: `${m.day} is not a day of the course` });
    const key = `${m.participantId}|${m.day}`;
    if (seen.has(key))
      issues.push({ path: `marks.${i}`, code: 'duplicate', message: `participant ${m.participantId} on ${m.day} is given twice` });
    seen.add(key);
  });
  return issues.slice(0, 50);
}

/** Records (or corrects) attendance marks; answers the updated sheet. */
export async function recordAttendance(
  deps: Deps<'programs' | 'participants' | 'attendance' | 'certificates' | 'audit'>,
  programId: number,
  marks: readonly AttendanceMark[],
): Promise<AttendanceSheet> {
  if (marks.length > MAX_MARKS)
    throw new InvalidError('attendance.too_many', `at most ${MAX_MARKS} marks at once`, [
      { path: 'marks', code: 'too_big', message: `at most ${MAX_MARKS} marks` },
    ]);
  return deps.store.transaction(async (repos) => {
    const program = await programOf(repos, programId);
    authorizeOfferManage(deps.actor, program);
    requireStage('attendance', program);
    await repos.attendance.lockProgram(programId);
    const days = courseDays(program);
    const participants = new Map((await repos.participants.listByProgram(programId)).map((p) => [p.id, p]));
    const issues = markIssues(marks, new Set(days), participants);
    if (issues.length)
      throw new InvalidError(
        'attendance.invalid',
        `${issues.length} attendance mark(s) cannot be recorded: ${issues[0]?.message ?? ''}`,
        issues,
      );
    const now = deps.clock.nowIso();
    await repos.attendance.record(marks, actorLabel(deps.actor), now);
    const present = marks.filter((m) => m.present).length;
    const recorded = marks.length
      ? { marks: marks.length, present, absent: marks.length - present, days: [...new Set(marks.map((m) => m.day))].sort() }
      : null;
    await audit(deps, repos, {
      action: 'update',
      entity: 'activity',
      entityId: programId,
      entityLabel: program.identifier,
      changes: { attendance: { before: null, after: recorded } },
      comment: 'attendance recorded',
    });
    return buildSheet(repos, program);
  });
}

export interface CloseResult {
  readonly courseDays: number;
  readonly completionPercent: number;
  readonly requiredDays: number;
  /** Participants who became attended (from selected or confirmed). */
  readonly attended: number;
  readonly completed: number;
  /** Attended, but on too few days to complete. */
  readonly belowRule: number;
  /** Selected or confirmed, never present. */
  readonly noShow: number;
}

/**
 * Applies the completion rule once the course is over: selected or confirmed participants who
 * were present on some day become attended (a selected one who never confirmed is moved with a
 * note), and those present on enough days become completed. Re-running it moves only those whose
 * attendance was corrected; nobody is moved back.
 */
export async function closeAttendance(
  deps: Deps<JourneyRepo | 'programs' | 'attendance' | 'reportFacts'>,
  programId: number,
): Promise<CloseResult> {
  return deps.store.transaction(async (repos) => {
    const program = await programOf(repos, programId);
    authorizeOfferManage(deps.actor, program);
    requireStage('attendance', program);
    await repos.attendance.lockProgram(programId);
    const days = courseDays(program);
    const last = days[days.length - 1] ?? '';
    const today = deps.clock.nowIso().slice(0, 10);
    if (today < last)
      throw new InvalidError('attendance.course_not_over', `the course ends on ${last}: close its attendance on or after that day`);
    const percent = await percentOf(repos, programId);
    const presentDays = await repos.attendance.presentDays(programId, days[0] ?? '', last);
    const toAttended: StatusChange[] = [];
    const unconfirmed: StatusChange[] = [];
    const toCompleted: StatusChange[] = [];
    const tally = { belowRule: 0, noShow: 0 };
    for (const p of await repos.participants.listByProgram(programId)) {
      const outcome = attendanceOutcome(p.status, completionOf(presentDays.get(p.id) ?? 0, days.length, percent));
      if (outcome.reason === 'below_rule') tally.belowRule++;
      if (outcome.reason === 'no_show') tally.noShow++;
      if (outcome.steps[0] === 'attended') (p.status === 'selected' ? unconfirmed : toAttended).push({ participant: p, to: 'attended' });
      if (outcome.steps.includes('completed')) toCompleted.push({ participant: { ...p, status: 'attended' }, to: 'completed' });
    }
    await moveParticipants(deps, repos, program, toAttended, { note: 'attendance closed' });
    // The workflow goes through confirmed; a selected participant who came without confirming attended all the same.
    await moveParticipants(deps, repos, program, unconfirmed, {
      force: true,
      note: 'attendance closed: attended without confirming the place',
    });
    await moveParticipants(deps, repos, program, toCompleted, {
      note: `attendance closed: present on at least ${percent}% of the ${days.length} course days`,
    });
    await repos.reportFacts.refresh([programId], { participantsOnly: true });
    const result: CloseResult = {
      courseDays: days.length,
      completionPercent: percent,
      requiredDays: completionOf(0, days.length, percent).requiredDays,
      attended: toAttended.length + unconfirmed.length,
      completed: toCompleted.length,
      ...tally,
    };
    await audit(deps, repos, {
      action: 'update',
      entity: 'activity',
      entityId: programId,
      entityLabel: program.identifier,
      changes: { attendanceClosed: { before: null, after: { ...result } } },
      comment: 'attendance closed',
    });
    return result;
  });
}
