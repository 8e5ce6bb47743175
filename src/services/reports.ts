/** Use cases of the annual reports. */
import { PUBLISHED_STAGES, canReadInternal } from '../domain/access/policy.js';
import type { LifecycleStage } from '../domain/codes.js';
import { groupMembersInYear } from '../domain/reference/groupings.js';
import { buildAnnualSummary, convertSpending, REPORT_GROUPINGS, type AnnualSummary, type Spending } from '../domain/report/summary.js';
import type { ProgramYear } from './analytics.ports.js';
import type { Acting, Deps, Repos } from './deps.js';

export interface ReportScope {
  /** Count only programs in these lifecycle stages (every stage when absent). */
  readonly stages?: readonly LifecycleStage[];
}

/**
 * The stages a report may count for this actor: the public sees published programs only
 * (approved and later, not rejected or cancelled), whatever it asks for.
 */
export function reportStages(deps: Acting, scope: ReportScope): readonly LifecycleStage[] | undefined {
  if (canReadInternal(deps.actor)) return scope.stages?.length ? scope.stages : undefined;
  return scope.stages?.length ? scope.stages.filter((s) => PUBLISHED_STAGES.includes(s)) : PUBLISHED_STAGES;
}

export async function annualSummary(deps: Deps<'reports'>, year: number, scope: ReportScope = {}): Promise<AnnualSummary> {
  return summaryOf(deps.store.repos, year, reportStages(deps, scope));
}

/**
 * The annual summary of these stages (every stage when undefined) through these repositories:
 * the one computation behind the live reports and the frozen editions (services/editions.ts).
 */
export async function summaryOf(
  repos: Repos<'reports'>,
  year: number,
  stages: readonly LifecycleStage[] | undefined,
): Promise<AnnualSummary> {
  // A 2016 report counts the 2016 members (e.g. New Caledonia joined PIF in September 2016).
  const groupings = REPORT_GROUPINGS.map((group) => ({ group, members: groupMembersInYear(group, year) }));
  return buildAnnualSummary(year, await repos.reports.summary(year, groupings, stages));
}

/** An annual report as a document shows it: the figures, the stages they count and when it was made. */
export interface AnnualReport {
  readonly summary: AnnualSummary;
  /** The stages counted (what the actor may see of what was asked); undefined = every stage. */
  readonly stages: readonly LifecycleStage[] | undefined;
  readonly generatedAt: string;
}

export async function annualReport(deps: Deps<'reports'>, year: number, scope: ReportScope = {}): Promise<AnnualReport> {
  return { summary: await annualSummary(deps, year, scope), stages: reportStages(deps, scope), generatedAt: deps.clock.nowIso() };
}

export interface YearRow {
  readonly year: number;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  readonly spending: Spending;
}

/** One row per year that has programs. */
export async function yearlyTotals(deps: Deps<'reports'>, scope: ReportScope = {}): Promise<YearRow[]> {
  const years = await deps.store.repos.reports.years(reportStages(deps, scope));
  return years.map((y) => ({
    year: y.year,
    programs: y.programs,
    countries: y.countries,
    participants: y.participants,
    spending: convertSpending(y.spending),
  }));
}

/**
 * The years that have programs counted in reports (the stages this actor may see, as the summary
 * counts them), latest first: what year-based views open on (domain/report/default-years.ts).
 */
export async function programYears(deps: Deps<'analytics'>, scope: ReportScope = {}): Promise<ProgramYear[]> {
  return deps.store.repos.analytics.programYears(reportStages(deps, scope));
}
