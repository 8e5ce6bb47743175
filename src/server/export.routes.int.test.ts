import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { parseCsvText } from '../io/csv-parse.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';

/** exceljs types predate Node's generic Buffer; the bytes are a plain Buffer. */
const load = (book: ExcelJS.Workbook, bytes: Buffer) => book.xlsx.load(bytes as unknown as ArrayBuffer);
import { useServer } from '../testing/server.js';
import { iatiRuleBreaches } from '../testing/iati.js';

describeEachEngine('downloads', (app) => {
  const server = useServer(app);
  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it('exports the filtered list as CSV in the import format, with formulas neutralised', async () => {
    await server().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({
        identifier: 'FORMULA-1',
        titleEn: '=HYPERLINK("http://x")',
        plannedStart: '2030-01-01',
        plannedEnd: '2030-01-02',
      }),
    });
    const res = await server().inject({ url: '/api/v1/activities/export.csv?year=2018&sort=identifier' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/programs\.csv/);
    const [header, ...rows] = parseCsvText(res.body);
    expect(header?.fields.slice(0, 3)).toEqual(['identifier', 'title_en', 'title_id']);
    expect(rows).toHaveLength(14);
    expect(rows[0]?.fields).toEqual(
      expect.arrayContaining(['ID-KEMLU-2018-01', 'seminar', 'ECO-MICRO', 'Amman, Jordan', 'PS', 'ID-KEMLU', '30', '8.10']),
    );
    const formula = parseCsvText((await server().inject({ url: '/api/v1/activities/export.csv?year=2030' })).body)[1];
    expect(formula?.fields[1]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('exports the filtered list as an IATI XML file, published programs only for the public', async () => {
    const res = await server().inject({ url: '/api/v1/export/iati.xml?year=2018' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    expect(res.headers['content-disposition']).toMatch(/iati-activities-2018\.xml/);
    expect(res.body.match(/<iati-activity /g)).toHaveLength(14);
    expect(iatiRuleBreaches(res.body, 'ID-NCT-SSTC')).toEqual([]);
    const internal = await server().inject({ url: '/api/v1/export/iati.xml?year=2030' });
    expect(internal.body).toContain('FORMULA-1');
    const pub = await app().deps.store.repos.programs.findByIdentifier('FORMULA-1');
    expect(pub?.lifecycleStage).toBe('request');
    const anonymous = await server().inject({ url: '/api/v1/export/iati.xml?year=2030', headers: { cookie: '' } });
    expect(anonymous.body).not.toContain('FORMULA-1');
    const one = await server().inject({ url: `/api/v1/activities/${pub?.id}/iati.xml` });
    expect(one.body.match(/<iati-activity /g)).toHaveLength(1);
    expect((await server().inject({ url: `/api/v1/activities/${pub?.id}/iati.xml`, headers: { cookie: '' } })).statusCode).toBe(404);
  });

  it('exports the list as XLSX with numbers as numbers', async () => {
    const res = await server().inject({ url: '/api/v1/activities/export.xlsx?year=2018&sort=identifier' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await load(book, res.rawPayload);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('identifier');
    expect(sheet?.getCell('A2').value).toBe('ID-KEMLU-2018-01');
    expect(sheet?.getCell('Q2').value).toBe(30);
    expect(sheet?.rowCount).toBe(15);
  });

  it('writes the annual report as XLSX, one sheet per table, in Indonesian', async () => {
    const res = await server().inject({ url: '/api/v1/reports/annual.xlsx?year=2018&lang=id' });
    const book = new ExcelJS.Workbook();
    await load(book, res.rawPayload);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan 2018',
      'Kawasan',
      'Negara penerima',
      'Bentuk kegiatan',
      'Bidang unggulan',
      'Jenis kerja sama',
      'Mitra triangular',
      'Kelompok negara',
      'Belanja',
      // The achievements section (docs/results.md): the demo's frameworks of 2018, with participants trained.
      'Capaian 2018',
    ]);
    const regions = book.getWorksheet('Kawasan');
    expect(regions?.getRow(2).values).toEqual([undefined, 'Asia', 8, 17, 191]);
    expect(regions?.getRow(3).values).toEqual([undefined, 'Oseania', 5, 12, 89]);
    const summary = book.getWorksheet('Ringkasan 2018');
    expect(summary?.getCell('B5').value).toBe(384);
    expect(summary?.getCell('B8').value).toBe(384352.26);
  });

  it('writes one report table as CSV', async () => {
    const res = await server().inject({ url: '/api/v1/reports/annual.csv?year=2018&table=recipients&lang=en' });
    const [header, first] = parseCsvText(res.body);
    expect(header?.fields).toEqual(['Rank', 'Code', 'Country', 'Region', 'Programs', 'Participants']);
    expect(first?.fields).toEqual(['1', 'PG', 'Papua New Guinea', 'Oceania', '3', '47']);
    expect((await server().inject({ url: '/api/v1/reports/annual.csv?year=2018&table=nope' })).statusCode).toBe(400);
  });
});
