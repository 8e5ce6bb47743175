/**
 * Another publisher's IATI activity as Mitra keeps it apart from its own programs (issue 22).
 * Reading the world's data is tolerant: what breaks an IATI ruleset rule without damaging the
 * data (a budget period over a year, percentages that do not sum to 100, an identifier with a
 * `/` or a space, a missing title) is kept as published with a warning naming the rule; only
 * what Mitra cannot represent faithfully (what the schema requires is missing, a code of a
 * mandatory codelist is unknown, a date does not exist, an amount is not a number, a value has
 * no currency) refuses the activity, and only that activity. Pure.
 */
import { checkProgramRules } from '../program/program.rules.js';
import { programYear, type ProgramData } from '../program/program.js';
import { yearOf } from '../dates.js';
import type { IatiDetails } from './iati-details.js';
import type { IatiOrgRef } from './iati-participating-orgs.js';
import { iatiFieldOf, type MappedIatiActivity } from './program-from-iati.js';
import type { RawIatiActivity } from './raw-activity.js';
import { sharesByWeight, type IatiIssue } from './iati-values.js';

/** A rule an imported activity breaks, kept with it and shown on its page. */
export interface ImportedWarning {
  /** The IATI element concerned, e.g. "budget 2 / period-end". */
  readonly field: string;
  readonly code: string;
  /** The IATI Standard ruleset rule (standard.json id), when the warning is one of its rules. */
  readonly rule: string | null;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** What is kept of an imported activity, as JSON (the page shows it; promotion maps it to a program). */
export interface ImportedActivityData {
  readonly data: Omit<ProgramData, 'implementingOrg' | 'partners'>;
  readonly implementing: IatiOrgRef | null;
  readonly partners: MappedIatiActivity['partners'];
  readonly details: IatiDetails;
}

/** One row of the comparison facts: an activity's share in a recipient country and a year. */
export interface ImportedFact {
  /** ISO country code, or "" for what no country receives (regional or unallocated). */
  readonly country: string;
  readonly year: number;
  /** "" on the row that counts the activity in its start year. */
  readonly currency: string;
  /** 1 on the row that counts the activity in its start year, else 0. */
  readonly starts: number;
  readonly budgetMinor: number;
  readonly spendMinor: number;
}

export interface ImportedActivity {
  readonly line: number;
  /** The identifier as published (with the publisher's prefix). */
  readonly identifier: string;
  readonly reportingRef: string | null;
  readonly reportingName: string | null;
  readonly title: string | null;
  readonly year: number | null;
  /** The identifier starts with the reporting organisation's identifier and a hyphen (rule 1.1.21). */
  readonly prefixOk: boolean;
  readonly record: ImportedActivityData;
  readonly sectors: readonly { vocabulary: string; code: string; percentage: number | null }[];
  readonly facts: readonly ImportedFact[];
  readonly warnings: readonly ImportedWarning[];
}

export interface ClassifiedActivity {
  /** What makes the activity impossible to represent: it is refused. Empty when it is kept. */
  readonly refusals: readonly IatiIssue[];
  readonly activity: ImportedActivity;
}

/** Mapping issues that only break a rule: the activity is kept with a warning (rule ids: standard.json). */
const WARNING_RULES: Readonly<Record<string, string | null>> = {
  invalid_identifier: '1.3.13',
  too_long: null,
  iati_no_text: '4.3.1',
};

/** Program rule codes → the IATI ruleset rule they are. */
function ruleOf(code: string | undefined, path: string): string | null {
  switch (code) {
    case 'budget_period':
      return '7.5.3';
    case 'percentage_sum':
      return path.startsWith('sectors') ? '2.1.2' : '3.1.2';
    case 'percentage_missing':
      return path.startsWith('sectors') ? '2.1.1' : '3.1.1';
    case 'date_order':
      return path.startsWith('budgets') ? '8.6.3' : path === 'actualEnd' ? '11.1.3' : '11.1.2';
    default:
      return null;
  }
}

/**
 * The identifier begins with the reporting organisation's identifier and a hyphen (rule 1.1.21),
 * compared without case: "id-nct-sstc" and "ID-NCT-SSTC" are one organisation's.
 */
export const hasPublisherPrefix = (identifier: string, reportingRef: string | null): boolean =>
  Boolean(reportingRef && identifier.toLowerCase().startsWith(`${reportingRef.toLowerCase()}-`));

/** What the IATI schema requires and a reader can see is missing. */
function schemaIssues(raw: RawIatiActivity): IatiIssue[] {
  const issues: IatiIssue[] = [];
  const missing = (field: string) => issues.push({ field, code: 'iati_missing', message: 'is missing (the IATI schema requires it)' });
  if (!raw.reportingOrg) missing('reporting-org');
  if (!raw.status?.trim()) missing('activity-status');
  if (raw.dates.length === 0) missing('activity-date');
  return issues;
}

/** Mapping issues that refuse the activity (anything not listed in WARNING_RULES). */
const refuses = (i: IatiIssue): boolean => !(i.code in WARNING_RULES) && !(i.field === 'activity-status' && i.code === 'iati_missing');

/**
 * Sorts a mapped activity's findings into refusals and warnings and computes what is stored.
 * `raw` is the activity as read (the identifier as published, what the schema requires).
 */
export function classifyImported(raw: RawIatiActivity, mapped: MappedIatiActivity): ClassifiedActivity {
  const refusals = [...schemaIssues(raw), ...mapped.issues.filter(refuses)];
  const warnings: ImportedWarning[] = mapped.issues
    .filter((i) => !refuses(i))
    .map((i) => ({
      field: i.field,
      code: i.code,
      rule: WARNING_RULES[i.code] ?? null,
      ...(i.params ? { params: i.params } : {}),
      message: i.value !== undefined ? `${i.message} ("${i.value}")` : i.message,
    }));
  const identifier = raw.identifier.trim();
  const reportingRef = mapped.details.reportingOrg?.ref ?? null;
  const draft: ProgramData = { ...mapped.data, implementingOrg: null, partners: [] };
  const reported = new Set(mapped.issues.map((i) => i.field));
  for (const i of checkProgramRules(draft)) {
    const field = iatiFieldOf(i.path);
    // A missing title is reported by the mapping already; the rules' own wording would repeat it.
    if (reported.has(field) || i.code === 'title_required') continue;
    warnings.push({
      field,
      code: i.code ?? 'invalid',
      rule: ruleOf(i.code, i.path),
      ...(i.params ? { params: i.params } : {}),
      message: i.message,
    });
  }
  const prefixOk = hasPublisherPrefix(identifier, reportingRef);
  if (reportingRef && !prefixOk) {
    warnings.push({
      field: 'iati-identifier',
      code: 'iati_prefix',
      rule: '1.1.21',
      params: { prefix: reportingRef },
      message: `does not begin with the reporting organisation's identifier "${reportingRef}" and a hyphen`,
    });
  }
  const data = mapped.data;
  const title = data.titleEn ?? data.titleId ?? null;
  const sectors = data.sectors.map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage }));
  return {
    refusals,
    activity: {
      line: raw.line,
      identifier,
      reportingRef,
      reportingName: mapped.details.reportingOrg?.name ?? null,
      title,
      year: programYear(data),
      prefixOk,
      record: { data, implementing: mapped.implementing, partners: mapped.partners, details: mapped.details },
      sectors,
      facts: importedFacts(data),
      warnings,
    },
  };
}

