import { describe, expect, it } from 'vitest';
import { frozenProgram, spending, editionTotals, runBuilder } from '../../testing/frozen-program.js';
import { budgetUsdMinor, initiativeTypeOf, SEGIB_COLUMNS, segibBuilder, segibDates } from './segib-sheet.js';
import { segibSectorOf } from './segib-sectors.js';
import type { BundleContext, FrozenProgram, OutputTotals } from './types.js';
import { HEADLINES } from './types.js';

const context: BundleContext = {
  year: 2018,
  providerCountry: 'ID',
  publisherRef: 'ID-GOV-1',
  organisations: new Map([
    ['ID-KKP', { nameEn: 'Ministry of Marine Affairs and Fisheries', nameId: null, type: '10' }],
    ['JICA', { nameEn: 'Japan International Cooperation Agency', nameId: null, type: '10' }],
    ['KOICA', { nameEn: 'Korea International Cooperation Agency', nameId: null, type: '10' }],
  ]),
  rates: new Map([
    ['IDR', [{ date: '2018-01-01', unitsPerUsd: 15_000 }]],
    ['JPY', [{ date: '2018-01-01', unitsPerUsd: 110 }]],
  ]),
  titleEn: 'Annual Report 2018, edition 1',
  titleId: 'Laporan Tahunan 2018, edisi 1',
};

const col = (name: (typeof SEGIB_COLUMNS)[number]) => SEGIB_COLUMNS.indexOf(name);

const build = (programs: readonly FrozenProgram[], pageSize = 100) => runBuilder(segibBuilder(context), programs, pageSize);

function expectReconciles(programs: readonly FrozenProgram[], totals: OutputTotals) {
  const edition = editionTotals(programs);
  for (const h of HEADLINES) {
    const carried = totals.totals[h];
    if (carried === null) continue;
    const excluded = totals.exclusions.reduce((n, e) => n + (e.amounts[h] ?? 0), 0);
    expect(carried + excluded, h).toBe(edition[h]);
  }
}

