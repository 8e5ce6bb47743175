/** Ports of the program lifecycle (services/lifecycle.ts); db/audit.repo.ts implements them. */
import type { LifecycleStage } from '../domain/codes.js';
import type { TransitionAction } from '../domain/program/lifecycle.js';

/** One step of a program through the assistance process, with who took it. */
export interface Transition {
  readonly id: number;
  readonly activityId: number;
  readonly action: TransitionAction;
  readonly fromStage: LifecycleStage;
  readonly toStage: LifecycleStage;
  readonly comment: string | null;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly at: string;
}

export interface TransitionRepository {
  append(transition: Omit<Transition, 'id'>): Promise<void>;
  listByProgram(activityId: number): Promise<Transition[]>;
}
