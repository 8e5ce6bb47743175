/**
 * A program's results framework as IATI 2.03 `result` elements (docs/results.md), children in
 * the order iati-activities-schema.xsd requires: result (title, description, indicator+);
 * indicator (title, description, baseline*, period*); baseline (dimension*, document-link*,
 * comment); period (period-start, period-end, target*, actual*); target and actual (dimension*,
 * comment, document-link*). Values are left out for qualitative measures (IATI 8.8.3, 8.9.3,
 * 8.10.3) and given for the others (8.8.1, 8.9.1, 8.10.1). A result without an indicator is
 * not published (the schema requires one).
 */
import type { Actual, DocumentLink, Framework, Indicator, Period, Result, Target } from '../results/framework.js';
import { MEASURE } from '../results/framework.js';
import { el, type XmlNode } from './xml-node.js';

/** English narrative (the activity's default language) and Indonesian, those given. */
function narratives(en: string | null, id: string | null): XmlNode[] {
  return [en ? el('narrative', {}, en) : null, id ? el('narrative', { 'xml:lang': 'id' }, id) : null].filter(
    (n): n is XmlNode => n !== null,
  );
}

const bool = (b: boolean) => (b ? 1 : 0);
const num = (n: number | null) => (n === null ? null : Number(n.toFixed(6)).toString());

function documentLink(d: DocumentLink): XmlNode {
  return el('document-link', { url: d.url, format: d.format }, [
    el('title', {}, narratives(d.titleEn ?? (d.titleId ? null : d.url), d.titleId)),
    el('category', { code: d.category }),
    d.documentDate && el('document-date', { 'iso-date': d.documentDate }),
  ]);
}

function comment(en: string | null, id: string | null): XmlNode | null {
  return en || id ? el('comment', {}, narratives(en, id)) : null;
}

/**
 * A target or actual: IATI gives each `target`/`actual` one value, and describes the group it
 * counts with `dimension`s; so the total comes first (with the comment and evidence), then one
 * element per disaggregated group, its value the group's and its dimension naming the group.
 */
function measured(name: 'target' | 'actual', m: Target | Actual, qualitative: boolean): XmlNode[] {
  return [
    el(name, { value: qualitative ? null : num(m.value) }, [
      comment(m.commentEn, m.commentId),
      ...('documents' in m ? m.documents.map(documentLink) : []),
    ]),
    ...m.disaggregations.map((d) => el(name, { value: num(d.amount) }, [el('dimension', { name: d.dimension, value: d.value })])),
  ];
}

function period(p: Period, qualitative: boolean): XmlNode {
  return el('period', {}, [
    el('period-start', { 'iso-date': p.start }),
    el('period-end', { 'iso-date': p.end }),
    ...(p.target ? measured('target', p.target, qualitative) : []),
    ...(p.actual ? measured('actual', p.actual, qualitative) : []),
  ]);
}

function indicator(i: Indicator): XmlNode {
  const qualitative = i.measure === MEASURE.qualitative;
  return el('indicator', { measure: i.measure, ascending: bool(i.ascending), 'aggregation-status': bool(i.aggregationStatus) }, [
    el('title', {}, narratives(i.titleEn, i.titleId)),
    (i.descriptionEn || i.descriptionId) && el('description', {}, narratives(i.descriptionEn, i.descriptionId)),
    i.baseline &&
      el('baseline', { year: i.baseline.year, 'iso-date': i.baseline.date, value: qualitative ? null : num(i.baseline.value) }, [
        comment(i.baseline.commentEn, i.baseline.commentId),
      ]),
    ...[...i.periods].sort((a, b) => a.start.localeCompare(b.start)).map((p) => period(p, qualitative)),
  ]);
}

export function resultNode(r: Result): XmlNode | null {
  if (r.indicators.length === 0) return null;
  return el('result', { type: r.type, 'aggregation-status': bool(r.aggregationStatus) }, [
    el('title', {}, narratives(r.titleEn, r.titleId)),
    (r.descriptionEn || r.descriptionId) && el('description', {}, narratives(r.descriptionEn, r.descriptionId)),
    ...r.indicators.map(indicator),
  ]);
}

export function resultNodes(f: Framework | undefined): XmlNode[] {
  return (f?.results ?? []).map(resultNode).filter((n): n is XmlNode => n !== null);
}

/** Attended participants of a program, counted from its records, by sex and recipient country. */
export interface AttendanceCount {
  readonly records: number;
  readonly attended: number;
  /** Attended by sex (F, M; X unknown is not a dimension value). */
  readonly attendedBySex?: Readonly<Partial<Record<'F' | 'M' | 'X', number>>>;
  /** Attended by country of citizenship (a recipient country of the program). */
  readonly attendedByCountry?: Readonly<Record<string, number>>;
}

/** The participant indicator's actuals by group: attended women and men, and attended per recipient country. */
export function attendanceActuals(a: AttendanceCount): XmlNode[] {
  const sex = a.attendedBySex ?? {};
  const group = (name: string, value: string, n: number) => el('actual', { value: n }, [el('dimension', { name, value })]);
  return [
    sex.F ? group('sex', 'female', sex.F) : null,
    sex.M ? group('sex', 'male', sex.M) : null,
    ...Object.entries(a.attendedByCountry ?? {})
      .filter(([, n]) => n > 0)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([country, n]) => group('recipient-country', country, n)),
  ].filter((n): n is XmlNode => n !== null);
}
