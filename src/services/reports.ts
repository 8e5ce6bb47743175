/** Use cases of the annual reports. */
import { groupMembersInYear } from '../domain/reference/groupings.js';
import { buildAnnualSummary, convertSpending, REPORT_GROUPINGS, type AnnualSummary, type Spending } from '../domain/report/summary.js';
import type { ServiceDeps } from './ports.js';

export async function annualSummary(deps: ServiceDeps, year: number): Promise<AnnualSummary> {
  // A 2016 report counts the 2016 members (e.g. New Caledonia joined PIF in September 2016).
  const groupings = REPORT_GROUPINGS.map((group) => ({ group, members: groupMembersInYear(group, year) }));
  return buildAnnualSummary(year, await deps.store.repos.reports.summary(year, groupings));
}

export interface YearRow {
  readonly year: number;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  readonly spending: Spending;
}

/** One row per year that has programs. */
export async function yearlyTotals(deps: ServiceDeps): Promise<YearRow[]> {
  const years = await deps.store.repos.reports.years();
  return years.map((y) => ({ year: y.year, programs: y.programs, countries: y.countries, participants: y.participants, spending: convertSpending(y.spending) }));
}
