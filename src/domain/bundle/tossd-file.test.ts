import { describe, expect, it } from 'vitest';
import type { Program } from '../program/program.js';
import {
  bundleContext,
  editionTotals,
  frozenProgram as anyFrozenProgram,
  spending,
  type FrozenProgramOverrides,
} from '../../testing/frozen-program.js';
import { TOSSD_PROVIDERS, TOSSD_RECIPIENTS } from '../reference/tossd-areas.js';
import { TOSSD_FILE_COLUMNS, tossdBuilder } from './tossd-file.js';
import { HEADLINES, type BundleContext, type FrozenProgram, type Headline } from './types.js';

type Row = Record<(typeof TOSSD_FILE_COLUMNS)[number], string | number | null>;

/** The TOSSD tests' program: a completed 2022 training for Kenya by the ministry MOFA, nothing spent unless given. */
const TOSSD_PROGRAM: Partial<Program> = {
  year: 2022,
  descriptionEn: 'Two weeks of hands-on training in fish farming.',
  flagshipArea: null,
  activityStatus: 'closed',
  lifecycleStage: 'completed',
  plannedStart: null,
  plannedEnd: null,
  actualStart: '2022-07-15',
  actualEnd: '2022-07-28',
  venueCity: null,
  venueCountry: null,
  implementingOrg: 'MOFA',
  fundingSource: null,
  sdgs: [{ goal: 14, target: '14.7' }],
  createdAt: '2022-01-01T00:00:00.000Z',
  updatedAt: '2022-01-01T00:00:00.000Z',
};
let counter = 0;
function frozenProgram(overrides: FrozenProgramOverrides = {}): FrozenProgram {
  return anyFrozenProgram({
    participants: 0,
    participantsSource: null,
    participantsByCountry: [],
    participantsBySex: { F: 0, M: 0, X: 0, unrecorded: 0 },
    ...overrides,
    program: { identifier: `TOSSD-TEST-${++counter}`, ...TOSSD_PROGRAM, ...overrides.program },
  });
}
const tossdContext = (overrides: Partial<BundleContext> = {}) =>
  bundleContext({
    year: 2022,
    rates: new Map([['IDR', [{ date: '2022-01-01', unitsPerUsd: 15_000 }]]]),
    titleEn: 'Annual Report 2022, edition 1',
    titleId: 'Laporan Tahunan 2022, edisi 1',
    ...overrides,
  });

function build(pages: readonly (readonly FrozenProgram[])[], context: BundleContext = tossdContext()) {
  const builder = tossdBuilder(context);
  const cells = pages.flatMap((page) => builder.add(page));
  const rows = cells.map((r) => Object.fromEntries(TOSSD_FILE_COLUMNS.map((c, i) => [c, r[i] ?? null])) as Row);
  return { rows, ...builder.finish() };
}