/**
 * An activity's facts for comparisons: its count in its start year and its budgets (by the year
 * their period starts) and disbursements and expenditures (IATI transaction types 3 and 4, by the
 * year of their date), each split across its recipient countries by their percentages
 * (normalised when they do not sum to 100, equal shares when none is given).
 */
export function importedFacts(
  data: Pick<ProgramData, 'recipients' | 'budgets' | 'transactions' | 'actualStart' | 'plannedStart'>,
): ImportedFact[] {
  const weights = new Map<string, number>();
  const given = data.recipients.every((r) => r.percentage !== null && r.percentage > 0);
  for (const r of data.recipients) weights.set(r.country, (weights.get(r.country) ?? 0) + (given ? (r.percentage ?? 0) : 1));
  const shares = weights.size ? sharesByWeight(weights) : new Map([['', 100]]);
  const facts = new Map<
    string,
    { country: string; year: number; currency: string; starts: number; budgetMinor: number; spendMinor: number }
  >();
  const add = (year: number, currency: string, starts: number, budget: number, spend: number) => {
    let remaining = { budget, spend };
    const entries = [...shares.entries()];
    entries.forEach(([country, share], i) => {
      const last = i === entries.length - 1;
      // The last country takes the rounding remainder, so that the shares sum to the amount.
      const part = last
        ? remaining
        : { budget: Math.round((budget * (share ?? 0)) / 100), spend: Math.round((spend * (share ?? 0)) / 100) };
      remaining = { budget: remaining.budget - part.budget, spend: remaining.spend - part.spend };
      const key = `${country}|${year}|${currency}`;
      const f = facts.get(key) ?? { country, year, currency, starts: 0, budgetMinor: 0, spendMinor: 0 };
      f.starts += starts;
      f.budgetMinor += part.budget;
      f.spendMinor += part.spend;
      facts.set(key, f);
    });
  };
  const start = programYear(data);
  if (start !== null) add(start, '', 1, 0, 0);
  for (const b of data.budgets) add(yearOf(b.periodStart), b.currency, 0, b.amountMinor, 0);
  for (const t of data.transactions) if (t.type === '3' || t.type === '4') add(yearOf(t.date), t.currency, 0, 0, t.amountMinor);
  return [...facts.values()];
}
