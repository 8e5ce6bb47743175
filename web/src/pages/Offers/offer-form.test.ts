import { describe, expect, it } from 'vitest';
import { emptyOfferForm, localToInstant, offsetText, toOfferBody } from './offer-form.js';

const jakarta = () => -420; // UTC+7: getTimezoneOffset is UTC − local, in minutes
const newfoundland = () => 150; // UTC−2:30

describe('deadline in local time', () => {
  it('writes the offset of the zone', () => {
    expect(offsetText(-420)).toBe('+07:00');
    expect(offsetText(0)).toBe('+00:00');
    expect(offsetText(150)).toBe('-02:30');
    expect(offsetText(-345)).toBe('+05:45');
  });

  it('sends the typed time with its offset, seconds added', () => {
    expect(localToInstant('2026-12-01T23:59', jakarta)).toBe('2026-12-01T23:59:00+07:00');
    expect(localToInstant('2026-03-05T08:30', newfoundland)).toBe('2026-03-05T08:30:00-02:30');
  });

  it('refuses what is not a real date and time', () => {
    expect(localToInstant('2026-02-30T10:00', jakarta)).toBeUndefined();
    expect(localToInstant('2026-12-01', jakarta)).toBeUndefined();
    expect(localToInstant('', jakarta)).toBeUndefined();
  });
});

describe('the offer body', () => {
  it('converts the form, empty texts and quotas to null', () => {
    const result = toOfferBody(
      {
        ...emptyOfferForm(),
        summaryEn: ' Disaster course ',
        deadlineLocal: '2026-12-01T23:59',
        quotaDefault: '2',
        quotas: [{ country: 'FJ', quota: '5' }],
      },
      'open',
      jakarta,
    );
    expect(result).toEqual({
      ok: true,
      body: {
        summaryEn: 'Disaster course',
        summaryId: null,
        eligibilityEn: null,
        eligibilityId: null,
        deadline: '2026-12-01T23:59:00+07:00',
        quotaDefault: 2,
        quotaTotal: null,
        quotas: [{ country: 'FJ', quota: 5 }],
        completionPercent: 80,
        status: 'open',
      },
    });
  });

  it('names every field to correct, by the API paths', () => {
    const result = toOfferBody(
      { ...emptyOfferForm(), quotaTotal: '2.5', completionPercent: '0', quotas: [{ country: 'FJ', quota: '' }] },
      undefined,
      jakarta,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect([...result.errors.keys()].sort()).toEqual(['completionPercent', 'deadline', 'quotaTotal', 'quotas.0.quota']);
  });
});
