import { describe, expect, it } from 'vitest';
import { emptyIndicator, emptyPeriod, indicatorBody, numberOf, periodBody, resultBody } from './results-form.js';

describe('results-form', () => {
  it('reads numbers written with a comma or a point, and empty as none', () => {
    expect(numberOf('55,5')).toBe(55.5);
    expect(numberOf(' 12 ')).toBe(12);
    expect(numberOf('')).toBeNull();
  });
  it('sends empty titles as null', () => {
    expect(resultBody({ type: '2', titleEn: ' Hatcheries ', titleId: '' })).toEqual({ type: '2', titleEn: 'Hatcheries', titleId: null });
  });
  it('sends a baseline only with its year, without a value for a qualitative indicator', () => {
    expect(indicatorBody({ ...emptyIndicator(), titleEn: 'X' }).baseline).toBeNull();
    expect(indicatorBody({ ...emptyIndicator(), measure: '5', baselineYear: '2018', baselineValue: '3' }).baseline).toEqual({
      year: 2018,
      value: null,
    });
  });
  it('sends a target or actual only when given, keeping the disaggregations of an edited period', () => {
    const body = periodBody({ ...emptyPeriod(), start: '2018-01-01', end: '2018-12-31', actual: '18' }, '1', {
      id: 3,
      start: '2018-01-01',
      end: '2018-12-31',
      target: null,
      actual: {
        value: 17,
        commentEn: null,
        commentId: null,
        disaggregations: [{ dimension: 'sex', value: 'female', amount: 9 }],
        documents: [],
      },
    });
    expect(body.target).toBeNull();
    expect(body.actual).toMatchObject({ value: 18, disaggregations: [{ dimension: 'sex', value: 'female', amount: 9 }] });
  });
});
