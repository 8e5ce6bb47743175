import { describe, expect, it } from 'vitest';
import { nextDay, parseAuditSearch } from './audit-search.js';

describe('parseAuditSearch', () => {
  it('keeps valid filters and drops unknown values, bad dates and page 1', () => {
    expect(
      parseAuditSearch({ q: ' sari ', entity: 'user', action: 'create', from: '2026-01-01', to: '2026-1-31', page: '1', actorUserId: '7' }),
    ).toEqual({
      q: 'sari',
      entity: 'user',
      action: 'create',
      from: '2026-01-01',
      actorUserId: 7,
    });
    expect(parseAuditSearch({ entity: 'users', action: 'drop', page: '3', actorUserId: '-1' })).toEqual({ page: 3 });
  });
});

describe('nextDay', () => {
  it('moves to the following calendar day across months and years', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
