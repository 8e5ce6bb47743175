import { describe, expect, it } from 'vitest';
import { isLate, periodDays, reminderDue } from './round.js';

describe('collection rounds', () => {
  it('keys the reminder due on each day around a deadline of 2026-12-10', () => {
    const due = (day: string) => reminderDue('2026-12-10', day);
    expect(due('2026-12-02')).toBeNull();
    expect(due('2026-12-03')).toBe('before-7');
    expect(due('2026-12-08')).toBe('before-7');
    expect(due('2026-12-09')).toBe('before-1');
    expect(due('2026-12-10')).toBe('before-1');
    expect(due('2026-12-11')).toBe('after-1');
    expect(due('2026-12-17')).toBe('after-1');
    expect(due('2026-12-18')).toBe('after-8');
    expect(due('2026-12-25')).toBe('after-15');
  });

  it('is late only after the deadline day and while unconfirmed', () => {
    expect(isLate({ status: 'open' }, '2026-12-10', '2026-12-10')).toBe(false);
    expect(isLate({ status: 'open' }, '2026-12-10', '2026-12-11')).toBe(true);
    expect(isLate({ status: 'confirmed' }, '2026-12-10', '2027-01-11')).toBe(false);
  });

  it('bounds the halves of a year', () => {
    expect(periodDays(2025, 'h1')).toEqual({ firstDate: '2025-01-01', lastDate: '2025-06-30' });
    expect(periodDays(2025, 'h2')).toEqual({ firstDate: '2025-07-01', lastDate: '2025-12-31' });
  });
});
