/**
 * A program as a frozen edition keeps it (domain/report/edition.ts), in a module of its own so
 * that the edition and its comparison (edition-diff.ts) share it without importing each other.
 */
import type { CooperationType, FlagshipArea, LifecycleStage, Modality } from '../codes.js';

/** A program as an edition counted it: enough to show what changed and to regenerate documents. */
export interface ProgramSnapshot {
  readonly id: number;
  readonly version: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly lifecycleStage: LifecycleStage;
  readonly modality: Modality | null;
  readonly flagshipArea: FlagshipArea | null;
  readonly cooperationType: CooperationType;
  readonly implementingOrg: string | null;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  /** Recipient countries (ISO alpha-2), in the record's order. */
  readonly recipients: readonly string[];
  /** Partners' organisation codes with their south-south role ("JICA:second_provider"), sorted. */
  readonly partners: readonly string[];
  /** Participants as the report counts them, and where the figure comes from. */
  readonly participants: number;
  readonly participantsSource: string | null;
  /** Spent amounts (transaction types 3 and 4) and budgets per currency, in hundredths. */
  readonly spending: readonly { currency: string; amountMinor: number; transactions: number }[];
  readonly budgets: readonly { currency: string; amountMinor: number }[];
  readonly updatedAt: string;
}
