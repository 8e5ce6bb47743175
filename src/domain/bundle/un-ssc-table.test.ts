import { describe, expect, it } from 'vitest';
import { frozenProgram, spending, editionTotals, runBuilder } from '../../testing/frozen-program.js';
import type { Transaction } from '../program/program.js';
import { categoryOf, disbursedPart, UN_COLUMNS, unSscBuilder, valuationOf } from './un-ssc-table.js';
import type { BundleContext, FrozenProgram, OutputTotals } from './types.js';
import { HEADLINES } from './types.js';

const context: BundleContext = {
  year: 2018,
  providerCountry: 'ID',
  publisherRef: 'ID-GOV-1',
  organisations: new Map(),
  rates: new Map([
    ['IDR', [{ date: '2018-01-01', unitsPerUsd: 15_000 }]],
    ['JPY', [{ date: '2018-01-01', unitsPerUsd: 110 }]],
  ]),
  titleEn: 'Annual Report 2018, edition 1',
  titleId: 'Laporan Tahunan 2018, edisi 1',
};

const col = (name: (typeof UN_COLUMNS)[number]) => UN_COLUMNS.indexOf(name);

const build = (programs: readonly FrozenProgram[], pageSize = 100) => runBuilder(unSscBuilder(context), programs, pageSize);

function expectReconciles(programs: readonly FrozenProgram[], totals: OutputTotals) {
  const edition = editionTotals(programs);
  for (const h of HEADLINES) {
    const carried = totals.totals[h];
    expect(carried, `${h} is carried`).not.toBeNull();
    const excluded = totals.exclusions.reduce((n, e) => n + (e.amounts[h] ?? 0), 0);
    expect((carried ?? 0) + excluded, h).toBe(edition[h]);
  }
}

const tx = (type: string, currency: string, amountMinor: number): Transaction => ({
  type,
  date: '2018-07-21',
  amountMinor,
  currency,
  valueDate: '2018-07-21',
  description: null,
});

/** USD 400 disbursed and IDR 9 million (USD 600) spent on goods and services, as the reports count them. */
const mixedSpending = {
  transactions: [tx('3', 'USD', 400_00), tx('4', 'IDR', 9_000_000_00), tx('2', 'USD', 5_000_00)],
  spent: spending(1_000_00, 15_000_000_00),
};

