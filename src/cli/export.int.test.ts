import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';
import { canValidateIati, xsdErrors } from '../testing/iati.js';

describeCliOnEachEngine(
  'mitra export iati',
  (mitra) => {
    it('writes the programs of a filter to standard output or a file, schema-valid', async () => {
      const stdout = await mitra(['export', 'iati', '--year', '2016']);
      expect(stdout.code).toBe(0);
      expect(stdout.out.match(/<iati-activity /g)).toHaveLength(6);
      const dir = mkdtempSync(join(tmpdir(), 'mitra-export-'));
      const file = join(dir, 'all.xml');
      const written = await mitra(['export', 'iati', '--out', file]);
      expect(written.err).toMatch(/wrote 34 activities to .*all\.xml/);
      expect(written.err).toContain(
        'warning: 1 program(s) without any date are not in this file (IATI requires an activity-date): ENG-2017-0002-2',
      );
      if (canValidateIati) expect(xsdErrors(file)).toBe('');
      expect((await mitra(['export', 'iati', '--stage', 'dreaming'])).code).toBe(3);
      // No program in 1990: an activity file needs one activity at least, so none is written.
      const none = await mitra(['export', 'iati', '--year', '1990', '--out', join(dir, 'none.xml')]);
      expect(none.err).toContain(
        'warning: no program with a date matches the filter: an IATI activity file needs at least one activity; nothing written',
      );
      expect(readdirSync(dir)).not.toContain('none.xml');
    });

    it('splits a file over the size limit into one file per year, and a year still too big into parts', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mitra-export-'));
      const run = await mitra(['export', 'iati', '--out', join(dir, 'iati.xml'), '--max-file-mb', '0.03']);
      expect(run.code).toBe(0);
      const files = readdirSync(dir).sort();
      expect(files).toEqual(
        expect.arrayContaining(['iati-2016.xml', 'iati-2017-1.xml', 'iati-2017-2.xml', 'iati-2018-1.xml', 'iati-2018-2.xml']),
      );
      expect(files.every((f) => /^iati-20\d\d(-\d)?\.xml$/.test(f))).toBe(true); // and the demo's open course offer, next year
      const in2018 = files.filter((f) => f.startsWith('iati-2018'));
      const count = (f: string) => (readFileSync(join(dir, f), 'utf8').match(/<iati-activity /g) ?? []).length;
      expect(in2018.map(count).reduce((a, b) => a + b, 0)).toBe(14);
      for (const f of files) {
        expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(0.03 * 1024 * 1024);
        if (canValidateIati) expect(xsdErrors(join(dir, f))).toBe('');
      }
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
