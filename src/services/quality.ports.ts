/** Ports of data quality (services/quality.ts); db/quality.repo.ts implements them. */
import type { QualityProgram } from '../domain/quality/facts.js';
import type { QualityRule, QualitySeverity, RuleDefinition } from '../domain/quality/rules.js';

/** A year's programs as the annual reports count them (`activities.year`), optionally of one agency. */
export interface QualityScope {
  readonly year: number;
  /** An implementing agency's code (any case); absent: every agency. */
  readonly implementingOrg?: string;
  /**
   * A half of the year (collection rounds, docs/rounds.md): of the year's programs, those whose
   * days (start: actual else planned; end: actual else planned) overlap that half; a program
   * with no start or no end day is taken to run from the year's first or to its last day.
   */
  readonly half?: { readonly firstDate: string; readonly lastDate: string };
}

export interface QualityRuleUpdate {
  readonly enabled: boolean;
  readonly weight: number;
  readonly severity: QualitySeverity;
  readonly definition: RuleDefinition;
}

export interface AgencyName {
  readonly code: string;
  readonly nameEn: string;
  readonly nameId: string | null;
}

export interface QualityRepository {
  /** Every rule, in their order (sort_order, then code). */
  listRules(): Promise<QualityRule[]>;
  findRule(code: string): Promise<QualityRule | undefined>;
  updateRule(code: string, update: QualityRuleUpdate, at: string, userId: number | null): Promise<void>;
  /**
   * Up to `limit` programs of the scope with an id above `afterId`, in id order, with the facts
   * the rules read: a constant number of queries a page, whatever the page's size.
   */
  programPage(scope: QualityScope, afterId: number, limit: number): Promise<QualityProgram[]>;
  /** One program's facts. */
  program(id: number): Promise<QualityProgram | undefined>;
  agencyNames(codes: readonly string[]): Promise<AgencyName[]>;
}
