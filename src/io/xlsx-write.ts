/**
 * XLSX documents written as a stream by a lean writer of our own: one sheet per table, numbers as
 * numbers, text as inline strings (never formulas, so "=…" stays text), the header row bold and
 * frozen. exceljs's streaming writer made one object per cell (and rendered its style): at
 * 100,000 programs, 58 % of an edition's bundle went to it and 25 % to collecting its garbage
 * (docs/benchmarks.md). Here a row is one string, and the sheet's text goes to the ZIP entry in
 * chunks of about 64 KiB (io/zip-write.ts).
 *
 * Format: ECMA-376 Office Open XML File Formats, Part 1 "Fundamentals and Markup Language
 * Reference", 5th edition (December 2016) — SpreadsheetML §18: the workbook's sheets, a
 * worksheet's sheetViews/pane, cols, sheetData/row/c and inline strings `is`, the styles'
 * cellXfs — and Part 2 "Open Packaging Conventions", 5th edition (December 2021) — content types
 * and relationships; https://ecma-international.org/publications-and-standards/standards/ecma-376/
 * The parts and their namespaces mirror what exceljs 4.4 wrote for the same tables, less its
 * theme, document properties and page setup (all optional). xlsx-write.test.ts reads the
 * workbooks back with exceljs (as io/xlsx-read.ts and the tests do) and Info-ZIP's `unzip -t`.
 */
import { PassThrough, type Writable } from 'node:stream';
import { ZipWriter } from './zip-write.js';

export interface SheetTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: Iterable<readonly (string | number | null)[]> | AsyncIterable<readonly (string | number | null)[]>;
}

type Cell = string | number | null;

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

// XML 1.0 (Fifth Edition, 26 November 2008), §2.2 Char: tab, LF, CR, U+0020–U+D7FF,
// U+E000–U+FFFD and U+10000–U+10FFFF (a surrogate pair). Other characters cannot be written
// even as references, so they are dropped (as exceljs did). The test is the fast path: most
// values need nothing. (Control characters are what these expressions look for.)
/* eslint-disable no-control-regex */
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const TEXT_ESCAPES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const ATTRIBUTE_ESCAPES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;
/* eslint-enable no-control-regex */

function escapeCharacter(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    // In an attribute a parser turns tab, LF and CR into spaces (XML 1.0 §3.3.3) unless referenced.
    case '\t':
      return '&#9;';
    case '\n':
      return '&#10;';
    case '\r':
      return '&#13;';
    default:
      return c.length === 2 ? c : '';
  }
}

/** Element text: &, <, > escaped, characters XML cannot hold dropped. */
export function escapeXmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(TEXT_ESCAPES, escapeCharacter) : text;
}

function escapeAttribute(text: string): string {
  return text.replace(ATTRIBUTE_ESCAPES, escapeCharacter);
}

/** Column letters by index (0 → A, 25 → Z, 26 → AA), kept as they are computed. */
const LETTERS: string[] = [];
function columnLetters(index: number): string {
  let letters = LETTERS[index];
  if (letters === undefined) {
    letters = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    LETTERS[index] = letters;
  }
  return letters;
}

/** A row's XML: strings inline, finite numbers as numbers; null, "" and other numbers write no cell. */
function rowXml(row: readonly Cell[], rowNumber: number, style: string): string {
  let xml = `<row r="${rowNumber}">`;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (typeof value === 'number') {
      if (Number.isFinite(value)) xml += `<c r="${columnLetters(c)}${rowNumber}"${style}><v>${value}</v></c>`;
    } else if (typeof value === 'string' && value !== '') {
      const text = escapeXmlText(value);
      // Excel trims a text's leading and trailing white space unless told to keep it (ECMA-376
      // Part 1, the `t` element of inline and shared strings; XML 1.0 §2.10 xml:space); most texts have none, and saying it on
      // every cell made a sheet's XML a fifth longer, for deflate to read.
      const preserve = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? ' xml:space="preserve"' : '';
      xml += `<c r="${columnLetters(c)}${rowNumber}"${style} t="inlineStr"><is><t${preserve}>${text}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * Two cell formats: 0 the default (Calibri 11), 1 bold for the header row. Excel wants the first
 * two fills to be "none" and "gray125" (as it writes them) and a "Normal" cell style.
 */
const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The sheet's start: the header row frozen (pane), the columns' widths, the header row in bold. */
function sheetHead(columns: readonly string[], widths: readonly number[]): string {
  const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>' +
    (columns.length > 0 ? rowXml(columns, 1, ' s="1"') : '')
  );
}

const SHEET_TAIL = '</sheetData></worksheet>';

/** The package's parts that list the sheets, written when the workbook closes. */
function workbookParts(names: readonly string[]): [string, string][] {
  const sheets = names.map((name, i) => `<sheet name="${escapeAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRelationships = names
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const sheetTypes = names
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  return [
    [
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheetRelationships}` +
        `<Relationship Id="rId${names.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      '_rels/.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        `${sheetTypes}</Types>`,
    ],
  ];
}

/**
 * zlib level for a sheet's XML. Level 6 (zlib's default, and exceljs's) took as long as all the
 * rest of the writing; level 3 deflates this repetitive XML about 3.5 times faster, and the
 * workbook of 150,000 rows × 7 columns is still smaller than exceljs's was (5.2 MB, against
 * 5.8 MB at level 6 for its longer XML).
 */
const SHEET_LEVEL = 3;

