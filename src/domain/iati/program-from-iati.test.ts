import { describe, expect, it } from 'vitest';
import { iatiFieldOf, mapIatiActivity } from './program-from-iati.js';
import { iatiAmount, iatiDay, sharesByWeight } from './iati-values.js';
import type { RawIatiActivity } from './raw-activity.js';

function raw(over: Partial<RawIatiActivity> = {}): RawIatiActivity {
  return {
    line: 3,
    identifier: 'XM-TEST-1',
    defaultLang: 'en',
    defaultCurrency: 'USD',
    lastUpdated: '2024-01-01T00:00:00Z',
    reportingOrg: { ref: 'XM-TEST', type: '10', names: { en: 'Test publisher' } },
    titles: { en: 'Water for towns' },
    descriptions: [],
    participatingOrgs: [],
    status: '2',
    dates: [{ type: '1', isoDate: '2024-01-01' }],
    recipientCountries: [],
    recipientRegions: [],
    sectors: [],
    tags: [],
    collaborationType: '1',
    defaultAidType: null,
    budgets: [],
    transactions: [],
    ...over,
  };
}

const tx = (value: string, country: string | null, sectors: { vocabulary: string | null; code: string | null }[] = []) => ({
  type: '3',
  date: '2024-02-01',
  value,
  currency: null,
  valueDate: null,
  description: {},
  recipientCountry: country,
  sectors,
});

const map = (over: Partial<RawIatiActivity> = {}, ownReportingRef: string | null = 'ID-NCT-SSTC') =>
  mapIatiActivity(raw(over), { ownReportingRef });

describe('reading IATI values', () => {
  it('reads days and amounts as IATI writes them', () => {
    expect(iatiDay('2012-01-01')).toBe('2012-01-01');
    expect(iatiDay('2012-01-01Z')).toBe('2012-01-01');
    expect(iatiDay('2012-01-01T10:00:00')).toBe('2012-01-01');
    expect(iatiDay('2012-02-30')).toBeUndefined();
    expect(iatiDay('1/2/2012')).toBeUndefined();
    expect(iatiAmount('1000')).toBe(100_000);
    expect(iatiAmount('-250.5')).toBe(-25_050);
    expect(iatiAmount('+3.')).toBe(300);
    expect(iatiAmount('0.125')).toBe(13); // half away from zero
    expect(iatiAmount('-0.125')).toBe(-13);
    expect(iatiAmount('1,000')).toBeUndefined();
    expect(iatiAmount('1e5')).toBeUndefined();
    expect(iatiAmount('')).toBeUndefined();
  });

  it('splits shares by weight in hundredths that sum to exactly 100', () => {
    expect([
      ...sharesByWeight(
        new Map([
          ['A', 1],
          ['B', 1],
          ['C', 1],
        ]),
      ).values(),
    ]).toEqual([33.34, 33.33, 33.33]);
    expect([
      ...sharesByWeight(
        new Map([
          ['A', 3],
          ['B', 1],
        ]),
      ).values(),
    ]).toEqual([75, 25]);
    expect([
      ...sharesByWeight(
        new Map([
          ['A', 0],
          ['B', 0],
        ]),
      ).values(),
    ]).toEqual([null, null]);
    const shares = [
      ...sharesByWeight(
        new Map([
          ['A', 7],
          ['B', 11],
          ['C', 13],
          ['D', 17],
        ]),
      ).values(),
    ] as number[];
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(10_000);
  });

  it('names the IATI element of a program rule', () => {
    expect(iatiFieldOf('budgets.0.periodEnd')).toBe('budget 1 / period-end');
    expect(iatiFieldOf('plannedEnd')).toBe('activity-date type 3');
    expect(iatiFieldOf('recipients')).toBe('recipient-country');
  });
});

