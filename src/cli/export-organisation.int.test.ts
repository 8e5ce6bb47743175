import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeCliOnEachEngine, runMitra } from '../testing/cli.js';
import { canValidateIati, IATI_ORGANISATIONS_XSD, iatiOrganisationRuleBreaches, xsdErrors } from '../testing/iati.js';

describeCliOnEachEngine(
  'mitra export iati-organisation',
  (mitra, env) => {
    it('writes the organisation file to standard output or a file, schema-valid, and says what it counted', async () => {
      const stdout = await mitra(['export', 'iati-organisation']);
      expect(stdout.code).toBe(0);
      expect(stdout.out).toContain('<organisation-identifier>ID-NCT-SSTC</organisation-identifier>');
      expect(stdout.out).toContain('<total-budget status="2">');
      expect(stdout.err).toContain('note: no document-link to the annual reports (set MITRA_PUBLIC_URL');
      expect(stdout.out).not.toContain('<document-link');

      const files: Record<string, string | Uint8Array> = {};
      const written = await runMitra(
        ['export', 'iati-organisation', '--out', 'org.xml', '--currency', 'IDR', '--from', '2018', '--to', '2018'],
        { ...env(), MITRA_PUBLIC_URL: 'https://mitra.example.go.id/' },
        files,
      );
      expect(written.code).toBe(0);
      expect(written.err).toMatch(
        /^wrote the organisation file of \d+ program\(s\) to org\.xml: total budget \(IDR\) 2018 \d+\.\d\d; total expenditure 2018 \d+\.\d\d\n$/,
      );
      const xml = new TextDecoder().decode(files['org.xml'] as Uint8Array);
      expect(xml).toContain('default-currency="IDR"');
      expect(xml).toContain('url="https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2018&amp;lang=id"');
      expect(iatiOrganisationRuleBreaches(xml)).toEqual([]);
      if (canValidateIati) {
        const path = join(mkdtempSync(join(tmpdir(), 'mitra-export-org-')), 'org.xml');
        writeFileSync(path, xml);
        expect(xsdErrors(path, IATI_ORGANISATIONS_XSD)).toBe('');
      }
    });

    it('refuses a currency it does not offer and a year range given by half', async () => {
      const euro = await mitra(['export', 'iati-organisation', '--currency', 'EUR']);
      expect(euro.code).toBe(3);
      expect(euro.err).toContain('currency');
      const half = await mitra(['export', 'iati-organisation', '--from', '2018']);
      expect(half.code).toBe(3);
      expect(half.err).toContain('to: give both from and to, or neither');
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