describe('unSscBuilder', () => {
  it('splits a program’s spending into financial and non-financial SSC over its recipients', () => {
    const fp = frozenProgram({
      program: {
        identifier: 'KKP-2018-02',
        recipients: [
          { country: 'KE', percentage: null },
          { country: 'TZ', percentage: null },
        ],
        transactions: mixedSpending.transactions,
      },
      spent: mixedSpending.spent,
      participants: 12,
      participantsByCountry: [
        { country: 'KE', participants: 7 },
        { country: 'TZ', participants: 5 },
      ],
    });
    const { rows, totals } = build([fp]);
    const pick = (r: readonly (string | number | null)[]) => [
      r[col('Recipient (ISO3)')],
      r[col('Recipient share (%)')],
      r[col('Participants')],
      r[col('Financial SSC: disbursements (USD)')],
      r[col('Non-financial SSC: costs incurred (USD)')],
      r[col('Total valued (USD)')],
      r[col('Financial SSC: disbursements (IDR)')],
      r[col('Non-financial SSC: costs incurred (IDR)')],
    ];
    expect(rows.map(pick)).toEqual([
      ['KEN', 50, 7, 200, 300, 500, 3_000_000, 4_500_000],
      ['TZA', 50, 5, 200, 300, 500, 3_000_000, 4_500_000],
    ]);
    expect(rows[0]?.[col('Category')]).toBe('Capacity building (training, seminars, workshops, study visits, internships, scholarships)');
    expect(rows[0]?.[col('Valuation')]).toBe('costs incurred');
    expect(totals.totals).toEqual({
      programs: 1,
      countries: 2,
      participants: 12,
      usdMinor: 1_000_00,
      idrMinor: 15_000_000_00,
      inKindUsdMinor: 0,
    });
  });

  it('splits by recorded percentages in whole cents that add up to the program', () => {
    const fp = frozenProgram({
      program: {
        recipients: [
          { country: 'FJ', percentage: 70 },
          { country: 'WS', percentage: 30 },
        ],
        transactions: [tx('4', 'USD', 1_01)],
      },
      spent: spending(1_01, 15_150_00),
    });
    const { rows } = build([fp]);
    expect(rows.map((r) => r[col('Non-financial SSC: costs incurred (USD)')])).toEqual([0.71, 0.3]);
  });

  it('values a program with no spending at its in-kind estimate, and counts one with neither', () => {
    const estimated = frozenProgram({
      program: { identifier: 'EST-1' },
      participants: 20,
      inKind: { usdMinor: 700_00, idrMinor: 10_500_000_00 },
    });
    const counted = frozenProgram({
      program: { identifier: 'CNT-1', modality: 'expert_dispatch' },
      participants: 3,
      inKindGap: 'no unit cost for an expert-day',
    });
    const { rows, checklist, sheets, totals } = build([estimated, counted]);
    expect(rows[0]?.[col('Valuation')]).toBe('estimate (unit costs)');
    expect(rows[0]?.[col('Non-financial SSC: estimated value (USD)')]).toBe(700);
    expect(rows[0]?.[col('Total valued (USD)')]).toBe(700);
    expect(rows[1]?.[col('Valuation')]).toBe('not valued');
    expect(rows[1]?.[col('Total valued (USD)')]).toBeNull();
    expect(checklist).toContainEqual({
      output: 'un',
      field: 'Non-financial SSC: estimated value (USD)',
      identifier: 'CNT-1',
      message: expect.stringContaining('no unit cost for an expert-day'),
    });
    expect(totals.totals.inKindUsdMinor).toBe(700_00);
    expect(sheets[0]?.rows).toEqual([
      ['Capacity building (training, seminars, workshops, study visits, internships, scholarships)', 1, 20, 0, 0, 700, 0, 1, 0],
      ['Technical cooperation (experts)', 1, 3, 0, 0, 0, 0, 0, 1],
    ]);
  });

  it('shows triangular partners’ contributions without counting them as Indonesia’s', () => {
    const fp = frozenProgram({
      program: {
        identifier: 'TRI-1',
        cooperationType: 'triangular',
        partners: [
          { org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionMinor: 60_000_00, currency: 'USD', inKind: false },
          { org: 'KOICA', iatiRole: 1, sscRole: 'facilitator', contributionMinor: 4_400_000_00, currency: 'JPY', inKind: false },
          { org: 'GIZ', iatiRole: 1, sscRole: 'second_provider', contributionMinor: 1_000_00, currency: 'EUR', inKind: false },
        ],
        transactions: [tx('4', 'USD', 95_000_00)],
      },
      spent: spending(95_000_00, 1_425_000_000_00),
    });
    const { rows, totals, checklist } = build([fp]);
    // USD 60,000 + JPY 4.4 million at 110; GIZ's euros have no rate and go to the checklist.
    expect(rows[0]?.[col('Triangular partners’ contributions (USD, not counted)')]).toBe(100_000);
    expect(rows[0]?.[col('Total valued (USD)')]).toBe(95_000);
    expect(totals.totals.usdMinor).toBe(95_000_00);
    expect(checklist.find((c) => c.identifier === 'TRI-1')?.message).toContain('GIZ');
  });

  it('keeps the edition total equal to the carried total plus the exclusions', () => {
    const programs = [
      frozenProgram({ program: { transactions: mixedSpending.transactions }, spent: mixedSpending.spent, participants: 10 }),
      // No recipient: one row with no country, all of its money and people.
      frozenProgram({
        program: { identifier: 'NONE-1', recipients: [] },
        participants: 4,
        inKind: { usdMinor: 300_00, idrMinor: 4_500_000_00 },
      }),
      // Participants counted for no country beside a recipient: an extra row holds them.
      frozenProgram({
        program: { recipients: [{ country: 'TL', percentage: null }] },
        participants: 6,
        participantsByCountry: [
          { country: 'TL', participants: 4 },
          { country: null, participants: 2 },
        ],
        spent: spending(120_00, 1_800_000_00, [
          {
            currency: 'XOF',
            transactions: 2,
            amountMinor: 50_000_00,
            firstDate: '2018-02-01',
            lastDate: '2018-03-01',
            missing: ['usd', 'idr'],
          },
        ]),
      }),
      frozenProgram({
        program: { lifecycleStage: 'cancelled', recipients: [{ country: 'VU', percentage: null }] },
        participants: 9,
        spent: spending(80_00, 1_200_000_00),
      }),
      frozenProgram({ program: { lifecycleStage: 'approved' }, participants: 1, inKind: { usdMinor: 50_00, idrMinor: 750_000_00 } }),
    ];
    const { rows, totals, checklist } = build(programs, 2);
    expectReconciles(programs, totals);
    expect(totals.exclusions).toEqual([
      {
        rule: 'un_not_carried_out',
        explanation: expect.stringContaining('17.3.1'),
        amounts: { programs: 2, countries: 1, participants: 10, usdMinor: 80_00, idrMinor: 1_200_000_00, inKindUsdMinor: 50_00 },
      },
    ]);
    // Rows add up to the carried totals.
    const sum = (c: (typeof UN_COLUMNS)[number]) => rows.reduce((n, r) => n + Number(r[col(c)] ?? 0), 0);
    expect(sum('Participants')).toBe(20);
    expect(Math.round(100 * (sum('Financial SSC: disbursements (USD)') + sum('Non-financial SSC: costs incurred (USD)')))).toBe(1_120_00);
    expect(rows.filter((r) => r[col('Recipient')] === 'Not recorded').map((r) => r[col('Participants')])).toEqual([4, 2]);
    expect(checklist.map((c) => c.field)).toEqual(
      expect.arrayContaining(['Recipient', 'Total valued (USD)', 'Financial SSC: disbursements (USD)']),
    );
  });

  it('summarises by recipient, programs with no country last', () => {
    const { sheets } = build([
      frozenProgram({
        program: { recipients: [{ country: 'PG', percentage: null }], transactions: [tx('4', 'USD', 100_00)] },
        spent: spending(100_00),
        participants: 2,
      }),
      frozenProgram({ program: { recipients: [] }, participants: 1 }),
      frozenProgram({
        program: { recipients: [{ country: 'FJ', percentage: null }], transactions: [tx('3', 'USD', 40_00)] },
        spent: spending(40_00),
        participants: 3,
      }),
    ]);
    expect(sheets[1]?.rows).toEqual([
      ['FJI', 'Fiji', 'Oceania', 1, 3, 40, 0, 0],
      ['PNG', 'Papua New Guinea', 'Oceania', 1, 2, 0, 100, 0],
      [null, 'Not recorded', null, 1, 1, 0, 0, 0],
    ]);
  });

  it('lists a recipient that is not a developing country and a program with no modality', () => {
    const { checklist } = build([
      frozenProgram({ program: { identifier: 'DEV-1', modality: null, recipients: [{ country: 'JP', percentage: null }] } }),
    ]);
    expect(checklist.filter((c) => c.identifier === 'DEV-1').map((c) => c.field)).toEqual(
      expect.arrayContaining(['Recipient', 'Category']),
    );
  });
});

