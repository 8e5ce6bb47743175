import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { csvRecordSource } from '../io/csv-read.js';
import { annualReportTables } from '../domain/report/tables.js';
import { createProgram } from '../services/programs.js';
import { importExchangeRates } from '../services/exchange-rates.js';
import { annualSummary } from '../services/reports.js';
import { EXPECTED_ALL_STAGES, REPORT_RATES_CSV, REPORT_YEAR, reportPrograms } from '../testing/annual-report.js';
import { describeEachEngine } from '../testing/engines.js';
import { flatText, PNG_SIGNATURE, pdfText, renderPage } from '../testing/pdf.js';
import { useServer } from '../testing/server.js';

const url = (query: string) => `/api/v1/reports/annual.pdf?year=${REPORT_YEAR}&${query}`;

describeEachEngine('GET /api/v1/reports/annual.pdf', (app) => {
  const server = useServer(app);
  beforeAll(async () => {
    await importExchangeRates(
      app().deps,
      csvRecordSource(
        'rates.csv',
        (async function* () {
          yield REPORT_RATES_CSV;
        })(),
        { maxBytes: 1_000_000 },
      ),
    );
    for (const p of reportPrograms()) await createProgram(app().deps, programInputSchema.parse(p));
  });

  it('answers a PDF attachment named after the year and language', async () => {
    const res = await server().inject({ url: url('lang=id') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="mitra-annual-report-${REPORT_YEAR}-id.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
  });

  it('writes the report in English with every section and the hand-computed figures', async () => {
    const text = pdfText((await server().inject({ url: url('lang=en') })).rawPayload);
    const flat = flatText(text);
    const cover = flatText(text.split('\f')[0] ?? '');
    expect(cover).toContain(`South-South and Triangular Cooperation Annual Report ${REPORT_YEAR}`);
    expect(flat).toContain('Scope programs in every lifecycle stage');
    expect(flat).toContain('Generated 28 November 2026 at 09:00 (UTC), by Mitra');
    // Every table of the XLSX, under the same heading.
    const tables = annualReportTables(await annualSummary(app().deps, REPORT_YEAR), 'en');
    expect(tables.map((t) => t.title)).toEqual([
      `Summary ${REPORT_YEAR}`,
      'Regions',
      'Recipient countries',
      'Modality',
      'Flagship areas',
      'Cooperation type',
      'Triangular partners',
      'Groupings',
      'Spending',
    ]);
    for (const { title } of tables) expect(text, title).toMatch(new RegExp(`^\\s*${title}\\s*$`, 'm'));
    for (const chart of [
      'Programs by region',
      'Participants by region',
      'Programs by modality',
      'Programs by flagship area',
      'Programs per recipient country',
    ])
      expect(flat).toContain(chart);
    for (const line of EXPECTED_ALL_STAGES.en) expect(text).toMatch(line);
    expect(flat).toContain('USD 10,000.00 and IDR 150,000,000.00, from 2 transactions');
    expect(flat).toContain(
      'No exchange rate for XOF (6 May 2016): XOF 655,957.00 in 1 transaction is not included in the IDR and USD totals.',
    );
    expect(flat).toMatch(/Page 2 of \d/);
  });

  it('writes the report in Indonesian, labels and numbers included', async () => {
    const text = pdfText((await server().inject({ url: url('lang=id') })).rawPayload);
    const flat = flatText(text);
    expect(flatText(text.split('\f')[0] ?? '')).toContain(`Laporan Tahunan Kerja Sama Selatan-Selatan dan Triangular ${REPORT_YEAR}`);
    expect(flat).toContain(`Mitra · Laporan Tahunan Kerja Sama Selatan-Selatan dan Triangular ${REPORT_YEAR} Halaman 2 dari`);
    expect(flat).toContain('Cakupan program pada semua tahap');
    for (const heading of [`Ringkasan ${REPORT_YEAR}`, 'Kawasan', 'Negara penerima', 'Bentuk kegiatan', 'Bidang unggulan', 'Belanja']) {
      expect(text, heading).toMatch(new RegExp(`^\\s*${heading}\\s*$`, 'm'));
    }
    for (const line of EXPECTED_ALL_STAGES.id) expect(text).toMatch(line);
    expect(flat).toContain('Program menurut kawasan');
    expect(flat).toContain('Tidak ada kurs untuk XOF (6 Mei 2016): XOF 655.957,00 dalam 1 transaksi');
    expect(flat).toMatch(/Halaman 2 dari \d/);
    expect(flat).not.toContain('Programs by region');
  });

  it('gives the public the published programs only, and says so on the cover', async () => {
    const res = await server().inject({ url: url('lang=en'), headers: { cookie: '' } });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toMatch(/^\s*Programs\s+3\s*$/m);
    expect(text).toMatch(/^\s*Participants\s+25\s*$/m);
    expect(flatText(text)).toContain('programs in the lifecycle stages Approved, Funded, Implementation, Completed, Evaluated');
    const staged = pdfText((await server().inject({ url: url('lang=en&stage=request') })).rawPayload);
    expect(staged).toMatch(/^\s*Programs\s+1\s*$/m);
    expect(staged).toMatch(/^\s*Participants\s+100\s*$/m);
  });

  it('draws the cover and the chart pages as pictures, not blank pages', async () => {
    const pdf = (await server().inject({ url: url('lang=en') })).rawPayload;
    for (const page of [1, 2, 3]) {
      const image = renderPage(pdf, page);
      expect(image.png.subarray(0, 8).equals(PNG_SIGNATURE), `page ${page} PNG`).toBe(true);
      expect(image.width, `page ${page}: A4 is 413 pixels wide at 50 dpi`).toBeGreaterThanOrEqual(413);
      expect(image.width).toBeLessThanOrEqual(414);
      expect(image.inkShare, `page ${page} ink`).toBeGreaterThan(0.02);
      expect(image.greyLevels, `page ${page} grey levels`).toBeGreaterThan(20);
    }
  });

  it('refuses a bad year or language', async () => {
    expect((await server().inject({ url: '/api/v1/reports/annual.pdf?year=20x6&lang=en' })).statusCode).toBe(400);
    expect((await server().inject({ url: url('lang=fr') })).statusCode).toBe(400);
    expect((await server().inject({ url: url('lang=en&stage=dreaming') })).statusCode).toBe(400);
  });
});
