/**
 * IATI versions other than 2.03: small hand-written files of 1.05, 1.03, no version, 2.01 and
 * 2.02 read into activities and mapped into programs. The 1.0x files follow the 1.05 schema
 * (text in the elements themselves, word codes, any element order, dates as text).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapIatiActivity } from '../domain/iati/program-from-iati.js';
import { IATI_105 } from '../testing/iati-1x.js';
import { readIatiActivities, type IatiFileInfo, type RawIatiActivity } from './iati-read.js';

const REFERENCE = resolve(process.cwd(), '../shared/reference/iati');

async function* chunked(bytes: Uint8Array, size = 11): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(xml: string | Uint8Array): Promise<{ info: IatiFileInfo; activities: RawIatiActivity[] }> {
  const activities: RawIatiActivity[] = [];
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  const info = await readIatiActivities('test.xml', chunked(bytes), (a) => void activities.push(a), { maxBytes: 1e9 });
  return { info, activities };
}

const map = (a: RawIatiActivity | undefined) => mapIatiActivity(a!, { ownReportingRef: null });

describe('reading IATI 1.0x files with the upgrade rules', () => {
  it('reads a 1.05 file: text in the elements, word codes as 2.01 numbers, dates written as text', async () => {
    const { info, activities } = await read(IATI_105);
    expect(info).toEqual({ version: '1.05', generated: '2014-06-01T00:00:00' });
    const [a] = activities;
    expect(a).toMatchObject({
      identifier: 'XX-EXAMPLE-1-SSC-2014-001',
      reportingOrg: { ref: 'XX-EXAMPLE-1', type: '10', names: { en: 'Example National Coordination Team' } },
      titles: { en: 'International training on disaster risk management', id: 'Pelatihan internasional pengelolaan risiko bencana' },
      descriptions: [
        {
          type: '1',
          texts: {
            en: 'Two-week training for participants from Fiji and Timor-Leste.',
            id: 'Pelatihan dua minggu untuk peserta dari Fiji dan Timor-Leste.',
          },
        },
        { type: '2', texts: { en: 'Better local disaster plans.' } },
      ],
      status: '3',
      dates: [
        { type: '1', isoDate: '2014-03-01' },
        { type: '2', isoDate: '2014-03-03' },
        { type: '4', isoDate: '2014-03-14' },
      ],
      participatingOrgs: [
        { ref: 'XX-EXAMPLE-1', role: '1', names: { en: 'Example Ministry' } },
        { ref: 'XX-EXAMPLE-2', role: '1', names: { fr: 'Agence partenaire' } },
        { ref: 'XX-EXAMPLE-3', role: '4', names: { en: 'Example Implementing Agency' } },
      ],
      sectors: [
        { vocabulary: '1', code: '74020', percentage: '100' },
        { vocabulary: '2', code: '740', percentage: '100' },
      ],
      collaborationType: '1',
      defaultAidType: 'D02',
      transactions: [
        {
          type: '3',
          date: '2014-03-10',
          value: '142500.50',
          currency: 'USD',
          valueDate: '2014-03-10',
          description: { en: 'Training costs' },
        },
        { type: '2', date: '2014-01-15', value: '150000', currency: null, valueDate: '2014-01-15', description: {} },
      ],
      budgets: [{ type: '1', status: null, periodStart: '2014-01-01', periodEnd: '2014-12-31', value: '150000', currency: 'USD' }],
    });
  });

  it('maps a 1.05 activity to the program its 2.0x form gives', async () => {
    const m = map((await read(IATI_105)).activities[0]);
    expect(m.issues).toEqual([]);
    expect(m.unknown).toEqual([]);
    expect(m.data).toMatchObject({
      titleEn: 'International training on disaster risk management',
      titleId: 'Pelatihan internasional pengelolaan risiko bencana',
      descriptionEn: 'Two-week training for participants from Fiji and Timor-Leste.',
      descriptionId: 'Pelatihan dua minggu untuk peserta dari Fiji dan Timor-Leste.',
      activityStatus: 'finalisation',
      plannedStart: '2014-03-01',
      actualStart: '2014-03-03',
      plannedEnd: null,
      actualEnd: '2014-03-14',
      recipients: [
        { country: 'FJ', percentage: 50 },
        { country: 'TL', percentage: 50 },
      ],
      sectors: [
        { vocabulary: '1', code: '74020', percentage: 100 },
        { vocabulary: '2', code: '740', percentage: 100 },
      ],
      transactions: [
        { type: '3', date: '2014-03-10', amountMinor: 14250050, currency: 'USD', description: 'Training costs' },
        { type: '2', date: '2014-01-15', amountMinor: 15000000, currency: 'USD' },
      ],
      budgets: [{ type: 1, status: 1, periodStart: '2014-01-01', periodEnd: '2014-12-31', amountMinor: 15000000, currency: 'USD' }],
    });
    expect(m.implementing).toMatchObject({ ref: 'XX-EXAMPLE-3', name: 'Example Implementing Agency' });
    expect(m.partners.map((p) => [p.org.ref, p.iatiRole])).toEqual([
      ['XX-EXAMPLE-1', 1],
      ['XX-EXAMPLE-2', 1],
    ]);
    expect(m.details.reportingOrg).toEqual({ ref: 'XX-EXAMPLE-1', type: '10', name: 'Example National Coordination Team' });
  });

  it('reads 1.03 and a file without a version (1.01) the same way; keeps codes without a 2.01 equivalent as written', async () => {
    const body = `
  <iati-activity default-currency="EUR">
    <iati-identifier>XX-OLD-7</iati-identifier>
    <reporting-org ref="XX-OLD">Old Publisher</reporting-org>
    <title><![CDATA[Seed bank]]></title>
    <activity-status code="2"/>
    <activity-date type="end-planned" iso-date="2013-12-31"/>
    <activity-date type="start-planned">2013Q1</activity-date>
    <participating-org role="Extending" ref="XX-OLD">Old Publisher</participating-org>
    <participating-org role="Accountable">Ministry of Agriculture</participating-org>
    <participating-org role="Sponsoring">Someone</participating-org>
    <sector vocabulary="WB" code="AB">Agriculture</sector>
    <sector code="31110" percentage="100"/>
    <transaction><transaction-type code="IF"/><transaction-date iso-date="2013-02-01"/><value>5</value></transaction>
    <transaction><transaction-type code="E"/><transaction-date iso-date="2013-03-01"/><value>-2</value></transaction>
    <transaction><transaction-type code="ZZ"/><transaction-date iso-date="2013-03-01"/><value>1</value></transaction>
  </iati-activity>`;
    for (const root of ['<iati-activities version="1.03">', '<iati-activities>']) {
      const { info, activities } = await read(`<?xml version="1.0"?>\n${root}${body}\n</iati-activities>`);
      expect(info.version).toBe(root.includes('1.03') ? '1.03' : null);
      const [a] = activities;
      expect(a?.titles).toEqual({ '': 'Seed bank' });
      expect(a?.participatingOrgs.map((o) => o.role)).toEqual(['3', '2', 'Sponsoring']);
      expect(a?.dates).toEqual([
        { type: '3', isoDate: '2013-12-31' },
        { type: '1', isoDate: '2013Q1' },
      ]);
      expect(a?.sectors.map((s) => s.vocabulary)).toEqual(['WB', null]);
      expect(a?.transactions.map((t) => t.type)).toEqual(['1', '4', 'ZZ']);
      const m = map(a);
      expect(m.data.titleEn).toBe('Seed bank');
      expect(m.data.plannedEnd).toBe('2013-12-31');
      // What the upgrade cannot place is the mapper's to report: a quarter is not a day, ZZ no type.
      expect(m.issues.map((i) => `${i.field}: ${i.value}`)).toEqual([
        'activity-date type 1: 2013Q1',
        'transaction 3 / transaction-type: ZZ',
      ]);
      expect(m.unknown).toContainEqual({ what: 'participating-org', code: 'role Sponsoring' });
      expect(m.unknown).toContainEqual({ what: 'sector (vocabulary WB)', code: 'AB' });
    }
  });

  it.skipIf(!existsSync(REFERENCE))('maps a real 2.02 activity and its hand-made 1.05 form to the same program', async () => {
    const file = readFileSync(`${REFERENCE}/samples/acfspain-ph.xml`, 'utf8');
    const [original] = (await read(file)).activities;
    const [old] = (
      await read(`<?xml version="1.0"?>
<iati-activities version="1.05" generated-datetime="2018-10-09T09:40:19+00:00">
  <iati-activity last-updated-datetime="2018-10-09T09:33:43+00:00" xml:lang="en" default-currency="EUR" hierarchy="1">
    <iati-identifier>ES-CIF-G81164105-PHF5AC</iati-identifier>
    <reporting-org type="21" ref="ES-CIF-G81164105" xml:lang="en">ACTION AGAINST HUNGER SPAIN</reporting-org>
    <title>Integrated emergency response to the most vulnerable people affected by typhoon Nock-Ten (Nina)</title>
    <description type="1">Providing emergency humanitarian shelter and WASH assistance to the most vulnerable groups in the three strongly affected municipalities of Catanduanes province</description>
    <participating-org ref="GB-CHC-1047501" type="21" role="Funding" xml:lang="en">Action Against Hunger</participating-org>
    <participating-org ref="ES-CIF-G81164105" type="21" role="Implementing" xml:lang="en">ACTION AGAINST HUNGER SPAIN</participating-org>
    <participating-org ref="GB-CHC-1082565" type="80" role="Implementing" xml:lang="en">Handicap International UK</participating-org>
    <activity-status code="3">Completion</activity-status>
    <activity-date type="start-actual" iso-date="2017-01-06"/>
    <activity-date type="end-actual" iso-date="2017-02-20"/>
    <recipient-country code="PH">Philippines</recipient-country>
    <sector code="Water, Sanitation &amp; Hygiene" vocabulary="RO">Water, Sanitation &amp; Hygiene</sector>
    <budget type="1">
      <period-start iso-date="2017-01-06"/>
      <period-end iso-date="2017-02-20"/>
      <value currency="GBP" value-date="2017-01-06">160000</value>
    </budget>
  </iati-activity>
</iati-activities>`)
    ).activities;
    const [a, b] = [map(original), map(old)];
    expect(b.issues).toEqual(a.issues);
    expect(b.unknown).toEqual(a.unknown);
    expect(b.implementing).toEqual(a.implementing);
    expect(b.partners).toEqual(a.partners);
    // 1.05 has no budget status: the budget is indicative (1) where 2.02 says committed (2).
    expect(a.data.budgets[0]?.status).toBe(2);
    expect({ ...b.data, budgets: b.data.budgets.map((x) => ({ ...x, status: 2 })) }).toEqual(a.data);
    expect({ ...b.details, reportingOrg: { ...b.details.reportingOrg } }).toEqual(a.details);
  });
});

describe('reading IATI 2.01 and 2.02 files', () => {
  const file = (version: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="${version}">\n${body}\n</iati-activities>\n`;

  it('reads a 2.01 file (no tag, no budget status) as it is, CDATA included, and does not upgrade its codes', async () => {
    const { info, activities } = await read(
      file(
        '2.01',
        `<iati-activity xml:lang="en" default-currency="USD">
    <iati-identifier>XX-201-1</iati-identifier>
    <reporting-org ref="XX-201" type="10"><narrative>Publisher 2.01</narrative></reporting-org>
    <title><narrative>Irrigation <![CDATA[training]]></narrative><narrative xml:lang="id">Pelatihan irigasi</narrative></title>
    <description type="1"><narrative>Direct text is not 2.01.</narrative></description>
    <participating-org ref="XX-201" role="1" type="10"><narrative>Publisher 2.01</narrative></participating-org>
    <participating-org ref="XX-OTHER" role="Funding" type="10"><narrative>Word role</narrative></participating-org>
    <participating-org ref="XX-201-IMP" role="4" type="10"/>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2015-02-01"><narrative>Planned start</narrative></activity-date>
    <activity-date type="start-actual" iso-date="2015-02-03"/>
    <recipient-country code="KE" percentage="100"/>
    <sector vocabulary="2" code="311" percentage="100"/>
    <collaboration-type code="1"/>
    <budget type="2"><period-start iso-date="2015-01-01"/><period-end iso-date="2015-12-31"/><value currency="USD" value-date="2015-01-01">900</value></budget>
    <transaction>
      <transaction-type code="2"/><transaction-date iso-date="2015-01-10"/><value value-date="2015-01-10">900</value>
      <description><narrative>Commitment</narrative></description>
    </transaction>
  </iati-activity>`,
      ),
    );
    expect(info.version).toBe('2.01');
    const [a] = activities;
    expect(a).toMatchObject({
      titles: { en: 'Irrigation training', id: 'Pelatihan irigasi' },
      tags: [],
      sectors: [{ vocabulary: '2', code: '311', percentage: '100' }],
      budgets: [{ type: '2', status: null }],
      dates: [
        { type: '1', isoDate: '2015-02-01' },
        { type: 'start-actual', isoDate: '2015-02-03' },
      ],
    });
    // The activity-date narrative does not name the organisation before it, which has none.
    expect(a?.participatingOrgs.map((o) => [o.role, o.names])).toEqual([
      ['1', { en: 'Publisher 2.01' }],
      ['Funding', { en: 'Word role' }],
      ['4', {}],
    ]);
    const m = map(a);
    expect(m.data).toMatchObject({
      titleEn: 'Irrigation training',
      titleId: 'Pelatihan irigasi',
      activityStatus: 'implementation',
      plannedStart: '2015-02-01',
      actualStart: null,
      sectors: [{ vocabulary: '2', code: '311', percentage: 100 }],
      sdgs: [],
      budgets: [{ type: 2, status: 1, amountMinor: 90000, currency: 'USD' }],
      transactions: [{ type: '2', date: '2015-01-10', amountMinor: 90000, currency: 'USD', description: 'Commitment' }],
    });
    expect(m.issues.map((i) => `${i.field}: ${i.value}`)).toEqual(['activity-date: start-actual']);
    expect(m.implementing?.ref).toBe('XX-201-IMP');
    expect(m.unknown).toContainEqual({ what: 'participating-org', code: 'role Funding' });
  });

  it('reads a 2.02 file: SDG sector vocabulary, incoming commitment (11), humanitarian and activity-id attributes', async () => {
    const { info, activities } = await read(
      file(
        '2.02',
        `<iati-activity xml:lang="fr" default-currency="EUR" humanitarian="1">
    <iati-identifier>XX-202-1</iati-identifier>
    <reporting-org ref="XX-202" type="21"><narrative>Éditeur</narrative></reporting-org>
    <title><narrative>Formation en santé</narrative></title>
    <description type="1"><narrative>Description</narrative></description>
    <description type="1"><narrative xml:lang="en">Second description</narrative></description>
    <participating-org ref="XX-202" role="2" type="21" activity-id="XX-202-0"><narrative>Éditeur</narrative></participating-org>
    <participating-org ref="XX-202-IMP" role="4" type="21"><narrative xml:lang="en">Implementer</narrative></participating-org>
    <activity-status code="4"/>
    <activity-date type="2" iso-date="2016-05-01"/>
    <activity-date type="4" iso-date="2016-06-30"/>
    <recipient-country code="SN" percentage="100"/>
    <sector vocabulary="1" code="12220" percentage="100"/>
    <sector vocabulary="7" code="3" percentage="100"/>
    <humanitarian-scope type="1" vocabulary="1-2" code="EP-2016-000001-SEN"><narrative>Epidémie</narrative></humanitarian-scope>
    <transaction>
      <transaction-type code="11"/><transaction-date iso-date="2016-04-20"/><value>1000.005</value>
    </transaction>
    <transaction>
      <transaction-type code="3"/><transaction-date iso-date="2016-05-10"/><value currency="EUR">400</value>
    </transaction>
  </iati-activity>`,
      ),
    );
    expect(info.version).toBe('2.02');
    const [a] = activities;
    expect(a?.descriptions).toEqual([
      { type: '1', texts: { fr: 'Description' } },
      { type: '1', texts: { en: 'Second description' } },
    ]);
    expect(a?.sectors.map((s) => s.vocabulary)).toEqual(['1', '7']);
    const m = map(a);
    expect(m.issues).toEqual([]);
    expect(m.data).toMatchObject({
      titleEn: 'Formation en santé',
      descriptionEn: 'Description',
      activityStatus: 'closed',
      actualStart: '2016-05-01',
      actualEnd: '2016-06-30',
      recipients: [{ country: 'SN', percentage: 100 }],
      transactions: [
        { type: '11', date: '2016-04-20', amountMinor: 100001, currency: 'EUR' },
        { type: '3', date: '2016-05-10', amountMinor: 40000, currency: 'EUR' },
      ],
    });
    expect(m.data.sectors).toContainEqual({ vocabulary: '1', code: '12220', percentage: 100 });
    expect(m.details.titleLang).toBe('fr');
    expect(m.partners.map((p) => p.iatiRole)).toEqual([2]);
  });
});
