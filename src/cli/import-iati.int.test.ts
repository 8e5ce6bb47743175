import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

/** A small IATI 2.02 file: an extension of another namespace, a Spanish-only title, money per transaction. */
function file(opts: { title2?: string; extra?: string; version?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="${opts.version ?? '2.02'}" generated-datetime="2024-05-01T00:00:00Z" xmlns:acme="http://example.org/acme">
  <iati-activity default-currency="EUR" xml:lang="es" last-updated-datetime="2024-04-30T00:00:00Z">
    <iati-identifier>XM-FIX-001</iati-identifier>
    <reporting-org ref="XM-FIX" type="21"><narrative>Fixture Foundation</narrative></reporting-org>
    <title><narrative>Agua para Cabo Verde</narrative></title>
    <description type="1"><narrative xml:lang="en">Wells and training.</narrative></description>
    <participating-org ref="XM-FIX" role="1" type="21"><narrative>Fixture Foundation</narrative></participating-org>
    <participating-org role="4" type="22"><narrative>Aguas del Sur S.A.</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date iso-date="2023-03-01" type="2"/>
    <activity-date iso-date="2025-02-28" type="3"/>
    <acme:internal><acme:budget-line code="77"><narrative>ignored</narrative></acme:budget-line></acme:internal>
    <recipient-country code="CV" percentage="100"/>
    <sector vocabulary="1" code="14030" percentage="100"/>
    <tag vocabulary="2" code="6"/>
    <budget type="1" status="1"><period-start iso-date="2023-03-01"/><period-end iso-date="2024-02-28"/><value currency="EUR" value-date="2023-03-01">120000</value></budget>
    <transaction><transaction-type code="2"/><transaction-date iso-date="2023-03-01"/><value value-date="2023-03-01">120000</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2023-06-01"/><value value-date="2023-06-01">-2500.50</value><description><narrative>Refund</narrative></description></transaction>
  </iati-activity>
  <iati-activity default-currency="USD" last-updated-datetime="2024-04-30T00:00:00Z">
    <iati-identifier>XM-FIX-002</iati-identifier>
    <reporting-org ref="XM-FIX" type="21"><narrative>Fixture Foundation</narrative></reporting-org>
    <title><narrative xml:lang="en">${opts.title2 ?? 'Seeds for the Sahel'}</narrative></title>
    <activity-status code="3"/>
    <activity-date iso-date="2022-01-10" type="1"/>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2022-02-01"/><value>300</value><recipient-country code="ML"/><sector vocabulary="1" code="31161"/></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2022-03-01"/><value>100</value><recipient-country code="NE"/><sector vocabulary="1" code="31161"/></transaction>
  </iati-activity>${opts.extra ?? ''}
</iati-activities>
`;
}

const INVALID = `
  <iati-activity default-currency="USD">
    <iati-identifier>XM-FIX/BAD</iati-identifier>
    <reporting-org ref="XM-FIX" type="21"/>
    <title><narrative>Slash in the identifier</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2022-01-10" type="1"/>
  </iati-activity>
  <iati-activity>
    <iati-identifier>XM-FIX-003</iati-identifier>
    <reporting-org ref="XM-FIX" type="21"/>
    <title><narrative>Budget over two years, no currency</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2022-01-10" type="1"/>
    <budget><period-start iso-date="2022-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2022-01-01">10</value></budget>
  </iati-activity>`;

describeCliOnEachEngine(
  'IATI import',
  (mitra, env) => {
    const show = async (id: string) => JSON.parse((await mitra(['activities', 'show', id, '--json'])).out);
    const total = async () => JSON.parse((await mitra(['activities', 'list', '--json', '--page-size', '1'])).out).total as number;

    it('imports a 2.02 file: Spanish title kept, extension ignored, negative transactions, countries and sectors from transactions', async () => {
      const run = await mitra(['import', 'iati', 'fixture.xml', '--json'], { 'fixture.xml': file() });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out);
      expect(report).toMatchObject({ kind: 'iati', status: 'committed', rows: 2, inserted: 2, updated: 0, unchanged: 0, errorCount: 0 });
      expect(report.file).toEqual({
        iatiVersion: '2.02',
        generated: '2024-05-01T00:00:00Z',
        publishers: [{ publisher: 'XM-FIX', activities: 2 }],
      });
      expect(report.createdOrganisations).toEqual([
        { code: 'XM-FIX', name: 'Fixture Foundation', kind: 'partner' },
        { code: 'AGUAS-DEL-SUR-S-A', name: 'Aguas del Sur S.A.', kind: 'partner' },
      ]);
      const one = await show('XM-FIX-001');
      expect(one).toMatchObject({
        titleEn: 'Agua para Cabo Verde',
        descriptionEn: 'Wells and training.',
        activityStatus: 'implementation',
        lifecycleStage: 'implementation',
        actualStart: '2023-03-01',
        plannedEnd: '2025-02-28',
        implementingOrg: 'AGUAS-DEL-SUR-S-A',
        recipients: [{ country: 'CV', percentage: 100 }],
        sdgs: [{ goal: 6, target: null }],
      });
      expect(one.transactions.map((t: { amount: string; currency: string }) => `${t.amount} ${t.currency}`)).toEqual([
        '120000.00 EUR',
        '-2500.50 EUR',
      ]);
      const two = await show('XM-FIX-002');
      expect(two.recipients).toEqual([
        { country: 'ML', percentage: 75 },
        { country: 'NE', percentage: 25 },
      ]);
      expect(two.sectors).toEqual([{ vocabulary: '1', code: '31161', percentage: 100 }]);
    });

    it('is idempotent: the same file again writes nothing, a changed activity is updated, nothing duplicates', async () => {
      const before = await total();
      const again = JSON.parse((await mitra(['import', 'iati', 'fixture.xml', '--json'], { 'fixture.xml': file() })).out);
      expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 2 });
      const changed = JSON.parse(
        (await mitra(['import', 'iati', 'fixture.xml', '--json'], { 'fixture.xml': file({ title2: 'Seeds for the Sahel, phase 2' }) })).out,
      );
      expect(changed).toMatchObject({ status: 'committed', inserted: 0, updated: 1, unchanged: 1 });
      expect((await show('XM-FIX-002')).titleEn).toBe('Seeds for the Sahel, phase 2');
      expect(await total()).toBe(before);
    });

    it('writes nothing when an activity is invalid, listing each one and why; --partial imports the valid ones', async () => {
      const before = await total();
      const bad = file({ extra: INVALID, title2: 'Seeds, phase 3' });
      const run = await mitra(['import', 'iati', 'bad.xml', '--json'], { 'bad.xml': bad });
      expect(run.code).not.toBe(0);
      const report = JSON.parse(run.out);
      expect(report).toMatchObject({ status: 'rejected', rows: 4, rejectedRows: 2 });
      expect(report.errors).toEqual([
        expect.objectContaining({
          line: 30,
          record: 'XM-FIX/BAD',
          column: 'iati-identifier',
          message: expect.stringContaining('must not contain'),
        }),
        expect.objectContaining({
          line: 37,
          record: 'XM-FIX-003',
          column: 'budget 1 / value',
          message: expect.stringContaining('no currency'),
        }),
      ]);
      expect((await show('XM-FIX-002')).titleEn).toBe('Seeds for the Sahel, phase 2');
      const text = await mitra(['import', 'iati', 'bad.xml'], { 'bad.xml': bad });
      expect(text.err).toContain('line 30 (XM-FIX/BAD), iati-identifier ("XM-FIX/BAD"): must not contain');

      const partial = await mitra(['import', 'iati', 'bad.xml', '--partial', '--json'], { 'bad.xml': bad });
      expect(partial.code).toBe(0);
      expect(JSON.parse(partial.out)).toMatchObject({ status: 'committed', updated: 1, unchanged: 1, inserted: 0, errorCount: 2 });
      expect((await show('XM-FIX-002')).titleEn).toBe('Seeds, phase 3');
      expect(await total()).toBe(before);
    });

    it('refuses a malformed file, a DTD, entities, deep nesting and undeclared encodings, writing nothing', async () => {
      const before = await total();
      const cases: [string, string, RegExp][] = [
        ['broken.xml', file().replace('</title>', ''), /^broken\.xml, line 20, column 18: /],
        [
          'xxe.xml',
          '<?xml version="1.0"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>',
          /DOCTYPE is not allowed/,
        ],
        [
          'laughs.xml',
          '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n<iati-activities><iati-activity><iati-identifier>&lol2;</iati-identifier></iati-activity></iati-activities>',
          /DOCTYPE is not allowed/,
        ],
        [
          'entity.xml',
          '<iati-activities version="2.03"><iati-activity><iati-identifier>&nope;</iati-identifier></iati-activity></iati-activities>',
          /undefined entity|nope/i,
        ],
        ['deep.xml', `<iati-activities>${'<a>'.repeat(80)}${'</a>'.repeat(80)}</iati-activities>`, /deeper than 64/],
        ['ebcdic.xml', '<?xml version="1.0" encoding="EBCDIC-US"?>\n<iati-activities/>', /encoding "EBCDIC-US" is not supported/],
        ['html.xml', '<html><body>not iati</body></html>', /root element is <html>/],
      ];
      for (const [name, content, message] of cases) {
        const run = await mitra(['import', 'iati', name, '--json'], { [name]: content });
        expect(run.code, name).not.toBe(0);
        const report = JSON.parse(run.out);
        expect(report.status, name).toBe('rejected');
        expect(report.errors[0].message, name).toMatch(message);
      }
      expect(await total()).toBe(before);
    });

    it('refuses a file over the size limit', async () => {
      const small = { ...env(), MITRA_IMPORT_MAX_BYTES: '2048' };
      const { runMitra } = await import('../testing/cli.js');
      const run = await runMitra(['import', 'iati', 'big.xml', '--json'], small, { 'big.xml': file() });
      expect(JSON.parse(run.out).errors[0].message).toMatch(/larger than 2048 bytes/);
    });

    it('checks without writing on --dry-run, and exports imported activities under their own publisher', async () => {
      const dry = JSON.parse(
        (await mitra(['import', 'iati', 'new.xml', '--dry-run', '--json'], { 'new.xml': file().replaceAll('XM-FIX-00', 'XM-FIX-10') })).out,
      );
      expect(dry).toMatchObject({ status: 'dry_run', inserted: 2 });
      expect((await mitra(['activities', 'show', 'XM-FIX-101', '--json'])).code).not.toBe(0);
      const out = await mitra(['export', 'iati', '--country', 'CV']);
      expect(out.out).toContain('<iati-identifier>XM-FIX-001</iati-identifier>');
      expect(out.out).toContain('<reporting-org ref="XM-FIX" type="21">');
      expect(out.out).not.toContain('ID-NCT-SSTC');
    });
  },
  async (mitra) => {
    await mitra(['db', 'migrate']);
  },
);
