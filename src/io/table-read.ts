/**
 * A spreadsheet upload as a source of records, whichever its format: an XLSX workbook (told by
 * its ZIP signature, its name or its content type) or a CSV file (everything else).
 */
import { csvRecordSource } from './csv-read.js';
import { looksLikeXlsx, xlsxRecordSource } from './xlsx-read.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TableReadOptions {
  readonly maxBytes: number;
  /** An XLSX workbook's sheet (the first by default). */
  readonly sheet?: string;
  /** The upload's declared content type, if any. */
  readonly contentType?: string;
}

export interface TableRecordSource {
  readonly name: string;
  readonly format: 'csv' | 'xlsx';
  readonly batches: AsyncIterable<readonly { readonly line: number; readonly fields: readonly string[] }[]>;
  sha256(): string | null;
  /** An XLSX workbook's sheets in its order (none for CSV), known once reading has started. */
  sheetNames(): string[];
  /** The sheet read (null for CSV), known once reading has reached it. */
  sheet(): string | null;
  /** Reads (and drops) what the readers left of the upload, so a request can still be answered. */
  drain(): Promise<void>;
}

/** Whether an upload says it is XLSX by its name or content type (its bytes are checked on reading). */
export function namedXlsx(name: string, contentType = ''): boolean {
  return /\.xlsx$/i.test(name.trim()) || contentType.split(';')[0]?.trim().toLowerCase() === XLSX_CONTENT_TYPE;
}

/** Reads the first chunk to tell the format, then hands the whole stream to the right reader. */
export async function tableRecordSource(
  name: string,
  input: AsyncIterable<Uint8Array | string>,
  options: TableReadOptions,
): Promise<TableRecordSource> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : typeof first.value === 'string' ? new TextEncoder().encode(first.value) : first.value;
  async function* replay(): AsyncGenerator<Uint8Array | string> {
    if (!first.done) yield first.value;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const drain = async (): Promise<void> => {
    while (!(await iterator.next()).done);
  };
  if (looksLikeXlsx(head) || namedXlsx(name, options.contentType)) {
    const source = xlsxRecordSource(name, replay(), { maxBytes: options.maxBytes, ...(options.sheet ? { sheet: options.sheet } : {}) });
    return { ...source, format: 'xlsx', drain };
  }
  const source = csvRecordSource(name, replay(), { maxBytes: options.maxBytes });
  return { ...source, format: 'csv', drain, sheetNames: () => [], sheet: () => null };
}
