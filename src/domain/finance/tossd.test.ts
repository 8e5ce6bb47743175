import { describe, expect, it } from 'vitest';
import type { Program, Transaction } from '../program/program.js';
import type { RateTable } from './in-kind.js';
import { collaborationTypeOf, purposeCodeOf, recipientShares, splitCents, TOSSD_COLUMNS, tossdRows, type TossdContext } from './tossd.js';

const RATES: RateTable = new Map([
  [
    'IDR',
    [
      { date: '2031-01-01', unitsPerUsd: 15_000 },
      { date: '2031-07-01', unitsPerUsd: 16_000 },
    ],
  ],
  [
    'EUR',
    [
      { date: '2031-01-01', unitsPerUsd: 0.8 },
      { date: '2031-06-01', unitsPerUsd: 0.5 },
    ],
  ],
]);

const CONTEXT: TossdContext = {
  reportingCountry: 'ID',
  publisherRef: 'ID-NCT-SSTC',
  agencyNames: new Map([['ID-KKP', 'Ministry of Marine Affairs and Fisheries']]),
  rates: RATES,
};

const tx = (type: string, amountMinor: number, currency: string, valueDate: string): Transaction => ({
  type,
  date: valueDate,
  amountMinor,
  currency,
  valueDate,
  description: null,
});

