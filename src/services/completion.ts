/**
 * Completion and evaluation records of programs (issue 25, docs/completion-evaluation.md), and the
 * gate that keeps a program out of `completed` and `evaluated` until they hold what the stage
 * needs. An evaluation's management-response actions are follow-ups (follow_ups with the program
 * as their source), listed with the engagements' follow-ups and changed by the same rules.
 */
import type { Framework } from '../domain/results/framework.js';
import type { Actor } from '../domain/access/actor.js';
import { actorLabel } from '../domain/access/actor.js';
import {
  authorizeCompletionWrite,
  authorizeEvaluationWrite,
  canReadInternal,
  canWriteCompletion,
  canWriteEvaluation,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import type { LifecycleStage } from '../domain/codes.js';
import { ConflictError, InvalidError, InvalidTransitionError, type FieldIssue } from '../domain/errors.js';
import type { FollowUpRecord } from '../domain/partnership/partnership.js';
import {
  checkCompletion,
  completionDataOf,
  completionWarnings,
  costShares,
  type CompletionData,
  type CompletionInput,
  type CompletionRecord,
  type CostShare,
  type CurrencyTotal,
} from '../domain/program/completion.js';
import {
  checkEvaluation,
  evaluationDataOf,
  type EvaluationData,
  type EvaluationInput,
  type EvaluationRecord,
} from '../domain/program/evaluation.js';
import type { TransitionAction } from '../domain/program/lifecycle.js';
import type { Program } from '../domain/program/program.js';
import { completeRequirements, evaluateRequirements, stageRequirements } from '../domain/program/stage-requirements.js';
import type { StageFacts } from '../domain/program/stage-status.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';
import type { NewFollowUp } from './engagements.ports.js';
import { getProgram } from './programs.js';

/** Stages in which a completion may be recorded, and an evaluation. */
const COMPLETION_STAGES: readonly LifecycleStage[] = ['implementation', 'completed', 'evaluated'];
const EVALUATION_STAGES: readonly LifecycleStage[] = ['completed', 'evaluated'];

export interface RecordWrite {
  /** The version the caller read (If-Match); 0 for "no record yet"; undefined overwrites whatever is stored. */
  readonly expectedVersion?: number;
}

export interface CompletionView {
  /** The record as this actor may see it (the public sees no costs); null when none is recorded yet. */
  readonly record: CompletionRecord | null;
  /** The record's version (0 when there is none): the ETag a save sends back as If-Match. */
  readonly version: number;
  readonly costsShown: boolean;
  readonly shares: readonly CostShare[];
  readonly totals: readonly CurrencyTotal[];
  /** Differences from the plan (actual dates), never refusals. */
  readonly warnings: readonly FieldIssue[];
  /** What moving to `completed` still needs (empty for the public and once complete). */
  readonly missing: readonly FieldIssue[];
  readonly canEdit: boolean;
}

export interface EvaluationView {
  /** The evaluation as this actor may see it (the public: the ratings and findings, no names nor management response). */
  readonly record: EvaluationRecord | null;
  readonly version: number;
  /** The management response's follow-ups with their statuses (internal readers). */
  readonly followUps: readonly FollowUpRecord[];
  readonly missing: readonly FieldIssue[];
  readonly canEdit: boolean;
}

const today = (deps: Acting): string => deps.clock.nowIso().slice(0, 10);

function staleRecord(what: 'completion' | 'evaluation', id: number, current: number, yours: number | undefined): ConflictError {
  return new ConflictError(
    `${what}.stale`,
    `the ${what} of program ${id} was changed by someone else (now at version ${current}); reload it first`,
    [],
    {
      details: { currentVersion: current, yourVersion: yours ?? null },
    },
  );
}

function requireStage(program: Program, stages: readonly LifecycleStage[], what: 'completion' | 'evaluation'): void {
  if (stages.includes(program.lifecycleStage)) return;
  throw new InvalidTransitionError(
    `${what}.stage`,
    `a program in stage "${program.lifecycleStage}" has no ${what} yet (it must be ${stages.join(' or ')})`,
  );
}

// ---- completion -------------------------------------------------------------------------------

export async function getCompletion(
  deps: Deps<'programs' | 'completions' | 'results' | 'programDocuments'>,
  id: number,
): Promise<CompletionView> {
  const program = await getProgram(deps, id);
  const internal = canReadInternal(deps.actor);
  const stored = await deps.store.repos.completions.findCompletion(id);
  // The public sees a completion once the program is completed, without its costs (docs/completion-evaluation.md).
  const record = !stored
    ? null
    : internal
      ? stored
      : program.lifecycleStage === 'completed' || program.lifecycleStage === 'evaluated'
        ? { ...stored, costs: [], updatedBy: '' }
        : null;
  const { shares, totals } = internal && record ? costShares(record.costs) : { shares: [], totals: [] };
  return {
    record,
    version: stored?.version ?? 0,
    costsShown: internal,
    shares,
    totals,
    warnings: internal && record ? completionWarnings(record, program) : [],
    missing:
      internal && program.lifecycleStage === 'implementation'
        ? completeRequirements({ completion: stored ?? null, ...(await completionFacts(deps.store.repos, id)) })
        : [],
    canEdit: canWriteCompletion(deps.actor, program) && COMPLETION_STAGES.includes(program.lifecycleStage),
  };
}

/** Partner organisations named on cost lines must be in the registry. */
async function partnerIssues(repos: Repos<'organisations'>, d: CompletionData): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [i, c] of d.costs.entries()) {
    if (c.bearer !== 'partner' || !c.partnerOrg) continue;
    if (!(await repos.organisations.findByCode(c.partnerOrg)))
      issues.push({
        path: `costs.${i}.partnerOrg`,
        code: 'unknown_org',
        params: { value: c.partnerOrg },
        message: `no organisation with code "${c.partnerOrg}"`,
      });
  }
  return issues;
}

