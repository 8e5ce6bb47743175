/**
 * The results section's forms as strings (what the inputs hold) and their request bodies
 * (docs/results.md). The server checks every rule; these mappings only turn text into numbers.
 */
import type { IndicatorBody, PeriodBody, ResultBody, FrameworkPeriod } from '../../api/result-queries.js';

export interface ResultForm {
  type: '1' | '2' | '3' | '9';
  titleEn: string;
  titleId: string;
}
export interface IndicatorForm {
  measure: '1' | '2' | '3' | '4' | '5';
  ascending: boolean;
  titleEn: string;
  titleId: string;
  baselineYear: string;
  baselineValue: string;
}
export interface PeriodForm {
  start: string;
  end: string;
  target: string;
  targetComment: string;
  actual: string;
  actualComment: string;
}

export const emptyResult = (): ResultForm => ({ type: '1', titleEn: '', titleId: '' });
export const emptyIndicator = (): IndicatorForm => ({
  measure: '1',
  ascending: true,
  titleEn: '',
  titleId: '',
  baselineYear: '',
  baselineValue: '',
});
export const emptyPeriod = (): PeriodForm => ({ start: '', end: '', target: '', targetComment: '', actual: '', actualComment: '' });

const text = (s: string) => (s.trim() ? s.trim() : null);
/** A number as typed ("12", "55,5" or "55.5"); null when empty; NaN stays NaN (the server names the field). */
export const numberOf = (s: string): number | null => (s.trim() ? Number(s.trim().replace(',', '.')) : null);

export function resultBody(f: ResultForm): ResultBody {
  return { type: f.type, titleEn: text(f.titleEn), titleId: text(f.titleId) };
}

export function indicatorBody(f: IndicatorForm): IndicatorBody {
  const year = numberOf(f.baselineYear);
  return {
    measure: f.measure,
    ascending: f.ascending,
    titleEn: text(f.titleEn),
    titleId: text(f.titleId),
    baseline: year === null ? null : { year, value: f.measure === '5' ? null : numberOf(f.baselineValue) },
  };
}

/** A period's body; the disaggregations and evidence of an edited period are kept as they were. */
export function periodBody(f: PeriodForm, measure: string, current?: FrameworkPeriod): PeriodBody {
  const qualitative = measure === '5';
  const value = (s: string) => (qualitative ? null : numberOf(s));
  const target = f.target.trim() || f.targetComment.trim();
  const actual = f.actual.trim() || f.actualComment.trim();
  return {
    start: f.start,
    end: f.end,
    target: target
      ? { value: value(f.target), commentEn: text(f.targetComment), disaggregations: current?.target?.disaggregations ?? [] }
      : null,
    actual: actual
      ? {
          value: value(f.actual),
          commentEn: text(f.actualComment),
          disaggregations: current?.actual?.disaggregations ?? [],
          documents: current?.actual?.documents ?? [],
        }
      : null,
  };
}

export function periodForm(p: FrameworkPeriod): PeriodForm {
  const s = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    start: p.start,
    end: p.end,
    target: s(p.target?.value),
    targetComment: p.target?.commentEn ?? '',
    actual: s(p.actual?.value),
    actualComment: p.actual?.commentEn ?? '',
  };
}
