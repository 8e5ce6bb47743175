/**
 * Rules of a results framework (docs/results.md), each a small pure check returning field
 * issues with paths such as "results.0.indicators.1.periods.2.end". They follow the IATI
 * Standard's ruleset (8.6.1 period order; 8.8.1–8.10.3 values present for non-qualitative
 * measures, absent for qualitative ones) and add the registry's own: percentages 0–100, periods
 * of an indicator that do not overlap, disaggregations by the program's own recipients whose
 * parts, for counted units, never exceed the total.
 */
import type { FieldIssue } from '../errors.js';
import {
  MEASURE,
  SEX_VALUES,
  type Baseline,
  type Disaggregation,
  type Framework,
  type Indicator,
  type IndicatorMeasure,
  type Period,
  type Result,
  type Target,
} from './framework.js';

export interface FrameworkContext {
  /** The program's recipient countries (ISO codes): the only values of a recipient-country dimension. */
  readonly recipients: readonly string[];
}

const issue = (path: string, code: string, message: string, params?: FieldIssue['params']): FieldIssue =>
  params ? { path, code, message, params } : { path, code, message };

const isQualitative = (m: IndicatorMeasure) => m === MEASURE.qualitative;

function checkTitle(path: string, item: { titleEn: string | null; titleId: string | null }): FieldIssue[] {
  return item.titleEn || item.titleId ? [] : [issue(`${path}.titleEn`, 'title_required', 'give a title in English or Indonesian')];
}

/** IATI 8.8–8.10: a value for non-qualitative measures (a number), none for qualitative ones; percentages 0–100. */
export function checkValue(path: string, measure: IndicatorMeasure, value: number | null): FieldIssue[] {
  if (isQualitative(measure)) {
    return value === null
      ? []
      : [issue(`${path}.value`, 'value_not_allowed', 'a qualitative indicator has no value: describe it in the comment')];
  }
  if (value === null || !Number.isFinite(value)) return [issue(`${path}.value`, 'value_required', 'give a number')];
  if (measure === MEASURE.percentage && (value < 0 || value > 100)) {
    return [issue(`${path}.value`, 'percentage_range', 'a percentage lies between 0 and 100', { value })];
  }
  if (measure === MEASURE.unit && value < 0) return [issue(`${path}.value`, 'negative_unit', 'a count is not negative', { value })];
  return [];
}

export function checkBaseline(path: string, measure: IndicatorMeasure, b: Baseline): FieldIssue[] {
  const issues = checkValue(path, measure, b.value);
  if (b.year < 1900 || b.year > 2200)
    issues.push(issue(`${path}.year`, 'baseline_year', 'give the year as four digits (1900–2200)', { value: b.year }));
  else if (b.date && Number(b.date.slice(0, 4)) !== b.year) {
    issues.push(
      issue(`${path}.date`, 'baseline_date_year', `the baseline date must fall in the baseline year ${b.year}`, { year: b.year }),
    );
  }
  return issues;
}

/**
 * Disaggregations of a target or actual: known dimensions and values (sex: female/male; a
 * recipient country of the program), each value once per dimension, and (measure unit) the
 * parts of one dimension sum to at most the total — a part may be unknown, so less is allowed,
 * more would contradict the total. Percentages are shares of each group: 0–100 each, not summed.
 */
export function checkDisaggregations(path: string, measure: IndicatorMeasure, m: Target, ctx: FrameworkContext): FieldIssue[] {
  if (m.disaggregations.length === 0) return [];
  if (isQualitative(measure)) {
    return [issue(`${path}.disaggregations`, 'disaggregation_qualitative', 'a qualitative indicator is not disaggregated by numbers')];
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const sums = new Map<string, number>();
  m.disaggregations.forEach((d: Disaggregation, i) => {
    const at = `${path}.disaggregations.${i}`;
    if (d.dimension === 'sex' && !(SEX_VALUES as readonly string[]).includes(d.value)) {
      issues.push(issue(`${at}.value`, 'dimension_sex', 'sex is "female" or "male"', { value: d.value }));
    }
    if (d.dimension === 'recipient-country' && !ctx.recipients.includes(d.value)) {
      issues.push(
        issue(`${at}.value`, 'dimension_country', `${d.value} is not a recipient country of the program (${ctx.recipients.join(', ')})`, {
          value: d.value,
        }),
      );
    }
    const key = `${d.dimension}|${d.value}`;
    if (seen.has(key))
      issues.push(issue(`${at}.value`, 'dimension_repeated', `${d.dimension} ${d.value} is given twice`, { value: d.value }));
    seen.add(key);
    issues.push(...checkValue(at, measure, d.amount).map((x) => ({ ...x, path: `${at}.amount` })));
    sums.set(d.dimension, (sums.get(d.dimension) ?? 0) + d.amount);
  });
  if (measure === MEASURE.unit && m.value !== null) {
    for (const [dimension, sum] of sums) {
      if (sum > m.value + 1e-9) {
        issues.push(
          issue(
            `${path}.disaggregations`,
            'disaggregation_exceeds_total',
            `the ${dimension} parts sum to ${sum}, more than the total ${m.value}`,
            {
              dimension,
              sum,
              total: m.value,
            },
          ),
        );
      }
    }
  }
  return issues;
}

function checkMeasured(path: string, measure: IndicatorMeasure, m: Target, ctx: FrameworkContext): FieldIssue[] {
  return [...checkValue(path, measure, m.value), ...checkDisaggregations(path, measure, m, ctx)];
}

/** IATI 8.6.1: a period starts before it ends. */
export function checkPeriod(path: string, measure: IndicatorMeasure, p: Period | Omit<Period, 'id'>, ctx: FrameworkContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.end <= p.start)
    issues.push(issue(`${path}.end`, 'period_order', `the period must end after it starts (${p.start})`, { start: p.start }));
  if (p.target) issues.push(...checkMeasured(`${path}.target`, measure, p.target, ctx));
  if (p.actual) issues.push(...checkMeasured(`${path}.actual`, measure, p.actual, ctx));
  return issues;
}

/** The periods of one indicator do not overlap (one figure per day: totals over periods stay meaningful). */
export function checkPeriodOverlap(path: string, periods: readonly Pick<Period, 'start' | 'end'>[]): FieldIssue[] {
  const order = periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.start.localeCompare(b.start));
  const issues: FieldIssue[] = [];
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (prev && cur && cur.start <= prev.end) {
      issues.push(
        issue(`${path}.periods.${cur.i}.start`, 'period_overlap', `the period overlaps the one from ${prev.start} to ${prev.end}`, {
          start: prev.start,
          end: prev.end,
        }),
      );
    }
  }
  return issues;
}

export function checkIndicator(path: string, ind: Indicator, ctx: FrameworkContext): FieldIssue[] {
  return [
    ...checkTitle(path, ind),
    ...(ind.baseline ? checkBaseline(`${path}.baseline`, ind.measure, ind.baseline) : []),
    ...ind.periods.flatMap((p, k) => checkPeriod(`${path}.periods.${k}`, ind.measure, p, ctx)),
    ...checkPeriodOverlap(path, ind.periods),
  ];
}

export function checkResult(path: string, r: Result, ctx: FrameworkContext): FieldIssue[] {
  return [...checkTitle(path, r), ...r.indicators.flatMap((ind, j) => checkIndicator(`${path}.indicators.${j}`, ind, ctx))];
}

/** Every rule over a whole framework. */
export function checkFramework(f: Framework, ctx: FrameworkContext): FieldIssue[] {
  return f.results.flatMap((r, i) => checkResult(`results.${i}`, r, ctx));
}
