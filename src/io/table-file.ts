/** A small table (a list page's rows) as a CSV or XLSX file: the API's downloads and the CLI's `--out`. */
import { csvRow } from './csv-write.js';

export interface TableFile {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** CSV: UTF-8 with a BOM (so that spreadsheets read the accents), formulas neutralised. */
export function tableCsv(table: Pick<TableFile, 'columns' | 'rows'>): string {
  return `\uFEFF${csvRow(table.columns)}${table.rows
    .map((r) =>
      csvRow(
        r.map((v) => (v === null ? '' : String(v))),
        { neutraliseFormulas: true },
      ),
    )
    .join('')}`;
}

export async function tableFileBytes(format: 'csv' | 'xlsx', table: TableFile): Promise<Uint8Array> {
  if (format === 'xlsx') {
    // ExcelJS loads with the first XLSX file, not with every list that might be written as one.
    const { xlsxBytes } = await import('./xlsx-write.js');
    return xlsxBytes([{ title: table.title, columns: table.columns, rows: table.rows }]);
  }
  return new TextEncoder().encode(tableCsv(table));
}
