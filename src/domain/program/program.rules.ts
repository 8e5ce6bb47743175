/**
 * Rules of a program that compare its fields. Each returns every broken rule as a field issue;
 * an empty list means the program is consistent.
 */
import { canImplement, organisationKinds, type OrganisationKind } from '../codes.js';
import { addOneYear } from '../dates.js';
import type { FieldIssue } from '../errors.js';
import type { ProgramData, Recipient, Sector } from './program.js';

/** Percentages are compared in hundredths so that 33.33 + 33.33 + 33.34 is exactly 100. */
const hundredths = (p: number): number => Math.round(p * 100);

export function checkProgramRules(a: ProgramData): FieldIssue[] {
  return [
    ...checkTitle(a),
    ...checkDateOrder(a),
    ...checkRecipients(a.recipients),
    ...checkSectors(a.sectors),
    ...checkPartners(a),
    ...checkSdgs(a),
    ...checkMoney(a),
  ];
}

/**
 * The implementing organisation must be one that implements programs: an embassy relays requests
 * and nominates participants, a recipient institution receives programs (codes.ts, canImplement).
 * `org` is the registered organisation the program names, when it names one.
 */
export function checkImplementer(org: { readonly code: string; readonly kind: OrganisationKind } | null | undefined): FieldIssue[] {
  if (!org || canImplement(org.kind)) return [];
  return [
    {
      path: 'implementingOrg',
      code: 'cannot_implement',
      params: { org: org.code, kind: organisationKinds.label(org.kind, 'en'), kindId: organisationKinds.label(org.kind, 'id') },
      message: `${org.code} is an organisation of kind "${organisationKinds.label(org.kind, 'en')}", which does not implement programs: name the ministry or agency that does`,
    },
  ];
}

function checkTitle(a: ProgramData): FieldIssue[] {
  if (a.titleEn || a.titleId) return [];
  return [{ path: 'titleEn', code: 'title_required', message: 'a title in English (titleEn) or Indonesian (titleId) is required' }];
}

function checkDateOrder(a: ProgramData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (a.plannedStart && a.plannedEnd && a.plannedEnd < a.plannedStart) {
    issues.push({
      path: 'plannedEnd',
      code: 'date_order',
      params: { start: a.plannedStart },
      message: `must not be before plannedStart (${a.plannedStart})`,
    });
  }
  if (a.actualStart && a.actualEnd && a.actualEnd < a.actualStart) {
    issues.push({
      path: 'actualEnd',
      code: 'date_order',
      params: { start: a.actualStart },
      message: `must not be before actualStart (${a.actualStart})`,
    });
  }
  if (!a.actualStart && a.actualEnd) {
    issues.push({ path: 'actualStart', code: 'required', message: 'is required when actualEnd is given' });
  }
  return issues;
}

/**
 * Percentages are optional; when any is given all must be, and they must sum to 100
 * (IATI rule: recipient-country percentages per activity sum to 100).
 */
function checkPercentages(
  items: readonly { percentage: number | null }[],
  path: string,
  what: string,
  indices: readonly number[] = items.map((_, i) => i),
): FieldIssue[] {
  const given = indices.filter((i) => items[i]?.percentage !== null);
  if (given.length === 0) return [];
  if (given.length < indices.length) {
    const missing = indices.find((i) => items[i]?.percentage === null) ?? 0;
    return [
      {
        path: `${path}.${missing}.percentage`,
        code: 'percentage_missing',
        params: { what },
        message: `give a percentage for every ${what} or for none`,
      },
    ];
  }
  const sum = given.reduce((acc, i) => acc + hundredths(items[i]?.percentage ?? 0), 0);
  if (sum !== 10_000) {
    return [
      {
        path,
        code: 'percentage_sum',
        params: { what, sum: sum / 100 },
        message: `${what} percentages must sum to 100 (they sum to ${sum / 100})`,
      },
    ];
  }
  return [];
}

function checkRecipients(recipients: readonly Recipient[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  recipients.forEach((r, i) => {
    if (seen.has(r.country)) {
      issues.push({
        path: `recipients.${i}.country`,
        code: 'duplicate',
        params: { value: r.country },
        message: `${r.country} is listed twice`,
      });
    }
    seen.add(r.country);
  });
  return [...issues, ...checkPercentages(recipients, 'recipients', 'recipient country')];
}

function checkSectors(sectors: readonly Sector[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byVocabulary = new Map<string, number[]>();
  const seen = new Set<string>();
  sectors.forEach((s, i) => {
    const key = `${s.vocabulary}:${s.code}`;
    if (seen.has(key))
      issues.push({ path: `sectors.${i}.code`, code: 'duplicate', params: { value: s.code }, message: `sector ${s.code} is listed twice` });
    seen.add(key);
    byVocabulary.set(s.vocabulary, [...(byVocabulary.get(s.vocabulary) ?? []), i]);
  });
  // IATI rule: sector percentages sum to 100 per vocabulary.
  for (const indices of byVocabulary.values()) issues.push(...checkPercentages(sectors, 'sectors', 'sector', indices));
  return issues;
}

function checkPartners(a: ProgramData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  a.partners.forEach((p, i) => {
    const key = `${p.org}:${p.iatiRole}`;
    if (seen.has(key)) {
      issues.push({
        path: `partners.${i}`,
        code: 'duplicate',
        params: { value: p.org },
        message: `${p.org} is listed twice with IATI role ${p.iatiRole}`,
      });
    }
    seen.add(key);
    if (p.contributionMinor !== null && !p.currency) {
      issues.push({ path: `partners.${i}.currency`, code: 'required', message: 'is required when a contribution amount is given' });
    }
  });
  // A triangular program is one that a second provider or facilitator supports (DOMAIN.md).
  if (a.cooperationType === 'triangular' && !a.partners.some((p) => p.sscRole === 'second_provider' || p.sscRole === 'facilitator')) {
    issues.push({
      path: 'partners',
      code: 'triangular_partner_required',
      message: 'a triangular program needs a partner with the role second_provider or facilitator',
    });
  }
  return issues;
}

function checkSdgs(a: ProgramData): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  a.sdgs.forEach((tag, i) => {
    const key = tag.target ?? String(tag.goal);
    if (seen.has(key))
      issues.push({ path: `sdgs.${i}`, code: 'duplicate', params: { value: `SDG ${key}` }, message: `SDG ${key} is listed twice` });
    seen.add(key);
  });
  return issues;
}

function checkMoney(a: ProgramData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  a.budgets.forEach((b, i) => {
    if (b.periodEnd < b.periodStart) {
      issues.push({
        path: `budgets.${i}.periodEnd`,
        code: 'date_order',
        params: { start: b.periodStart },
        message: `must not be before periodStart (${b.periodStart})`,
      });
    } else if (b.periodEnd >= addOneYear(b.periodStart)) {
      // IATI rule 7.5.3: a budget period must not be longer than one year.
      issues.push({ path: `budgets.${i}.periodEnd`, code: 'budget_period', message: 'a budget period must not be longer than one year' });
    }
  });
  return issues;
}
