import { describe, expect, it } from 'vitest';
import { parsePrioritiesSearch, subjectOf } from './priorities-search.js';

describe('parsePrioritiesSearch', () => {
  it('keeps the years and a well-formed subject', () => {
    expect(parsePrioritiesSearch({ from: '2016', to: 2020, subject: 'group:PIF', year: '2019' })).toEqual({
      from: 2016,
      to: 2020,
      subject: 'group:PIF',
      year: 2019,
    });
  });

  it('drops what a hand-edited link may carry', () => {
    expect(parsePrioritiesSearch({ from: 'x', to: 1800, subject: 'team:PIF', year: 2300 })).toEqual({});
  });
});

describe('subjectOf', () => {
  it('splits a subject into its kind and code', () => {
    expect(subjectOf('region:africa')).toEqual({ kind: 'region', code: 'africa' });
  });

  it('is null without a subject or with an unknown kind', () => {
    expect(subjectOf(undefined)).toBeNull();
    expect(subjectOf('team:x')).toBeNull();
    expect(subjectOf('group:')).toBeNull();
  });
});
