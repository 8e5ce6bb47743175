import { describe, expect, it } from 'vitest';
import { estimateInKind, rateOn, SpendingAccumulator, type InKindProgramFacts, type RateTable } from './in-kind.js';
import type { UnitCost } from './unit-costs.js';

const cost = (
  id: number,
  kind: UnitCost['kind'],
  region: UnitCost['region'],
  currency: string,
  amountMinor: number,
  validFrom = '2031-01-01',
): UnitCost => ({
  id,
  kind,
  region,
  validFrom,
  currency,
  amountMinor,
  note: null,
  updatedAt: '2031-01-01T00:00:00.000Z',
});

/** Participant-day IDR 1,000,000.00; expert-day USD 200.00; flights USD 800.00 (Oceania), USD 500.00 (Asia). */
const COSTS = [
  cost(1, 'participant_day', null, 'IDR', 100_000_000),
  cost(2, 'expert_day', null, 'USD', 20_000),
  cost(3, 'flight', 'oceania', 'USD', 80_000),
  cost(4, 'flight', 'asia', 'USD', 50_000),
];

/** IDR 15,000 per USD from 1 January 2031, 16,000 from 1 July. */
const RATES: RateTable = new Map([
  [
    'IDR',
    [
      { date: '2031-01-01', unitsPerUsd: 15_000 },
      { date: '2031-07-01', unitsPerUsd: 16_000 },
    ],
  ],
]);

const program = (overrides: Partial<InKindProgramFacts> = {}): InKindProgramFacts => ({
  id: 1,
  identifier: 'P4',
  titleEn: 'Training',
  titleId: null,
  year: 2031,
  modality: 'training',
  cooperationType: 'bilateral',
  stage: 'completed',
  implementingOrg: null,
  plannedStart: '2031-05-01',
  plannedEnd: '2031-05-03',
  actualStart: null,
  actualEnd: null,
  participants: 10,
  participantsSource: 'totals',
  participantsByRegion: [{ region: 'oceania', participants: 10 }],
  ...overrides,
});

describe('rateOn', () => {
  it('takes the latest rate on or before the day', () => {
    expect(rateOn(RATES, 'IDR', '2030-12-31')).toBeNull();
    expect(rateOn(RATES, 'IDR', '2031-06-30')).toBe(15_000);
    expect(rateOn(RATES, 'IDR', '2031-07-01')).toBe(16_000);
    expect(rateOn(RATES, 'EUR', '2031-07-01')).toBeNull();
  });
});

