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
    const find = async (identifier: string) => {
      const page = JSON.parse((await mitra(['other-providers', 'activities', '--search', identifier, '--json'])).out);
      return page.items[0] as { id: number; identifier: string; warningCount: number } | undefined;
    };
    const show = async (identifier: string) => {
      const found = await find(identifier);
      return JSON.parse((await mitra(['other-providers', 'show', String(found?.id)])).out);
    };
    const total = async () => JSON.parse((await mitra(['other-providers', 'activities', '--json'])).out).total as number;

    it("imports a 2.02 file as another provider's data: Spanish title kept, extension ignored, negative transactions, countries and sectors from transactions", async () => {
      const run = await mitra(['import', 'iati', 'fixture.xml', '--json'], { 'fixture.xml': file() });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out);
      expect(report).toMatchObject({ kind: 'iati', status: 'committed', rows: 2, inserted: 2, updated: 0, unchanged: 0, errorCount: 0 });
      expect(report.file).toMatchObject({
        iatiVersion: '2.02',
        generated: '2024-05-01T00:00:00Z',
        publishers: [{ publisher: 'XM-FIX', name: 'Fixture Foundation', activities: 2, provider: false }],
        refused: 0,
      });
      // Other providers' organisations stay out of the registry.
      expect(report.createdOrganisations).toEqual([]);
      const one = await show('XM-FIX-001');
      expect(one).toMatchObject({ publisherRef: 'XM-FIX', fileName: 'fixture.xml', line: 3 });
      expect(one.record.data).toMatchObject({
        titleEn: 'Agua para Cabo Verde',
        descriptionEn: 'Wells and training.',
        activityStatus: 'implementation',
        actualStart: '2023-03-01',
        plannedEnd: '2025-02-28',
        recipients: [{ country: 'CV', percentage: 100 }],
        sdgs: [{ goal: 6, target: null }],
      });
      expect(one.record.implementing).toMatchObject({ name: 'Aguas del Sur S.A.' });
      expect(one.record.data.transactions.map((t: { amountMinor: number; currency: string }) => `${t.amountMinor} ${t.currency}`)).toEqual([
        '12000000 EUR',
        '-250050 EUR',
      ]);
      const two = await show('XM-FIX-002');
      expect(two.record.data.recipients).toEqual([
        { country: 'ML', percentage: 75 },
        { country: 'NE', percentage: 25 },
      ]);
      expect(two.record.data.sectors).toEqual([{ vocabulary: '1', code: '31161', percentage: 100 }]);
      expect(JSON.parse((await mitra(['activities', 'list', '--json'])).out).total).toBe(0);
    });

    it('is idempotent: the same file again writes nothing, a changed activity is updated, nothing duplicates', async () => {
      const before = await total();
      const again = JSON.parse((await mitra(['import', 'iati', 'fixture.xml', '--json'], { 'fixture.xml': file() })).out);
      expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 2 });
      const changed = JSON.parse(
        (await mitra(['import', 'iati', 'fixture.xml', '--json'], { 'fixture.xml': file({ title2: 'Seeds for the Sahel, phase 2' }) })).out,
      );
      expect(changed).toMatchObject({ status: 'committed', inserted: 0, updated: 1, unchanged: 1 });
      expect((await show('XM-FIX-002')).record.data.titleEn).toBe('Seeds for the Sahel, phase 2');
      expect(await total()).toBe(before);
    });

    it('keeps an activity that breaks a rule with a warning, refuses only the one it cannot represent; --all-or-nothing writes nothing then', async () => {
      const before = await total();
      const bad = file({ extra: INVALID, title2: 'Seeds, phase 3' });
      const strict = await mitra(['import', 'iati', 'bad.xml', '--all-or-nothing', '--json'], { 'bad.xml': bad });
      expect(strict.code).not.toBe(0);
      expect(JSON.parse(strict.out)).toMatchObject({ status: 'rejected', rows: 4, rejectedRows: 1 });
      expect((await show('XM-FIX-002')).record.data.titleEn).toBe('Seeds for the Sahel, phase 2');
      const run = await mitra(['import', 'iati', 'bad.xml', '--json'], { 'bad.xml': bad });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out);
      // XM-FIX-001 is unchanged but now delivered by bad.xml: it follows the file (an update); XM-FIX-002 changed.
      expect(report).toMatchObject({ status: 'committed', rows: 4, inserted: 1, updated: 2, unchanged: 0, rejectedRows: 1 });
      expect(report.errors).toEqual([
        expect.objectContaining({
          line: 37,
          record: 'XM-FIX-003',
          column: 'budget 1 / value',
          message: expect.stringContaining('no currency'),
        }),
      ]);
      expect(report.warnings).toContain(
        'activity XM-FIX/BAD (line 30), iati-identifier: must not contain spaces or any of / & | ? (IATI rule) ("XM-FIX/BAD") [IATI rule 1.3.13] — imported as published',
      );
      expect(await find('XM-FIX/BAD')).toMatchObject({ warningCount: 2 });
      expect((await show('XM-FIX-002')).record.data.titleEn).toBe('Seeds, phase 3');
      expect(await total()).toBe(before + 1);
      const text = await mitra(['import', 'iati', 'bad.xml'], { 'bad.xml': bad });
      expect(text.out).toContain('line 37 (XM-FIX-003), budget 1 / value: has no currency');
      expect(text.out).toContain('warning: activity XM-FIX/BAD (line 30), iati-identifier: must not contain');
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

    it("checks without writing on --dry-run; the own IATI export never holds another provider's activities", async () => {
      const dry = JSON.parse(
        (await mitra(['import', 'iati', 'new.xml', '--dry-run', '--json'], { 'new.xml': file().replaceAll('XM-FIX-00', 'XM-FIX-10') })).out,
      );
      expect(dry).toMatchObject({ status: 'dry_run', inserted: 2 });
      expect(await find('XM-FIX-101')).toBeUndefined();
      const out = await mitra(['export', 'iati', '--country', 'CV']);
      expect(out.out).not.toContain('XM-FIX-001');
      const datasets = JSON.parse((await mitra(['other-providers', 'datasets', '--json'])).out);
      // bad.xml delivered every activity of fixture.xml again: the publisher's one dataset is bad.xml now.
      expect(datasets.map((d: { fileName: string; activities: number }) => [d.fileName, d.activities])).toEqual([['bad.xml', 3]]);
    });
  },
  async (mitra) => {
    await mitra(['db', 'migrate']);
  },
);
