import { describe, expect, it } from 'vitest';
import { frameworkInputSchema, periodInputSchema, withIds, type Framework, type PeriodInput } from './framework.js';
import { checkBaseline, checkDisaggregations, checkFramework, checkPeriod, checkPeriodOverlap, checkValue } from './framework.rules.js';

const ctx = { recipients: ['KE', 'TZ'] };
const period = (over: Partial<PeriodInput> = {}): PeriodInput => ({
  ...periodInputSchema.parse({ start: '2018-01-01', end: '2018-12-31' }),
  ...over,
});
const measured = (
  value: number | null,
  disaggregations: { dimension: 'sex' | 'recipient-country'; value: string; amount: number }[] = [],
) => ({
  value,
  commentEn: null,
  commentId: null,
  disaggregations,
});
const codes = (issues: readonly { code?: string }[]) => issues.map((i) => i.code);

function framework(measure: '1' | '2' | '5', p: Record<string, unknown>): Framework {
  return withIds(
    frameworkInputSchema.parse({
      results: [{ type: '1', titleEn: 'Officials trained', indicators: [{ measure, titleEn: 'Officials', periods: [p] }] }],
    }),
    1,
  );
}

describe('checkValue', () => {
  it('accepts a percentage from 0 to 100 and refuses one outside', () => {
    expect(checkValue('v', '2', 0)).toEqual([]);
    expect(checkValue('v', '2', 100)).toEqual([]);
    expect(codes(checkValue('v', '2', 100.5))).toEqual(['percentage_range']);
    expect(codes(checkValue('v', '2', -1))).toEqual(['percentage_range']);
  });
  it('requires a number for non-qualitative measures (IATI 8.8.1–8.10.1)', () => {
    expect(codes(checkValue('v', '1', null))).toEqual(['value_required']);
    expect(codes(checkValue('v', '3', null))).toEqual(['value_required']);
    expect(checkValue('v', '4', 3)).toEqual([]);
  });
  it('refuses a value for a qualitative measure (IATI 8.8.3)', () => {
    expect(codes(checkValue('v', '5', 3))).toEqual(['value_not_allowed']);
    expect(checkValue('v', '5', null)).toEqual([]);
  });
  it('refuses a negative count', () => {
    expect(codes(checkValue('v', '1', -2))).toEqual(['negative_unit']);
  });
  it('names the field of the issue', () => {
    expect(checkValue('results.0.indicators.0.baseline', '2', 120)[0]?.path).toBe('results.0.indicators.0.baseline.value');
  });
});

describe('checkBaseline', () => {
  const base = { year: 2016, date: null, value: 10, commentEn: null, commentId: null };
  it('accepts a four-digit year with a date in it', () => {
    expect(checkBaseline('b', '1', { ...base, date: '2016-06-30' })).toEqual([]);
  });
  it('refuses a year that is not one', () => {
    expect(codes(checkBaseline('b', '1', { ...base, year: 16 }))).toEqual(['baseline_year']);
    expect(checkBaseline('b', '1', { ...base, year: 16 })[0]?.path).toBe('b.year');
  });
  it('refuses a date outside the baseline year', () => {
    expect(codes(checkBaseline('b', '1', { ...base, date: '2017-01-01' }))).toEqual(['baseline_date_year']);
  });
});

describe('checkPeriod', () => {
  it('refuses a period that ends before or when it starts (IATI 8.6.1)', () => {
    expect(codes(checkPeriod('p', '1', period({ start: '2018-06-01', end: '2018-05-31' }), ctx))).toEqual(['period_order']);
    expect(codes(checkPeriod('p', '1', period({ start: '2018-06-01', end: '2018-06-01' }), ctx))).toEqual(['period_order']);
    expect(checkPeriod('p', '1', period(), ctx)).toEqual([]);
  });
  it('checks the target and the actual values', () => {
    const issues = checkPeriod('p', '2', period({ target: measured(120), actual: { ...measured(80), documents: [] } }), ctx);
    expect(issues.map((i) => i.path)).toEqual(['p.target.value']);
  });
});

describe('checkPeriodOverlap', () => {
  it('accepts periods one after the other, in any order', () => {
    expect(checkPeriodOverlap('i', [period({ start: '2019-01-01', end: '2019-12-31' }), period()])).toEqual([]);
  });
  it('refuses a period that overlaps another, naming the later one', () => {
    const issues = checkPeriodOverlap('i', [period(), period({ start: '2018-12-31', end: '2019-06-30' })]);
    expect(issues).toMatchObject([
      { path: 'i.periods.1.start', code: 'period_overlap', params: { start: '2018-01-01', end: '2018-12-31' } },
    ]);
  });
});

