/**
 * Checks of exported IATI files for tests: the official 2.03 schema through xmllint (from
 * ../shared/reference/iati, skipped with a message where it or xmllint is absent), and the
 * rules of the IATI ruleset that the schema does not express.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const IATI_XSD = resolve(process.cwd(), '../shared/reference/iati/schemas/iati-activities-schema.xsd');
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

/** xmllint's verdict on a file: "" when it validates, else its error lines. */
export function xsdErrors(path: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--stream', '--schema', IATI_XSD, path], { stdio: 'pipe' });
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
