import { describe, expect, it } from 'vitest';
import type { RateTable } from '../finance/in-kind.js';
import type { Budget } from '../program/program.js';
import {
  convertMinor,
  missingRateWarnings,
  organisationFileQuerySchema,
  organisationTotals,
  type ProgramMoney,
} from './organisation-figures.js';
import { annualReportDocuments, iatiOrganisationNode } from './organisation-xml.js';
import type { XmlNode } from './xml-node.js';

const RATES: RateTable = new Map([
  [
    'IDR',
    [
      { date: '2018-01-01', unitsPerUsd: 14_000 },
      { date: '2019-01-01', unitsPerUsd: 15_000 },
    ],
  ],
  ['EUR', [{ date: '2018-01-01', unitsPerUsd: 0.8 }]],
  ['GBP', []],
]);

const budget = (b: Partial<Budget> & Pick<Budget, 'periodStart' | 'amountMinor' | 'currency'>): Budget => ({
  type: 1,
  status: 2,
  periodEnd: `${b.periodStart.slice(0, 4)}-12-31`,
  valueDate: null,
  ...b,
});

const program = (p: Partial<ProgramMoney> & Pick<ProgramMoney, 'id'>): ProgramMoney => ({
  year: 2018,
  stage: 'implementation',
  updatedAt: '2020-01-01T00:00:00.000Z',
  recipients: [],
  budgets: [],
  transactions: [],
  ...p,
});

/**
 * Two programs in rupiah, euros and dollars for two recipient countries each (Kenya 60 % and
 * Tanzania 40 %; Fiji and Papua New Guinea with no percentages: half each), a rejected program
 * and pounds with no rate. Hand-checked in US dollars at IDR 14,000 (2018) and 15,000 (2019) and
 * EUR 0.8 per dollar.
 */
const PROGRAMS: ProgramMoney[] = [
  program({
    id: 1,
    recipients: [
      { country: 'KE', percentage: 60 },
      { country: 'TZ', percentage: 40 },
    ],
    budgets: [
      // IDR 140,000,000 = USD 10,000, committed.
      budget({ periodStart: '2018-01-01', amountMinor: 140_000_000_00, currency: 'IDR', valueDate: '2018-01-01' }),
      // EUR 8,000 at 0.8 = USD 10,000, indicative, July 2018 to June 2019: all of it in 2018 (its start).
      budget({ periodStart: '2018-07-01', periodEnd: '2019-06-30', amountMinor: 8_000_00, currency: 'EUR', status: 1 }),
    ],
    transactions: [
      { type: '3', date: '2018-03-01', amountMinor: 70_000_000_00, currency: 'IDR', valueDate: null }, // USD 5,000
      { type: '4', date: '2018-09-01', amountMinor: 4_000_00, currency: 'EUR', valueDate: null }, // USD 5,000
      { type: '2', date: '2018-01-01', amountMinor: 99_999_00, currency: 'USD', valueDate: null }, // a commitment: not spending
    ],
  }),
  program({
    id: 2,
    year: 2019,
    stage: 'approved',
    updatedAt: '2021-05-05T10:00:00.000Z',
    recipients: [
      { country: 'FJ', percentage: null },
      { country: 'PG', percentage: null },
    ],
    budgets: [
      budget({ periodStart: '2019-01-01', amountMinor: 3_000_00, currency: 'USD' }),
      // The revised budget replaces the original one.
      budget({ periodStart: '2019-01-01', amountMinor: 4_000_00, currency: 'USD', type: 2 }),
    ],
    transactions: [{ type: '4', date: '2019-05-01', amountMinor: 100_00, currency: 'GBP', valueDate: null }],
  }),
  program({
    id: 3,
    year: 2019,
    stage: 'rejected',
    budgets: [budget({ periodStart: '2019-01-01', amountMinor: 50_000_00, currency: 'USD' })],
    transactions: [{ type: '4', date: '2019-02-01', amountMinor: 1_000_00, currency: 'USD', valueDate: null }],
  }),
  program({ id: 4, year: 2019, budgets: [budget({ periodStart: '2019-03-01', amountMinor: 500_00, currency: 'GBP', status: 1 })] }),
];

