/**
 * A ministry's own spreadsheet in the browser (issue 21): a coordinator uploads an XLSX list of
 * participants with Indonesian headers in the ministry's order, sees the suggested fields, fixes
 * the one the headers do not tell, previews (dry run), imports, and saves the mapping; the next
 * time the same columns come, the saved mapping is preselected. A coordinator without an
 * organisation chooses the second sheet of a workbook, saves the mapping for an agency, and
 * deletes it from the agency's saved mappings.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { userInputSchema } from '../../src/domain/account/user.js';
import { csvRecordSource } from '../../src/io/csv-read.js';
import { importPrograms } from '../../src/services/import-programs.js';
import { createUser } from '../../src/services/users.js';
import { ensureOrg } from '../../src/testing/server.js';
import { canRun, E2E_PASSWORD, login, useBrowser } from './browser.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function ministryWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Peserta');
  ws.addRow(['Negara Asal', 'Nama Lengkap', 'Asal Kantor', 'L/P', 'Kode Program', 'Catatan']);
  ws.addRow(['Fiji', 'Litia Naivalu', 'Ministry of Agriculture', 'P', 'E2E-MAP-1', 'vegetarian']);
  ws.addRow(['Timor-Leste', 'Joaquim Soares', { richText: [{ text: 'Ministério da ' }, { text: 'Agricultura' }] }, 'L', 'E2E-MAP-1', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!canRun)('mapping the columns of a ministry’s own spreadsheet', () => {
  const b = useBrowser(async (h) => {
    await ensureOrg(h.app, 'ID-BAPPENAS');
    await ensureOrg(h.app, 'ID-KEMENKES-E2E');
    await ensureOrg(h.app, 'ID-EMBASSY-E2E', 'embassy');
    await createUser(
      h.app.deps,
      userInputSchema.parse({
        email: 'nomapper@e2e.test',
        name: 'E2E secretariat',
        role: 'coordinator',
        orgCode: null,
        password: E2E_PASSWORD,
      }),
    );
    await createUser(
      h.app.deps,
      userInputSchema.parse({
        email: 'mapper@e2e.test',
        name: 'E2E mapper',
        role: 'coordinator',
        orgCode: 'ID-BAPPENAS',
        password: E2E_PASSWORD,
      }),
    );
    const programs = 'identifier,title_en,recipient_countries,start_date\nE2E-MAP-1,Climate-smart farming,Fiji; Timor-Leste,2026-03-01\n';
    const report = await importPrograms(h.app.deps, csvRecordSource('programs.csv', Readable.from([programs]), { maxBytes: 1_000_000 }), {
      providerCountry: 'ID',
    });
    expect(report.status).toBe('committed');
  });

  const chooseFile = async (bytes: Buffer, name = 'peserta-kemenlu.xlsx') => {
    await b.page.goto(`${b.h.url}/import?kind=participants`);
    await b.page.getByRole('heading', { name: 'Import a spreadsheet', level: 1 }).waitFor();
    await b.page.getByLabel('CSV file or Excel workbook (.xlsx)').setInputFiles({ name, mimeType: XLSX, buffer: bytes });
    await b.page.getByRole('heading', { name: 'Columns of the file' }).waitFor();
  };
  const fieldOf = (header: string) => b.page.getByLabel(`Mitra field: ${header}`, { exact: true });

  it('suggests fields from Indonesian headers, previews and imports with one fixed, and saves the mapping', async () => {
    await login(b.page, b.h, 'mapper@e2e.test');
    const bytes = await ministryWorkbook();
    await chooseFile(bytes);
    expect(await fieldOf('Negara Asal').inputValue()).toBe('country');
    expect(await fieldOf('Nama Lengkap').inputValue()).toBe('full_name');
    expect(await fieldOf('L/P').inputValue()).toBe('sex');
    expect(await fieldOf('Kode Program').inputValue()).toBe('activity_identifier');
    expect(await fieldOf('Asal Kantor').inputValue()).toBe('');
    expect(await fieldOf('Catatan').inputValue()).toBe('');
    await b.page.getByText('Ministry of Agriculture · Ministério da Agricultura').waitFor();
    // A required field unmapped is shown before the preview.
    await fieldOf('Nama Lengkap').selectOption('');
    await b.page.getByText('Not mapped yet (required): Full name.').waitFor();
    await fieldOf('Nama Lengkap').selectOption('full_name');
    // The one the headers do not tell: the office is the organisation.
    await fieldOf('Asal Kantor').selectOption('organisation');
    // The coordinator's own organisation is the agency chosen.
    expect(await b.page.getByLabel('Agency', { exact: true }).inputValue()).toBe('ID-BAPPENAS');
    await b.page.getByLabel('Save this mapping for', { exact: true }).check();

    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page.getByText('2 rows: 2 new, 0 updated.').waitFor();
    await b.page.getByRole('button', { name: 'Import 2 rows' }).click();
    await b.page.getByText(/Imported: 2 new, 0 updated/).waitFor();
    await b.page.getByText('The mapping is saved for Ministry of National Development Planning.').waitFor();

    const program = (await (await b.page.request.get(`${b.h.url}/api/v1/activities/by-identifier/E2E-MAP-1`)).json()) as { id: number };
    const people = (await (await b.page.request.get(`${b.h.url}/api/v1/activities/${program.id}/participants`)).json()) as {
      items: { fullName: string; organisation: string | null; sex: string; country: string }[];
    };
    expect(people.items.map((p) => [p.fullName, p.organisation, p.sex, p.country]).sort()).toEqual([
      ['Joaquim Soares', 'Ministério da Agricultura', 'M', 'TL'],
      ['Litia Naivalu', 'Ministry of Agriculture', 'F', 'FJ'],
    ]);
  });

  it('preselects the saved mapping the next time a file with the same columns is chosen', async () => {
    await chooseFile(await ministryWorkbook());
    await b.page
      .getByText(/The mapping saved for Ministry of National Development Planning for these columns on .* is selected\./)
      .waitFor();
    expect(await fieldOf('Asal Kantor').inputValue()).toBe('organisation');
    expect(await fieldOf('Catatan').inputValue()).toBe('');
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page.getByText('2 rows: 0 new, 2 updated.').waitFor();
    expect(b.errors).toEqual([]);
  });

  it('reads the chosen sheet of a workbook; a coordinator without an organisation saves the mapping for an agency and deletes it', async () => {
    await b.page.context().clearCookies();
    await login(b.page, b.h, 'nomapper@e2e.test');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sampul').addRow(['Daftar peserta pelatihan pertanian']);
    const ws = wb.addWorksheet('Peserta');
    ws.addRow(['Negara Asal', 'Nama Lengkap', 'Asal Kantor', 'L/P', 'Kode Program']);
    ws.addRow(['Fiji', 'Mere Tuilau', 'Ministry of Agriculture', 'P', 'E2E-MAP-1']);
    ws.addRow(['Fiji', 'Epeli Rabuka', 'Ministry of Fisheries', 'Z', 'E2E-MAP-1']);
    await chooseFile(Buffer.from(await wb.xlsx.writeBuffer()), 'dua-lembar.xlsx');
    // The first sheet is read first; the second is chosen.
    await b.page.getByRole('rowheader', { name: 'Daftar peserta pelatihan pertanian' }).waitFor();
    await b.page.getByLabel('Sheet', { exact: true }).selectOption('Peserta');
    await fieldOf('Nama Lengkap').waitFor();
    expect(await fieldOf('Negara Asal').inputValue()).toBe('country');
    await fieldOf('Asal Kantor').selectOption('organisation');
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    // The bad cell is named by the second sheet's row.
    const problems = b.page.getByRole('table', { name: 'Problems of the file, by row' });
    await problems.waitFor();
    expect(await problems.locator('td.line').allTextContents()).toEqual(['3']);
    expect(await problems.locator('td.value').allTextContents()).toEqual(['Z']);
    ws.getCell('D3').value = 'L';
    await chooseFile(Buffer.from(await wb.xlsx.writeBuffer()), 'dua-lembar-2.xlsx');
    await b.page.getByLabel('Sheet', { exact: true }).selectOption('Peserta');
    await fieldOf('Asal Kantor').selectOption('organisation');

    // Without an organisation of its own, it chooses the agency: only those that implement programs.
    const agency = b.page.getByLabel('Agency', { exact: true });
    expect(await agency.inputValue()).toBe('');
    expect(await b.page.getByLabel('Save this mapping for', { exact: true }).isDisabled()).toBe(true);
    const agencies = await agency.locator('option').allTextContents();
    expect(agencies).toContain('Test ID-KEMENKES-E2E');
    expect(agencies).not.toContain('Test ID-EMBASSY-E2E');
    await agency.selectOption('ID-KEMENKES-E2E');
    await b.page.getByLabel('Save this mapping for', { exact: true }).check();
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page.getByText('2 rows: 2 new, 0 updated.').waitFor();
    await b.page.getByRole('button', { name: 'Import 2 rows' }).click();
    await b.page.getByText(/Imported: 2 new, 0 updated/).waitFor();
    await b.page.getByText('The mapping is saved for Test ID-KEMENKES-E2E.').waitFor();

    // The agency's saved mappings: this one, with who saved it; deleted after a confirmation.
    const saved = b.page.getByRole('region', { name: 'Saved column mappings' });
    expect(await saved.getByLabel('Saved mappings of').inputValue()).toBe('ID-KEMENKES-E2E');
    const row = saved.getByRole('row', { name: /Participants.*E2E secretariat/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('5');
    b.page.once('dialog', (dialog) => void dialog.dismiss());
    await row.getByRole('button', { name: /^Delete the mapping for Participants/ }).click();
    expect(await row.count()).toBe(1);
    b.page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Delete the mapping for Participants/ }).click();
    await saved.getByText('No column mapping is saved for this agency.').waitFor();
    const left = (await (await b.page.request.get(`${b.h.url}/api/v1/import-mappings?org=ID-KEMENKES-E2E`)).json()) as { items: unknown[] };
    expect(left.items).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
