import { describe, expect, it } from 'vitest';
import { breachClock, breachDeadline } from './breach.js';

describe('breachClock', () => {
  const b = { discoveredAt: '2026-12-01T10:30:00.000Z', subjectsNotifiedAt: null, authorityNotifiedAt: null };

  it('puts the deadline 72 hours after the discovery (UU PDP Art. 46)', () => {
    expect(breachDeadline(b.discoveredAt)).toBe('2026-12-04T10:30:00.000Z');
  });

  it('is overdue only after the deadline while a notification is missing', () => {
    expect(breachClock(b, '2026-12-04T10:30:00.000Z')).toMatchObject({ overdue: false, hoursLeft: 0 });
    expect(breachClock(b, '2026-12-04T10:30:00.001Z')).toMatchObject({ overdue: true, hoursLeft: -1 });
    expect(breachClock({ ...b, subjectsNotifiedAt: '2026-12-02T00:00:00.000Z' }, '2026-12-05T00:00:00.000Z').overdue).toBe(true);
    const both = { ...b, subjectsNotifiedAt: '2026-12-02T00:00:00.000Z', authorityNotifiedAt: '2026-12-03T00:00:00.000Z' };
    expect(breachClock(both, '2027-01-01T00:00:00.000Z')).toEqual({
      deadlineAt: '2026-12-04T10:30:00.000Z',
      overdue: false,
      notifiedLate: false,
      hoursLeft: null,
    });
  });

  it('says when a notification came late', () => {
    const late = { ...b, subjectsNotifiedAt: '2026-12-05T00:00:00.000Z', authorityNotifiedAt: '2026-12-03T00:00:00.000Z' };
    expect(breachClock(late, '2026-12-06T00:00:00.000Z')).toMatchObject({ overdue: false, notifiedLate: true });
  });
});
