import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { EXPECTED_ALL_STAGES, REPORT_RATES_CSV, REPORT_YEAR, reportPrograms } from '../testing/annual-report.js';
import { describeCliOnEachEngine } from '../testing/cli.js';
import { flatText, pdfText } from '../testing/pdf.js';

const bytesOf = (file: string | Uint8Array | undefined): Buffer => {
  if (file === undefined) throw new Error('the command wrote no file');
  return Buffer.from(file);
};

describeCliOnEachEngine(
  'mitra report annual',
  (mitra) => {
    it('writes the PDF in Indonesian with the hand-computed figures', async () => {
      const files: Record<string, string | Uint8Array> = {};
      const run = await mitra(['report', 'annual', '--year', String(REPORT_YEAR), '--lang', 'id', '--pdf', 'laporan.pdf'], files);
      expect(run.err).toMatch(/wrote the 2016 report \(id\) to laporan\.pdf \(\d+ KB\)/);
      expect(run.code).toBe(0);
      const pdf = bytesOf(files['laporan.pdf']);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(flatText(text.split('\f')[0] ?? '')).toContain(`Laporan Tahunan Kerja Sama Selatan-Selatan dan Triangular ${REPORT_YEAR}`);
      for (const line of EXPECTED_ALL_STAGES.id) expect(text).toMatch(line);
    });

    it('counts only the stages asked for, and writes the same tables as XLSX', async () => {
      const files: Record<string, string | Uint8Array> = {};
      const run = await mitra(
        ['report', 'annual', '--year', '2016', '--stage', 'completed,approved', '--pdf', 'r.pdf', '--xlsx', 'r.xlsx'],
        files,
      );
      expect(run.code).toBe(0);
      const text = pdfText(bytesOf(files['r.pdf']));
      expect(text).toMatch(/^\s*Programs\s+2\s*$/m);
      expect(text).toMatch(/^\s*Participants\s+20\s*$/m);
      expect(flatText(text)).toContain('programs in the lifecycle stages Completed, Approved');
      const book = new ExcelJS.Workbook();
      // exceljs types predate Node's generic Buffer; the bytes are a plain Buffer.
      await book.xlsx.load(bytesOf(files['r.xlsx']) as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual([
        'Summary 2016',
        'Regions',
        'Recipient countries',
        'Modality',
        'Flagship areas',
        'Cooperation type',
        'Triangular partners',
        'Groupings',
        'Spending',
      ]);
      expect(book.getWorksheet('Summary 2016')?.getCell('B3').value).toBe(2);
      expect(book.getWorksheet('Spending')?.getRow(2).values).toEqual([undefined, 'IDR', 150000000, 1]);
    });

    it('explains a bad year, language, stage or a missing output', async () => {
      const bad = async (args: string[], message: RegExp) => {
        const run = await mitra(['report', 'annual', ...args]);
        expect(run.code, args.join(' ')).toBe(3);
        expect(run.err).toMatch(message);
      };
      await bad(['--year', '20x6', '--pdf', 'x.pdf'], /--year must be a year \(got 20x6\)/);
      await bad(['--year', '2016', '--lang', 'fr', '--pdf', 'x.pdf'], /--lang must be en or id \(got fr\)/);
      await bad(['--year', '2016'], /--pdf FILE and\/or --xlsx FILE/);
      await bad(['--year', '2016', '--stage', 'dreaming', '--pdf', 'x.pdf'], /stage/);
      expect((await mitra(['report', 'annual', '--pdf', 'x.pdf'])).code).toBe(2);
    });
  },
  async (mitra) => {
    expect((await mitra(['db', 'migrate'])).code).toBe(0);
    expect((await mitra(['import', 'rates', 'rates.csv'], { 'rates.csv': REPORT_RATES_CSV })).code).toBe(0);
    for (const program of reportPrograms()) {
      const created = await mitra(['activities', 'create', '--file', 'p.json'], { 'p.json': JSON.stringify(program) });
      expect(created.code, created.err).toBe(0);
    }
  },
);