export async function saveCompletion(
  deps: Deps<'programs' | 'completions' | 'organisations' | 'results' | 'programDocuments' | 'audit'>,
  id: number,
  input: CompletionInput,
  write: RecordWrite = {},
): Promise<CompletionView> {
  await deps.store.transaction(async (repos) => {
    const program = await getProgram({ ...deps, store: { ...deps.store, repos } }, id);
    authorizeCompletionWrite(deps.actor, program);
    requireStage(program, COMPLETION_STAGES, 'completion');
    const before = await repos.completions.findCompletion(id);
    const current = before?.version ?? 0;
    if (write.expectedVersion !== undefined && write.expectedVersion !== current)
      throw staleRecord('completion', id, current, write.expectedVersion);
    const data = completionDataOf(input, before?.illustrative ?? false);
    const issues = [...checkCompletion(data), ...(await partnerIssues(repos, data))];
    if (issues.length)
      throw new InvalidError(
        'completion.invalid',
        `the completion is refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    if (
      !(await repos.completions.saveCompletion(id, data, before ? current : null, { by: actorLabel(deps.actor), at: deps.clock.nowIso() }))
    )
      throw staleRecord('completion', id, current, write.expectedVersion);
    const plain = (r: CompletionData | null) => (r ? completionDataOf(completionInputOf(r), r.illustrative) : null);
    await audit(deps, repos, {
      action: before ? 'update' : 'create',
      entity: 'program_completion',
      entityId: id,
      entityLabel: program.identifier,
      entityVersion: current + 1,
      changes: diffRecords(plain(before ?? null), data),
    });
  });
  return getCompletion(deps, id);
}

/** A stored record back as the input it came from (to compare like with like in the audit). */
function completionInputOf(r: CompletionData): CompletionInput {
  return {
    ...r,
    costs: r.costs.map((c) => ({
      line: c.line,
      amount: c.amountMinor,
      currency: c.currency,
      bearer: c.bearer,
      partnerOrg: c.partnerOrg,
      note: c.note,
    })),
  };
}

// ---- evaluation -------------------------------------------------------------------------------

/** The evaluation with each action's follow-up as it now stands (its text, owner and due day may have been edited there). */
function withFollowUps(record: EvaluationRecord, followUps: readonly FollowUpRecord[]): EvaluationRecord {
  const byId = new Map(followUps.map((f) => [f.id, f]));
  return {
    ...record,
    recommendations: record.recommendations.map((r) => ({
      ...r,
      actions: r.actions.map((a) => {
        const f = a.followUpId === null ? undefined : byId.get(a.followUpId);
        return f ? { ...a, action: f.action, actionId: f.actionId, owner: f.owner, dueOn: f.dueOn } : { ...a, followUpId: null };
      }),
    })),
  };
}

function publicEvaluation(r: EvaluationRecord): EvaluationRecord {
  return { ...r, evaluatorName: null, recommendations: [], updatedBy: '' };
}

export async function getEvaluation(deps: Deps<'programs' | 'completions'>, id: number): Promise<EvaluationView> {
  const program = await getProgram(deps, id);
  const internal = canReadInternal(deps.actor);
  const repos = deps.store.repos;
  const stored = await repos.completions.findEvaluation(id);
  const followUps = internal ? await repos.completions.listProgramFollowUps(id, today(deps)) : [];
  const full = stored ? withFollowUps(stored, followUps) : null;
  const record = !full ? null : internal ? full : program.lifecycleStage === 'evaluated' ? publicEvaluation(full) : null;
  return {
    record,
    version: stored?.version ?? 0,
    followUps,
    missing: internal && program.lifecycleStage === 'completed' ? evaluateRequirements({ evaluation: full }) : [],
    canEdit: canWriteEvaluation(deps.actor) && EVALUATION_STAGES.includes(program.lifecycleStage),
  };
}

/**
 * The actions as follow-ups: an action with an owner is a follow-up (kept when it names its
 * follow-up, else new); an action without one stays a draft until it has one; follow-ups no
 * action names any more are removed. Returns the data with each action's follow-up id.
 */
async function syncFollowUps(
  deps: Acting,
  repos: Repos<'completions' | 'organisations' | 'audit'>,
  program: Program,
  data: EvaluationData,
): Promise<{ data: EvaluationData; issues: FieldIssue[] }> {
  const now = deps.clock.nowIso();
  const existing = new Map((await repos.completions.listProgramFollowUps(program.id, today(deps))).map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  const kept = new Set<number>();
  const recommendations = [];
  for (const [i, r] of data.recommendations.entries()) {
    const actions = [];
    for (const [j, a] of r.actions.entries()) {
      const path = `recommendations.${i}.actions.${j}`;
      if (a.followUpId !== null && !existing.has(a.followUpId)) {
        issues.push({
          path: `${path}.followUpId`,
          code: 'unknown_follow_up',
          message: `follow-up ${a.followUpId} is not one of this evaluation's`,
        });
        continue;
      }
      const org = a.owner ? await repos.organisations.findByCode(a.owner) : undefined;
      if (a.owner && !org) {
        issues.push({
          path: `${path}.owner`,
          code: 'unknown_owner',
          params: { value: a.owner },
          message: `no organisation with code "${a.owner}"`,
        });
        continue;
      }
      if (!org) {
        actions.push({ ...a, followUpId: null });
        continue;
      }
      const followUp: NewFollowUp = { action: a.action, actionId: a.actionId, owner: org.code, dueOn: a.dueOn };
      let followUpId = a.followUpId;
      if (followUpId !== null) await repos.completions.updateProgramFollowUp(followUpId, followUp, now);
      else {
        followUpId = await repos.completions.insertProgramFollowUp(program.id, followUp, now);
        await audit(deps, repos, {
          action: 'create',
          entity: 'follow_up',
          entityId: followUpId,
          entityLabel: `${program.identifier}: ${a.action.slice(0, 80)}`,
          changes: diffRecords(null, { ...followUp, status: 'open' }),
        });
      }
      kept.add(followUpId);
      actions.push({ ...a, owner: org.code, followUpId });
    }
    recommendations.push({ ...r, actions });
  }
  const removed = [...existing.keys()].filter((fid) => !kept.has(fid));
  await repos.completions.deleteProgramFollowUps(removed);
  for (const fid of removed) {
    const { overdue: _o, ...gone } = existing.get(fid) ?? { overdue: false };
    await audit(deps, repos, {
      action: 'delete',
      entity: 'follow_up',
      entityId: fid,
      entityLabel: program.identifier,
      changes: diffRecords(gone, null),
    });
  }
  return { data: { ...data, recommendations }, issues };
}

