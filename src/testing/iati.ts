/**
 * Checks of exported IATI files for tests: the official 2.03 schema through xmllint (from
 * ../shared/reference/iati, skipped with a message where it or xmllint is absent), and the
 * rules of the IATI ruleset that the schema does not express.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The schemas' folder: ../shared beside the checkout, or two levels up from a worktree (work/wt/<name>). */
const SCHEMAS =
  [resolve(process.cwd(), '../shared/reference/iati/schemas'), resolve(process.cwd(), '../../shared/reference/iati/schemas')].find((d) =>
    existsSync(d),
  ) ?? resolve(process.cwd(), '../shared/reference/iati/schemas');
export const IATI_XSD = resolve(SCHEMAS, 'iati-activities-schema.xsd');
/** The organisation-file schema, beside the activity one. */
export const IATI_ORGANISATIONS_XSD = resolve(SCHEMAS, 'iati-organisations-schema.xsd');
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
export const canValidateIati = hasXmllint && existsSync(IATI_XSD);
if (!canValidateIati) {
  console.warn(
    `\n*** IATI schema validation SKIPPED: ${hasXmllint ? '' : 'no xmllint (apt-get install libxml2-utils) '}${existsSync(IATI_XSD) ? '' : `no ${IATI_XSD}`} ***\n`,
  );
}

/** xmllint's verdict on a file (an activity file unless another schema is given): "" when it validates, else its error lines. */
export function xsdErrors(path: string, schema: string = IATI_XSD): string {
  try {
    execFileSync('xmllint', ['--noout', '--stream', '--schema', schema, path], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);
const attr = (n: Node | undefined, name: string) => (n ? (n[`@_${name}`] as string | undefined) : undefined);
const near100 = (values: number[]) => Math.abs(values.reduce((a, b) => a + b, 0) - 100) < 0.001;

function addYear(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(y) + 1}-${m}-${d}`;
}

/** Breaches of the ruleset checks Mitra promises (percentages, dates, budget periods, identifiers). */
export function iatiRuleBreaches(xml: string, reportingRef: string): string[] {
  const doc = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false, parseTagValue: false }).parse(xml) as Node;
  const activities = list((doc['iati-activities'] as Node)['iati-activity']);
  const breaches: string[] = [];
  const seen = new Set<string>();
  for (const a of activities) {
    const id = String(a['iati-identifier']);
    if (!id.startsWith(`${reportingRef}-`)) breaches.push(`${id}: identifier does not start with ${reportingRef}`);
    if (seen.has(id)) breaches.push(`${id}: duplicate identifier`);
    seen.add(id);
    const countries = list(a['recipient-country']).map((c) => Number(attr(c, 'percentage')));
    if (countries.length && !near100(countries))
      breaches.push(`${id}: recipient-country percentages sum to ${countries.reduce((x, y) => x + y, 0)}`);
    const byVocabulary = new Map<string, number[]>();
    for (const s of list(a.sector))
      byVocabulary.set(attr(s, 'vocabulary') ?? '1', [
        ...(byVocabulary.get(attr(s, 'vocabulary') ?? '1') ?? []),
        Number(attr(s, 'percentage')),
      ]);
    for (const [vocabulary, values] of byVocabulary)
      if (!near100(values)) breaches.push(`${id}: sector percentages of vocabulary ${vocabulary} do not sum to 100`);
    const dates = new Map(list(a['activity-date']).map((d) => [attr(d, 'type'), attr(d, 'iso-date') ?? '']));
    for (const [from, to] of [
      ['1', '3'],
      ['2', '4'],
    ] as const) {
      const start = dates.get(from);
      const end = dates.get(to);
      if (start && end && end < start) breaches.push(`${id}: activity-date type ${to} before type ${from}`);
    }
    for (const b of list(a.budget)) {
      const start = attr(b['period-start'] as Node, 'iso-date') ?? '';
      const end = attr(b['period-end'] as Node, 'iso-date') ?? '';
      if (end < start) breaches.push(`${id}: budget period ends before it starts`);
      if (end >= addYear(start)) breaches.push(`${id}: budget period longer than a year`);
    }
  }
  return breaches;
}

/**
 * Breaches of the ruleset's organisation-file rules the schema cannot express: periods in order
 * and at most a year (8.6.3, 7.5.3), budget-line value dates within their period (11.3.1), an
 * identifier with no spaces nor / & | ? (1.12.1, 1.12.13) that is the reporting-org's.
 */
export function iatiOrganisationRuleBreaches(xml: string): string[] {
  const doc = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false, parseTagValue: false }).parse(xml) as Node;
  const breaches: string[] = [];
  for (const o of list((doc['iati-organisations'] as Node)['iati-organisation'])) {
    const id = String(o['organisation-identifier']);
    if (!/^[^/&|?\s]+$/.test(id)) breaches.push(`${id}: organisation-identifier has a space or one of / & | ?`);
    if (attr(o['reporting-org'] as Node, 'ref') !== id) breaches.push(`${id}: reporting-org/@ref is not the organisation-identifier`);
    for (const name of ['total-budget', 'recipient-country-budget', 'total-expenditure']) {
      for (const b of list(o[name])) {
        const start = attr(b['period-start'] as Node, 'iso-date') ?? '';
        const end = attr(b['period-end'] as Node, 'iso-date') ?? '';
        if (end < start) breaches.push(`${id}: ${name} ${start} ends before it starts`);
        if (end >= addYear(start)) breaches.push(`${id}: ${name} ${start} longer than a year`);
        for (const l of [...list(b['budget-line']), ...list(b['expense-line'])]) {
          const day = attr(l.value as Node, 'value-date') ?? '';
          if (day < start || day > end) breaches.push(`${id}: ${name} ${start} has a line valued on ${day}, outside its period`);
        }
      }
    }
  }
  return breaches;
}
