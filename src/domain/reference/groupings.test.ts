import { describe, expect, it } from 'vitest';
import { groupMembersInYear, groupMembersOn, isMemberOn } from './groupings.js';

describe('group membership over time', () => {
  it('counts Timor-Leste in ASEAN only from 26 October 2025', () => {
    expect(isMemberOn('ASEAN', 'TL', '2025-10-25')).toBe(false);
    expect(isMemberOn('ASEAN', 'TL', '2025-10-26')).toBe(true);
    expect(groupMembersOn('ASEAN', '2016-06-30')).toHaveLength(10);
    expect(groupMembersOn('ASEAN', '2026-01-01')).toHaveLength(11);
  });

  it('has the five MSG members and not Indonesia, an associate member', () => {
    const msg = groupMembersOn('MSG', '2018-06-30');
    expect(msg).toEqual(expect.arrayContaining(['FJ', 'PG', 'SB', 'VU']));
    expect(msg).not.toContain('ID');
    expect(groupMembersOn('MSG', '2018-06-30', ['associate member'])).toContain('ID');
  });

  it('takes Kiribati out of PIF while it had withdrawn (July 2022 to early 2023)', () => {
    expect(isMemberOn('PIF', 'KI', '2021-01-01')).toBe(true);
    expect(isMemberOn('PIF', 'KI', '2022-09-01')).toBe(false);
    expect(isMemberOn('PIF', 'KI', '2024-01-01')).toBe(true);
  });

  it('uses the LDC list of the year: Equatorial Guinea graduated in June 2017', () => {
    expect(isMemberOn('LDC', 'GQ', '2016-06-30')).toBe(true);
    expect(isMemberOn('LDC', 'GQ', '2018-06-30')).toBe(false);
    expect(groupMembersInYear('LDC', 2017)).toContain('GQ');
  });

  it('counts Morocco in the African Union from its readmission in 2017', () => {
    expect(isMemberOn('AU', 'MA', '2016-12-31')).toBe(false);
    expect(isMemberOn('AU', 'MA', '2017-02-01')).toBe(true);
  });
});