describe('estimateInKind', () => {
  it('estimates people × days × day cost + a flight each (hand-worked)', () => {
    // 10 planned participants, 1–3 May 2031 = 3 days:
    //   10 × 3 = 30 participant-days × IDR 1,000,000.00 = IDR 30,000,000.00 = USD 2,000.00 at 15,000;
    //   10 flights to Oceania × USD 800.00 = USD 8,000.00 = IDR 120,000,000.00.
    // Estimate: USD 10,000.00, IDR 150,000,000.00.
    const e = estimateInKind(program(), COSTS, RATES);
    expect(e.estimated).toBe(true);
    expect(e.gaps).toEqual([]);
    expect(e.inputs).toEqual({
      people: 10,
      peopleSource: 'planned',
      role: 'participant',
      startDate: '2031-05-01',
      endDate: '2031-05-03',
      dateSource: 'planned',
      days: 3,
      byRegion: [{ region: 'oceania', people: 10 }],
    });
    expect(e.components.map((c) => [c.kind, c.region, c.quantity, c.amountMinor, c.currency])).toEqual([
      ['participant_day', null, 30, 3_000_000_000, 'IDR'],
      ['flight', 'oceania', 10, 800_000, 'USD'],
    ]);
    expect(e.value).toMatchObject({ usdMinor: 1_000_000, idrMinor: 15_000_000_000, missingRates: [] });
  });

  it('counts the people of an expert dispatch as experts, at the actual dates and the rate of the start day', () => {
    // 2 expert records, 1–5 September 2031 = 5 days: 10 expert-days × USD 200.00 = USD 2,000.00;
    // 2 flights to Asia × USD 500.00 = USD 1,000.00. USD 3,000.00 = IDR 48,000,000.00 at 16,000.
    const e = estimateInKind(
      program({
        modality: 'expert_dispatch',
        plannedStart: '2031-08-01',
        plannedEnd: '2031-08-02',
        actualStart: '2031-09-01',
        actualEnd: '2031-09-05',
        participants: 2,
        participantsSource: 'records',
        participantsByRegion: [{ region: 'asia', participants: 2 }],
      }),
      COSTS,
      RATES,
    );
    expect(e.inputs).toMatchObject({ people: 2, peopleSource: 'records', role: 'expert', days: 5, dateSource: 'actual' });
    expect(e.components.map((c) => [c.kind, c.quantity, c.amountMinor])).toEqual([
      ['expert_day', 10, 200_000],
      ['flight', 2, 100_000],
    ]);
    expect(e.value).toMatchObject({ usdMinor: 300_000, idrMinor: 4_800_000_000 });
  });

  it('splits flights by the regions people come from', () => {
    const e = estimateInKind(
      program({
        participantsByRegion: [
          { region: 'asia', participants: 4 },
          { region: 'oceania', participants: 6 },
        ],
      }),
      COSTS,
      RATES,
    );
    // 4 × 500 + 6 × 800 = USD 6,800.00 of flights; with the days, USD 8,800.00.
    expect(e.components.filter((c) => c.kind === 'flight').map((c) => [c.region, c.quantity, c.amountMinor])).toEqual([
      ['asia', 4, 200_000],
      ['oceania', 6, 480_000],
    ]);
    expect(e.value?.usdMinor).toBe(880_000);
  });

  it('reports a missing unit cost instead of guessing, and gives no value', () => {
    const e = estimateInKind(program({ participantsByRegion: [{ region: 'africa', participants: 10 }] }), COSTS, RATES);
    expect(e.gaps).toEqual([{ what: 'unit_cost', kind: 'flight', region: 'africa', day: '2031-05-01' }]);
    expect(e.value).toBeNull();
    // The costs that exist are still shown, with the missing one empty.
    expect(e.components.map((c) => [c.kind, c.amountMinor])).toEqual([
      ['participant_day', 3_000_000_000],
      ['flight', null],
    ]);
    // A cost from later in the year does not apply to an earlier program.
    expect(estimateInKind(program({ plannedStart: '2030-12-30', plannedEnd: '2031-01-02' }), COSTS, RATES).gaps.map((g) => g.what)).toEqual(
      ['unit_cost', 'unit_cost'],
    );
  });

  it('reports missing people, dates, dates in the wrong order and recipients', () => {
    expect(estimateInKind(program({ participants: 0, participantsSource: null, participantsByRegion: [] }), COSTS, RATES).gaps).toEqual([
      { what: 'participants' },
    ]);
    expect(estimateInKind(program({ plannedEnd: null }), COSTS, RATES).gaps).toEqual([{ what: 'dates' }]);
    expect(estimateInKind(program({ plannedEnd: '2031-04-30' }), COSTS, RATES).gaps).toEqual([{ what: 'dates_order' }]);
    expect(estimateInKind(program({ participantsByRegion: [{ region: null, participants: 10 }] }), COSTS, RATES).gaps).toEqual([
      { what: 'region' },
    ]);
  });

  it('mixes an actual start with a planned end', () => {
    expect(estimateInKind(program({ actualStart: '2031-05-02' }), COSTS, RATES).inputs).toMatchObject({
      startDate: '2031-05-02',
      endDate: '2031-05-03',
      dateSource: 'mixed',
      days: 2,
    });
  });

  it('lists the currency of a cost without a rate on the day', () => {
    const e = estimateInKind(
      program(),
      [cost(1, 'participant_day', null, 'EUR', 10_000), cost(3, 'flight', 'oceania', 'USD', 80_000)],
      RATES,
    );
    expect(e.value?.usdMinor).toBe(800_000);
    expect(e.value?.missingRates).toMatchObject([{ currency: 'EUR', amountMinor: 300_000, missing: ['idr', 'usd'] }]);
  });
});

describe('SpendingAccumulator', () => {
  it('adds amounts of the same currency and rates, then converts them once', () => {
    const sum = new SpendingAccumulator();
    const g = (amountMinor: number, idrRate: number, day: string) => ({
      currency: 'USD',
      currencyRate: null,
      idrRate,
      amountMinor,
      transactions: 1,
      firstDate: day,
      lastDate: day,
    });
    sum.add([g(100, 15_000, '2031-02-01'), g(200, 15_000, '2031-01-01'), g(300, 16_000, '2031-08-01')]);
    // USD 6.00; IDR 3.00 × 15,000 + 3.00 × 16,000 = 93,000.00.
    expect(sum.total()).toMatchObject({
      usdMinor: 600,
      idrMinor: 9_300_000,
      transactions: 3,
      byCurrency: [{ currency: 'USD', amountMinor: 600, transactions: 3 }],
    });
  });
});