describe('tossdBuilder', () => {
  it('writes one hand-checked row for a bilateral training in Kenya', () => {
    const fp = frozenProgram({
      program: {
        identifier: 'KSST-2022-001',
        transactions: [
          { type: '2', date: '2022-03-01', amountMinor: 15_000_000_000, currency: 'IDR', valueDate: null, description: null },
          { type: '2', date: '2021-12-01', amountMinor: 99_900, currency: 'USD', valueDate: null, description: null },
        ],
      },
      spent: spending(1_234_567),
    });
    const { rows, checklist } = build([[fp]]);
    expect(rows).toEqual([
      {
        Year: 2022,
        provider: '738',
        ProviderNameE: 'Indonesia',
        agencyname_E: 'Ministry of Foreign Affairs',
        ProjectNumber: 'ID-GOV-1-KSST-2022-001',
        recipientcode: '248',
        recipientnamee: 'Kenya',
        ChannelCode: '11001',
        ChannelName_E: 'Central Government',
        Financeinstrument: '110',
        FinanceinstrumentName_e: 'Standard grant',
        FrameworkOfCollaboration: 'FC01',
        FrameworkOfCollaborationName_e: 'SOUTH-SOUTH CO-OPERATION',
        modality: 'D021',
        Aid_T_Description_E: '(for SSC providers only) Training',
        ProjectTitle: 'International training on aquaculture',
        ProjectDescription: 'Two weeks of hands-on training in fish farming.',
        sdgcode: '14.7',
        purposecode: '31320',
        purposename_e: 'Fishery development',
        sector3: '313',
        TossdPillar: '1',
        // IDR 150,000,000.00 at 15,000 per USD = USD 10,000.00; the 2021 commitment is another year's.
        USD_Commitment: 10,
        // USD 12,345.67 = 12.34567 thousand.
        USD_disbursements: 12.34567,
        bi_multi: '1',
        'Recipient share (%)': 100,
        'TOSSD eligibility': 'TOSSD recipient (also an ODA recipient)',
        'Valuation method': 'Actual cost: recorded disbursements and expenditure, converted at each value date',
      },
    ]);
    expect(checklist.filter((c) => c.identifier === 'KSST-2022-001')).toEqual([]);
  });

  it('splits a program over two recipients by their percentages in whole cents', () => {
    const fp = frozenProgram({
      program: {
        recipients: [
          { country: 'KH', percentage: 60 },
          { country: 'FJ', percentage: 40 },
        ],
      },
      // USD 1,000.01: 60% is 60,000.6 cents and 40% is 40,000.4; the larger remainder takes the last cent.
      spent: spending(100_001),
    });
    const { rows, totals } = build([[fp]]);
    expect(rows.map((r) => [r.recipientcode, r.recipientnamee, r['Recipient share (%)'], r.USD_disbursements])).toEqual([
      ['728', 'Cambodia', 60, 0.60001],
      ['832', 'Fiji', 40, 0.4],
    ]);
    expect(totals.totals).toMatchObject({
      programs: 1,
      countries: 2,
      usdMinor: 100_001,
      inKindUsdMinor: 0,
      participants: null,
      idrMinor: null,
    });
    expect(totals.exclusions).toEqual([]);
  });

  it('splits in equal shares when percentages are not recorded', () => {
    const fp = frozenProgram({
      program: { recipients: ['PG', 'SB', 'VU'].map((country) => ({ country, percentage: null })) },
      spent: spending(100),
    });
    const { rows } = build([[fp]]);
    expect(rows.map((r) => [r.recipientcode, r['Recipient share (%)'], r.USD_disbursements])).toEqual([
      ['862', 33.34, 0.00034],
      ['866', 33.33, 0.00033],
      ['854', 33.33, 0.00033],
    ]);
  });

  it('reports a triangular program under framework FC02 and CRS collaboration type 8', () => {
    const { rows } = build([[frozenProgram({ program: { cooperationType: 'triangular' } })]]);
    expect(rows[0]).toMatchObject({
      FrameworkOfCollaboration: 'FC02',
      FrameworkOfCollaborationName_e: 'TRIANGULAR CO-OPERATION',
      bi_multi: '8',
    });
  });

  it('leaves out the share of a recipient that is not a TOSSD recipient, and a program whose recipients all are not', () => {
    const mixed = frozenProgram({
      program: {
        identifier: 'MIXED',
        recipients: [
          { country: 'KE', percentage: 50 },
          { country: 'SG', percentage: 50 },
        ],
      },
      spent: spending(1_001),
    });
    const singapore = frozenProgram({
      program: { identifier: 'SG-ONLY', recipients: [{ country: 'SG', percentage: null }] },
      inKind: { usdMinor: 3_000, idrMinor: 45_000_000 },
    });
    const { rows, totals, sheets } = build([[mixed, singapore]]);
    // 1,001 cents in halves: the tie goes to the first recipient (501 to Kenya, 500 to Singapore).
    expect(rows.map((r) => [r.ProjectNumber, r.recipientcode, r.USD_disbursements])).toEqual([['ID-GOV-1-MIXED', '248', 0.00501]]);
    expect(totals.totals).toMatchObject({ programs: 1, countries: 1, usdMinor: 501, inKindUsdMinor: 0 });
    expect(totals.exclusions).toEqual([
      expect.objectContaining({
        rule: 'tossd_ineligible_recipient',
        amounts: { programs: 1, countries: 1, usdMinor: 500, inKindUsdMinor: 3_000 },
      }),
    ]);
    const leftOut = sheets.find((s) => s.name === 'TOSSD left out');
    expect(leftOut?.rows).toEqual([
      ['MIXED', 'International training on aquaculture', 'SG', 'Singapore', 'tossd_ineligible_recipient', 50, 0.005, 0],
      ['SG-ONLY', 'International training on aquaculture', 'SG', 'Singapore', 'tossd_ineligible_recipient', 100, 0, 0.03],
    ]);
  });

  it('codes a TOSSD recipient that is no longer an ODA recipient', () => {
    const { rows } = build([[frozenProgram({ program: { recipients: [{ country: 'CL', percentage: null }] } })]]);
    expect(rows[0]).toMatchObject({
      recipientcode: '434',
      recipientnamee: 'Chile',
      'TOSSD eligibility': 'TOSSD recipient (not an ODA recipient)',
    });
  });

  it('leaves the purpose code empty and lists it when a program has no DAC sector', () => {
    const fp = frozenProgram({ program: { identifier: 'NO-SECTOR', sectors: [{ vocabulary: '99', code: 'X', percentage: null }] } });
    const { rows, checklist } = build([[fp]]);
    expect(rows[0]).toMatchObject({ purposecode: null, purposename_e: null, sector3: null });
    expect(checklist).toContainEqual(expect.objectContaining({ output: 'tossd', field: 'purposecode', identifier: 'NO-SECTOR' }));
  });

  it('reports a program without a recipient country under 998, in the program count but not the countries', () => {
    const fp = frozenProgram({ program: { identifier: 'NOWHERE', recipients: [] }, spent: spending(50_000) });
    const { rows, totals, checklist } = build([[fp]]);
    expect(rows[0]).toMatchObject({
      recipientcode: '998',
      recipientnamee: 'Developing countries, unspecified',
      TossdPillar: null,
      USD_disbursements: 0.5,
    });
    expect(totals.totals).toMatchObject({ programs: 1, countries: 0, usdMinor: 50_000 });
    expect(checklist).toContainEqual(expect.objectContaining({ field: 'TossdPillar', identifier: 'NOWHERE' }));
  });

  it('values a program without spending at its in-kind estimate, and lists one with neither', () => {
    const estimated = frozenProgram({ program: { identifier: 'EST' }, inKind: { usdMinor: 500_000, idrMinor: 7_500_000_000 } });
    const bare = frozenProgram({ program: { identifier: 'BARE' }, inKindGap: 'no unit cost for a participant-day' });
    const { rows, totals, checklist } = build([[estimated, bare]]);
    expect(rows.map((r) => [r.ProjectNumber, r.USD_disbursements, r['Valuation method']])).toEqual([
      ['ID-GOV-1-EST', 5, "Estimate: Mitra's in-kind estimate (unit costs × people × days, and flights)"],
      ['ID-GOV-1-BARE', null, null],
    ]);
    expect(totals.totals).toMatchObject({ programs: 2, usdMinor: 0, inKindUsdMinor: 500_000 });
    expect(checklist).toContainEqual({
      output: 'tossd',
      field: 'USD_disbursements',
      identifier: 'BARE',
      message: 'No spending is recorded and no in-kind estimate could be made: no unit cost for a participant-day.',
    });
  });

  it('leaves the channel empty and lists it when the implementing body is not the central government', () => {
    const { rows, checklist } = build([[frozenProgram({ program: { identifier: 'LOCAL-1', implementingOrg: 'LOCAL' } })]]);
    expect(rows[0]).toMatchObject({ ChannelCode: null, ChannelName_E: null, agencyname_E: 'Provincial Government of Bali' });
    expect(checklist).toContainEqual(expect.objectContaining({ field: 'ChannelCode', identifier: 'LOCAL-1' }));
  });

  it('lists spending without an exchange rate and leaves an all-unconverted amount empty', () => {
    const missing = [
      {
        currency: 'JPY',
        transactions: 1,
        amountMinor: 10_000_000,
        firstDate: '2022-05-01',
        lastDate: '2022-05-01',
        missing: ['usd', 'idr'] as const,
      },
    ];
    const fp = frozenProgram({ program: { identifier: 'YEN' }, spent: spending(0, 0, missing) });
    const { rows, checklist } = build([[fp]]);
    expect(rows[0]?.USD_disbursements).toBeNull();
    expect(checklist).toContainEqual(
      expect.objectContaining({ field: 'USD_disbursements', identifier: 'YEN', message: expect.stringContaining('JPY') }),
    );
  });

  it('keeps edition total = TOSSD total + exclusions for every headline it carries, across pages', () => {
    const programs = [
      frozenProgram({
        program: {
          recipients: [
            { country: 'KE', percentage: 70 },
            { country: 'SG', percentage: 30 },
          ],
        },
        spent: spending(333_333),
      }),
      frozenProgram({
        program: {
          recipients: [
            { country: 'SG', percentage: null },
            { country: 'ID', percentage: null },
          ],
        },
        spent: spending(10_001),
      }),
      frozenProgram({
        program: {
          recipients: [
            { country: 'ZZ', percentage: null },
            { country: 'KR', percentage: null },
          ],
        },
        inKind: { usdMinor: 777, idrMinor: 0 },
      }),
      frozenProgram({ program: { recipients: [] }, inKind: { usdMinor: 1_234, idrMinor: 0 } }),
      frozenProgram({
        program: {
          recipients: [
            { country: 'FJ', percentage: null },
            { country: 'ZZ', percentage: null },
            { country: 'CL', percentage: null },
          ],
        },
        spent: spending(99_999),
      }),
    ];
    const { totals, checklist } = build([programs.slice(0, 2), programs.slice(2)]);
    const edition = editionTotals(programs);
    const carried = HEADLINES.filter((h): h is Exclude<Headline, 'participants' | 'idrMinor'> => totals.totals[h] !== null);
    expect(carried).toEqual(['programs', 'countries', 'usdMinor', 'inKindUsdMinor']);
    for (const h of carried) {
      const excluded = totals.exclusions.reduce((n, e) => n + (e.amounts[h] ?? 0), 0);
      expect((totals.totals[h] ?? 0) + excluded, h).toBe(edition[h]);
    }
    // Programs 2 (Singapore and Indonesia) and 3 (ZZ and Korea) are left out whole: 3 under "not established" (ZZ), 2 under "not a TOSSD recipient".
    expect(totals.totals.programs).toBe(3);
    expect(Object.fromEntries(totals.exclusions.map((e) => [e.rule, e.amounts.programs]))).toEqual({
      tossd_ineligible_recipient: 1,
      tossd_provider_country: 0,
      tossd_eligibility_not_established: 1,
    });
    expect(checklist.filter((c) => c.field === 'recipientcode')).toHaveLength(2);
  });

  it('lists the assumptions of the whole output once', () => {
    const { checklist } = build([[]], tossdContext({ year: 2018 }));
    expect(checklist.map((c) => [c.field, c.identifier])).toEqual([
      ['Year', null],
      ['Financeinstrument', null],
    ]);
  });
});

describe('TOSSD recipient and provider table', () => {
  it('holds the ten TOSSD recipients that are not ODA recipients, 998 and Indonesia as provider 738', () => {
    const notOda = TOSSD_RECIPIENTS.filter((r) => r.iso2 !== null && !r.odaRecipient).map((r) => r.iso2);
    // tossd.online/about: "the list of TOSSD recipients includes 10 countries and territories that are no longer ODA recipients".
    expect(notOda.sort()).toEqual(['AG', 'BB', 'BN', 'BS', 'CK', 'CL', 'KN', 'SC', 'TT', 'UY']);
    expect(TOSSD_RECIPIENTS.find((r) => r.code === '998')).toEqual({
      code: '998',
      iso2: null,
      name: 'Developing countries, unspecified',
      odaRecipient: true,
    });
    expect(TOSSD_PROVIDERS.find((p) => p.iso2 === 'ID')).toEqual({ code: '738', iso2: 'ID', name: 'Indonesia' });
  });
});
