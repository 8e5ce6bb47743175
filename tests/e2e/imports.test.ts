/**
 * The import page in the browser: one upload shows every problem of a file. A coordinator checks
 * a programs file whose one row has ten problems and sees "10 errors" and all ten in the table,
 * in English and in Indonesian, and downloads them as CSV to fix the file with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEN_PROBLEMS, TEN_PROBLEM_COLUMNS } from '../../src/testing/import-problems.js';
import { addAccount, canRun, login, useBrowser } from './browser.js';

describe.skipIf(!canRun)('the import page', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
  });
  const file = { name: 'programs.csv', mimeType: 'text/csv', buffer: Buffer.from(TEN_PROBLEMS) };
  /** The table's rows as [column, value, reason] (the line spans its row's problems). */
  const problems = async () => {
    const rows = b.page.locator('table.errors tbody tr');
    const all = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td:not(.line)'), (td) => td.textContent ?? '')),
    );
    return all.map(([column = '', value = '', reason = '']) => ({ column, value, reason }));
  };

  it('lists all ten problems of one row with their count, and downloads them as CSV', async () => {
    await login(b.page, b.h, 'coordinator@e2e.test');
    await b.page.goto(`${b.h.url}/import?kind=activities`);
    await b.page.getByLabel('CSV file').setInputFiles(file);
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page
      .getByRole('alert')
      .getByText(/^10 errors — nothing will be imported/)
      .waitFor();
    expect(await b.page.getByRole('alert').innerText()).toContain('The problems are on 1 row.');
    const table = b.page.getByRole('table', { name: 'Problems of the file, by row' });
    expect(await table.locator('td.line').allInnerTexts()).toEqual(['2']);
    const listed = await problems();
    expect(listed).toHaveLength(10);
    expect(listed.map((p) => p.column).sort()).toEqual([...TEN_PROBLEM_COLUMNS].sort());
    expect(listed.find((p) => p.column === 'modality')).toMatchObject({
      value: 'cooking',
      reason: expect.stringMatching(/^unknown modality "cooking"/),
    });
    expect(listed.find((p) => p.column === 'end_date')?.reason).toBe('must not be before the start (2024-05-01)');

    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      b.page.getByRole('button', { name: 'Download the problems as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('programs-problems.csv');
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFLine,Column,Value,Code,Problem\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => l.split(',')[1]).sort()).toEqual([...TEN_PROBLEM_COLUMNS].sort());
    expect(lines).toContain(
      '2,modality,cooking,unknown_code,"unknown modality ""cooking""; expected one of training, seminar, workshop, expert_dispatch, internship, study_visit, equipment_grant, scholarship, knowledge_sharing"',
    );
  });

  it('words the count and the reasons in Indonesian', async () => {
    await b.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await b.page.getByLabel('Berkas CSV').setInputFiles(file);
    await b.page.getByRole('button', { name: 'Periksa berkas' }).click();
    await b.page
      .getByRole('alert')
      .getByText(/^10 kesalahan — tidak ada yang akan diimpor/)
      .waitFor();
    const listed = await problems();
    expect(listed).toHaveLength(10);
    expect(listed.find((p) => p.column === 'modality')?.reason).toMatch(/^modalitas "cooking" tidak dikenal/);
    expect(listed.find((p) => p.column === 'end_date')?.reason).toBe('tidak boleh sebelum tanggal mulai (2024-05-01)');
    expect(listed.find((p) => p.column === 'participants_planned')?.reason).toBe('"many" bukan bilangan bulat jumlah peserta');
    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      b.page.getByRole('button', { name: 'Unduh daftar masalah sebagai CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFBaris,Kolom,Nilai,Kode,Masalah\r\n')).toBe(true);
    expect(csv).toContain('tidak boleh sebelum tanggal mulai (2024-05-01)');
  });

  it('says "1 error" for a file with one problem', async () => {
    await b.page.getByRole('button', { name: 'English' }).click();
    const one = 'identifier,title_en,modality\nONE-1,One problem,dancing\n';
    await b.page.getByLabel('CSV file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(one) });
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page
      .getByRole('alert')
      .getByText(/^1 error — nothing will be imported/)
      .waitFor();
    expect(await b.page.getByRole('alert').innerText()).toContain('The problems are on 1 row.');
    expect(await problems()).toHaveLength(1);
  });
});
