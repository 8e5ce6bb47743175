/**
 * An XLSX workbook as a source of records for the importers, the same shape as a CSV file's
 * (csv-read.ts): the first sheet, or one chosen by name; the header is the first non-empty row;
 * blank rows are skipped; line numbers are the spreadsheet's row numbers, so an error names the
 * row the user sees. Cells become text: dates as yyyy-mm-dd, numbers without float noise
 * (0.1 + 0.2 is "0.3"), formulas as their cached result, rich text as plain text.
 *
 * The upload is read whole (a ZIP's directory is at its end), checked by zip-guard.ts against
 * the uncompressed limit, then streamed through ExcelJS's reader row by row.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { InvalidError } from '../domain/errors.js';
import { isPlainObject } from '../domain/guards.js';
import { checkZip, isZip, readZipEntry, ZipGuardError, zipSubset } from './zip-guard.js';

/** Excel's own limit of rows in a sheet. */
export const XLSX_MAX_ROWS = 1_048_576;
const BATCH_ROWS = 500;

export class XlsxFileError extends InvalidError {
  constructor(message: string, problem: 'not_xlsx' | 'too_large' | 'corrupt' | 'sheet') {
    super(`import.file_${problem}`, message);
  }
}

export interface XlsxReadOptions {
  /** Largest accepted file, in bytes (as uploaded, compressed). */
  readonly maxBytes: number;
  /** Largest total of the workbook's inflated parts; by default the same as maxBytes. */
  readonly maxUncompressedBytes?: number;
  /** Most rows read from the sheet (blank ones included). */
  readonly maxRows?: number;
  /** The sheet's name (any case); by default the workbook's first sheet. */
  readonly sheet?: string;
}

export interface XlsxRecord {
  readonly line: number;
  readonly fields: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  // Excel keeps times as fractions of a day: round to the second, and drop midnight.
  if (seconds === 0 && d.getUTCMilliseconds() < 500) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ''}`;
}

/** A number as a person would type it: 15 significant digits, so binary noise goes away. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** A cell's value (as ExcelJS reads it) as text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (!isPlainObject(value)) return String(value);
  if (Array.isArray(value.richText)) return value.richText.map((run: unknown) => (isPlainObject(run) ? cellText(run.text) : '')).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return cellText(value.error);
  if ('text' in value) return cellText(value.text);
  return '';
}

/** A row's cells as text, without its trailing blank cells. */
function rowFields(values: unknown): string[] {
  const cells: unknown[] = Array.isArray(values) ? values : [];
  const fields: string[] = [];
  // ExcelJS's row values start at index 1 (column A).
  for (let i = 1; i < cells.length; i++) {
    const text = cellText(cells[i]);
    // A cell of spaces is blank, so a row of them is skipped like an empty one.
    fields.push(text.trim() === '' ? '' : text);
  }
  while (fields.length && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

async function readAll(input: AsyncIterable<Uint8Array | string>, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += data.length;
    if (size > maxBytes) {
      throw new XlsxFileError(
        `"${name}" is larger than the import limit of ${Math.round(maxBytes / 1_048_576)} MiB; split it or raise MITRA_IMPORT_MAX_BYTES`,
        'too_large',
      );
    }
    chunks.push(data);
  }
  return Buffer.concat(chunks);
}

function notXlsx(name: string, bytes: Uint8Array): XlsxFileError {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return new XlsxFileError(`"${name}" is an Excel 97–2003 (.xls) file: save it as an Excel workbook (.xlsx) or as CSV UTF-8`, 'not_xlsx');
  }
  return new XlsxFileError(`"${name}" is not an Excel workbook (.xlsx): save it as .xlsx or as CSV UTF-8`, 'not_xlsx');
}

/** Whether the bytes start like an XLSX file (a ZIP archive). */
export const looksLikeXlsx = isZip;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const xmlText = (value: string): string =>
  value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (XML_ENTITIES[e] ?? all),
  );

/** A sheet as xl/workbook.xml lists it, in the shape of ExcelJS's workbook model. */
interface WorkbookSheet {
  readonly name: string;
  readonly id: number;
  readonly state: string | undefined;
  readonly rId: string | undefined;
}

/** The attributes of each `tag` element of a part (a few small ones: the workbook, its relationships). */
function elements(xml: string, tag: string): Map<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*?)\\/?>`, 'g'))].map(
    (m) => new Map([...(m[1] ?? '').matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1] ?? '', xmlText(a[2] ?? '')])),
  );
}

/** A workbook's sheets, in its order, from its xl/workbook.xml. */
function workbookSheets(xml: string): WorkbookSheet[] {
  return elements(xml, 'sheet').map((attrs) => {
    const rId = [...attrs].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    return { name: attrs.get('name') ?? '', id: Number(attrs.get('sheetId') ?? NaN), state: attrs.get('state'), rId };
  });
}