describe('segibBuilder', () => {
  it('gives a provider row and a recipient row for a bilateral training', () => {
    const fp = frozenProgram({
      program: { identifier: 'KKP-2018-01', budgets: [budget(1, 'IDR', 30_000_000_00)], sdgs: [{ goal: 14, target: '14.7' }] },
      participants: 20,
      spent: spending(1_900_00, 28_500_000_00),
      approvedOn: '2018-05-02',
    });
    const { rows, totals } = build([fp]);
    expect(rows).toHaveLength(2);
    const [provider, recipient] = rows;
    expect(provider?.[col('Modality')]).toBe('Bilateral SSC');
    expect(provider?.[col('Initiative type')]).toBe('Action');
    expect(provider?.[col('Role')]).toBe('Provider');
    expect(provider?.[col('Partner code')]).toBe('IDN');
    expect(provider?.[col('Institutions')]).toBe('Ministry of Marine Affairs and Fisheries');
    expect(provider?.[col('Sector area')]).toBe('Economic: productive sectors');
    expect(provider?.[col('Activity sector')]).toBe('Fisheries');
    expect(provider?.[col('DAC code')]).toBe('31320');
    expect(provider?.[col('Main SDG')]).toBe(14);
    expect(provider?.[col('SDGs')]).toBe('14.7');
    expect(provider?.[col('Start date')]).toBe('2018-07-15');
    expect(provider?.[col('Duration (days)')]).toBe(7);
    // Efficiency: 2 May to 15 July is 74 days.
    expect(provider?.[col('Approval date')]).toBe('2018-05-02');
    expect(provider?.[col('Days from approval to start')]).toBe(74);
    // IDR 30,000,000 at 15,000 per dollar.
    expect(provider?.[col('Budgeted cost (USD)')]).toBe(2_000);
    expect(provider?.[col('Executed cost (USD)')]).toBe(1_900);
    expect(provider?.[col('Executed cost (IDR)')]).toBe(28_500_000);
    expect(recipient?.[col('Role')]).toBe('Recipient');
    expect(recipient?.[col('Partner code')]).toBe('KEN');
    expect(recipient?.[col('Partner')]).toBe('Kenya');
    expect(recipient?.[col('Executed cost (USD)')]).toBeNull();
    expect(totals.totals).toEqual({
      programs: 1,
      countries: 1,
      participants: null,
      usdMinor: 1_900_00,
      idrMinor: 28_500_000_00,
      inKindUsdMinor: 0,
    });
    expect(totals.exclusions).toEqual([]);
  });

  it('gives each provider of a triangular program its budgeted cost and share of the burden', () => {
    const fp = frozenProgram({
      program: {
        cooperationType: 'triangular',
        recipients: [
          { country: 'FJ', percentage: 50 },
          { country: 'PG', percentage: 50 },
        ],
        partners: [
          { org: 'ID-KKP', iatiRole: 4, sscRole: 'first_provider', contributionMinor: null, currency: null, inKind: false },
          { org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionMinor: 60_000_00, currency: 'USD', inKind: false },
          { org: 'KOICA', iatiRole: 1, sscRole: 'facilitator', contributionMinor: 4_400_000_00, currency: 'JPY', inKind: true },
        ],
        // USD 100,000 of Indonesia's: IDR 1.5 billion at 15,000.
        budgets: [budget(1, 'IDR', 1_500_000_000_00)],
      },
      spent: spending(95_000_00, 1_425_000_000_00),
    });
    const { rows, totals } = build([fp]);
    expect(
      rows.map((r) => [r[col('Role')], r[col('Partner code')], r[col('Budgeted cost (USD)')], r[col('Burden share among providers (%)')]]),
    ).toEqual([
      ['First provider', 'IDN', 100_000, 50],
      ['Second provider', 'JICA', 60_000, 30],
      // JPY 4.4 million at 110 yen per dollar.
      ['Second provider', 'KOICA', 40_000, 20],
      ['Recipient', 'FJI', null, null],
      ['Recipient', 'PNG', null, null],
    ]);
    expect(rows[0]?.[col('Modality')]).toBe('Triangular cooperation');
    expect(rows[2]?.[col('Contribution in kind')]).toBe('yes');
    // Partners' contributions are shown, never added to Indonesia's executed cost.
    expect(totals.totals.usdMinor).toBe(95_000_00);
    expect(totals.totals.countries).toBe(2);
  });

  it('keeps the edition total equal to the carried total plus the exclusions', () => {
    const programs = [
      frozenProgram({ spent: spending(1_000_00, 15_000_000_00), participants: 10 }),
      frozenProgram({
        program: { recipients: [], sectors: [] },
        participants: 5,
        inKind: { usdMinor: 700_00, idrMinor: 10_500_000_00 },
      }),
      frozenProgram({
        program: {
          recipients: [
            { country: 'KE', percentage: null },
            { country: 'TZ', percentage: null },
          ],
        },
        spent: spending(300_00, 4_500_000_00, [missingRate('XOF')]),
      }),
      // Cancelled after money was spent: left out with its money and its only country.
      frozenProgram({
        program: { lifecycleStage: 'cancelled', recipients: [{ country: 'SB', percentage: null }] },
        spent: spending(250_00, 3_750_000_00),
      }),
      frozenProgram({ program: { lifecycleStage: 'request' }, inKind: { usdMinor: 80_00, idrMinor: 1_200_000_00 } }),
    ];
    const { totals } = build(programs, 2);
    expectReconciles(programs, totals);
    expect(totals.totals).toMatchObject({ programs: 3, countries: 2, usdMinor: 1_300_00, inKindUsdMinor: 700_00 });
    expect(totals.exclusions).toEqual([
      {
        rule: 'segib_not_in_execution',
        explanation: expect.stringContaining('in execution'),
        amounts: { programs: 2, countries: 1, usdMinor: 250_00, idrMinor: 3_750_000_00, inKindUsdMinor: 80_00 },
      },
    ]);
  });

  it('lists what the records do not hold instead of inventing it', () => {
    const fp = frozenProgram({
      program: {
        identifier: 'GAPS-1',
        modality: null,
        flagshipArea: 'OTHER',
        sectors: [],
        sdgs: [],
        actualStart: null,
        actualEnd: null,
        recipients: [],
        cooperationType: 'triangular',
        partners: [{ org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionMinor: null, currency: null, inKind: false }],
      },
      spent: spending(0, 0, [missingRate('XOF')]),
    });
    const { rows, checklist } = build([fp]);
    expect(rows[0]?.[col('Initiative type')]).toBeNull();
    expect(rows[0]?.[col('Activity sector')]).toBeNull();
    expect(rows[0]?.[col('Dates')]).toBe('planned');
    const fields = checklist.filter((c) => c.identifier === 'GAPS-1').map((c) => c.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'Initiative type',
        'Recipient',
        'Activity sector',
        'Main SDG',
        'Dates',
        'Budgeted cost (USD)',
        'Executed cost (USD)',
        'Burden share among providers (%)',
        'Approval date',
      ]),
    );
    expect(rows[0]?.[col('Days from approval to start')]).toBeNull();
    expect(checklist.every((c) => c.output === 'segib')).toBe(true);
  });

  it('summarises initiatives by modality and type', () => {
    const { sheets } = build([
      frozenProgram({ spent: spending(100_00) }),
      frozenProgram({ program: { modality: 'knowledge_sharing' }, spent: spending(50_00) }),
      frozenProgram({ spent: spending(25_00) }),
    ]);
    expect(sheets[0]?.rows).toEqual([
      ['Bilateral SSC', 'Action', 2, 125],
      ['Bilateral SSC', 'Project', 1, 50],
    ]);
  });
});

