/** The TOSSD/CRS-style export as CSV: UTF-8 with a BOM (spreadsheets read it as such), formulas neutralised. */
import { TOSSD_COLUMNS } from '../domain/finance/tossd.js';
import { csvRow } from './csv-write.js';

export async function* tossdCsv(chunks: AsyncIterable<readonly (readonly string[])[]>): AsyncGenerator<string> {
  yield `\uFEFF${csvRow(TOSSD_COLUMNS)}`;
  for await (const rows of chunks) {
    if (rows.length) yield rows.map((r) => csvRow(r, { neutraliseFormulas: true })).join('');
  }
}
