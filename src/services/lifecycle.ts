/** Moving programs through the assistance process, and the annual plan it produces. */
import { canReadInternal } from '../domain/access/policy.js';
import type { Program } from '../domain/program/program.js';
import { availableTransitions, planTransition, type TransitionAction } from '../domain/program/lifecycle.js';
import { factsAfterTransition } from '../domain/program/stage-status.js';
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { ExchangeRate } from '../domain/exchange-rate.js';
import { convertSpending, type Spending, type SpendingGroup } from '../domain/report/summary.js';
import { audit } from './audit.js';
import { stageContent } from './completion.js';
import { getProgram } from './programs.js';
import { requireSignedIn } from '../domain/access/policy.js';
import type { Transition } from './lifecycle.ports.js';
import type { Deps } from './deps.js';
import { readBack } from './read-back.js';
import { clearSignOffRound, requireSignOffs } from './sign-offs.js';

export interface TransitionRequest {
  readonly action: TransitionAction;
  readonly comment?: string | null;
  /** The version the user saw (If-Match): a program changed meanwhile is not moved blindly. */
  readonly expectedVersion?: number;
}

export async function transitionProgram(
  deps: Deps<'programs' | 'reportFacts' | 'transitions' | 'signOffs' | 'completions' | 'results' | 'programDocuments' | 'audit'>,
  id: number,
  request: TransitionRequest,
): Promise<Program> {
  return deps.store.transaction(async (repos) => {
    const current = await repos.programs.findById(id);
    if (!current) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
      throw new ConflictError(
        'activity.stale',
        `program ${id} was changed by someone else (now at version ${current.version}); reload it first`,
        [],
        {
          details: { currentVersion: current.version, yourVersion: request.expectedVersion },
        },
      );
    }
    const comment = request.comment?.trim() || null;
    const to = planTransition(deps.actor, current, request.action, comment);
    // The coordination ministries' sign-offs gate approve and fund (docs/sign-offs.md).
    await requireSignOffs(deps, repos, current, request.action);
    const now = deps.clock.nowIso();
    // The IATI status follows the stage; starting and completing record the actual dates (today unless recorded).
    // Completing and evaluating need their records (issue 25); completing takes the record's actual dates.
    const facts = {
      ...factsAfterTransition(current, to, now.slice(0, 10)),
      ...(await stageContent(deps.actor, repos, current, request.action)),
    };
    const change = { lifecycleStage: to, plannedStart: current.plannedStart, ...facts };
    if (!(await repos.programs.setStage(id, current.version, change, now))) {
      throw new ConflictError('activity.stale', `program ${id} was changed by someone else meanwhile; reload it first`);
    }
    await repos.reportFacts.refresh([id]);
    // A program returned for revision comes back for a new assessment round.
    if (to === 'request') await clearSignOffRound(deps, repos, current, 'assessment');
    await repos.transitions.append({
      activityId: id,
      action: request.action,
      fromStage: current.lifecycleStage,
      toStage: to,
      comment,
      actorUserId: actorUserId(deps.actor),
      actorLabel: actorLabel(deps.actor),
      at: now,
    });
    await audit(deps, repos, {
      action: 'transition',
      entity: 'activity',
      entityId: id,
      entityLabel: current.identifier,
      entityVersion: current.version + 1,
      changes: {
        lifecycleStage: { before: current.lifecycleStage, after: to },
        ...Object.fromEntries(
          (['activityStatus', 'actualStart', 'actualEnd'] as const)
            .filter((field) => facts[field] !== current[field])
            .map((field) => [field, { before: current[field], after: facts[field] }]),
        ),
      },
      comment,
    });
    return readBack(await repos.programs.findById(id), `program ${id}`);
  });
}

export interface Timeline {
  readonly stage: Program['lifecycleStage'];
  readonly transitions: readonly Transition[];
  /** What this actor may do next. */
  readonly available: readonly TransitionAction[];
}

