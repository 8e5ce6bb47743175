import { describe, expect, it } from 'vitest';
import { InvalidError } from '../errors.js';
import { attendanceOutcome, completionOf, courseDays } from './attendance.js';
import { certificateNumber, checkDigits, isValidCertificateNumber, isVerifyToken } from './certificate-number.js';

const dates = (
  plannedStart: string | null,
  plannedEnd: string | null,
  actualStart: string | null = null,
  actualEnd: string | null = null,
) => ({ plannedStart, plannedEnd, actualStart, actualEnd });

describe('courseDays', () => {
  it('lists every calendar day of the planned dates, both ends included, across a month end', () => {
    expect(courseDays(dates('2026-02-26', '2026-03-02'))).toEqual(['2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('takes the actual dates over the planned ones, and a one-day course when only the start is known', () => {
    expect(courseDays(dates('2026-03-01', '2026-03-10', '2026-03-03', '2026-03-04'))).toEqual(['2026-03-03', '2026-03-04']);
    expect(courseDays(dates('2026-03-01', null))).toEqual(['2026-03-01']);
  });

  it('refuses a program without dates, with its end before its start, or longer than a year', () => {
    expect(() => courseDays(dates(null, null))).toThrow(InvalidError);
    expect(() => courseDays(dates('2026-03-05', '2026-03-01'))).toThrow(/no start and end dates/);
    expect(() => courseDays(dates('2026-01-01', '2027-01-01'))).not.toThrow();
    expect(() => courseDays(dates('2026-01-01', '2027-01-02'))).toThrow(/367 days/);
  });
});

describe('completionOf', () => {
  it('completes 8 of 10 days at 80 % and not 7 of 10', () => {
    expect(completionOf(8, 10, 80)).toEqual({ daysPresent: 8, courseDays: 10, percent: 80, requiredDays: 8, completes: true });
    expect(completionOf(7, 10, 80).completes).toBe(false);
  });

  it('completes 4 of 5 days (exactly 80 %), not 3 of 5', () => {
    expect(completionOf(4, 5, 80).completes).toBe(true);
    expect(completionOf(3, 5, 80).completes).toBe(false);
  });

  it('never rounds in the participant’s favour: 7 of 9 is 77.8 %, below 78 %; 8 of 9 needs ceil(7.2)', () => {
    expect(completionOf(7, 9, 78).completes).toBe(false);
    expect(completionOf(7, 9, 77).completes).toBe(true);
    expect(completionOf(7, 9, 80)).toMatchObject({ requiredDays: 8, completes: false });
    // 2 of 3 is 66.67 %: it meets 66 % but not 67 %.
    expect(completionOf(2, 3, 66).completes).toBe(true);
    expect(completionOf(2, 3, 67).completes).toBe(false);
  });

  it('needs every day at 100 % and completes nobody when there are no days', () => {
    expect(completionOf(4, 5, 100).completes).toBe(false);
    expect(completionOf(5, 5, 100).completes).toBe(true);
    expect(completionOf(0, 0, 0).completes).toBe(false);
    expect(completionOf(0, 5, 0).completes).toBe(true);
  });
});

describe('attendanceOutcome', () => {
  const ok = completionOf(8, 10, 80);
  const short = completionOf(3, 10, 80);
  const none = completionOf(0, 10, 80);

  it('takes a confirmed participant who attended enough days through attended to completed', () => {
    expect(attendanceOutcome('confirmed', ok)).toEqual({ steps: ['attended', 'completed'], reason: 'completes' });
    expect(attendanceOutcome('selected', ok)).toEqual({ steps: ['attended', 'completed'], reason: 'completes' });
    expect(attendanceOutcome('attended', ok)).toEqual({ steps: ['completed'], reason: 'completes' });
  });

  it('leaves a participant below the rule attended, and one never present where they are', () => {
    expect(attendanceOutcome('confirmed', short)).toEqual({ steps: ['attended'], reason: 'below_rule' });
    expect(attendanceOutcome('attended', short)).toEqual({ steps: [], reason: 'below_rule' });
    expect(attendanceOutcome('confirmed', none)).toEqual({ steps: [], reason: 'no_show' });
  });

  it('moves nobody back and ignores candidates and the withdrawn', () => {
    expect(attendanceOutcome('completed', none)).toEqual({ steps: [], reason: 'already_completed' });
    expect(attendanceOutcome('withdrawn', ok)).toEqual({ steps: [], reason: 'not_in_course' });
    expect(attendanceOutcome('nominated', ok).steps).toEqual([]);
  });
});

describe('certificate numbers', () => {
  it('reads MITRA-year-program-participant-check with MOD 97-10 check digits', () => {
    // 2026 0000000012 0000000345 00 mod 97 = 2, so the check is 98 − 2 = 96.
    expect(certificateNumber(2026, 12, 345)).toBe('MITRA-2026-12-345-96');
    expect(checkDigits(2026, 1, 1)).toBe('29');
  });

  it('accepts its own numbers and refuses a changed digit, a swap or a bad form', () => {
    expect(isValidCertificateNumber('MITRA-2026-12-345-96')).toBe(true);
    expect(isValidCertificateNumber('mitra-2026-12-345-96')).toBe(true);
    expect(isValidCertificateNumber('MITRA-2026-12-346-96')).toBe(false);
    expect(isValidCertificateNumber('MITRA-2026-21-345-96')).toBe(false);
    expect(isValidCertificateNumber('MITRA-2026-123-45-96')).toBe(false);
    expect(isValidCertificateNumber('MITRA-2026-12-345')).toBe(false);
  });

  it('recognises verification tokens of 32 bytes in base64url only', () => {
    expect(isVerifyToken('A'.repeat(43))).toBe(true);
    expect(isVerifyToken(`${'A'.repeat(42)}=`)).toBe(false);
    expect(isVerifyToken('A'.repeat(44))).toBe(false);
    expect(isVerifyToken('../etc/passwd')).toBe(false);
  });
});
