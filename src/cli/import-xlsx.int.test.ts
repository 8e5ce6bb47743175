import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

async function programsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Programs');
  ws.addRow(['identifier', 'title_en', 'recipient_countries', 'start_date', 'participants_planned']);
  ws.addRow(['CLI-XL-1', 'Workbook training', 'Fiji', new Date(Date.UTC(2020, 1, 3)), 15]);
  ws.getCell('D2').numFmt = 'd mmm yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeCliOnEachEngine('XLSX import from the command line', (mitra) => {
  it('imports programs from an XLSX workbook, dates and numbers read from typed cells', async () => {
    const run = await mitra(['import', 'activities', 'programs.xlsx', '--json'], { 'programs.xlsx': await programsWorkbook() });
    expect(run.code, `${run.err}\n${run.out}`).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ status: 'committed', inserted: 1, source: 'programs.xlsx' });
    const shown = JSON.parse((await mitra(['activities', 'show', 'CLI-XL-1', '--json'])).out);
    expect(shown).toMatchObject({ titleEn: 'Workbook training', plannedStart: '2020-02-03', participantsPlanned: 15 });
  });

  it('refuses a file named .xlsx that is not a workbook, naming it', async () => {
    const run = await mitra(['import', 'participants', 'list.xlsx'], { 'list.xlsx': 'full_name,country\nAna,FJ\n' });
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/"list\.xlsx" is not an Excel workbook \(\.xlsx\)/);
  });
});
