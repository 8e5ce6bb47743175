import { describe, expect, it } from 'vitest';
import { concentrationLevel, herfindahl } from './concentration.js';
import { yearOverYear, yearRange } from './change.js';

describe('herfindahl', () => {
  it('sums squared percentage shares (hand-computed)', () => {
    // 2, 1, 1 of 4: shares 50%, 25%, 25% → 2500 + 625 + 625 = 3750; 4²/6 = 2.67 equal parts.
    const c = herfindahl([
      ['PG', 2],
      ['FJ', 1],
      ['TL', 1],
    ]);
    expect(c).toMatchObject({ hhi: 3750, equivalentParts: 2.67, level: 'high', parts: 3, total: 4 });
    expect(c.top).toEqual([
      { key: 'PG', value: 2, sharePercent: 50 },
      { key: 'FJ', value: 1, sharePercent: 25 },
      { key: 'TL', value: 1, sharePercent: 25 },
    ]);
  });

  it('gives 10,000 for one part and 10,000/n for n equal parts', () => {
    expect(herfindahl([['PS', 7]]).hhi).toBe(10_000);
    expect(
      herfindahl([
        ['a', 3],
        ['b', 3],
        ['c', 3],
      ]).hhi,
    ).toBe(3333.33);
    expect(
      herfindahl([
        ['a', 1],
        ['b', 1],
        ['c', 1],
        ['d', 1],
        ['e', 1],
        ['f', 1],
        ['g', 1],
        ['h', 1],
        ['i', 1],
        ['j', 1],
      ]),
    ).toMatchObject({ hhi: 1000, level: 'unconcentrated', equivalentParts: 10 });
  });

  it('ignores empty parts and is 0 with no data', () => {
    expect(
      herfindahl([
        ['a', 0],
        ['b', 5],
        ['c', 5],
      ]).hhi,
    ).toBe(5000);
    expect(herfindahl([])).toEqual({ hhi: 0, equivalentParts: 0, level: null, parts: 0, total: 0, top: [] });
  });

  it('bands at 1,500 and 2,500', () => {
    expect(concentrationLevel(1499.99)).toBe('unconcentrated');
    expect(concentrationLevel(1500)).toBe('moderate');
    expect(concentrationLevel(2500)).toBe('moderate');
    expect(concentrationLevel(2500.01)).toBe('high');
  });
});

describe('yearOverYear', () => {
  it('gives the change and its percentage', () => {
    expect(yearOverYear(12, 8)).toEqual({ change: 4, percent: 50 });
    expect(yearOverYear(2, 3)).toEqual({ change: -1, percent: -33.33 });
    expect(yearOverYear(5, 0)).toEqual({ change: 5, percent: null });
    expect(yearOverYear(5, undefined)).toBeNull();
  });
  it('lists years', () => {
    expect(yearRange(2015, 2017)).toEqual([2015, 2016, 2017]);
    expect(yearRange(2017, 2015)).toEqual([]);
  });
});