/** The program's path through the process so far, and the next steps this actor may take. */
export async function programTimeline(deps: Deps<'programs' | 'transitions'>, id: number): Promise<Timeline> {
  const activity = await getProgram(deps, id);
  // The public sees the stage, not who moved it.
  const transitions = canReadInternal(deps.actor) ? await deps.store.repos.transitions.listByProgram(id) : [];
  return { stage: activity.lifecycleStage, transitions, available: availableTransitions(deps.actor, activity) };
}

export interface PlanProgram extends Pick<Program, 'id' | 'identifier' | 'titleEn' | 'titleId' | 'plannedStart' | 'plannedEnd'> {
  readonly stage: Program['lifecycleStage'];
  readonly recipients: readonly string[];
  readonly budget: Spending;
}

export interface PlanAgency {
  readonly org: string | null;
  readonly programs: readonly PlanProgram[];
  readonly budget: Spending;
}

export interface AnnualPlan {
  readonly year: number;
  readonly programs: number;
  readonly agencies: readonly PlanAgency[];
  readonly budget: Spending;
}

/** The latest rate on or before a day (rates sorted by date). */
function rateOn(rates: readonly ExchangeRate[] | undefined, day: string): number | null {
  let found: number | null = null;
  for (const r of rates ?? []) {
    if (r.date > day) break;
    found = r.unitsPerUsd;
  }
  return found;
}

/**
 * The planned budget of a program: its revised budgets when it has any, else the original ones
 * (IATI BudgetType 2 and 1), each converted at the rate of its value date (else period start).
 */
function budgetGroups(activity: Program, rates: ReadonlyMap<string, readonly ExchangeRate[]>): SpendingGroup[] {
  const revised = activity.budgets.filter((b) => b.type === 2);
  const chosen = revised.length ? revised : activity.budgets.filter((b) => b.type === 1);
  return chosen.map((b) => {
    const day = b.valueDate ?? b.periodStart;
    return {
      currency: b.currency,
      currencyRate: rateOn(rates.get(b.currency), day),
      idrRate: rateOn(rates.get('IDR'), day),
      amountMinor: b.amountMinor,
      transactions: 1,
      firstDate: day,
      lastDate: day,
    };
  });
}

/** Approved and funded programs of a year, per implementing ministry, with their planned budgets. */
export async function annualPlan(deps: Deps<'programs' | 'exchangeRates'>, year: number): Promise<AnnualPlan> {
  requireSignedIn(deps.actor);
  const repos = deps.store.repos;
  const activities: Program[] = [];
  for (let page = 1; ; page++) {
    const result = await repos.programs.list({ year, stage: ['approved', 'funded'] }, { key: 'identifier', desc: false }, page, 500);
    activities.push(...(await repos.programs.findManyByIds(result.items.map((i) => i.id))));
    if (page * 500 >= result.total) break;
  }
  const rates = new Map<string, ExchangeRate[]>();
  for (const r of await repos.exchangeRates.list({})) {
    const list = rates.get(r.currency);
    if (list) list.push(r);
    else rates.set(r.currency, [r]);
  }
  for (const list of rates.values()) list.sort((a, b) => a.date.localeCompare(b.date));

  const byOrg = new Map<string | null, { programs: PlanProgram[]; groups: SpendingGroup[] }>();
  const all: SpendingGroup[] = [];
  for (const a of activities) {
    const groups = budgetGroups(a, rates);
    all.push(...groups);
    const entry = byOrg.get(a.implementingOrg) ?? { programs: [], groups: [] };
    entry.groups.push(...groups);
    entry.programs.push({
      id: a.id,
      identifier: a.identifier,
      titleEn: a.titleEn,
      titleId: a.titleId,
      stage: a.lifecycleStage,
      plannedStart: a.plannedStart,
      plannedEnd: a.plannedEnd,
      recipients: a.recipients.map((r) => r.country),
      budget: convertSpending(groups),
    });
    byOrg.set(a.implementingOrg, entry);
  }
  const agencies = [...byOrg.entries()]
    .map(([org, e]) => ({ org, programs: e.programs, budget: convertSpending(e.groups) }))
    .sort((a, b) => b.budget.idrMinor - a.budget.idrMinor || (a.org ?? '').localeCompare(b.org ?? ''));
  return { year, programs: activities.length, agencies, budget: convertSpending(all) };
}