describe('checkDisaggregations', () => {
  it('accepts parts of a count that sum to at most the total (a part may be unknown)', () => {
    const m = measured(30, [
      { dimension: 'sex', value: 'female', amount: 12 },
      { dimension: 'sex', value: 'male', amount: 15 },
      { dimension: 'recipient-country', value: 'KE', amount: 30 },
    ]);
    expect(checkDisaggregations('t', '1', m, ctx)).toEqual([]);
  });
  it('refuses parts of a count that exceed the total', () => {
    const m = measured(20, [
      { dimension: 'sex', value: 'female', amount: 12 },
      { dimension: 'sex', value: 'male', amount: 15 },
    ]);
    expect(checkDisaggregations('t', '1', m, ctx)).toMatchObject([
      { path: 't.disaggregations', code: 'disaggregation_exceeds_total', params: { dimension: 'sex', sum: 27, total: 20 } },
    ]);
  });
  it('does not sum percentages (each is a share of its group) but keeps each within 0–100', () => {
    const m = measured(60, [
      { dimension: 'sex', value: 'female', amount: 70 },
      { dimension: 'sex', value: 'male', amount: 101 },
    ]);
    expect(checkDisaggregations('t', '2', m, ctx)).toMatchObject([{ path: 't.disaggregations.1.amount', code: 'percentage_range' }]);
  });
  it('refuses a country that is not a recipient of the program', () => {
    const m = measured(5, [{ dimension: 'recipient-country', value: 'UG', amount: 5 }]);
    expect(checkDisaggregations('t', '1', m, ctx)).toMatchObject([{ path: 't.disaggregations.0.value', code: 'dimension_country' }]);
  });
  it('refuses a sex other than female or male, and a group given twice', () => {
    const m = measured(5, [
      { dimension: 'sex', value: 'other', amount: 1 },
      { dimension: 'sex', value: 'female', amount: 1 },
      { dimension: 'sex', value: 'female', amount: 1 },
    ]);
    expect(codes(checkDisaggregations('t', '1', m, ctx))).toEqual(['dimension_sex', 'dimension_repeated']);
  });
  it('refuses numbers by group for a qualitative indicator', () => {
    const m = measured(null, [{ dimension: 'sex', value: 'female', amount: 1 }]);
    expect(codes(checkDisaggregations('t', '5', m, ctx))).toEqual(['disaggregation_qualitative']);
  });
});

describe('checkFramework', () => {
  it('accepts a whole framework and gives each item its own id', () => {
    const f = framework('1', { start: '2018-01-01', end: '2018-12-31', target: { value: 30 }, actual: { value: 28 } });
    expect(checkFramework(f, ctx)).toEqual([]);
    expect(f.nextId).toBe(4);
    expect(f.results[0]?.indicators[0]?.periods[0]?.id).toBe(3);
  });
  it('gives paths from the framework down to the field', () => {
    const f = framework('2', { start: '2018-01-01', end: '2018-12-31', actual: { value: 140 } });
    expect(checkFramework(f, ctx).map((i) => i.path)).toEqual(['results.0.indicators.0.periods.0.actual.value']);
  });
  it('requires a title in one language at least', () => {
    const f = withIds(frameworkInputSchema.parse({ results: [{ type: '2', indicators: [{ measure: '5', titleId: 'Kebijakan' }] }] }), 1);
    expect(checkFramework(f, ctx)).toMatchObject([{ path: 'results.0.titleEn', code: 'title_required' }]);
  });
});

describe('documentLinkSchema', () => {
  it('accepts an IATI file format and an activity document category, and refuses others', () => {
    const p = (doc: Record<string, unknown>) =>
      periodInputSchema.safeParse({ start: '2018-01-01', end: '2018-12-31', actual: { value: 1, documents: [doc] } }).success;
    expect(p({ url: 'https://example.org/report.pdf', format: 'application/pdf', titleEn: 'Report', category: 'A08' })).toBe(true);
    expect(p({ url: 'https://example.org/report.pdf', format: 'application/x-nonsense', titleEn: 'Report' })).toBe(false);
    expect(p({ url: 'https://example.org/report.pdf', format: 'application/pdf', category: 'B01' })).toBe(false);
    expect(p({ url: 'javascript:alert(1)', format: 'application/pdf' })).toBe(false);
  });
});
