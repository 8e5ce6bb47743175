/** Writes CSV (RFC 4180) to streams; the cells' quoting and formula neutralising are domain/csv-text.ts's. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export { csvCell, csvRow, neutraliseFormula, type CsvWriteOptions } from '../domain/csv-text.js';

/** Writes to a stream, waiting when it asks to (bounded memory for large files). */
export async function writeChunk(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
