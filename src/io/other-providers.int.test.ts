/**
 * Other providers' data on both engines: what an import refuses (alone, with its line) and
 * warns of, the provider's own file promoted to own programs (only when its identifiers carry
 * its prefix), a dataset deleted exactly, and one country's providers compared.
 */
import { expect, it } from 'vitest';
import { iatiActivitySource } from './iati-read.js';
import { describeEachEngine } from '../testing/engines.js';
import { actors } from '../testing/fakes/store.js';
import { actingAs, type ServiceDeps } from '../services/deps.js';
import { importIati } from '../services/import-iati.js';
import { compareCountry, deleteDataset, listImported, promoteImported } from '../services/other-providers.js';
import { annualSummary } from '../services/reports.js';

const OWN = 'ID-NCT-SSTC';

interface Activity {
  readonly id: string;
  readonly reporting?: string;
  readonly status?: string;
  readonly start?: string;
  readonly budgetEnd?: string;
  readonly countries?: readonly [string, number][];
  readonly implementer?: string;
}

function activityXml(a: Activity): string {
  const reporting = a.reporting ?? 'XM-OTHER';
  const countries = (a.countries ?? [['FJ', 100]]).map(([c, p]) => `<recipient-country code="${c}" percentage="${p}"/>`).join('');
  return `<iati-activity default-currency="USD">
    <iati-identifier>${a.id}</iati-identifier>
    <reporting-org ref="${reporting}" type="10"><narrative>Publisher ${reporting}</narrative></reporting-org>
    <title><narrative>Activity ${a.id}</narrative></title>
    ${a.implementer ? `<participating-org ref="${a.implementer}" role="4" type="10"><narrative>Implementer</narrative></participating-org>` : ''}
    <activity-status code="${a.status ?? '2'}"/>
    <activity-date iso-date="${a.start ?? '2018-03-01'}" type="2"/>
    ${countries}
    <sector vocabulary="1" code="11110"/>
    <budget type="1" status="1"><period-start iso-date="2018-01-01"/><period-end iso-date="${a.budgetEnd ?? '2018-12-31'}"/><value value-date="2018-01-01">1000</value></budget>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2018-06-01"/><value value-date="2018-06-01">400</value></transaction>
  </iati-activity>`;
}

