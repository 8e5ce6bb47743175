/**
 * The coordination ministries' sign-offs (issue 25, docs/sign-offs.md): the rules of which
 * ministry signs at which step, each ministry's opinion on a program, the gate they put on
 * `approve` and `fund`, and the new round a return to `request` starts.
 */
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import { requireSignedIn } from '../domain/access/policy.js';
import { InvalidError, NotFoundError } from '../domain/errors.js';
import type { Program } from '../domain/program/program.js';
import type { TransitionAction } from '../domain/program/lifecycle.js';
import {
  authorizeSignOff,
  authorizeSignOffRules,
  evaluateStep,
  refusalOf,
  signOffIssues,
  signOffSteps,
  STEP_GATES,
  stepGating,
  type SignOff,
  type SignOffInput,
  type SignOffRule,
  type SignOffRuleInput,
  type SignOffStep,
  type StepState,
} from '../domain/sign-off/sign-off.js';
import type { LifecycleStage } from '../domain/codes.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';
import { getProgram } from './programs.js';

/** The rules, as the coordination team configured them. */
export async function listSignOffRules(deps: Deps<'signOffs'>): Promise<SignOffRule[]> {
  requireSignedIn(deps.actor);
  return deps.store.repos.signOffs.listRules();
}

/** Sets whether a ministry must sign at a step, and its days; audited. */
export async function saveSignOffRule(deps: Deps<'signOffs' | 'organisations' | 'audit'>, input: SignOffRuleInput): Promise<SignOffRule> {
  authorizeSignOffRules(deps.actor);
  return deps.store.transaction(async (repos) => {
    const org = await repos.organisations.findByCode(input.orgCode);
    if (!org) {
      throw new InvalidError('sign_off.unknown_ministry', `no organisation with code "${input.orgCode}"`, [
        { path: 'orgCode', code: 'unknown', message: `no organisation with code "${input.orgCode}"` },
      ]);
    }
    const { rule, before } = await repos.signOffs.saveRule({ ...input, orgCode: org.code }, deps.clock.nowIso());
    await audit(deps, repos, {
      action: before ? 'update' : 'create',
      entity: 'sign_off_rule',
      entityId: `${rule.step}:${rule.orgCode}`,
      entityLabel: `${rule.step} ${rule.orgCode}`,
      changes: {
        ...(before?.required === rule.required ? {} : { required: { before: before?.required ?? null, after: rule.required } }),
        ...(before?.daysAllowed === rule.daysAllowed
          ? {}
          : { daysAllowed: { before: before?.daysAllowed ?? null, after: rule.daysAllowed } }),
      },
    });
    return rule;
  });
}

/** When the program last entered the stage of a step (the start of its round), if it did by a transition. */
async function roundStart(repos: Repos<'transitions'>, activityId: number, stage: LifecycleStage): Promise<string | null> {
  const entered = (await repos.transitions.listByProgram(activityId)).filter((t) => t.toStage === stage);
  return entered.at(-1)?.at ?? null;
}

async function stepStates(repos: Repos<'signOffs' | 'transitions'>, program: Program, today: string): Promise<StepState[]> {
  const rules = await repos.signOffs.listRules();
  const signOffs = await repos.signOffs.listByProgram(program.id);
  const states: StepState[] = [];
  for (const step of signOffSteps.codes) {
    const started = await roundStart(repos, program.id, STEP_GATES[step].stage);
    states.push(evaluateStep(step, rules, signOffs, started, today));
  }
  return states;
}

export interface ProgramSignOffs {
  /** The step whose round is open now (the program is in its stage), else null. */
  readonly current: SignOffStep | null;
  readonly steps: readonly StepState[];
  /** The ministry this actor may sign for at the current step (their own, when it is in the rules). */
  readonly mySignFor: string | null;
}

/** Who is waiting on whom: each step's ministries, their opinions and deadlines (signed-in users). */
export async function programSignOffs(deps: Deps<'programs' | 'signOffs' | 'transitions'>, id: number): Promise<ProgramSignOffs> {
  requireSignedIn(deps.actor);
  const program = await getProgram(deps, id);
  const steps = await stepStates(deps.store.repos, program, deps.clock.nowIso().slice(0, 10));
  const current = signOffSteps.codes.find((s) => STEP_GATES[s].stage === program.lifecycleStage) ?? null;
  const actor = deps.actor;
  const rules = current ? (await deps.store.repos.signOffs.listRules()).filter((r) => r.step === current) : [];
  const own =
    actor.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'admin') && actor.orgCode
      ? rules.find((r) => r.orgCode.toLowerCase() === actor.orgCode?.toLowerCase())
      : undefined;
  return { current, steps, mySignFor: own?.orgCode ?? null };
}

