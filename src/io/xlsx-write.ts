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

/** Rows looked at to size a column: the first ones are enough to read the sheet. */
const WIDTH_SAMPLE = 500;

/**
 * A column's width in characters: its header and, when the rows are at hand, the longest of the
 * first rows' values, between 10 and 60 (longer texts wrap in the cell's width when opened).
 */
export function columnWidth(header: string, values: readonly (string | number | null | undefined)[]): number {
  const longest = values.reduce<number>((max, v) => Math.max(max, v === null || v === undefined ? 0 : String(v).length), 0);
  return Math.min(60, Math.max(10, header.length + 2, longest + 2));
}

/** A workbook written sheet by sheet; a sheet's rows may be added page by page (docs/bundle.md). */
export class XlsxStream {
  private readonly workbook: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;
  private readonly used = new Set<string>();

  constructor(output: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  }

  /** Opens a sheet; `sample` sizes the columns (rows of it or like it). Commit it before the next one. */
  sheet(title: string, columns: readonly string[], sample: readonly (readonly (string | number | null)[])[] = []) {
    const sheet = this.workbook.addWorksheet(sheetName(title, this.used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = sample.slice(0, WIDTH_SAMPLE);
    sheet.columns = columns.map((header, c) => ({
      header,
      width: columnWidth(
        header,
        rows.map((r) => r[c]),
      ),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    // The rows' cells have no style of their own, but exceljs gives each cell a new empty style
    // object and, missing its cache (keyed by the object), renders that style's XML to look up
    // its index — for every cell: half the time of a 100,000-program bundle (bench/bundle.ts).
    // One object per cell kind (numbers get the "General" number format, the rest none) lets the
    // cache answer; the indexes, and so the file, are the same.
    const numberStyle = {};
    const otherStyle = {};
    return {
      // Strings are written as text cells, never as formulas, so "=…" in a title stays text.
      add: (row: readonly (string | number | null)[]) => {
        const added = sheet.addRow([...row]);
        added.eachCell({ includeEmpty: true }, (cell, column) => {
          cell.style = typeof row[column - 1] === 'number' ? numberStyle : otherStyle;
        });
        added.commit();
      },
      commit: () => sheet.commit(),
    };
  }

  async close(): Promise<void> {
    await this.workbook.commit();
  }
}

export async function writeXlsx(output: Writable, tables: readonly SheetTable[]): Promise<void> {
  const book = new XlsxStream(output);
  for (const table of tables) {
    const sheet = book.sheet(
      table.title,
      table.columns,
      Array.isArray(table.rows) ? (table.rows as readonly (readonly (string | number | null)[])[]) : [],
    );
    for await (const row of table.rows) sheet.add(row);
    sheet.commit();
  }
  await book.close();
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