describe('mapping an IATI activity to a program', () => {
  it('maps the fields Mitra has, with the status deciding the stage', () => {
    const m = map({
      status: '3',
      dates: [
        { type: '1', isoDate: '2024-01-01' },
        { type: '2', isoDate: '2024-01-15' },
        { type: '3', isoDate: '2024-12-31' },
      ],
      recipientCountries: [
        { code: 'ke', percentage: '60' },
        { code: 'TZ', percentage: '40' },
      ],
      sectors: [{ vocabulary: '1', code: '14030', percentage: '100' }],
      tags: [
        { vocabulary: '2', code: '6' },
        { vocabulary: '3', code: '6.1' },
        { vocabulary: '1', code: 'water' },
      ],
      defaultAidType: 'D01',
      budgets: [
        {
          type: '1',
          status: '2',
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          value: '5000',
          currency: null,
          valueDate: '2024-01-01',
        },
      ],
    });
    expect(m.issues).toEqual([]);
    expect(m.data).toMatchObject({
      identifier: 'XM-TEST-1',
      titleEn: 'Water for towns',
      activityStatus: 'finalisation',
      lifecycleStage: 'completed',
      plannedStart: '2024-01-01',
      actualStart: '2024-01-15',
      plannedEnd: '2024-12-31',
      modality: 'expert_dispatch',
      recipients: [
        { country: 'KE', percentage: 60 },
        { country: 'TZ', percentage: 40 },
      ],
      sectors: [{ vocabulary: '1', code: '14030', percentage: 100 }],
      sdgs: [
        { goal: 6, target: null },
        { goal: 6, target: '6.1' },
      ],
      budgets: [{ type: 1, status: 2, amountMinor: 500_000, currency: 'USD', valueDate: '2024-01-01' }],
    });
    expect(m.details.tags).toEqual([{ vocabulary: '1', code: 'water' }]);
  });

  it('prefers English or Indonesian titles, else keeps the one there is and says its language', () => {
    expect(map({ titles: { es: 'Agua', id: 'Air', en: 'Water' } }).data).toMatchObject({ titleEn: 'Water', titleId: 'Air' });
    expect(map({ titles: { id: 'Air' } }).data).toMatchObject({ titleEn: null, titleId: 'Air' });
    const spanish = map({ titles: { es: 'Agua potable' }, defaultLang: 'es' });
    expect(spanish.data).toMatchObject({ titleEn: 'Agua potable', titleId: null });
    expect(spanish.details.titleLang).toBe('es');
    expect(map({ titles: {} }).issues).toEqual([{ field: 'title', code: 'iati_no_text', message: 'has no text in any language' }]);
  });

  it('takes countries and sectors from transactions, in shares of their values', () => {
    const m = map({
      transactions: [
        tx('300', 'KE', [{ vocabulary: '1', code: '14030' }]),
        tx('-100', 'KE', [{ vocabulary: '1', code: '14030' }]),
        tx('600', 'UG', [{ vocabulary: '1', code: '12220' }]),
      ],
    });
    expect(m.issues).toEqual([]);
    expect(m.data.recipients).toEqual([
      { country: 'KE', percentage: 40 },
      { country: 'UG', percentage: 60 },
    ]);
    expect(m.data.sectors).toEqual([
      { vocabulary: '1', code: '14030', percentage: 40 },
      { vocabulary: '1', code: '12220', percentage: 60 },
    ]);
    expect(m.data.transactions.map((t) => t.amountMinor)).toEqual([30_000, -10_000, 60_000]);
    expect(m.details).toMatchObject({ recipientsFromTransactions: true, sectorsFromTransactions: true });
  });

  it('keeps unknown codes and regions as written, and reports them instead of guessing', () => {
    const m = map({
      recipientCountries: [
        { code: 'KE', percentage: '50' },
        { code: 'QQ', percentage: '20' },
      ],
      recipientRegions: [{ code: '289', vocabulary: '1', percentage: '30' }],
      sectors: [
        { vocabulary: '1', code: '99999', percentage: '50' },
        { vocabulary: '1', code: '14030', percentage: '50' },
        { vocabulary: '99', code: 'LOCAL-7', percentage: '100' },
      ],
    });
    expect(m.issues).toEqual([]);
    expect(m.data.recipients).toEqual([{ country: 'KE', percentage: null }]);
    expect(m.data.sectors).toEqual([
      { vocabulary: '1', code: '14030', percentage: null },
      { vocabulary: '99', code: 'LOCAL-7', percentage: 100 },
    ]);
    expect(m.details.recipientCountries).toHaveLength(2);
    expect(m.details.recipientRegions).toEqual([{ code: '289', vocabulary: '1', percentage: '30' }]);
    expect(m.details.sectors).toEqual([
      { vocabulary: '1', code: '99999', percentage: '50' },
      { vocabulary: '1', code: '14030', percentage: '50' },
    ]);
    expect(m.unknown).toEqual([
      { what: 'recipient-country', code: 'QQ' },
      { what: 'sector (vocabulary 1)', code: '99999' },
    ]);
  });

  it('places organisations: the first implementer implements, the others are partners in their IATI roles', () => {
    const m = map({
      collaborationType: '8',
      participatingOrgs: [
        { ref: 'XM-TEST', role: '1', type: '10', names: { en: 'Test publisher' } },
        { ref: 'JP-8', role: '1', type: '10', names: { en: 'JICA' } },
        { ref: null, role: '4', type: '22', names: { en: 'Water Works Ltd' } },
        { ref: 'bad ref/with slash', role: '4', type: null, names: {} },
        { ref: null, role: '9', type: null, names: { en: 'Odd role' } },
        { ref: null, role: '2', type: null, names: {} },
      ],
    });
    expect(m.implementing).toEqual({ ref: null, name: 'Water Works Ltd', type: '22' });
    expect(m.partners).toEqual([
      { org: { ref: 'XM-TEST', name: 'Test publisher', type: '10' }, iatiRole: 1, sscRole: 'first_provider' },
      { org: { ref: 'JP-8', name: 'JICA', type: '10' }, iatiRole: 1, sscRole: 'second_provider' },
      // An identifier that is not one becomes the name.
      { org: { ref: null, name: 'bad ref/with slash', type: null }, iatiRole: 4, sscRole: 'facilitator' },
    ]);
    expect(m.data.cooperationType).toBe('triangular');
    expect(m.details.participatingOrgs).toHaveLength(2);
  });

  it("maps Mitra's own published identifiers back to the program's", () => {
    const own = map({ identifier: 'ID-NCT-SSTC-KSST-2018-001', reportingOrg: { ref: 'ID-NCT-SSTC', type: '10', names: {} } });
    expect(own.identifier).toBe('KSST-2018-001');
    expect(map({ identifier: 'ID-NCT-SSTC-KSST-2018-001' }).identifier).toBe('ID-NCT-SSTC-KSST-2018-001');
  });

  it('lists every reason an activity cannot be used', () => {
    const m = map({
      identifier: 'US-GOV-1-0660.00/2012/086',
      status: '9',
      dates: [{ type: '1', isoDate: '2012-13-01' }],
      defaultCurrency: null,
      transactions: [{ ...tx('12,5', null), type: '99', date: null }],
      budgets: [{ type: '3', status: '1', periodStart: '2012-01-01', periodEnd: null, value: '10', currency: 'XXY', valueDate: null }],
    });
    expect(m.issues.map((i) => i.field)).toEqual([
      'iati-identifier',
      'activity-status',
      'activity-date type 1',
      'transaction 1 / transaction-type',
      'transaction 1 / value',
      'transaction 1 / transaction-date',
      'transaction 1 / value',
      'budget 1 / @type',
      'budget 1 / period-end',
      'budget 1 / value',
    ]);
    expect(m.issues[0]).toEqual({
      field: 'iati-identifier',
      value: 'US-GOV-1-0660.00/2012/086',
      code: 'invalid_identifier',
      message: 'must not contain spaces or any of / & | ? (IATI rule)',
    });
    expect(map({ status: null }).issues).toEqual([{ field: 'activity-status', code: 'iati_missing', message: 'is missing' }]);
  });
});
