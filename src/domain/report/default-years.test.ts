import { describe, expect, it } from 'vitest';
import { defaultYear, defaultYearRange } from './default-years.js';

describe('default years', () => {
  it('opens on the latest year with records that has begun', () => {
    expect(defaultYear([2016, 2017, 2018, 2027], 2026)).toBe(2018);
    expect(defaultYear([2016, 2026], 2026)).toBe(2026);
    expect(defaultYear([2027], 2026)).toBe(2026);
    expect(defaultYear([], 2026)).toBe(2026);
  });

  it('ranges over the years with records, at most the longest span, else the last ten years', () => {
    expect(defaultYearRange([2016, 2017, 2018, 2027], 2026, 50)).toEqual({ from: 2016, to: 2018 });
    expect(defaultYearRange([1950, 2020], 2026, 50)).toEqual({ from: 1971, to: 2020 });
    expect(defaultYearRange([2030], 2026, 50)).toEqual({ from: 2017, to: 2026 });
  });
});
