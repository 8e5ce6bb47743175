/** Ports of the coordination ministries' sign-offs (services/sign-offs.ts); db/sign-off.repo.ts implements them. */
import type { SignOff, SignOffRule, SignOffRuleInput, SignOffStep } from '../domain/sign-off/sign-off.js';

/** A program in a step's round: its stage and when it entered it (null when it never moved there). */
export interface OpenRound {
  readonly activityId: number;
  readonly identifier: string;
  readonly step: SignOffStep;
  readonly startedAt: string | null;
}

export interface SignOffRepository {
  listRules(): Promise<SignOffRule[]>;
  /** Sets the rule of a step and ministry, replacing the one there (returned as `before`). */
  saveRule(rule: SignOffRuleInput, now: string): Promise<{ rule: SignOffRule; before?: SignOffRule }>;
  listByProgram(activityId: number): Promise<SignOff[]>;
  /** Records a ministry's opinion, replacing its earlier one at the same step (returned). */
  record(signOff: SignOff): Promise<SignOff | undefined>;
  /** Removes the opinions of a step (a new round starts); returns them for the audit. */
  clearStep(activityId: number, step: SignOffStep): Promise<SignOff[]>;
  /** Programs in assessment or approved, with the instant they entered that stage. */
  openRounds(): Promise<OpenRound[]>;
  /** Notes a reminder as sent; false when it already was (sent once per kind and round). */
  claimReminder(
    reminder: { activityId: number; step: SignOffStep; orgCode: string; kind: 'before' | 'after'; roundStartedAt: string },
    now: string,
  ): Promise<boolean>;
}
