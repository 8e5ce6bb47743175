import { describe, expect, it } from 'vitest';
import { checkAgreement, checkAgreementTransition, nextAgreementStatuses, renewalState, agreementKinds } from './agreement.js';
import { canBecomeProgram, checkEngagementDates, checkFollowUp, isOverdue } from './engagement.js';

const none = { signedOn: null, validFrom: null, validUntil: null };
const codes = (issues: readonly { path: string; code?: string }[]) => issues.map((i) => `${i.path}:${i.code}`);

describe('agreements', () => {
  it('follow draft → negotiation → signed → in force → expired or terminated', () => {
    expect(nextAgreementStatuses('draft')).toEqual(['negotiation', 'signed']);
    expect(nextAgreementStatuses('in_force')).toEqual(['expired', 'terminated']);
    expect(nextAgreementStatuses('expired')).toEqual([]);
    expect(
      codes(checkAgreementTransition('draft', 'in_force', { signedOn: '2017-05-26', validFrom: null, validUntil: null }, '2017-06-01')),
    ).toEqual(['status:bad_transition']);
    expect(
      checkAgreementTransition(
        'negotiation',
        'signed',
        { signedOn: '2017-05-26', validFrom: null, validUntil: '2022-05-25' },
        '2017-06-01',
      ),
    ).toEqual([]);
  });

  it('refuses "in force" without a signature date, and a validity ending before the signature', () => {
    expect(codes(checkAgreement('in_force', none))).toEqual(['signedOn:required_when_signed', 'validFrom:required_in_force']);
    expect(codes(checkAgreement('in_force', { signedOn: '2018-03-01', validFrom: null, validUntil: '2018-02-28' }))).toEqual([
      'validUntil:before_signature',
    ]);
    expect(checkAgreement('in_force', { signedOn: '2018-03-01', validFrom: null, validUntil: '2018-02-28' })[0]?.message).toBe(
      'the validity ends (2018-02-28) before the signature (2018-03-01)',
    );
    expect(codes(checkAgreement('draft', { signedOn: '2018-03-01', validFrom: null, validUntil: null }))).toEqual([
      'signedOn:not_signed_yet',
    ]);
    expect(codes(checkAgreement('signed', { signedOn: '2018-02-30', validFrom: null, validUntil: null }))).toEqual([
      'signedOn:invalid_date',
    ]);
    expect(codes(checkAgreement('signed', { signedOn: '2018-03-01', validFrom: '2018-02-01', validUntil: null }))).toEqual([
      'validFrom:before_signature',
    ]);
  });

  it('enters into force on its day, and expires only after its validity', () => {
    const dates = { signedOn: '2026-12-10', validFrom: '2027-01-01', validUntil: '2031-12-31' };
    expect(codes(checkAgreementTransition('signed', 'in_force', dates, '2026-12-31'))).toEqual(['validFrom:not_yet']);
    expect(checkAgreementTransition('signed', 'in_force', dates, '2027-01-01')).toEqual([]);
    expect(codes(checkAgreementTransition('in_force', 'expired', dates, '2031-12-31'))).toEqual(['validUntil:not_ended']);
    expect(checkAgreementTransition('in_force', 'expired', dates, '2032-01-01')).toEqual([]);
    expect(codes(checkAgreementTransition('in_force', 'expired', { ...dates, validUntil: null }, '2032-01-01'))).toEqual([
      'validUntil:not_ended',
    ]);
  });

  it('reminds 180, 90 and 30 days before the end of validity (days counted by hand)', () => {
    // 2027-01-01 → 2027-06-30: 31 + 28 + 31 + 30 + 31 + 29 = 180 days.
    expect(renewalState('in_force', '2027-06-30', '2027-01-01')).toEqual({
      daysLeft: 180,
      remindersDue: [180],
      nextReminder: '2027-04-01',
      expiringSoon: true,
      overdue: false,
    });
    expect(renewalState('in_force', '2027-06-30', '2026-12-01')).toEqual({
      daysLeft: 211,
      remindersDue: [],
      nextReminder: '2027-01-01',
      expiringSoon: false,
      overdue: false,
    });
    expect(renewalState('in_force', '2027-06-30', '2027-05-31')).toEqual({
      daysLeft: 30,
      remindersDue: [180, 90, 30],
      nextReminder: null,
      expiringSoon: true,
      overdue: false,
    });
    expect(renewalState('in_force', '2027-06-30', '2027-07-01')).toMatchObject({
      daysLeft: -1,
      remindersDue: [],
      overdue: true,
      expiringSoon: false,
    });
    // A draft or an ended agreement is never due for renewal.
    expect(renewalState('draft', '2027-06-30', '2027-06-01')).toMatchObject({ remindersDue: [], expiringSoon: false, overdue: false });
    expect(renewalState('expired', '2027-06-30', '2027-07-01')).toMatchObject({ overdue: false });
    expect(renewalState('in_force', null, '2027-07-01')).toMatchObject({ daysLeft: null, expiringSoon: false });
  });

  it('reads kinds in English or Indonesian', () => {
    expect(agreementKinds.parse('Nota Kesepahaman')).toBe('mou');
    expect(agreementKinds.parse('technical cooperation agreement')).toBe('technical_cooperation');
  });
});

describe('engagements', () => {
  it('refuses a follow-up without an owner, naming the field', () => {
    expect(
      codes(checkFollowUp({ action: 'Send the draft agreement to ABC', owner: ' ', dueOn: '2017-06-30', status: 'open' }, 'followUps.0')),
    ).toEqual(['followUps.0.owner:owner_required']);
    expect(codes(checkFollowUp({ action: '', owner: 'ID-KEMLU', dueOn: '2017-13-01', status: 'open' }))).toEqual([
      'action:required',
      'dueOn:invalid_date',
    ]);
    expect(checkFollowUp({ action: 'Propose dengue-prevention training', owner: 'ID-KEMENKES', dueOn: null, status: 'open' })).toEqual([]);
  });

  it('counts a follow-up overdue the day after its due day, while open', () => {
    expect(isOverdue({ status: 'open', dueOn: '2017-06-30' }, '2017-06-30')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2017-06-30' }, '2017-07-01')).toBe(true);
    expect(isOverdue({ status: 'done', dueOn: '2017-06-30' }, '2017-07-01')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2030-01-01')).toBe(false);
  });

  it('checks the dates of a visit, and turns an offer into a program once', () => {
    expect(checkEngagementDates({ startsOn: '2017-05-28', endsOn: '2017-05-30' })).toEqual([]);
    expect(codes(checkEngagementDates({ startsOn: '2017-05-28', endsOn: '2017-05-27' }))).toEqual(['endsOn:date_order']);
    expect(canBecomeProgram({ programId: null })).toBe(true);
    expect(canBecomeProgram({ programId: 12 })).toBe(false);
  });
});
