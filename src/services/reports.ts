/** Use cases of the annual reports. */
import { buildAnnualSummary, convertSpending, type AnnualSummary, type Spending } from '../domain/report/summary.js';
import type { ServiceDeps } from './ports.js';

export async function annualSummary(deps: ServiceDeps, year: number): Promise<AnnualSummary> {
  return buildAnnualSummary(year, await deps.store.repos.reports.summary(year));
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
