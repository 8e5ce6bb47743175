/** XLSX documents written as a stream (exceljs): one sheet per table, numbers as numbers. */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: Iterable<readonly (string | number | null)[]> | AsyncIterable<readonly (string | number | null)[]>;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28)
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

export async function writeXlsx(output: Writable, tables: readonly SheetTable[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((header) => ({ header, width: Math.min(60, Math.max(12, header.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    // Strings are written as text cells, never as formulas, so "=…" in a title stays text.
    for await (const row of table.rows) sheet.addRow([...row]).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** The same workbook as bytes (small documents, e.g. the annual report's tables). */
export async function xlsxBytes(tables: readonly SheetTable[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await writeXlsx(output, tables);
  await ended;
  return Buffer.concat(chunks);
}
