import { describe, expect, it } from 'vitest';
import { groupTimelineByYear } from './timeline.js';

describe('groupTimelineByYear', () => {
  it('groups entries by year, latest year and latest entry first', () => {
    const items = [
      { date: '2018-03-01', id: 1 },
      { date: '2021-11-20', id: 2 },
      { date: '2018-09-15', id: 3 },
      { date: '2021-01-05', id: 4 },
      { date: '2019-06-30', id: 5 },
    ];
    expect(groupTimelineByYear(items).map((y) => [y.year, y.items.map((i) => i.id)])).toEqual([
      ['2021', [2, 4]],
      ['2019', [5]],
      ['2018', [3, 1]],
    ]);
  });

  it('keeps the given order of entries on the same day', () => {
    const items = [
      { date: '2020-05-01', id: 7, kind: 'engagement' },
      { date: '2020-05-01', id: 3, kind: 'agreement' },
      { date: '2020-05-01', id: 9, kind: 'program' },
    ];
    expect(groupTimelineByYear(items)[0]?.items.map((i) => i.kind)).toEqual(['engagement', 'agreement', 'program']);
  });

  it('gives no years for no entries', () => {
    expect(groupTimelineByYear([])).toEqual([]);
  });
});