export async function saveEvaluation(
  deps: Deps<'programs' | 'completions' | 'organisations' | 'audit'>,
  id: number,
  input: EvaluationInput,
  write: RecordWrite = {},
): Promise<EvaluationView> {
  await deps.store.transaction(async (repos) => {
    const program = await getProgram({ ...deps, store: { ...deps.store, repos } }, id);
    authorizeEvaluationWrite(deps.actor);
    requireStage(program, EVALUATION_STAGES, 'evaluation');
    const before = await repos.completions.findEvaluation(id);
    const current = before?.version ?? 0;
    if (write.expectedVersion !== undefined && write.expectedVersion !== current)
      throw staleRecord('evaluation', id, current, write.expectedVersion);
    const checked = checkEvaluation(evaluationDataOf(input, before?.illustrative ?? false));
    if (checked.length) throw invalidEvaluation(checked);
    const synced = await syncFollowUps(deps, repos, program, evaluationDataOf(input, before?.illustrative ?? false));
    if (synced.issues.length) throw invalidEvaluation(synced.issues);
    if (
      !(await repos.completions.saveEvaluation(id, synced.data, before ? current : null, {
        by: actorLabel(deps.actor),
        at: deps.clock.nowIso(),
      }))
    )
      throw staleRecord('evaluation', id, current, write.expectedVersion);
    const {
      activityId: _a,
      version: _v,
      updatedBy: _u,
      createdAt: _c,
      updatedAt: _t,
      ...plainBefore
    } = before ?? {
      activityId: 0,
      version: 0,
      updatedBy: '',
      createdAt: '',
      updatedAt: '',
    };
    await audit(deps, repos, {
      action: before ? 'update' : 'create',
      entity: 'program_evaluation',
      entityId: id,
      entityLabel: program.identifier,
      entityVersion: current + 1,
      changes: diffRecords(before ? plainBefore : null, synced.data, ['evaluatorName']),
    });
  });
  return getEvaluation(deps, id);
}

