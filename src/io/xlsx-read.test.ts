import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, numberText, xlsxRecordSource, type XlsxReadOptions } from './xlsx-read.js';
import { xlsxBytes } from './xlsx-write.js';
import { readZipEntry, zipEntries } from './zip-guard.js';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function read(bytes: Uint8Array, options: Partial<XlsxReadOptions> = {}, name = 'peserta.xlsx') {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 4096) yield bytes.slice(i, i + 4096);
  }
  const source = xlsxRecordSource(name, chunks(), { maxBytes: 10_000_000, ...options });
  const records: { line: number; fields: string[] }[] = [];
  for await (const batch of source.batches) records.push(...batch);
  return { records, sha256: source.sha256(), sheets: source.sheetNames() };
}

/**
 * A ZIP archive of deflated entries in the order given, written by hand (for damaged, inflating
 * and reordered files). `declaredSize` overrides what the directory says an entry inflates to.
 */
function zipOfEntries(entries: readonly { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize = data.length } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const zipOf = (name: string, data: Uint8Array, declaredSize = data.length) => zipOfEntries([{ name, data, declaredSize }]);

describe('cellText', () => {
  it('writes numbers without float noise and dates as ISO days', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234567)).toBe('1234567');
    expect(numberText(-2.5)).toBe('-2.5');
    expect(cellText(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(cellText(new Date(Date.UTC(2026, 2, 5, 14, 30)))).toBe('2026-03-05 14:30');
    expect(cellText({ formula: 'A1*2', result: 0.6000000000000001 })).toBe('0.6');
    expect(cellText({ formula: 'A1', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellText({ richText: [{ text: 'Kemen' }, { text: 'kes', font: { bold: true } }] })).toBe('Kemenkes');
    expect(cellText({ text: 'site', hyperlink: 'https://example.org' })).toBe('site');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });
});

describe('xlsxRecordSource', () => {
  it('reads the first sheet: header at the first non-empty row, spreadsheet row numbers, typed cells as text, blank rows skipped', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Peserta');
      ws.addRow([]);
      ws.addRow(['Nama Lengkap', 'Tanggal Lahir', 'Jumlah', 'Rumus', 'Instansi']);
      ws.addRow([
        'Ana Silva',
        new Date(Date.UTC(1990, 0, 31)),
        0.1 + 0.2,
        { formula: 'C3*2', result: 0.6000000000000001 },
        { richText: [{ text: 'Kemen' }, { text: 'kes', font: { bold: true } }] },
      ]);
      ws.getCell('B3').numFmt = 'dd/mm/yyyy';
      ws.addRow([]);
      ws.addRow(['Budi', 45000, 12, { formula: 'C5*2', result: 24 }, '  ']);
      ws.getCell('B5').numFmt = 'yyyy-mm-dd';
      ws.addRow(['', null, '']);
      ws.addRow([]);
      wb.addWorksheet('Catatan').addRow(['not this one']);
    });
    const { records, sha256, sheets } = await read(bytes);
    expect(records).toEqual([
      { line: 2, fields: ['Nama Lengkap', 'Tanggal Lahir', 'Jumlah', 'Rumus', 'Instansi'] },
      { line: 3, fields: ['Ana Silva', '1990-01-31', '0.3', '0.6', 'Kemenkes'] },
      { line: 5, fields: ['Budi', '2023-03-15', '12', '24'] },
    ]);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sheets).toContain('Peserta');
  });

  it('reads a sheet chosen by name, and names the sheets when the chosen one is missing', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Program').addRow(['Judul Program']);
      const ws = wb.addWorksheet('Peserta');
      ws.addRow(['Nama']);
      ws.addRow(['Citra']);
    });
    expect((await read(bytes, { sheet: 'peserta' })).records).toEqual([
      { line: 1, fields: ['Nama'] },
      { line: 2, fields: ['Citra'] },
    ]);
    expect((await read(bytes)).records).toEqual([{ line: 1, fields: ['Judul Program'] }]);
    await expect(read(bytes, { sheet: 'Lain' })).rejects.toThrow(
      /"peserta\.xlsx" has no sheet named "Lain" \(its sheets: Program, Peserta\)/,
    );
  });

  it('reads a workbook whose worksheets come before its workbook part in the zip (ExcelJS had no sheet names then)', async () => {
    const written = await workbookBytes((wb) => {
      wb.addWorksheet('Program').addRow(['Judul Program']);
      const ws = wb.addWorksheet('Peserta');
      ws.addRow(['Nama']);
      ws.addRow(['Citra']);
    });
    // The same parts, with the relationships and shared strings first and xl/workbook.xml last.
    const parts = zipEntries(written).map((e) => ({ name: e.name, data: new Uint8Array(readZipEntry(written, e)) }));
    const rank = (name: string) =>
      name === 'xl/workbook.xml'
        ? 3
        : name.startsWith('xl/worksheets/')
          ? 2
          : name === 'xl/sharedStrings.xml' || name.endsWith('.rels')
            ? 0
            : 1;
    const reordered = zipOfEntries([...parts].sort((a, b) => rank(a.name) - rank(b.name)));
    expect(
      zipEntries(reordered)
        .map((e) => e.name)
        .at(-1),
    ).toBe('xl/workbook.xml');
    expect((await read(reordered)).records).toEqual([{ line: 1, fields: ['Judul Program'] }]);
    expect((await read(reordered, { sheet: 'Peserta' })).records).toEqual([
      { line: 1, fields: ['Nama'] },
      { line: 2, fields: ['Citra'] },
    ]);
  });

  it('reads a later sheet of a workbook stored sheets-first, with nothing left behind (a skipped sheet was read from a deleted temporary file)', async () => {
    const unexpected: unknown[] = [];
    const onError = (error: unknown) => unexpected.push(error);
    process.on('uncaughtException', onError);
    try {
      // ExcelJS stores the worksheets before the shared strings; io/xlsx-write.ts has none at all.
      const shared = await workbookBytes((wb) => {
        for (const title of ['Satu', 'Dua', 'Tiga']) {
          const ws = wb.addWorksheet(title);
          for (let i = 1; i <= 600; i++) ws.addRow([`${title} ${i}`, i]);
        }
      });
      expect(zipEntries(shared).findIndex((e) => e.name === 'xl/sharedStrings.xml')).toBeGreaterThan(
        zipEntries(shared).findIndex((e) => e.name === 'xl/worksheets/sheet1.xml'),
      );
      const inline = await xlsxBytes(
        ['Satu', 'Dua', 'Tiga'].map((title) => ({ title, columns: ['Judul', 'N'], rows: [[`${title} 1`, 1]] })),
      );
      for (let round = 0; round < 5; round++) {
        const third = (await read(shared, { sheet: 'tiga' })).records;
        expect(third).toHaveLength(600);
        expect(third.at(-1)).toEqual({ line: 600, fields: ['Tiga 600', '600'] });
        expect((await read(inline, { sheet: 'Dua' })).records).toEqual([
          { line: 1, fields: ['Judul', 'N'] },
          { line: 2, fields: ['Dua 1', '1'] },
        ]);
      }
      // The temporary files were deleted under reads begun on the next tick.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unexpected).toEqual([]);
    } finally {
      process.off('uncaughtException', onError);
    }
  });

  it('names a chosen sheet that is not a worksheet, and one whose part is missing', async () => {
    const written = await workbookBytes((wb) => {
      wb.addWorksheet('Program').addRow(['Judul Program']);
      wb.addWorksheet('Peserta').addRow(['Nama']);
    });
    const parts = zipEntries(written).map((e) => ({ name: e.name, data: new Uint8Array(readZipEntry(written, e)) }));
    const moved = zipOfEntries(
      parts.map((p) => {
        if (p.name === 'xl/worksheets/sheet2.xml') return { ...p, name: 'xl/chartsheets/sheet1.xml' };
        if (p.name !== 'xl/_rels/workbook.xml.rels') return p;
        const rels = new TextDecoder().decode(p.data).replace('worksheets/sheet2.xml', 'chartsheets/sheet1.xml');
        return { ...p, data: new TextEncoder().encode(rels) };
      }),
    );
    expect((await read(moved)).records).toEqual([{ line: 1, fields: ['Judul Program'] }]);
    await expect(read(moved, { sheet: 'Peserta' }, 'grafik.xlsx')).rejects.toThrow(
      /"grafik\.xlsx": the sheet "Peserta" is not a worksheet of cells \(it is stored as xl\/chartsheets\/sheet1\.xml\)/,
    );
    const missing = zipOfEntries(parts.filter((p) => p.name !== 'xl/worksheets/sheet1.xml'));
    await expect(read(missing, {}, 'rusak.xlsx')).rejects.toThrow(
      /"rusak\.xlsx" cannot be read as an Excel workbook: the sheet "Program" is missing from it/,
    );
  });

  it('refuses files that are not XLSX, naming the file', async () => {
    await expect(read(new TextEncoder().encode('nama,negara\nAna,PG\n'), {}, 'daftar.xlsx')).rejects.toThrow(
      /"daftar\.xlsx" is not an Excel workbook \(\.xlsx\)/,
    );
    await expect(read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), {}, 'lama.xls')).rejects.toThrow(
      /"lama\.xls" is an Excel 97–2003 \(\.xls\) file/,
    );
    // A ZIP archive that is not a workbook (a .docx, say).
    await expect(read(zipOf('word/document.xml', new TextEncoder().encode('<w/>')), {}, 'surat.docx')).rejects.toThrow(
      /"surat\.docx" is not an Excel workbook/,
    );
    const bytes = await workbookBytes((wb) => wb.addWorksheet('A').addRow(['x']));
    await expect(read(bytes.slice(0, bytes.length - 30), {}, 'cut.xlsx')).rejects.toThrow(
      /"cut\.xlsx" cannot be read as an Excel workbook/,
    );
  });

  it('refuses a zip bomb: an archive that inflates past the limit, or to more than it declares', async () => {
    const zeros = new Uint8Array(5_000_000);
    const bomb = zipOf('xl/workbook.xml', zeros);
    expect(bomb.length).toBeLessThan(10_000);
    await expect(read(bomb, { maxBytes: 1_000_000, maxUncompressedBytes: 1_000_000 }, 'bom.xlsx')).rejects.toThrow(
      /"bom\.xlsx" is refused: it would inflate to more than 1 MiB/,
    );
    // The directory lies (says 10 bytes): the inflated bytes are counted all the same.
    const liar = zipOf('xl/workbook.xml', zeros, 10);
    await expect(read(liar, { maxBytes: 1_000_000, maxUncompressedBytes: 1_000_000 }, 'liar.xlsx')).rejects.toThrow(/more than 1 MiB/);
  });

  it('refuses a file over the byte limit and a sheet over the row limit', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('A');
      for (let i = 0; i < 20; i++) ws.addRow([`row ${i}`]);
    });
    await expect(read(bytes, { maxBytes: 1_000 }, 'besar.xlsx')).rejects.toThrow(/"besar\.xlsx" is larger than the import limit/);
    await expect(read(bytes, { maxRows: 10 }, 'panjang.xlsx')).rejects.toThrow(/"panjang\.xlsx" has more than 10 rows/);
  });
});