const PUBLISHER = { ref: 'ID-NCT-SSTC', type: '10', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional' };

const kids = (node: XmlNode | undefined, name?: string): XmlNode[] =>
  (node?.children ?? []).filter((c): c is XmlNode => !!c && (name === undefined || c.name === name));
const valueOf = (node: XmlNode | undefined) => kids(node, 'value')[0]?.text;

describe('organisationTotals', () => {
  it('adds up budgets by start year and status, per recipient share, and spending per year, in US dollars', () => {
    const totals = organisationTotals(PROGRAMS, RATES, 'USD');
    expect(totals.budgets).toEqual([
      { year: 2018, status: 1, valueMinor: 20_000_00, committedMinor: 10_000_00, indicativeMinor: 10_000_00, budgets: 2 },
      { year: 2019, status: 2, valueMinor: 4_000_00, committedMinor: 4_000_00, indicativeMinor: 0, budgets: 1 },
    ]);
    expect(totals.countryBudgets).toEqual([
      { year: 2018, country: 'KE', status: 1, valueMinor: 12_000_00 },
      { year: 2018, country: 'TZ', status: 1, valueMinor: 8_000_00 },
      { year: 2019, country: 'FJ', status: 2, valueMinor: 2_000_00 },
      { year: 2019, country: 'PG', status: 2, valueMinor: 2_000_00 },
    ]);
    // The rejected program's budget is not the organisation's; what it spent is.
    expect(totals.expenditure).toEqual([
      { year: 2018, valueMinor: 10_000_00, disbursementMinor: 5_000_00, expenditureMinor: 5_000_00, transactions: 2 },
      { year: 2019, valueMinor: 1_000_00, disbursementMinor: 0, expenditureMinor: 1_000_00, transactions: 1 },
    ]);
    expect(totals.programYears).toEqual([2018, 2019]);
    expect(totals.lastUpdatedAt).toBe('2021-05-05T10:00:00.000Z');
    expect(missingRateWarnings(totals)).toEqual([
      '1 budget(s) in GBP (500.00 GBP, value dates 2019-03-01) have no exchange rate to USD on or before their value date: left out of total-budget and recipient-country-budget of 2019',
      '1 disbursement(s) or expenditure(s) in GBP (100.00 GBP, value dates 2019-05-01) have no exchange rate to USD on or before their value date: left out of total-expenditure of 2019',
    ]);
  });

  it('converts to rupiah through the dollar at the rates of each value date', () => {
    const totals = organisationTotals(PROGRAMS, RATES, 'IDR');
    expect(totals.budgets.map((b) => [b.year, b.valueMinor])).toEqual([
      [2018, 280_000_000_00],
      [2019, 60_000_000_00],
    ]);
    expect(totals.expenditure.map((e) => [e.year, e.valueMinor])).toEqual([
      [2018, 140_000_000_00],
      [2019, 15_000_000_00],
    ]);
    expect(convertMinor(RATES, 100, 'USD', '2017-12-31', 'IDR')).toBeNull();
  });

  it('keeps the years asked for only', () => {
    const totals = organisationTotals(PROGRAMS, RATES, 'USD', { from: 2019, to: 2019 });
    expect(totals.budgets.map((b) => b.year)).toEqual([2019]);
    expect(totals.countryBudgets.map((c) => c.country)).toEqual(['FJ', 'PG']);
    expect(totals.expenditure.map((e) => e.year)).toEqual([2019]);
    expect(totals.programYears).toEqual([2019]);
  });
});

describe('iatiOrganisationNode', () => {
  const totals = organisationTotals(PROGRAMS, RATES, 'USD');

  it('gives the elements in the order of the organisation schema, with sub-totals where a year mixes them', () => {
    const node = iatiOrganisationNode(totals, { publisher: PUBLISHER, generatedAt: '2026-12-07T00:00:00.000Z', documents: [] });
    expect(node.attrs).toMatchObject({ 'default-currency': 'USD', 'xml:lang': 'en', 'last-updated-datetime': '2021-05-05T10:00:00.000Z' });
    expect(kids(node).map((c) => c.name)).toEqual([
      'organisation-identifier',
      'name',
      'reporting-org',
      'total-budget',
      'total-budget',
      'recipient-country-budget',
      'recipient-country-budget',
      'recipient-country-budget',
      'recipient-country-budget',
      'total-expenditure',
      'total-expenditure',
    ]);
    expect(kids(node, 'name')[0]?.children).toEqual([
      { name: 'narrative', attrs: {}, text: 'National Coordination Team' },
      { name: 'narrative', attrs: { 'xml:lang': 'id' }, text: 'Tim Koordinasi Nasional' },
    ]);
    const [b2018, b2019] = kids(node, 'total-budget');
    expect(b2018?.attrs).toEqual({ status: 1 });
    expect(kids(b2018).map((c) => c.name)).toEqual(['period-start', 'period-end', 'value', 'budget-line', 'budget-line']);
    expect(kids(b2018, 'value')[0]).toEqual({ name: 'value', attrs: { currency: 'USD', 'value-date': '2018-01-01' }, text: '20000.00' });
    expect(kids(b2018, 'budget-line').map((l) => [l.attrs?.ref, valueOf(l)])).toEqual([
      ['committed', '10000.00'],
      ['indicative', '10000.00'],
    ]);
    expect(b2019?.attrs).toEqual({ status: 2 });
    expect(kids(b2019, 'budget-line')).toEqual([]);
    const kenya = kids(node, 'recipient-country-budget')[0];
    expect(kids(kenya, 'recipient-country')[0]?.attrs).toEqual({ code: 'KE' });
    expect(valueOf(kenya)).toBe('12000.00');
    const [e2018, e2019] = kids(node, 'total-expenditure');
    expect(kids(e2018, 'expense-line').map((l) => [l.attrs?.ref, valueOf(l)])).toEqual([
      ['3', '5000.00'],
      ['4', '5000.00'],
    ]);
    expect(valueOf(e2019)).toBe('1000.00');
  });

  it('links the annual reports of the years with programs up to now, in both languages', () => {
    const documents = annualReportDocuments('https://mitra.example.go.id', [2018, 2019, 2031], '2026-12-07T00:00:00.000Z');
    expect(documents.map((d) => d.url)).toEqual([
      'https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2018&lang=en',
      'https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2018&lang=id',
      'https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2019&lang=en',
      'https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2019&lang=id',
    ]);
    const node = iatiOrganisationNode(totals, { publisher: PUBLISHER, generatedAt: '2026-12-07T00:00:00.000Z', documents });
    const link = kids(node, 'document-link')[1];
    expect(link?.attrs).toEqual({ format: 'application/pdf', url: documents[1]?.url });
    expect(kids(link).map((c) => [c.name, c.attrs])).toEqual([
      ['title', {}],
      ['category', { code: 'B01' }],
      ['language', { code: 'id' }],
    ]);
    expect(kids(node).at(-1)?.name).toBe('document-link');
  });

  it('is an organisation with no figures when there are no programs', () => {
    const empty = organisationTotals([], RATES, 'IDR');
    const node = iatiOrganisationNode(empty, { publisher: PUBLISHER, generatedAt: '2026-12-07T00:00:00.000Z', documents: [] });
    expect(kids(node).map((c) => c.name)).toEqual(['organisation-identifier', 'name', 'reporting-org']);
    expect(node.attrs?.['last-updated-datetime']).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('organisationFileQuerySchema', () => {
  it('takes USD or IDR and both years or neither', () => {
    expect(organisationFileQuerySchema.parse({})).toEqual({ currency: 'USD' });
    expect(organisationFileQuerySchema.parse({ currency: 'idr', from: '2017', to: '2018' })).toEqual({
      currency: 'IDR',
      from: 2017,
      to: 2018,
    });
    expect(organisationFileQuerySchema.safeParse({ currency: 'EUR' }).success).toBe(false);
    expect(organisationFileQuerySchema.parse({ stage: 'approved, funded' }).stage).toEqual(['approved', 'funded']);
    expect(organisationFileQuerySchema.safeParse({ stage: 'dreaming' }).success).toBe(false);
    expect(organisationFileQuerySchema.safeParse({ from: '2017' }).error?.issues[0]?.path).toEqual(['to']);
    expect(organisationFileQuerySchema.safeParse({ from: '2019', to: '2018' }).error?.issues[0]?.message).toBe(
      'must not be before from (2019)',
    );
  });
});