const invalidEvaluation = (issues: FieldIssue[]) =>
  new InvalidError('evaluation.invalid', `the evaluation is refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

// ---- the stage gate ---------------------------------------------------------------------------

/**
 * The gate of `complete` and `evaluate` (called by services/lifecycle.ts before it moves the
 * program): refuses, naming every missing thing, when the stage's record lacks what the stage
 * needs; returns the facts the record sets on the program (completing takes the actual dates of
 * the completion record). The system actor (the operator's CLI, the demo loader) is not refused,
 * as imports set stages without transitions: programs brought in whole keep working (their
 * records can be added later; docs/completion-evaluation.md).
 */
export async function stageContent(
  actor: Actor,
  repos: Repos<'completions' | 'results' | 'programDocuments'>,
  program: Pick<Program, 'id'>,
  action: TransitionAction,
): Promise<Partial<StageFacts>> {
  if (action !== 'complete' && action !== 'evaluate') return {};
  const completion = (await repos.completions.findCompletion(program.id)) ?? null;
  const facts = action === 'complete' && actor.kind !== 'system' ? await completionFacts(repos, program.id) : {};
  const evaluation = action === 'evaluate' ? ((await repos.completions.findEvaluation(program.id)) ?? null) : null;
  const followUps = evaluation ? await repos.completions.listProgramFollowUps(program.id, '0000-00-00') : [];
  const missing =
    actor.kind === 'system'
      ? []
      : stageRequirements(action, {
          completion,
          ...facts,
          evaluation: evaluation && withFollowUps(evaluation, followUps),
        });
  if (missing.length)
    throw new InvalidError(
      'activity.stage_requirements',
      `the program cannot be ${action === 'complete' ? 'completed' : 'evaluated'} yet: ${missing.map((i) => i.message).join('; ')}`,
      missing,
    );
  if (action !== 'complete' || !completion) return {};
  return {
    ...(completion.actualStart ? { actualStart: completion.actualStart } : {}),
    ...(completion.actualEnd ? { actualEnd: completion.actualEnd } : {}),
  };
}

/** What completing needs besides the record: a completion-report document may stand for the text; every indicator needs an actual. */
async function completionFacts(
  repos: Repos<'results' | 'programDocuments'>,
  programId: number,
): Promise<{ hasReportDocument: boolean; indicatorsWithoutActual: string[] }> {
  const documents = await repos.programDocuments.list(programId, false);
  return {
    hasReportDocument: documents.some((d) => d.kind === 'completion_report'),
    indicatorsWithoutActual: withoutActual((await repos.results.get(programId)).framework),
  };
}

/** The titles of a framework's indicators with no actual value in any period (the outputs not yet reported against their targets). */
function withoutActual(framework: Framework): string[] {
  return framework.results.flatMap((r) =>
    r.indicators.filter((i) => !i.periods.some((p) => p.actual !== null)).map((i) => i.titleEn || i.titleId || `#${i.id}`),
  );
}
