import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra alumni, surveys, participants erase and export participants (demo data)',
  (mitra) => {
    it('lists the alumni of a country with their programs', async () => {
      const r = await mitra(['alumni', 'list', '--country', 'Afghanistan', '--page-size', '5']);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/5 of \d+ person\(s\), page 1/);
      expect(r.out).toMatch(/AF\s+Ministry of/);
      expect(r.out).toContain('ID-KEMLU-2018-06 (2018)');
      expect((await mitra(['alumni', 'list', '--country', 'Narnia'])).code).toBe(3);
    });

    it('lists the default surveys and sends none to alumni without email', async () => {
      const list = await mitra(['surveys', 'list']);
      expect(list.out).toMatch(/followup_6m\s+6\s+yes\s+5/);
      const sent = await mitra(['surveys', 'send-due', '--today', '2030-01-01']);
      expect(sent.code, sent.err).toBe(0);
      // The demo's participants have no email address.
      expect(sent.out).toMatch(/followup_6m\s+0/);
      expect((await mitra(['surveys', 'results', '--program', '99999'])).code).not.toBe(0);
    });

    it('exports participants as CSV and XLSX, and erases one record', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mitra-alumni-'));
      const csvPath = join(dir, 'p.csv');
      const csv = await mitra(['export', 'participants', '--format', 'csv', '--out', csvPath, '--country', 'AF']);
      expect(csv.code, csv.err).toBe(0);
      expect(csv.err).toMatch(/wrote 20 participant\(s\)/);
      const text = readFileSync(csvPath, 'utf8');
      const first = text.split('\r\n')[1]?.split(',') ?? [];
      const [id, , , , , name] = first;
      expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      const xlsx = await mitra(['export', 'participants', '--format', 'xlsx', '--out', join(dir, 'p.xlsx')]);
      expect(xlsx.code, xlsx.err).toBe(0);
      expect(readFileSync(join(dir, 'p.xlsx')).subarray(0, 2).toString()).toBe('PK');
      const erase = await mitra(['participants', 'erase', id ?? '', '--reason', 'request by letter']);
      expect(erase.code, erase.err).toBe(0);
      expect(erase.out).toMatch(new RegExp(`erased participant ${id}: fullName, position, organisation`));
      const after = (await mitra(['export', 'participants', '--country', 'AF'])).out;
      expect(after).toContain(`${id},ID-KEMLU-2018-06`);
      expect(after).toContain('[erased]');
      expect((await mitra(['participants', 'erase', id ?? '', '--reason', 'again'])).code).not.toBe(0);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
