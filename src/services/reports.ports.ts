/**
 * Ports of the annual reports (services/reports.ts) and of the report facts every write keeps;
 * db/report.repo.ts and report-fact.repo.ts implement them.
 */
import type { LifecycleStage } from '../domain/codes.js';
import type { GroupCode } from '../domain/reference/types.js';
import type { SpendingGroup, SummaryAggregates } from '../domain/report/summary.js';
import type { YearFigure } from './analytics.ports.js';

/** Participants per program and country, derived on every write (report/participant-allocation.ts). */
export interface ReportFactRepository {
  /**
   * Recomputes the counts of these programs from their records or recorded totals.
   * `participantsOnly`: only participants changed (their money needs no refresh).
   */
  refresh(activityIds: readonly number[], options?: { participantsOnly?: boolean }): Promise<void>;
  /** Takes programs about to be deleted out of the facts and summary tables. */
  remove(activityIds: readonly number[]): Promise<void>;
}

/** A year's figures with its spent amounts (by currency and dated rates). */
export interface YearAggregates extends YearFigure {
  readonly spending: readonly SpendingGroup[];
}

/** The member countries of a grouping to count (its membership of the report's year). */
export interface GroupingMembers {
  readonly group: GroupCode;
  readonly members: readonly string[];
}

export interface ReportRepository {
  /** `stages`: count only programs in these lifecycle stages (all when absent). */
  summary(year: number, groupings: readonly GroupingMembers[], stages?: readonly LifecycleStage[]): Promise<SummaryAggregates>;
  years(stages?: readonly LifecycleStage[]): Promise<YearAggregates[]>;
}
