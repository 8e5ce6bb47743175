/** What the completion and evaluation use cases need from storage (issue 25). */
import type { CompletionData, CompletionRecord } from '../domain/program/completion.js';
import type { EvaluationData, EvaluationRecord } from '../domain/program/evaluation.js';
import type { FollowUpRecord } from '../domain/partnership/partnership.js';
import type { NewFollowUp } from './engagements.ports.js';

/** Who saved a record and when. */
export interface Saved {
  readonly by: string;
  readonly at: string;
}

export interface CompletionRepository {
  findCompletion(activityId: number): Promise<CompletionRecord | undefined>;
  /** Creates the record (`expectedVersion` null) or replaces it at that version; false when the version moved on (or it exists already). */
  saveCompletion(activityId: number, data: CompletionData, expectedVersion: number | null, saved: Saved): Promise<boolean>;
  findEvaluation(activityId: number): Promise<EvaluationRecord | undefined>;
  saveEvaluation(activityId: number, data: EvaluationData, expectedVersion: number | null, saved: Saved): Promise<boolean>;
  /** The follow-ups of a program's evaluation (its management response's actions), earliest due first. */
  listProgramFollowUps(activityId: number, today: string): Promise<FollowUpRecord[]>;
  insertProgramFollowUp(activityId: number, followUp: NewFollowUp, now: string): Promise<number>;
  /** Rewrites what was agreed (action, owner, due day); the status stays the follow-up's own. */
  updateProgramFollowUp(id: number, followUp: NewFollowUp, now: string): Promise<void>;
  deleteProgramFollowUps(ids: readonly number[]): Promise<void>;
}