/**
 * Records the opinion of the actor's own ministry at the step the program is in; a newer opinion
 * replaces the ministry's earlier one (the audit keeps both).
 */
export async function recordSignOff(
  deps: Deps<'programs' | 'signOffs' | 'transitions' | 'audit'>,
  id: number,
  input: SignOffInput,
): Promise<ProgramSignOffs> {
  authorizeSignOff(deps.actor, input.orgCode);
  const issues = signOffIssues(input);
  if (issues.length) throw new InvalidError('sign_off.invalid', issues.map((i) => i.message).join('; '), issues);
  await deps.store.transaction(async (repos) => {
    const program = await repos.programs.findById(id);
    if (!program) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
    const stage = STEP_GATES[input.step].stage;
    if (program.lifecycleStage !== stage) {
      throw new InvalidError(
        'sign_off.wrong_stage',
        `the ${input.step} sign-offs are recorded while the program is in stage "${stage}" (it is in "${program.lifecycleStage}")`,
      );
    }
    const rule = (await repos.signOffs.listRules()).find(
      (r) => r.step === input.step && r.orgCode.toLowerCase() === input.orgCode.toLowerCase(),
    );
    if (!rule) {
      throw new InvalidError('sign_off.not_in_rules', `${input.orgCode} does not sign at the ${input.step} step (see the sign-off rules)`, [
        { path: 'orgCode', code: 'not_in_rules', message: `${input.orgCode} does not sign at the ${input.step} step` },
      ]);
    }
    const signOff: SignOff = {
      activityId: id,
      step: input.step,
      orgCode: rule.orgCode,
      opinion: input.opinion,
      comment: input.comment?.trim() || null,
      signedByUserId: actorUserId(deps.actor),
      signedByLabel: actorLabel(deps.actor),
      signedAt: deps.clock.nowIso(),
    };
    const before = await repos.signOffs.record(signOff);
    await audit(deps, repos, {
      action: 'sign_off',
      entity: 'activity',
      entityId: id,
      entityLabel: program.identifier,
      entityVersion: program.version,
      changes: { [`signOff.${input.step}.${rule.orgCode}`]: { before: before ? summary(before) : null, after: summary(signOff) } },
      comment: signOff.comment,
    });
  });
  return programSignOffs(deps, id);
}

function summary(s: SignOff): { opinion: string; comment: string | null; signedBy: string; signedAt: string } {
  return { opinion: s.opinion, comment: s.comment, signedBy: s.signedByLabel, signedAt: s.signedAt };
}

/**
 * The gate of `approve` and `fund`: refused (422 sign_off.incomplete) while a required ministry
 * is still waited on or disagreed. The system (the operator's CLI, imports, the demo loader) is
 * not a ministry and is not held by it: imports register programs at later stages directly.
 */
export async function requireSignOffs(
  deps: Acting,
  repos: Repos<'signOffs' | 'transitions'>,
  program: Program,
  action: TransitionAction,
): Promise<void> {
  const step = stepGating(action);
  if (!step || deps.actor.kind !== 'user') return;
  const state = (await stepStates(repos, program, deps.clock.nowIso().slice(0, 10))).find((s) => s.step === step);
  const refusal = state && refusalOf(state);
  if (!state || !refusal) return;
  throw new InvalidError('sign_off.incomplete', `cannot ${action}: ${refusal}`, [], {
    details: { step, waitingOn: [...state.waitingOn], disagreed: [...state.disagreed] },
  });
}

/** A return to `request` ends the assessment round: its opinions go (the audit keeps them). */
export async function clearSignOffRound(
  deps: Acting,
  repos: Repos<'signOffs' | 'audit'>,
  program: Program,
  step: SignOffStep,
): Promise<void> {
  const cleared = await repos.signOffs.clearStep(program.id, step);
  if (!cleared.length) return;
  await audit(deps, repos, {
    action: 'sign_off_clear',
    entity: 'activity',
    entityId: program.id,
    entityLabel: program.identifier,
    entityVersion: program.version + 1,
    changes: Object.fromEntries(cleared.map((s) => [`signOff.${step}.${s.orgCode}`, { before: summary(s), after: null }])),
  });
}
