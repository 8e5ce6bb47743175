import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxRecordSource } from './xlsx-read.js';
import { checkZip, readZipEntry } from './zip-guard.js';
import { XlsxStream, columnWidth, escapeXmlText, xlsxBytes, type SheetTable } from './xlsx-write.js';

const dir = mkdtempSync(join(tmpdir(), 'mitra-xlsx-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's values as exceljs reads them, row by row (null where no cell). */
function values(sheet: ExcelJS.Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1).value ?? null));
  }
  return rows;
}

const BIG_ROWS = 20_000;

const TABLES: SheetTable[] = [
  {
    title: 'Programs: 2024/25 [draft]?',
    columns: ['title', 'amount', 'note'],
    rows: [
      ['=SUM(A1:A9)', 12.5, 'a & b < c > d "quoted" \'single\''],
      ['Pelatihan ê 日本語 🇮🇩 — ok', -0.125, null],
      [null, 1e21, 'tab\there\nnewline'],
      ['bell\u0007 and \uFFFF and lone \uD800 dropped', Number.NaN, ''],
      ['  spaces kept  ', 0, 'x'],
    ],
  },
  // The same name once cleaned: made unique, case-insensitively.
  { title: 'programs: 2024/25 [draft]?', columns: ['n'], rows: [[1], [2.75]] },
  {
    title: 'big',
    columns: ['id', 'name', 'country', 'amount', 'year', 'code', 'remark'],
    rows: (async function* () {
      for (let i = 0; i < BIG_ROWS; i++)
        yield [i, `Program ${i} <${i % 7}>`, 'ID', i * 1.25, 2020 + (i % 5), `C-${i}`, i % 3 === 0 ? null : 'r'];
    })(),
  },
];

describe('xlsxBytes', () => {
  it('writes workbooks exceljs reads back with the same sheet names, values and bold frozen header', async () => {
    const bytes = await xlsxBytes(TABLES);
    const book = await load(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Programs  2024 25  draft', 'programs  2024 25  draft 2', 'big']);
    const [first, second, big] = book.worksheets;
    if (!first || !second || !big) throw new Error('three sheets expected');
    expect(values(first, 3)).toEqual([
      ['title', 'amount', 'note'],
      ['=SUM(A1:A9)', 12.5, 'a & b < c > d "quoted" \'single\''],
      ['Pelatihan ê 日本語 🇮🇩 — ok', -0.125, null],
      [null, 1e21, 'tab\there\nnewline'],
      ['bell and  and lone  dropped', null, null],
      ['  spaces kept  ', 0, 'x'],
    ]);
    // "=…" is text, not a formula.
    expect(first.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(first.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(first.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(first.getColumn(3).width).toBe(columnWidth('note', ['a & b < c > d "quoted" \'single\'', null, 'tab\there\nnewline', '', 'x']));
    expect(values(second, 1)).toEqual([['n'], [1], [2.75]]);
    expect(big.rowCount).toBe(BIG_ROWS + 1);
    expect(values(big, 7)[BIG_ROWS]).toEqual([
      BIG_ROWS - 1,
      `Program ${BIG_ROWS - 1} <${(BIG_ROWS - 1) % 7}>`,
      'ID',
      (BIG_ROWS - 1) * 1.25,
      2020 + ((BIG_ROWS - 1) % 5),
      `C-${BIG_ROWS - 1}`,
      'r',
    ]);
    expect(values(big, 7)[1]).toEqual([0, 'Program 0 <0>', 'ID', 0, 2020, 'C-0', null]);

    // The project's own ZIP reader and Info-ZIP's unzip accept the archive.
    const entries = await checkZip(bytes, 64 * 1024 * 1024);
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    );
    // White space at a text's ends is kept for Excel (xml:space), and only said where needed.
    const sheet1 = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!sheet1) throw new Error('no sheet1.xml');
    const xml = readZipEntry(bytes, sheet1).toString('utf8');
    expect(xml).toContain('<t xml:space="preserve">  spaces kept  </t>');
    expect(xml).toContain('<c r="C6" t="inlineStr"><is><t>x</t></is></c>');
    const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
    if (unzip.status === 0) {
      const path = join(dir, 'book.xlsx');
      writeFileSync(path, bytes);
      const test = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
    }
  });

  it("is read back by the project's own importer (io/xlsx-read.ts, exceljs's streaming reader), sheet by sheet", async () => {
    const bytes = await xlsxBytes(TABLES.slice(0, 2));
    const read = async (sheet?: string) => {
      const source = xlsxRecordSource('book.xlsx', Readable.from([bytes]), { maxBytes: 10_000_000, ...(sheet ? { sheet } : {}) });
      const records: string[][] = [];
      for await (const batch of source.batches) records.push(...batch.map((r) => r.fields));
      return { records, sheets: source.sheetNames() };
    };
    const first = await read();
    expect(first.sheets).toEqual(['Programs  2024 25  draft', 'programs  2024 25  draft 2']);
    expect(first.records[0]).toEqual(['title', 'amount', 'note']);
    expect(first.records[1]).toEqual(['=SUM(A1:A9)', '12.5', 'a & b < c > d "quoted" \'single\'']);
    expect((await read('PROGRAMS  2024 25  DRAFT 2')).records).toEqual([['n'], ['1'], ['2.75']]);
  });

  it('writes an empty workbook sheet (no columns, no rows) that still loads', async () => {
    const book = await load(await xlsxBytes([{ title: '', columns: [], rows: [] }]));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Sheet']);
  });
});

describe('XlsxStream', () => {
  it('writes page by page, bounds the text waiting for a slow output, and ends the output at close', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    const book = new XlsxStream(out);
    const sheet = book.sheet('slow', ['a', 'b']);
    let full = false;
    for (let i = 0; i < 200_000 && !full; i++) full = !sheet.add([`row ${i} ${'x'.repeat(40)}`, i]);
    // Nobody reads the output, so the text piles up until `add` says to wait.
    expect(full).toBe(true);
    out.on('data', (c: Buffer) => chunks.push(c));
    await sheet.drained();
    await sheet.commit();
    expect(() => sheet.add(['late', 1])).toThrow(/committed/);
    const ended = new Promise((resolve) => out.on('end', resolve));
    await book.close();
    await ended;
    const loaded = await load(Buffer.concat(chunks));
    expect(loaded.worksheets[0]?.getCell('A2').value).toBe(`row 0 ${'x'.repeat(40)}`);
  });

  it('fails commit and close when the output closes early', async () => {
    const out = new PassThrough({ highWaterMark: 16 });
    const book = new XlsxStream(out);
    const sheet = book.sheet('s', ['a']);
    for (let i = 0; i < 50_000; i++) sheet.add([`row ${i} and some text`]);
    out.destroy();
    await expect(sheet.commit()).rejects.toThrow();
    await expect(book.close()).rejects.toThrow();
  });
});

describe('escapeXmlText', () => {
  it('escapes markup, keeps surrogate pairs, tabs and newlines, and drops what XML 1.0 cannot hold', () => {
    expect(escapeXmlText('plain')).toBe('plain');
    expect(escapeXmlText('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
    expect(escapeXmlText('\u0000x\u001Fy\t\n\r😀\uDC00\uFFFE')).toBe('xy\t\n\r😀');
  });
});