/** Text handed to deflate in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;
/** Bytes waiting for deflate above which `add` answers false: wait for `drained()`. */
const HIGH_WATER_BYTES = 16 * CHUNK_CHARS;

/** A sheet's text between the rows added and the ZIP entry that deflates it. */
class TextQueue implements AsyncIterable<Buffer> {
  private readonly items: Buffer[] = [];
  private bytes = 0;
  private ended = false;
  private wake: (() => void) | null = null;
  private waiting: (() => void)[] = [];

  get full(): boolean {
    return this.bytes >= HIGH_WATER_BYTES;
  }

  /**
   * Takes a piece of the sheet's text as UTF-8 bytes at once: the string built row by row is a
   * rope of many small strings, and holding it until deflate takes it kept them alive into the
   * old generation (a third of the writing went to collecting them).
   */
  push(text: string): void {
    if (text.length === 0) return;
    const bytes = Buffer.from(text, 'utf8');
    this.items.push(bytes);
    this.bytes += bytes.length;
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** Resolves when the text waiting is below the high-water mark. */
  drained(): Promise<void> {
    return this.full ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const text = this.items.shift();
      if (text !== undefined) {
        this.bytes -= text.length;
        if (!this.full && this.waiting.length > 0) {
          const waiting = this.waiting;
          this.waiting = [];
          for (const resolve of waiting) resolve();
        }
        yield text;
      } else if (this.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
    }
  }
}

/** A sheet being written: add its rows, then commit it. */
export interface XlsxSheet {
  /** Adds a row; false when its text waits for the output: await `drained()` before adding more. */
  add(row: readonly Cell[]): boolean;
  /** Resolves when the text waiting for the output is below the high-water mark (or the writing failed). */
  drained(): Promise<void>;
  /** Ends the sheet; resolves when its text is written into the archive. */
  commit(): Promise<void>;
}

/**
 * A workbook written sheet by sheet; a sheet's rows may be added page by page (docs/bundle.md).
 * The ZIP's entries are written one after the other: the styles, each sheet as its rows come,
 * then at `close()` the parts that list the sheets. `close()` ends the output.
 */
export class XlsxStream {
  private readonly zip: ZipWriter;
  private readonly used = new Set<string>();
  private readonly names: string[] = [];
  /** The entries written so far, in order; each waits for the one before. */
  private written: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private open: XlsxSheet | null = null;

  constructor(private readonly output: Writable) {
    this.zip = new ZipWriter(output);
    void this.then(() => this.zip.addEntry('xl/styles.xml', [STYLES]));
  }

  /** Queues a step after the entries before it; a failure is kept (and thrown by `add`, `commit` and `close`). */
  private then(step: () => Promise<void>): Promise<void> {
    const done = this.written.then(step);
    this.written = done;
    // Handled here so that a sheet committed without waiting raises no unhandled rejection; the
    // error reaches the caller through `add`, `commit` or `close`.
    done.catch((error: unknown) => {
      this.failure ??= { error };
    });
    return done;
  }

  /** Opens a sheet; `sample` sizes the columns (rows of it or like it). Opening the next one commits it. */
  sheet(title: string, columns: readonly string[], sample: readonly (readonly Cell[])[] = []): XlsxSheet {
    if (this.open) void this.open.commit();
    const name = sheetName(title, this.used);
    this.names.push(name);
    const part = `xl/worksheets/sheet${this.names.length}.xml`;
    const sampled = sample.slice(0, WIDTH_SAMPLE);
    const widths = columns.map((header, c) =>
      columnWidth(
        header,
        sampled.map((r) => r[c]),
      ),
    );
    const text = new TextQueue();
    const done = this.then(() => this.zip.addEntry(part, text, SHEET_LEVEL));
    let pending = sheetHead(columns, widths);
    let rowNumber = 1;
    let committed: Promise<void> | null = null;
    const sheet: XlsxSheet = {
      add: (row) => {
        if (this.failure) throw this.failure.error;
        if (committed) throw new Error(`the sheet ${name} was committed: no row can be added`);
        rowNumber++;
        pending += rowXml(row, rowNumber, '');
        if (pending.length >= CHUNK_CHARS) {
          text.push(pending);
          pending = '';
        }
        return !text.full;
      },
      drained: async () => {
        // A failed entry takes no more text: stop waiting then, and let `add` throw.
        await Promise.race([text.drained(), done.catch(() => undefined)]);
      },
      commit: () => {
        if (!committed) {
          text.push(pending + SHEET_TAIL);
          pending = '';
          text.end();
          if (this.open === sheet) this.open = null;
          committed = done;
        }
        return committed;
      },
    };
    this.open = sheet;
    return sheet;
  }

  async close(): Promise<void> {
    if (this.open) void this.open.commit();
    const names = [...this.names];
    await this.then(async () => {
      for (const [part, xml] of workbookParts(names)) await this.zip.addEntry(part, [xml]);
      await this.zip.finish();
    });
    this.output.end();
  }
}

export async function writeXlsx(output: Writable, tables: readonly SheetTable[]): Promise<void> {
  const book = new XlsxStream(output);
  for (const table of tables) {
    const rows = table.rows;
    const sheet = book.sheet(table.title, table.columns, Array.isArray(rows) ? (rows as readonly (readonly Cell[])[]) : []);
    if (Symbol.asyncIterator in rows) {
      for await (const row of rows) if (!sheet.add(row)) await sheet.drained();
    } else {
      for (const row of rows) if (!sheet.add(row)) await sheet.drained();
    }
    await sheet.commit();
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
