import { describe, expect, it } from 'vitest';
import { addOneYear, daysBetween, isCalendarDate } from './dates.js';

describe('calendar days', () => {
  it.each(['2018-03-25', '2016-02-29', '2000-02-29', '2018-12-31'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each(['2018-02-29', '1900-02-29', '2018-04-31', '2018-13-01', '2018-00-10', '18-03-25', '2018-3-25', '2018-03-25T00:00:00Z', ''])(
    'refuses %s',
    (d) => {
      expect(isCalendarDate(d)).toBe(false);
    },
  );

  it('adds a year, keeping 29 February inside February', () => {
    expect(addOneYear('2018-01-01')).toBe('2019-01-01');
    expect(addOneYear('2016-02-29')).toBe('2017-02-28');
  });

  it('counts days between days', () => {
    expect(daysBetween('2018-04-16', '2018-04-25')).toBe(9);
  });
});
