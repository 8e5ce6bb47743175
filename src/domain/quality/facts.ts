/**
 * What the quality rules read of a program: its own fields and, of its rows, only counts, dates
 * and currencies, so that a year of 100,000 programs is read in a few aggregate queries
 * (db/quality.repo.ts) and evaluated without loading every row.
 */
import type { LifecycleStage } from '../codes.js';
import type { Program } from '../program/program.js';

/** The program's own fields the rules read (as the registry holds them). */
type QualityProgramFields = Pick<
  Program,
  | 'id'
  | 'identifier'
  | 'titleEn'
  | 'titleId'
  | 'descriptionEn'
  | 'descriptionId'
  | 'modality'
  | 'flagshipArea'
  | 'cooperationType'
  | 'lifecycleStage'
  | 'plannedStart'
  | 'plannedEnd'
  | 'actualStart'
  | 'actualEnd'
  | 'venueCity'
  | 'venueCountry'
  | 'implementingOrg'
  | 'fundingSource'
  | 'participantsPlanned'
  | 'createdAt'
>;

export interface QualityProgram extends QualityProgramFields {
  readonly recipients: number;
  readonly partners: number;
  readonly sectors: number;
  readonly sdgs: number;
  readonly budgets: number;
  /** Disbursements and expenditure (IATI transaction types 3 and 4), as the reports count spending. */
  readonly spendingTransactions: number;
  /** The latest spending transaction's day, or null. */
  readonly lastSpendingDate: string | null;
  /** Participants counted in reports (selected, confirmed, attended, completed: COUNTED_STATUSES). */
  readonly participants: number;
  /** Of those, the ones whose sex is recorded as unknown (X). */
  readonly participantsSexUnknown: number;
  /** Currencies of budgets with no exchange rate on or before the budget's day (USD needs none). */
  readonly budgetCurrenciesWithoutRate: readonly string[];
  /** Currencies of spending transactions with no exchange rate on or before the transaction's day. */
  readonly spendingCurrenciesWithoutRate: readonly string[];
  /** ISO instant of the latest lifecycle transition, or null when none is recorded. */
  readonly lastTransitionAt: string | null;
  /** ISO instant of the first transition into each stage reached through the process. */
  readonly reachedAt: Readonly<Partial<Record<LifecycleStage, string>>>;
}

/** The program's end day: the actual end, else the planned end. */
export function endDateOf(p: Pick<QualityProgram, 'actualEnd' | 'plannedEnd'>): string | null {
  return p.actualEnd ?? p.plannedEnd;
}

/** The program's start day: the actual start, else the planned start. */
export function startDateOf(p: Pick<QualityProgram, 'actualStart' | 'plannedStart'>): string | null {
  return p.actualStart ?? p.plannedStart;
}
