import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { ANONYMOUS } from '../domain/access/actor.js';
import { budgetVsSpentQuerySchema } from '../domain/finance/budget-vs-spent.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { actingAs, type ServiceDeps } from '../services/deps.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { iatiOrganisationFile, type IatiOrganisationOptions } from '../services/iati-organisation.js';
import { importIati } from '../services/import-iati.js';
import { listImported, promoteImported } from '../services/other-providers.js';
import { budgetVsSpent } from '../services/money.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { canValidateIati, IATI_ORGANISATIONS_XSD, iatiOrganisationRuleBreaches, xsdErrors } from '../testing/iati.js';
import { iatiActivitySource } from './iati-read.js';
import { iatiOrganisationDocument } from './iati-write.js';

const PUBLISHER = { ref: 'ID-NCT-SSTC', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional', type: '10' };
const dir = mkdtempSync(join(tmpdir(), 'mitra-iati-org-'));

async function organisationXml(deps: ServiceDeps, options: Partial<IatiOrganisationOptions> = {}) {
  const file = await iatiOrganisationFile(deps, { publisher: PUBLISHER, ...options });
  return { file, xml: iatiOrganisationDocument(file) };
}

function validate(name: string, xml: string): void {
  expect(iatiOrganisationRuleBreaches(xml)).toEqual([]);
  if (!canValidateIati) return;
  const path = join(dir, name);
  writeFileSync(path, xml);
  expect(xsdErrors(path, IATI_ORGANISATIONS_XSD)).toBe('');
}

/** Two activities of 2035 from IATI files: one of another publisher (not ours), one published under our reporting org (promoted). */
const IMPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>XM-DAC-41114-ORG-2035</iati-identifier>
    <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
    <title><narrative>Another publisher's program</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2035-01-10" type="2"/>
    <recipient-country code="KE" percentage="100"/>
    <budget type="1" status="2"><period-start iso-date="2035-01-01"/><period-end iso-date="2035-12-31"/><value value-date="2035-01-01">500000</value></budget>
    <transaction><transaction-type code="4"/><transaction-date iso-date="2035-05-01"/><value value-date="2035-05-01">90000</value></transaction>
  </iati-activity>
  <iati-activity default-currency="USD">
    <iati-identifier>ID-NCT-SSTC-OWN-IMPORTED-2035</iati-identifier>
    <reporting-org ref="id-nct-sstc" type="10"><narrative>National Coordination Team</narrative></reporting-org>
    <title><narrative>Our program, from a file</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2035-02-01" type="2"/>
    <recipient-country code="TZ" percentage="100"/>
    <budget type="1" status="2"><period-start iso-date="2035-01-01"/><period-end iso-date="2035-12-31"/><value value-date="2035-01-01">2000</value></budget>
  </iati-activity>
</iati-activities>`;

describeEachEngine('IATI organisation file', (app) => {
  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it('exports the demo organisation as a schema-valid file whose figures are those of the money pages', async () => {
    const { file, xml } = await organisationXml(app().deps);
    validate('demo.xml', xml);
    expect(file.warnings).toEqual([]);
    // The demo records money for its 2018 programs only, in rupiah.
    expect(file.totals.budgets.map((b) => [b.year, b.status])).toEqual([[2018, 2]]);
    expect(file.totals.expenditure.map((e) => e.year)).toEqual([2018]);
    expect(file.totals.programYears.slice(0, 3)).toEqual([2016, 2017, 2018]);
    const money = (await budgetVsSpent(app().deps, budgetVsSpentQuerySchema.parse({ groupBy: 'year', year: 2018 }))).total;
    expect(Math.abs((file.totals.budgets[0]?.valueMinor ?? 0) - money.budget.usdMinor)).toBeLessThanOrEqual(1);
    expect(Math.abs((file.totals.expenditure[0]?.valueMinor ?? 0) - money.spent.usdMinor)).toBeLessThanOrEqual(1);
    const idr = await organisationXml(app().deps, { currency: 'IDR' });
    validate('demo-idr.xml', idr.xml);
    expect(idr.file.totals.budgets[0]?.valueMinor).toBe(money.budget.idrMinor);
    expect(idr.xml).toContain(`<value currency="IDR" value-date="2018-01-01">`);
    // Every recipient country's share of 2018 adds up to the total (each program names at least one).
    const shares = idr.file.totals.countryBudgets.reduce((sum, c) => sum + c.valueMinor, 0);
    expect(Math.abs(shares - money.budget.idrMinor)).toBeLessThanOrEqual(idr.file.totals.countryBudgets.length);
    expect(xml).not.toContain('<document-link');
  });

  it('counts own programs in one currency, lists amounts without a rate, and gives the public published programs only', async () => {
    const deps = app().deps;
    await deps.store.repos.exchangeRates.upsert([
      { currency: 'EUR', date: '2035-01-01', unitsPerUsd: 0.8, source: 'test' },
      { currency: 'IDR', date: '2035-01-01', unitsPerUsd: 15_000, source: 'test' },
    ]);
    const year = (overrides: Record<string, unknown>) =>
      programInputSchema.parse(
        aProgram({ plannedStart: '2035-01-15', plannedEnd: '2035-01-20', lifecycleStage: 'implementation', ...overrides }),
      );
    await createProgram(
      deps,
      year({
        identifier: 'ORG-2035-A',
        recipients: [
          { country: 'KE', percentage: 60 },
          { country: 'TZ', percentage: 40 },
        ],
        budgets: [
          // EUR 8,000 = USD 10,000, committed; IDR 150,000,000 = USD 10,000, indicative (running into 2036: counted in 2035).
          {
            type: 1,
            status: 2,
            periodStart: '2035-01-01',
            periodEnd: '2035-12-31',
            amount: '8000',
            currency: 'EUR',
            valueDate: '2035-01-01',
          },
          { type: 1, status: 1, periodStart: '2035-03-01', periodEnd: '2036-02-28', amount: '150000000', currency: 'IDR' },
        ],
        transactions: [
          { type: '3', date: '2035-02-01', amount: '4000', currency: 'EUR' },
          { type: '4', date: '2035-06-01', amount: '30000000', currency: 'IDR' },
        ],
      }),
    );
    await createProgram(
      deps,
      year({
        identifier: 'ORG-2035-B',
        lifecycleStage: 'request',
        recipients: [{ country: 'FJ' }],
        budgets: [{ type: 1, status: 2, periodStart: '2035-01-01', periodEnd: '2035-12-31', amount: '1000', currency: 'USD' }],
      }),
    );
    await createProgram(
      deps,
      year({
        identifier: 'ORG-2035-C',
        budgets: [{ type: 1, status: 2, periodStart: '2035-04-01', periodEnd: '2035-12-31', amount: '700', currency: 'CHF' }],
      }),
    );
    const imported = await importIati(
      deps,
      iatiActivitySource('two.xml', Readable.from([Buffer.from(IMPORTED)]), { maxBytes: 1_000_000 }),
      { ownReportingRef: PUBLISHER.ref },
    );
    expect(imported.errors).toEqual([]);
    expect(imported).toMatchObject({ status: 'committed', inserted: 2 });
    // Imported activities are other providers' data until the one under our reporting org is promoted.
    const ours = await listImported(deps, { q: 'OWN-IMPORTED-2035', page: 1, pageSize: 1 });
    await promoteImported(deps, ours.items[0]!.id, { ownReportingRef: PUBLISHER.ref });

    const years = { from: 2035, to: 2035 };
    const { file, xml } = await organisationXml(deps, { years, publicUrl: 'https://mitra.example.go.id' });
    validate('2035.xml', xml);
    // A: 10,000 + 10,000; B: 1,000; the activity under our reporting org: 2,000; not the other publisher's 500,000.
    expect(file.totals.budgets).toEqual([
      { year: 2035, status: 1, valueMinor: 23_000_00, committedMinor: 13_000_00, indicativeMinor: 10_000_00, budgets: 4 },
    ]);
    expect(file.totals.countryBudgets.map((c) => [c.country, c.valueMinor, c.status])).toEqual([
      ['FJ', 1_000_00, 2],
      ['KE', 12_000_00, 1],
      ['TZ', 10_000_00, 1],
    ]);
    expect(file.totals.expenditure).toEqual([
      { year: 2035, valueMinor: 7_000_00, disbursementMinor: 5_000_00, expenditureMinor: 2_000_00, transactions: 2 },
    ]);
    expect(file.warnings).toEqual([
      '1 budget(s) in CHF (700.00 CHF, value dates 2035-04-01) have no exchange rate to USD on or before their value date: left out of total-budget and recipient-country-budget of 2035',
    ]);
    expect(xml).toContain('<!-- 1 budget(s) in CHF');
    expect(xml).toContain('<budget-line ref="indicative">');
    // 2035 is after the clock's year: no annual report yet.
    expect(xml).not.toContain('<document-link');

    const requests = await organisationXml(deps, { years, stages: ['request'] });
    expect(requests.file.totals.budgets.map((b) => b.valueMinor)).toEqual([1_000_00]);
    // The public asking for requests gets nothing of them.
    expect((await organisationXml(actingAs(deps, ANONYMOUS), { years, stages: ['request'] })).file.totals.budgets).toEqual([]);
    const pub = await organisationXml(actingAs(deps, ANONYMOUS), { years });
    expect(pub.file.totals.budgets.map((b) => b.valueMinor)).toEqual([22_000_00]);
    expect(pub.file.totals.countryBudgets.map((c) => c.country)).toEqual(['KE', 'TZ']);
  });

  it('links the annual reports in both languages when the public address is known', async () => {
    const { xml } = await organisationXml(app().deps, { years: { from: 2016, to: 2018 }, publicUrl: 'https://mitra.example.go.id' });
    validate('linked.xml', xml);
    expect(xml.match(/<document-link /g)).toHaveLength(6);
    expect(xml).toContain('url="https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2017&amp;lang=id"');
    expect(xml).toContain('<category code="B01"/>');
  });
});
