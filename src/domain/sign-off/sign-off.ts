/**
 * The coordination team's sign-offs (issue 25): the team is four ministries (foreign affairs,
 * state secretariat, national planning, finance), and at the assessment and funding steps each
 * ministry a rule requires records its own opinion before the program moves on. Which ministries
 * must sign at which step is data (the `sign_off_rules` table), so this module only evaluates it.
 */
import { z } from 'zod';
import { defineCodeSet } from '../code-set.js';
import type { LifecycleStage } from '../codes.js';
import { addDays } from '../dates.js';
import { ForbiddenError, type FieldIssue } from '../errors.js';
import type { Actor } from '../access/actor.js';
import { isCoordinationTeam, requireSignedIn } from '../access/policy.js';
import type { TransitionAction } from '../program/lifecycle.js';

/**
 * The four ministries of the coordination team, by organisation code (the demo organisations use
 * these; a deployment with other codes edits the rules, which name ministries by code).
 */
export const COORDINATION_MINISTRIES = defineCodeSet({
  'ID-KEMLU': { en: 'Ministry of Foreign Affairs', id: 'Kementerian Luar Negeri' },
  'ID-KEMENSETNEG': { en: 'Ministry of State Secretariat', id: 'Kementerian Sekretariat Negara' },
  'ID-BAPPENAS': { en: 'Ministry of National Development Planning', id: 'Kementerian PPN/Bappenas' },
  'ID-KEMENKEU': { en: 'Ministry of Finance', id: 'Kementerian Keuangan' },
});

export const signOffSteps = defineCodeSet({
  assessment: { en: 'Assessment', id: 'Penilaian' },
  funding: { en: 'Funding', id: 'Pendanaan' },
});
export type SignOffStep = (typeof signOffSteps.codes)[number];

export const signOffOpinions = defineCodeSet({
  agree: { en: 'Agree', id: 'Setuju' },
  agree_with_conditions: { en: 'Agree with conditions', id: 'Setuju dengan syarat' },
  disagree: { en: 'Disagree', id: 'Tidak setuju' },
});
export type SignOffOpinion = (typeof signOffOpinions.codes)[number];

export type SignOffStatus = 'waiting' | 'overdue' | SignOffOpinion;

/** The transition each step gates, and the stage a program is in while the step's round runs. */
export const STEP_GATES: Readonly<Record<SignOffStep, { action: TransitionAction; stage: LifecycleStage }>> = {
  assessment: { action: 'approve', stage: 'assessment' },
  funding: { action: 'fund', stage: 'approved' },
};

export function stepGating(action: TransitionAction): SignOffStep | null {
  return signOffSteps.codes.find((step) => STEP_GATES[step].action === action) ?? null;
}

export function stepOfStage(stage: LifecycleStage): SignOffStep | null {
  return signOffSteps.codes.find((step) => STEP_GATES[step].stage === stage) ?? null;
}

export const MAX_DEADLINE_DAYS = 365;
export const MAX_SIGN_OFF_TEXT = 4000;

/** One rule: whether a ministry must sign at a step, and in how many days of the step's start. */
export interface SignOffRule {
  readonly step: SignOffStep;
  readonly orgCode: string;
  readonly required: boolean;
  readonly daysAllowed: number;
}

export const signOffRuleInputSchema = z.strictObject({
  step: z.enum(signOffSteps.codes),
  orgCode: z.string().trim().min(1).max(100),
  required: z.boolean(),
  daysAllowed: z.number().int().min(1).max(MAX_DEADLINE_DAYS),
});
export type SignOffRuleInput = z.infer<typeof signOffRuleInputSchema>;

export const signOffInputSchema = z.strictObject({
  step: z.enum(signOffSteps.codes),
  orgCode: z.string().trim().min(1).max(100),
  opinion: z.enum(signOffOpinions.codes),
  /** The conditions of an agreement with conditions, or the reason of a disagreement. */
  comment: z.string().trim().max(MAX_SIGN_OFF_TEXT).nullable().optional(),
});
export type SignOffInput = z.infer<typeof signOffInputSchema>;

/** A ministry's recorded opinion at a step of the current round. */
export interface SignOff {
  readonly activityId: number;
  readonly step: SignOffStep;
  readonly orgCode: string;
  readonly opinion: SignOffOpinion;
  readonly comment: string | null;
  readonly signedByUserId: number | null;
  readonly signedByLabel: string;
  readonly signedAt: string;
}

/** Conditions are required with a conditional agreement, a reason with a disagreement. */
export function signOffIssues(input: SignOffInput): FieldIssue[] {
  if (input.opinion === 'agree' || input.comment?.trim()) return [];
  const what = input.opinion === 'disagree' ? 'the reason for disagreeing' : 'the conditions of the agreement';
  return [{ path: 'comment', code: 'required', message: `say ${what}` }];
}

export interface MinistryState {
  readonly orgCode: string;
  readonly status: SignOffStatus;
  /** The last day to sign (YYYY-MM-DD), counted from the day the round started; null before it. */
  readonly deadlineDate: string | null;
  readonly signOff: SignOff | null;
}

