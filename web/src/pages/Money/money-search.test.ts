import { describe, expect, it } from 'vitest';
import { parseMoneySearch } from './money-search.js';

describe('parseMoneySearch', () => {
  it('keeps valid filters from the URL', () => {
    expect(
      parseMoneySearch({
        groupBy: 'agency',
        yearFrom: '2016',
        yearTo: 2018,
        agency: ' ID-KEMLU ',
        stage: 'completed,evaluated',
        page: '3',
      }),
    ).toEqual({
      groupBy: 'agency',
      yearFrom: 2016,
      yearTo: 2018,
      agency: 'ID-KEMLU',
      stage: 'completed,evaluated',
      page: 3,
    });
  });

  it('drops what is not a filter value when it is malformed', () => {
    expect(
      parseMoneySearch({ groupBy: 'country', yearFrom: '20x6', yearTo: '1800', agency: '', stage: 'x;drop', page: '1', inKindPage: '-2' }),
    ).toEqual({});
    expect(parseMoneySearch({ yearFrom: 2018, yearTo: 2016 })).toEqual({ yearFrom: 2018 });
  });
});
