/**
 * What the lifecycle stage decides beyond itself (issue 21): the IATI activity status a program
 * reports, its actual dates when it starts and ends, and the work the stage allows (course
 * offers and nominations, attendance, alumni surveys).
 *
 * The status of each stage, by the meaning of IATI's ActivityStatus codelist:
 * - request, assessment, approved, funded → 1 Pipeline/identification ("being scoped or
 *   planned"): nothing has happened yet, even in the annual plan and with money set aside;
 * - implementation → 2 Implementation;
 * - completed → 3 Finalisation ("physical activity is complete … but the activity remains open
 *   pending financial sign off or M&E"): the report is in, the secretariat's evaluation is not;
 * - evaluated → 4 Closed ("no further transactions will occur, and no further M&E");
 * - cancelled → 5 Cancelled;
 * - rejected → 5 Cancelled as well: a rejected request never became an activity, but "pipeline"
 *   would go on claiming it is being planned (and count it among the plans); IATI has no code for
 *   "never started", and Mitra publishes neither rejected nor cancelled requests anyway.
 * The one status a stage admits besides its own is 6 Suspended, while in implementation (a pause
 * the process has no stage for).
 */
import type { ActivityStatus, LifecycleStage } from '../codes.js';
import { InvalidTransitionError, type FieldIssue } from '../errors.js';

export const STATUS_OF_STAGE: Readonly<Record<LifecycleStage, ActivityStatus>> = {
  request: 'pipeline',
  assessment: 'pipeline',
  approved: 'pipeline',
  funded: 'pipeline',
  implementation: 'implementation',
  completed: 'finalisation',
  evaluated: 'closed',
  rejected: 'cancelled',
  cancelled: 'cancelled',
};

/** The statuses a program in this stage may report: the stage's own, and suspended while implementing. */
export function statusesOfStage(stage: LifecycleStage): readonly ActivityStatus[] {
  return stage === 'implementation' ? ['implementation', 'suspended'] : [STATUS_OF_STAGE[stage]];
}

export function statusFitsStage(status: ActivityStatus, stage: LifecycleStage): boolean {
  return statusesOfStage(stage).includes(status);
}

/** The field issue of a status that contradicts the stage (for a 422 naming `activityStatus`). */
export function statusIssue(status: ActivityStatus, stage: LifecycleStage): FieldIssue | null {
  if (statusFitsStage(status, stage)) return null;
  return {
    path: 'activityStatus',
    code: 'status_contradicts_stage',
    params: { stage, status, expected: statusesOfStage(stage).join(', ') },
    message: `a program in stage "${stage}" has status ${statusesOfStage(stage)
      .map((s) => `"${s}"`)
      .join(' or ')}, not "${status}" (the status follows the stage: move the program through its transitions)`,
  };
}

/**
 * A program's status once its stage is settled: a status the writer gave must fit the stage (else
 * the issue, for a 422 naming `activityStatus`); one not given follows the stage (a stored status
 * that fits, such as suspended, is kept).
 */
export function settleStatus<T extends { readonly activityStatus: ActivityStatus; readonly lifecycleStage: LifecycleStage }>(
  data: T,
  statusGiven: boolean,
): { data: T; issue: FieldIssue | null } {
  if (statusGiven) return { data, issue: statusIssue(data.activityStatus, data.lifecycleStage) };
  if (statusFitsStage(data.activityStatus, data.lifecycleStage)) return { data, issue: null };
  return { data: { ...data, activityStatus: STATUS_OF_STAGE[data.lifecycleStage] }, issue: null };
}

export interface StageFacts {
  readonly activityStatus: ActivityStatus;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
}

/**
 * The status and actual dates of a program moved to a stage on `today` (YYYY-MM-DD): the stage's
 * status; starting sets the actual start and completing the actual end, each to today unless it
 * was already recorded (an end never before the start).
 */
export function factsAfterTransition(program: StageFacts, to: LifecycleStage, today: string): StageFacts {
  const actualStart = to === 'implementation' ? (program.actualStart ?? today) : program.actualStart;
  const end = program.actualEnd ?? (actualStart && actualStart > today ? actualStart : today);
  return {
    activityStatus: STATUS_OF_STAGE[to],
    actualStart,
    actualEnd: to === 'completed' ? end : program.actualEnd,
  };
}

/** Work that waits for its stage. */
export type StagedWork = 'nominations' | 'attendance' | 'surveys';

/**
 * The stages each kind of work belongs to: a course is offered for nominations once approved
 * (until it is over), attendance is taken once it runs, alumni are surveyed once it is completed.
 */
export const STAGES_FOR: Readonly<Record<StagedWork, readonly LifecycleStage[]>> = {
  nominations: ['approved', 'funded', 'implementation'],
  attendance: ['implementation', 'completed', 'evaluated'],
  surveys: ['completed', 'evaluated'],
};

export function stageAllows(work: StagedWork, stage: LifecycleStage): boolean {
  return STAGES_FOR[work].includes(stage);
}

const WORK_WORDS: Readonly<Record<StagedWork, string>> = {
  nominations: 'is opened for nominations',
  attendance: 'takes attendance',
  surveys: 'surveys its alumni',
};

/** Throws `activity.wrong_stage` (409) when the program's stage does not allow the work. */
export function requireStage(work: StagedWork, program: { readonly lifecycleStage: LifecycleStage; readonly identifier?: string }): void {
  if (stageAllows(work, program.lifecycleStage)) return;
  const needed = STAGES_FOR[work];
  throw new InvalidTransitionError(
    'activity.wrong_stage',
    `the program is in stage "${program.lifecycleStage}": it ${WORK_WORDS[work]} only in stage ${needed.map((s) => `"${s}"`).join(', ')}`,
    [],
    { details: { work, stage: program.lifecycleStage, needed } },
  );
}