describe('SEGIB mappings', () => {
  it('calls one-off forms actions, knowledge sharing and every regional program a project', () => {
    expect(initiativeTypeOf({ modality: 'expert_dispatch', cooperationType: 'bilateral' })).toBe('Action');
    expect(initiativeTypeOf({ modality: 'knowledge_sharing', cooperationType: 'triangular' })).toBe('Project');
    expect(initiativeTypeOf({ modality: 'workshop', cooperationType: 'regional' })).toBe('Project');
    expect(initiativeTypeOf({ modality: null, cooperationType: 'bilateral' })).toBeNull();
  });

  it('reads the sector from the 5-digit code, else the 3-digit sector, else the flagship area', () => {
    expect(segibSectorOf({ sectors: [{ vocabulary: '1', code: '15160', percentage: null }], flagshipArea: null })?.sectorName).toBe(
      'Legal and judicial development and human rights',
    );
    expect(segibSectorOf({ sectors: [{ vocabulary: '2', code: '740', percentage: null }], flagshipArea: null })?.sectorName).toBe(
      'Disaster management',
    );
    expect(segibSectorOf({ sectors: [], flagshipArea: 'DEV-EDU' })).toMatchObject({
      sectorName: 'Education',
      source: 'Flagship area',
      dacCode: null,
    });
    expect(segibSectorOf({ sectors: [], flagshipArea: 'DEV-INF' })).toBeNull();
  });

  it('uses a revised budget in place of the original of its period', () => {
    const result = budgetUsdMinor(
      [
        budget(1, 'USD', 1_000_00),
        budget(2, 'USD', 1_200_00),
        { ...budget(1, 'USD', 500_00), periodStart: '2019-01-01', periodEnd: '2019-12-31' },
      ],
      context.rates,
    );
    expect(result).toEqual({ usdMinor: 1_700_00, gap: null });
    expect(budgetUsdMinor([budget(1, 'XOF', 1_00)], context.rates).gap).toContain('XOF');
  });

  it('counts both days of the period and says which dates it used', () => {
    expect(segibDates({ plannedStart: '2018-03-01', plannedEnd: '2018-03-01', actualStart: null, actualEnd: null })).toEqual({
      start: '2018-03-01',
      end: '2018-03-01',
      basis: 'planned',
      durationDays: 1,
    });
    expect(segibDates({ plannedStart: null, plannedEnd: '2018-03-10', actualStart: '2018-03-02', actualEnd: null }).basis).toBe('mixed');
  });
});

function budget(type: 1 | 2, currency: string, amountMinor: number) {
  return { type, status: 2 as const, periodStart: '2018-01-01', periodEnd: '2018-12-31', amountMinor, currency, valueDate: '2018-01-01' };
}

function missingRate(currency: string) {
  return {
    currency,
    transactions: 1,
    amountMinor: 100_000_00,
    firstDate: '2018-05-01',
    lastDate: '2018-05-01',
    missing: ['usd', 'idr'] as const,
  };
}