const file = (...activities: Activity[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n${activities.map(activityXml).join('\n')}\n</iati-activities>\n`;

function importText(deps: ServiceDeps, name: string, xml: string, options: { allOrNothing?: boolean } = {}) {
  const source = iatiActivitySource(
    name,
    (async function* () {
      yield new TextEncoder().encode(xml);
    })(),
    { maxBytes: 1024 * 1024 },
  );
  return importIati(deps, source, { ...options, ownReportingRef: OWN });
}

describeEachEngine("other providers' data", (app) => {
  it('refuses only what it cannot represent, each with its line, and warns of the rules broken', async () => {
    const deps = app().deps;
    const xml = file(
      { id: 'XM-OTHER-1' },
      { id: 'XM-OTHER-2', status: '9' },
      { id: 'XM-OTHER-3', start: '2018-02-30' },
      {
        id: 'XM-OTHER-4',
        budgetEnd: '2019-06-30',
        countries: [
          ['FJ', 33],
          ['WS', 33],
        ],
      },
      { id: 'XM OTHER 5' },
    );
    const strict = await importText(deps, 'other.xml', xml, { allOrNothing: true });
    expect(strict).toMatchObject({ status: 'rejected', rows: 5, rejectedRows: 2 });
    expect((await listImported(deps, { page: 1, pageSize: 10 })).total).toBe(0);
    const report = await importText(deps, 'other.xml', xml);
    expect(report).toMatchObject({ status: 'committed', rows: 5, inserted: 3, rejectedRows: 2 });
    expect(report.errors.map((e) => [e.record, e.line, e.column, e.code])).toEqual([
      ['XM-OTHER-2', 15, 'activity-status', 'iati_bad_code'],
      ['XM-OTHER-3', 27, 'activity-date type 2', 'invalid_date'],
    ]);
    const warned = report.warnings.filter((w) => w.code === 'iati_activity_warning').map((w) => [w.params.record, w.params.rule]);
    expect(warned).toEqual([
      ['XM-OTHER-4', '3.1.2'],
      ['XM-OTHER-4', '7.5.3'],
      ['XM OTHER 5', '1.3.13'],
      ['XM OTHER 5', '1.1.21'],
    ]);
    const four = (await listImported(deps, { q: 'XM-OTHER-4', page: 1, pageSize: 1 })).items[0];
    expect(four).toMatchObject({ warningCount: 2, fileName: 'other.xml', publisherRef: 'XM-OTHER', activityStatus: 2, year: 2018 });
    // Nothing of it is Indonesia's: the annual summary of 2018 counts no program.
    expect((await annualSummary(deps, 2018)).programs).toBe(0);
  });

  it("promotes the provider's own activities, never another publisher's or a misprefixed one", async () => {
    const deps = app().deps;
    const report = await importText(
      deps,
      'own.xml',
      file({ id: `${OWN}-2018-TRAIN-1`, reporting: OWN }, { id: 'XM-ELSE-1', reporting: OWN }, { id: 'XM-OTHER-9' }),
    );
    expect(report).toMatchObject({ status: 'committed', inserted: 3 });
    expect(report.warnings.find((w) => w.code === 'iati_not_provider_prefix')?.params).toMatchObject({ publisher: OWN, activities: 1 });
    const byId = async (q: string) => (await listImported(deps, { q, page: 1, pageSize: 1 })).items[0]!;
    const coordinator = actingAs(deps, actors.coordinator);
    const own = await byId(`${OWN}-2018-TRAIN-1`);
    await expect(promoteImported(actingAs(deps, actors.viewer), own.id, { ownReportingRef: OWN })).rejects.toMatchObject({
      code: 'other_providers.forbidden',
    });
    const promoted = await promoteImported(coordinator, own.id, { ownReportingRef: OWN });
    expect(promoted).toMatchObject({ identifier: '2018-TRAIN-1', created: true });
    const program = await deps.store.repos.programs.findById(promoted.programId);
    expect(program).toMatchObject({ source: 'iati', iatiDetails: { importedFrom: { fileName: 'own.xml', publisher: OWN } } });
    expect((await annualSummary(deps, 2018)).programs).toBe(1);
    expect(await byId(`${OWN}-2018-TRAIN-1`)).toMatchObject({ promotedProgramId: promoted.programId });
    // Promoting again updates the same program.
    expect(await promoteImported(coordinator, own.id, { ownReportingRef: OWN })).toMatchObject({
      programId: promoted.programId,
      created: false,
    });
    await expect(promoteImported(coordinator, (await byId('XM-ELSE-1')).id, { ownReportingRef: OWN })).rejects.toMatchObject({
      code: 'other_providers.prefix_mismatch',
    });
    await expect(promoteImported(coordinator, (await byId('XM-OTHER-9')).id, { ownReportingRef: OWN })).rejects.toMatchObject({
      code: 'other_providers.not_provider',
    });
  });

  it('deletes exactly one dataset and compares the providers of a country', async () => {
    const deps = app().deps;
    const coordinator = actingAs(deps, actors.coordinator);
    await importText(
      deps,
      'a.xml',
      file(
        {
          id: 'XM-A-1',
          reporting: 'XM-A',
          countries: [
            ['FJ', 60],
            ['WS', 40],
          ],
        },
        { id: 'XM-A-2', reporting: 'XM-A' },
      ),
    );
    await importText(deps, 'b.xml', file({ id: 'XM-B-1', reporting: 'XM-B' }));
    const comparison = await compareCountry(coordinator, { country: 'FJ', fromYear: 2017, toYear: 2019, ownName: 'Indonesia' });
    const provider = (ref: string) => comparison.providers.find((p) => p.ref === ref);
    // XM-A: two activities in Fiji in 2018; budgets USD 1,000 + 600 (60 % of 1,000), spending 400 + 240.
    expect(provider('XM-A')?.years).toEqual([{ year: 2018, activities: 2, budgetUsd: 1600, spendUsd: 640 }]);
    expect(provider('XM-B')?.years).toEqual([{ year: 2018, activities: 1, budgetUsd: 1000, spendUsd: 400 }]);
    expect(provider('XM-A')?.sectors).toEqual([{ vocabulary: '1', code: '11110', activities: 2 }]);
    expect(comparison.providers[0]).toMatchObject({ own: true, publisher: 'Indonesia' });
    const datasets = await deps.store.repos.otherProviders.datasets();
    const a = datasets.find((d) => d.fileName === 'a.xml')!;
    await expect(deleteDataset(actingAs(deps, actors.agency('ID-KEMENKES')), a.id)).rejects.toMatchObject({
      code: 'other_providers.forbidden',
    });
    expect(await deleteDataset(coordinator, a.id)).toMatchObject({ activities: 2 });
    expect((await listImported(deps, { publisherId: a.publisherId, page: 1, pageSize: 10 })).total).toBe(0);
    expect((await listImported(deps, { q: 'XM-B-1', page: 1, pageSize: 10 })).total).toBe(1);
    const after = await compareCountry(coordinator, { country: 'FJ', fromYear: 2017, toYear: 2019, ownName: 'Indonesia' });
    expect(after.providers.map((p) => p.ref)).not.toContain('XM-A');
  });
});