export interface StepState {
  readonly step: SignOffStep;
  /** When the program entered the step (the round's start); null when it has not yet. */
  readonly startedAt: string | null;
  readonly ministries: readonly MinistryState[];
  /** Required ministries that have not signed yet. */
  readonly waitingOn: readonly string[];
  readonly disagreed: readonly string[];
  /** All required ministries signed and none disagreed. */
  readonly mayProceed: boolean;
}

/**
 * The state of a step: per required ministry its opinion or whether it is still waited on (and
 * overdue after its deadline), and whether the program may move on. A ministry that is not
 * required but signed anyway is shown too; its disagreement does not block (the rule says its
 * opinion is advisory).
 */
export function evaluateStep(
  step: SignOffStep,
  rules: readonly SignOffRule[],
  signOffs: readonly SignOff[],
  startedAt: string | null,
  today: string,
): StepState {
  const stepRules = rules.filter((r) => r.step === step);
  const ofStep = signOffs.filter((s) => s.step === step);
  const byOrg = new Map(ofStep.map((s) => [s.orgCode.toLowerCase(), s]));
  const shown = stepRules.filter((r) => r.required || byOrg.has(r.orgCode.toLowerCase()));
  const ministries = shown.map((rule): MinistryState => {
    const signOff = byOrg.get(rule.orgCode.toLowerCase()) ?? null;
    const deadlineDate = startedAt ? addDays(startedAt.slice(0, 10), rule.daysAllowed) : null;
    const status: SignOffStatus = signOff ? signOff.opinion : deadlineDate && today > deadlineDate ? 'overdue' : 'waiting';
    return { orgCode: rule.orgCode, status, deadlineDate, signOff };
  });
  const required = new Set(stepRules.filter((r) => r.required).map((r) => r.orgCode.toLowerCase()));
  const waitingOn = ministries.filter((m) => !m.signOff && required.has(m.orgCode.toLowerCase())).map((m) => m.orgCode);
  const disagreed = ministries.filter((m) => m.status === 'disagree' && required.has(m.orgCode.toLowerCase())).map((m) => m.orgCode);
  return { step, startedAt, ministries, waitingOn, disagreed, mayProceed: !waitingOn.length && !disagreed.length };
}

/** Why a step may not move on yet, naming the ministries (null when it may). */
export function refusalOf(state: StepState): string | null {
  if (state.mayProceed) return null;
  const parts: string[] = [];
  if (state.disagreed.length) parts.push(`disagreed: ${state.disagreed.join(', ')}`);
  if (state.waitingOn.length) parts.push(`still waiting on: ${state.waitingOn.join(', ')}`);
  return `the ${state.step} sign-offs are not complete (${parts.join('; ')})`;
}

/**
 * The reminders a waiting ministry is due (each sent once): `before` from `daysBefore` days ahead
 * of its deadline, `after` once the deadline has passed.
 */
export function dueReminders(
  state: StepState,
  today: string,
  daysBefore: number,
): { orgCode: string; kind: 'before' | 'after'; deadlineDate: string }[] {
  const due: { orgCode: string; kind: 'before' | 'after'; deadlineDate: string }[] = [];
  for (const m of state.ministries) {
    if (m.signOff || !m.deadlineDate || !state.waitingOn.includes(m.orgCode)) continue;
    if (today > m.deadlineDate) due.push({ orgCode: m.orgCode, kind: 'after', deadlineDate: m.deadlineDate });
    else if (addDays(today, daysBefore) >= m.deadlineDate) due.push({ orgCode: m.orgCode, kind: 'before', deadlineDate: m.deadlineDate });
  }
  return due;
}

/**
 * Who may record a ministry's opinion: a signed-in coordinator or administrator whose own
 * organisation is that ministry (each ministry's accounts act for their ministry only; an
 * administrator of no ministry may not sign for one, nor may the system).
 */
export function authorizeSignOff(actor: Actor, orgCode: string): void {
  requireSignedIn(actor);
  if (actor.kind !== 'user' || (actor.role !== 'coordinator' && actor.role !== 'admin')) {
    throw new ForbiddenError('sign_off.forbidden', 'only the coordination team (coordinators and administrators) records sign-offs');
  }
  if (actor.apiTokenId !== undefined) {
    throw new ForbiddenError('sign_off.token_forbidden', "a ministry's opinion is given by a person signed in, not by an API token");
  }
  if (!actor.orgCode || actor.orgCode.toLowerCase() !== orgCode.toLowerCase()) {
    throw new ForbiddenError(
      'sign_off.other_ministry_forbidden',
      `your account acts for ${actor.orgCode ?? 'no ministry'}, so it may not sign for ${orgCode}`,
    );
  }
}

/** Editing the rules: the coordination team. */
export function authorizeSignOffRules(actor: Actor): void {
  requireSignedIn(actor);
  if (!isCoordinationTeam(actor))
    throw new ForbiddenError('sign_off.rules_forbidden', 'only the coordination team edits the sign-off rules');
}
