import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
    });

    it('splits a file over the size limit into one file per year', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mitra-export-'));
      const run = await mitra(['export', 'iati', '--out', join(dir, 'iati.xml'), '--max-file-mb', '0.01']);
      expect(run.code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([
        'iati-2016.xml',
        'iati-2017.xml',
        'iati-2018.xml',
        expect.stringMatching(/^iati-20\d\d\.xml$/),
      ]); // and the demo's open course offer, next year
      expect(readFileSync(join(dir, 'iati-2018.xml'), 'utf8').match(/<iati-activity /g)).toHaveLength(14);
      if (canValidateIati) for (const f of readdirSync(dir)) expect(xsdErrors(join(dir, f))).toBe('');
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