function activity(overrides: Partial<Program> = {}): Program {
  return {
    id: 1,
    identifier: 'KKP-2031-01',
    titleEn: 'Training on aquaculture',
    titleId: 'Pelatihan budi daya',
    descriptionEn: null,
    descriptionId: null,
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    cooperationType: 'bilateral',
    activityStatus: 'closed',
    lifecycleStage: 'completed',
    plannedStart: '2031-03-01',
    plannedEnd: '2031-03-05',
    actualStart: null,
    actualEnd: null,
    venueCity: null,
    venueCountry: null,
    implementingOrg: 'ID-KKP',
    fundingSource: 'apbn',
    participantsPlanned: 10,
    illustrative: false,
    recipients: [
      { country: 'KE', percentage: 60 },
      { country: 'TZ', percentage: 40 },
    ],
    partners: [],
    sectors: [],
    sdgs: [],
    budgets: [],
    transactions: [],
    year: 2031,
    version: 1,
    createdAt: '2031-01-01T00:00:00.000Z',
    updatedAt: '2031-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const col = (name: (typeof TOSSD_COLUMNS)[number]) => TOSSD_COLUMNS.indexOf(name);
const cents = (text: string | undefined) => Math.round(Number(text) * 100);

describe('tossdRows', () => {
  it('gives one row per recipient, spending converted at each value date and split by the percentages (hand-computed)', () => {
    // IDR 150,000,000.00 at 15,000 = USD 10,000.00; IDR 80,000,000.00 at 16,000 = USD 5,000.00;
    // a commitment (type 2) is not spending. USD 15,000.00: Kenya 60 % = 9,000.00, Tanzania 6,000.00.
    const rows = tossdRows(
      activity({
        transactions: [
          tx('3', 15_000_000_000, 'IDR', '2031-03-01'),
          tx('4', 8_000_000_000, 'IDR', '2031-08-01'),
          tx('2', 99_999, 'IDR', '2031-02-01'),
        ],
      }),
      CONTEXT,
      null,
    );
    expect(rows).toEqual([
      [
        '2031',
        'IDN',
        'Indonesia',
        'ID-KKP',
        'Ministry of Marine Affairs and Fisheries',
        'ID-NCT-SSTC-KKP-2031-01',
        'Training on aquaculture',
        'KEN',
        'Kenya',
        'Africa',
        '1',
        'Bilateral',
        'D02',
        '',
        '60',
        '9000.00',
        '',
        '',
      ],
      [
        '2031',
        'IDN',
        'Indonesia',
        'ID-KKP',
        'Ministry of Marine Affairs and Fisheries',
        'ID-NCT-SSTC-KKP-2031-01',
        'Training on aquaculture',
        'TZA',
        'Tanzania',
        'Africa',
        '1',
        'Bilateral',
        'D02',
        '',
        '40',
        '6000.00',
        '',
        '',
      ],
    ]);
    expect(rows[0]).toHaveLength(TOSSD_COLUMNS.length);
  });

  it('marks triangular programs with collaboration type 8, splits evenly without percentages and sums exactly', () => {
    // EUR 5,000.00 at 0.5 = USD 10,000.00 over three recipients: 3,333.34 + 3,333.33 + 3,333.33.
    const rows = tossdRows(
      activity({
        cooperationType: 'triangular',
        recipients: [
          { country: 'FJ', percentage: null },
          { country: 'PG', percentage: null },
          { country: 'VU', percentage: null },
        ],
        transactions: [tx('4', 500_000, 'EUR', '2031-06-15'), tx('3', 10_000_000, 'JPY', '2031-06-20')],
      }),
      CONTEXT,
      null,
    );
    expect(
      rows.map((r) => [
        r[col('Recipient (ISO3)')],
        r[col('Region')],
        r[col('Collaboration type (code)')],
        r[col('Recipient share (%)')],
        r[col('Amount (USD)')],
        r[col('Currencies without exchange rate')],
      ]),
    ).toEqual([
      ['FJI', 'Oceania', '8', '33.34', '3333.34', 'JPY'],
      ['PNG', 'Oceania', '8', '33.33', '3333.33', 'JPY'],
      ['VUT', 'Oceania', '8', '33.33', '3333.33', 'JPY'],
    ]);
    expect(rows[0]?.[col('Collaboration type')]).toBe('Bilateral, triangular co-operation');
    expect(rows.reduce((n, r) => n + cents(r[col('Amount (USD)')]), 0)).toBe(1_000_000);
  });

  it('keeps the rows of awkward amounts and shares summing exactly to the total', () => {
    for (const [total, pcts] of [
      [100_001, [33.33, 33.33, 33.34]],
      [7, [50, 25, 25]],
      [123_456_789, [12.5, 37.5, 0, 50]],
    ] as const) {
      const recipients = ['KE', 'TZ', 'UG', 'RW'].slice(0, pcts.length).map((country, i) => ({ country, percentage: pcts[i] ?? 0 }));
      const rows = tossdRows(activity({ recipients, transactions: [tx('4', total, 'USD', '2031-03-01')] }), CONTEXT, total);
      expect(rows.reduce((n, r) => n + cents(r[col('Amount (USD)')]), 0)).toBe(total);
      expect(rows.reduce((n, r) => n + cents(r[col('Estimated in-kind (USD, estimate)')]), 0)).toBe(total);
    }
  });

  it('puts an in-kind estimate in its own column and a program without recipients on one unspecified row', () => {
    const rows = tossdRows(activity({ recipients: [], modality: 'expert_dispatch', implementingOrg: null }), CONTEXT, 300_000);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(col('Agency code'), col('Agency') + 1)).toEqual(['', '']);
    expect(rows[0]?.slice(col('Recipient (ISO3)'))).toEqual([
      '',
      'Developing countries, unspecified',
      '',
      '1',
      'Bilateral',
      'D01',
      '',
      '100',
      '0.00',
      '3000.00',
      '',
    ]);
  });
});

describe('TOSSD codes', () => {
  it('keeps the collaboration type of an imported program, and its identifier', () => {
    const imported = activity({
      source: 'iati',
      identifier: 'XM-DAC-41114-1',
      iatiDetails: {
        reportingOrg: { ref: 'XM-DAC-41114', type: '40', name: 'UNDP' },
        lastUpdated: null,
        defaultCurrency: null,
        collaborationType: '2',
        defaultAidType: null,
      },
    });
    expect(collaborationTypeOf(imported)).toBe('2');
    expect(tossdRows(imported, CONTEXT, null)[0]?.[col('Project number')]).toBe('XM-DAC-41114-1');
    expect(collaborationTypeOf(activity({ cooperationType: 'regional' }))).toBe('1');
  });

  it('takes the DAC 5-digit purpose code with the largest share', () => {
    expect(
      purposeCodeOf({
        sectors: [
          { vocabulary: '2', code: '311', percentage: 90 },
          { vocabulary: '1', code: '31120', percentage: 40 },
          { vocabulary: '1', code: '31320', percentage: 60 },
        ],
      }),
    ).toBe('31320');
    expect(purposeCodeOf({ sectors: [] })).toBe('');
  });

  it('splits cents and shares to their totals', () => {
    expect(splitCents(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(
      recipientShares([
        { country: 'FJ', percentage: null },
        { country: 'PG', percentage: 20 },
      ]),
    ).toEqual([50, 50]);
  });
});
