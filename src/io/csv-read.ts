/**
 * Streams a CSV file into records: checks that it is UTF-8 text (with or without BOM), finds
 * the separator (comma or semicolon) from the header line, enforces a size limit, hashes the
 * bytes (sha256) and reports progress. Memory stays bounded by the chunk size.
 */
import { createHash } from 'node:crypto';
import { InvalidError } from '../domain/errors.js';
import { CsvSyntaxError, CsvTokenizer, type CsvRecord } from './csv-parse.js';

/** A file that cannot be read as CSV: its code is import.file_<problem>, its message names the line. */
export class CsvFileError extends InvalidError {
  constructor(
    message: string,
    problem: 'encoding' | 'binary' | 'too_large' | 'syntax',
    readonly line?: number,
  ) {
    super(`import.file_${problem}`, line ? `line ${line}: ${message}` : message);
  }
}

export interface CsvReadOptions {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Called with the number of bytes read so far. */
  readonly onProgress?: (bytesRead: number) => void;
}

export interface CsvStream {
  /** Batches of records, the header included as the first record. */
  readonly batches: AsyncIterable<CsvRecord[]>;
  /** The separator found in the header line (known after the first batch). */
  separator(): string;
  /** sha256 of the bytes read, hex (complete once `batches` is consumed). */
  sha256(): string;
  bytesRead(): number;
}

/** Chooses the separator that occurs most often outside quotes in the header line. */
export function detectSeparator(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function checkStart(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvFileError('the file is UTF-16 text; save it as "CSV UTF-8" and import it again', 'encoding', 1);
  }
}

export function readCsv(source: AsyncIterable<Uint8Array | string>, options: CsvReadOptions): CsvStream {
  const hash = createHash('sha256');
  let bytes = 0;
  let separator = ',';
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let tokenizer: CsvTokenizer | undefined;
    let pending = '';
    let line = 1;
    /** Buffers text until the header line is complete, then tokenizes with its separator. */
    const feed = (text: string, final = false): CsvRecord[] => {
      if (!tokenizer) {
        pending += text;
        const end = pending.search(/\r|\n/);
        if (end < 0 && pending.length < 1_000_000 && !final) return [];
        separator = detectSeparator((end < 0 ? pending : pending.slice(0, end)).replace(/^\uFEFF/, ''));
        tokenizer = new CsvTokenizer(separator);
        text = pending;
        pending = '';
      }
      return tokenizer.push(text);
    };
    try {
      for await (const chunk of source) {
        const data = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
        if (bytes === 0) checkStart(data);
        bytes += data.byteLength;
        if (bytes > options.maxBytes) {
          throw new CsvFileError(
            `the file is larger than the import limit of ${Math.round(options.maxBytes / 1_048_576)} MiB; split it or raise MITRA_IMPORT_MAX_BYTES`,
            'too_large',
          );
        }
        if (data.includes(0)) throw new CsvFileError('the file contains NUL bytes: it is not a CSV text file', 'binary', line);
        hash.update(data);
        let text: string;
        try {
          text = decoder.decode(data, { stream: true });
        } catch {
          throw new CsvFileError('the file is not valid UTF-8 text; save it as "CSV UTF-8" and import it again', 'encoding', line);
        }
        const records = feed(text);
        const last = records[records.length - 1];
        if (last) line = last.line;
        options.onProgress?.(bytes);
        if (records.length) yield records;
      }
      let tail: string;
      try {
        tail = decoder.decode();
      } catch {
        throw new CsvFileError('the file ends in the middle of a UTF-8 character: it is not valid UTF-8 text', 'encoding', line);
      }
      const records = feed(tail, true);
      records.push(...(tokenizer?.end() ?? []));
      if (records.length) yield records;
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new CsvFileError(error.message, 'syntax', error.line);
      throw error;
    }
  }
  return {
    batches: batches(),
    separator: () => separator,
    sha256: () => hash.copy().digest('hex'),
    bytesRead: () => bytes,
  };
}

/** A CSV file as a source of records for the importers (line numbers are the file's). */
export function csvRecordSource(name: string, input: AsyncIterable<Uint8Array | string>, options: CsvReadOptions) {
  const stream = readCsv(input, options);
  return { name, batches: stream.batches, sha256: () => stream.sha256(), bytesRead: () => stream.bytesRead() };
}
