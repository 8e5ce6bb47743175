/**
 * Budget against spending, per program, per implementing agency or per year.
 *
 * The repository sums amounts in SQL, grouped by currency and by the exchange rates in force on
 * each amount's day (a budget's value date, else the start of its period; a transaction's value
 * date, else its date); these pure functions convert the sums to US dollars and rupiah
 * (convertSpending: amounts without a rate are listed, never dropped) and compute the execution
 * rate. Budgets counted are a program's revised budgets (IATI BudgetType 2) when it has any,
 * else its original ones, as in the annual plan; spending is disbursements and expenditure
 * (IATI TransactionType 3 and 4), as in the annual report.
 */
import { z } from 'zod';
import { programListQuerySchema, MAX_PAGE_SIZE } from '../program/program-query.js';
import type { LifecycleStage } from '../codes.js';
import { convertSpending, type Spending, type SpendingGroup } from '../report/summary.js';

export const BUDGET_GROUPINGS = ['program', 'agency', 'year'] as const;
export type BudgetGrouping = (typeof BUDGET_GROUPINGS)[number];

/** Which programs money figures count: a range of program years, an agency, lifecycle stages. */
export interface MoneyFilter {
  readonly yearFrom?: number;
  readonly yearTo?: number;
  /** Code of the implementing ministry or agency. */
  readonly agency?: string;
  readonly stages?: readonly LifecycleStage[];
}

const year = z.coerce.number().int().min(1900).max(2200);

/** The filters of the money views (API query string and CLI flags); `year` is short for yearFrom = yearTo. */
export const moneyFilterShape = {
  year: year.optional().meta({ description: 'one program year (short for yearFrom = yearTo)' }),
  yearFrom: year.optional().meta({ description: 'first program year (of the actual, else planned, start)' }),
  yearTo: year.optional().meta({ description: 'last program year' }),
  agency: z.string().trim().min(1).max(100).optional().meta({ description: 'implementing ministry or agency (organisation code)' }),
  stage: programListQuerySchema.shape.stage,
};

export const pagingShape = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

/** One year, or a range whose end is not before its start. */
export function checkYears(q: { year?: number; yearFrom?: number; yearTo?: number }, ctx: z.RefinementCtx): void {
  if (q.year !== undefined && (q.yearFrom !== undefined || q.yearTo !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'give year, or yearFrom and yearTo, not both' });
  }
  if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo) {
    ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'must not be before yearFrom', params: { code: 'date_order' } });
  }
}

export const moneyFilterSchema = z.object(moneyFilterShape).superRefine(checkYears);

export const budgetVsSpentQuerySchema = z
  .object({ groupBy: z.enum(BUDGET_GROUPINGS).default('program'), ...moneyFilterShape, ...pagingShape })
  .superRefine(checkYears);
export type BudgetVsSpentQuery = z.output<typeof budgetVsSpentQuerySchema>;

/** The repository's filter from the parsed query (stages are decided by the service: the public sees published ones). */
export function moneyFilterOf(
  q: { year?: number; yearFrom?: number; yearTo?: number; agency?: string },
  stages: readonly LifecycleStage[] | undefined,
): MoneyFilter {
  return {
    yearFrom: q.year ?? q.yearFrom,
    yearTo: q.year ?? q.yearTo,
    agency: q.agency,
    stages,
  };
}

/** What one row of the table is about. */
export interface MoneyGroup {
  readonly groupBy: BudgetGrouping;
  /** program: its id; agency and year: absent. */
  readonly program: {
    readonly id: number;
    readonly identifier: string;
    readonly titleEn: string | null;
    readonly titleId: string | null;
    readonly stage: LifecycleStage;
  } | null;
  /** The implementing agency (of the group, or of the program); null when none is recorded. */
  readonly agency: {
    readonly code: string;
    readonly nameEn: string;
    readonly nameId: string | null;
    readonly acronym: string | null;
  } | null;
  /** The program year (of the group, or of the program); null when the program has no dates. */
  readonly year: number | null;
  readonly programs: number;
}

/** Sums of one group as the repository reads them. */
export interface BudgetSpentAggregate {
  readonly budget: readonly SpendingGroup[];
  readonly spent: readonly SpendingGroup[];
}

export interface BudgetVsSpentFigures {
  readonly budget: Spending;
  readonly spent: Spending;
  /** Spent ÷ budget (0.95 = 95 %), four decimals; null when there is no budget or no complete currency to compare in. */
  readonly executionRate: number | null;
  /** The currency the rate compares: US dollars, else rupiah when only the dollar totals miss a rate. */
  readonly executionRateBasis: 'usd' | 'idr' | null;
}

export interface BudgetVsSpentRow extends BudgetVsSpentFigures {
  readonly group: MoneyGroup;
}

export interface BudgetVsSpentReport {
  readonly groupBy: BudgetGrouping;
  readonly filter: MoneyFilter;
  readonly rows: readonly BudgetVsSpentRow[];
  /** Every group of the filter (rows holds one page of them). */
  readonly groups: number;
  readonly page: number;
  readonly pageSize: number;
  readonly total: BudgetVsSpentFigures & { readonly programs: number };
}

/** Spent ÷ budget rounded to four decimals; null when the budget is zero. */
export function executionRate(spentMinor: number, budgetMinor: number): number | null {
  if (budgetMinor <= 0) return null;
  return Math.round((spentMinor / budgetMinor) * 10_000) / 10_000;
}

const lacks = (s: Spending, currency: 'usd' | 'idr') => s.missingRates.some((m) => m.missing.includes(currency));

/**
 * Converts a group's budget and spending and compares them. The rate compares totals that are
 * complete on both sides: in US dollars, else in rupiah; when both miss a rate it is null (the
 * missing amounts are listed in `budget.missingRates` and `spent.missingRates`).
 */
export function compareBudgetAndSpent(agg: BudgetSpentAggregate): BudgetVsSpentFigures {
  const budget = convertSpending(agg.budget);
  const spent = convertSpending(agg.spent);
  const basis = !lacks(budget, 'usd') && !lacks(spent, 'usd') ? 'usd' : !lacks(budget, 'idr') && !lacks(spent, 'idr') ? 'idr' : null;
  const rate =
    basis === 'usd'
      ? executionRate(spent.usdMinor, budget.usdMinor)
      : basis === 'idr'
        ? executionRate(spent.idrMinor, budget.idrMinor)
        : null;
  return { budget, spent, executionRate: rate, executionRateBasis: rate === null ? null : basis };
}
