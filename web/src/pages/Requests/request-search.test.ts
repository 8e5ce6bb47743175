import { describe, expect, it } from 'vitest';
import { parseRequestSearch } from './request-search.js';

describe('parseRequestSearch', () => {
  it('keeps known statuses, countries and a page beyond the first', () => {
    expect(parseRequestSearch({ status: 'registered,assessment,bogus', country: 'fj', q: '  disaster ', page: '3' })).toEqual({
      status: 'registered,assessment',
      country: 'FJ',
      q: 'disaster',
      page: 3,
    });
  });

  it('drops what it does not know', () => {
    expect(parseRequestSearch({ status: 'maybe', country: 'ZZ', q: ' ', page: 1 })).toEqual({});
  });
});