/** The part each relationship of xl/_rels/workbook.xml.rels points to, by its id ("rId1" → "xl/worksheets/sheet1.xml"). */
function relationshipParts(xml: string): Map<string, string> {
  return new Map(
    elements(xml, 'Relationship').map((attrs) => {
      const target = attrs.get('Target') ?? '';
      return [attrs.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`];
    }),
  );
}

/** ExcelJS's streaming reader reads worksheets stored under these names only. */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** A workbook as a source of records for the importers (line numbers are the sheet's rows). */
export function xlsxRecordSource(name: string, input: AsyncIterable<Uint8Array | string>, options: XlsxReadOptions) {
  let hash: string | null = null;
  let bytesRead = 0;
  const sheetNames: string[] = [];
  let sheets: WorkbookSheet[] = [];
  let sheetRead: string | null = null;
  async function* batches(): AsyncGenerator<XlsxRecord[]> {
    const bytes = await readAll(input, name, options.maxBytes);
    bytesRead = bytes.length;
    hash = createHash('sha256').update(bytes).digest('hex');
    if (!isZip(bytes)) throw notXlsx(name, bytes);
    const maxUncompressed = options.maxUncompressedBytes ?? options.maxBytes;
    const wanted = options.sheet?.trim().toLowerCase();
    let workbookParts: Buffer;
    let chosen: WorkbookSheet;
    let hasSharedStrings = false;
    try {
      const entries = await checkZip(bytes, maxUncompressed);
      const entry = (part: string) => entries.find((e) => e.name === part);
      const workbook = entry('xl/workbook.xml');
      if (!workbook) throw notXlsx(name, bytes);
      sheets = workbookSheets(readZipEntry(bytes, workbook).toString('utf8'));
      sheetNames.push(...sheets.map((s) => s.name));
      const found = wanted ? sheets.find((s) => s.name.toLowerCase() === wanted) : sheets[0];
      if (!found) {
        throw new XlsxFileError(
          wanted
            ? `"${name}" has no sheet named "${options.sheet ?? ''}" (its sheets: ${sheetNames.join(', ') || 'none'})`
            : `"${name}" has no sheet`,
          'sheet',
        );
      }
      chosen = found;
      const rels = entry('xl/_rels/workbook.xml.rels');
      const part = rels && chosen.rId ? relationshipParts(readZipEntry(bytes, rels).toString('utf8')).get(chosen.rId) : undefined;
      const sheetEntry = part ? entry(part) : undefined;
      if (!rels || !part || !sheetEntry) {
        throw new XlsxFileError(`"${name}" cannot be read as an Excel workbook: the sheet "${chosen.name}" is missing from it`, 'corrupt');
      }
      if (!WORKSHEET_PART.test(sheetEntry.name)) {
        throw new XlsxFileError(
          `"${name}": the sheet "${chosen.name}" is not a worksheet of cells (it is stored as ${sheetEntry.name}); choose another sheet or save it as CSV UTF-8`,
          'sheet',
        );
      }
      // ExcelJS streams the zip in its stored order, and puts a worksheet met before the shared
      // strings and relationships in a temporary file; a sheet skipped there was deleted under
      // a read it had begun (an uncaught ENOENT). It is given the parts it needs, in the order
      // it needs them, and the chosen worksheet alone.
      const needed = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
      const parts = needed.map(entry).filter((e) => e !== undefined);
      workbookParts = zipSubset(bytes, entries, [...parts, sheetEntry]);
      hasSharedStrings = parts.some((e) => e.name === 'xl/sharedStrings.xml');
    } catch (error) {
      if (!(error instanceof ZipGuardError)) throw error;
      if (error.problem === 'too_large')
        throw new XlsxFileError(`"${name}" is refused: ${error.message}; split the workbook or save it as CSV UTF-8`, 'too_large');
      if (error.problem === 'not_zip') throw notXlsx(name, bytes);
      throw new XlsxFileError(`"${name}" cannot be read as an Excel workbook: ${error.message}`, 'corrupt');
    }
    // ExcelJS loads with the first workbook read, not with every import.
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbookParts]), {
      sharedStrings: 'cache',
      styles: 'cache', // the number formats say which numbers are dates
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    // A workbook of inline strings (as io/xlsx-write.ts writes) has no shared strings part: the
    // worksheet is read as it comes all the same.
    if (!hasSharedStrings) Reflect.set(reader, 'sharedStrings', []);
    const maxRows = options.maxRows ?? XLSX_MAX_ROWS;
    let found = false;
    try {
      for await (const sheet of reader) {
        found = true;
        sheetRead = chosen.name;
        let pending: XlsxRecord[] = [];
        for await (const row of sheet) {
          if (row.number > maxRows) {
            throw new XlsxFileError(`"${name}" has more than ${maxRows} rows: split it into several files`, 'too_large');
          }
          const fields = rowFields(row.values);
          if (fields.length === 0) continue;
          pending.push({ line: row.number, fields });
          if (pending.length >= BATCH_ROWS) {
            yield pending;
            pending = [];
          }
        }
        if (pending.length) yield pending;
      }
    } catch (error) {
      if (error instanceof XlsxFileError) throw error;
      throw new XlsxFileError(
        `"${name}" cannot be read as an Excel workbook: ${error instanceof Error ? error.message : String(error)}`,
        'corrupt',
      );
    }
    if (!found)
      throw new XlsxFileError(`"${name}" cannot be read as an Excel workbook: the sheet "${chosen.name}" is missing from it`, 'corrupt');
  }
  return {
    name,
    batches: batches(),
    sha256: () => hash,
    bytesRead: () => bytesRead,
    sheetNames: () => [...sheetNames],
    /** The sheet read (once reading has reached it). */
    sheet: () => sheetRead,
  };
}
