/**
 * Ports of money (services/money.ts, tossd-export.ts): budget against spending, in-kind facts
 * and unit costs; db/money.repo.ts and unit-cost.repo.ts implement them.
 */
import type { BudgetGrouping, BudgetSpentAggregate, MoneyFilter, MoneyGroup } from '../domain/finance/budget-vs-spent.js';
import type { InKindProgramFacts } from '../domain/finance/in-kind.js';
import type { UnitCost, UnitCostData } from '../domain/finance/unit-costs.js';
import type { LifecycleStage } from '../domain/codes.js';
import type { ProgramMoney } from '../domain/iati/organisation-figures.js';

/** The organisation's own programs (the IATI organisation file): of these stages (all when undefined). */
export interface OwnProgramFilter {
  readonly stages?: readonly LifecycleStage[];
  /** The reporting organisation (MITRA_IATI_REPORTING_ORG): programs imported from other publishers are theirs. */
  readonly publisherRef: string;
}

export interface BudgetVsSpentAggregates {
  /** How many groups the filter has (rows hold one page of them). */
  readonly groups: number;
  readonly rows: readonly (BudgetSpentAggregate & { readonly group: MoneyGroup })[];
  readonly total: BudgetSpentAggregate & { readonly programs: number };
}

/** Money figures summed in SQL (db/money.repo.ts). */
export interface MoneyRepository {
  /** Budgets and spending of one page of groups, and of the whole filter, by currency and dated rates. */
  budgetVsSpent(filter: MoneyFilter, groupBy: BudgetGrouping, page: number, pageSize: number): Promise<BudgetVsSpentAggregates>;
  /**
   * Programs of the filter with no disbursement or expenditure: a page by year and identifier
   * (`offset`), or the next ones by id (`afterId`, to go through them all).
   */
  inKindFacts(
    filter: MoneyFilter,
    slice: { offset: number; limit: number } | { afterId: number; limit: number },
  ): Promise<InKindProgramFacts[]>;
  /** The same facts of the given programs. */
  inKindFactsOf(ids: readonly number[]): Promise<InKindProgramFacts[]>;
  /** The next own programs by id, with their recipients, budgets, disbursements and expenditure. */
  ownProgramMoney(filter: OwnProgramFilter, slice: { afterId: number; limit: number }): Promise<ProgramMoney[]>;
}

export interface UnitCostRepository {
  list(): Promise<UnitCost[]>;
  findById(id: number): Promise<UnitCost | undefined>;
  findByKey(key: Pick<UnitCostData, 'kind' | 'region' | 'validFrom'>): Promise<UnitCost | undefined>;
  insert(data: UnitCostData, now: string): Promise<number>;
  update(id: number, data: UnitCostData, now: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
}