describe('UN SSC mappings', () => {
  it('files each modality under a form of non-financial SSC', () => {
    expect(categoryOf('workshop')).toBe('capacity_building');
    expect(categoryOf('scholarship')).toBe('capacity_building');
    expect(categoryOf('expert_dispatch')).toBe('technical_cooperation');
    expect(categoryOf('equipment_grant')).toBe('in_kind');
    expect(categoryOf(null)).toBe('not_recorded');
  });

  it('takes the disbursed part from type 3 transactions at their rates, within the spending', () => {
    expect(disbursedPart({ transactions: mixedSpending.transactions }, mixedSpending.spent, context.rates)).toEqual({
      usdMinor: 400_00,
      idrMinor: 6_000_000_00,
    });
    // Spending the edition did not count (a rate added later) never makes the rest negative.
    expect(disbursedPart({ transactions: [tx('3', 'USD', 500_00)] }, spending(300_00, 4_500_000_00), context.rates)).toEqual({
      usdMinor: 300_00,
      idrMinor: 4_500_000_00,
    });
  });

  it('values by spending first, then the estimate', () => {
    expect(
      valuationOf({
        spent: spending(0, 0, [
          { currency: 'XOF', transactions: 1, amountMinor: 1, firstDate: '2018-01-01', lastDate: '2018-01-01', missing: ['usd'] },
        ]),
        inKind: null,
      }),
    ).toBe('costs incurred');
    expect(valuationOf({ spent: spending(), inKind: { usdMinor: 1, idrMinor: 15_000 } })).toBe('estimate (unit costs)');
    expect(valuationOf({ spent: spending(), inKind: null })).toBe('not valued');
  });
});
