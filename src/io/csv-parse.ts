/**
 * An incremental RFC 4180 CSV tokenizer: feed it text chunks, take complete records.
 * Handles quoted fields with embedded separators, quotes ("") and line breaks, CRLF or LF
 * line ends, a leading UTF-8 BOM, and a chosen separator (comma or semicolon).
 * Each record carries the 1-based line number it starts on, for error messages.
 */

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export class CsvTokenizer {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** Inside a quoted field, a quote was read: the field ends here unless a second quote follows. */
  private quotePending = false;
  /** The current field was closed by a quote; only a separator or a line end may follow. */
  private afterClosingQuote = false;
  private fieldTouched = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private lastWasCr = false;

  constructor(private readonly separator: string = ',') {}

  /** Consumes a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (ch === '\n') continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          this.afterClosingQuote = true;
          // fall through: the character after the closing quote is read as unquoted text
        } else {
          this.consumeQuoted(ch);
          continue;
        }
      }
      this.consumeUnquoted(ch, out);
    }
    return out;
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.quotePending) {
      throw new CsvSyntaxError('a quoted field is not closed before the end of the file', this.recordLine);
    }
    this.inQuotes = false;
    this.quotePending = false;
    const out: CsvRecord[] = [];
    if (this.fieldTouched || this.fields.length > 0) this.endRecord(out);
    return out;
  }

  private consumeQuoted(ch: string): void {
    if (ch === '"') {
      this.quotePending = true;
      return;
    }
    if (ch === '\n') this.line++;
    else if (ch === '\r') {
      this.line++;
      this.lastWasCr = true;
    }
    this.field += ch;
  }

  private consumeUnquoted(ch: string, out: CsvRecord[]): void {
    if (ch === this.separator) {
      this.endField();
    } else if (ch === '\n' || ch === '\r') {
      this.lastWasCr = ch === '\r';
      this.endRecord(out);
      this.line++;
      this.recordLine = this.line;
    } else if (this.afterClosingQuote) {
      throw new CsvSyntaxError(`unexpected character ${JSON.stringify(ch)} after the closing quote of a field`, this.line);
    } else if (ch === '"' && !this.fieldTouched) {
      this.inQuotes = true;
      this.fieldTouched = true;
    } else {
      this.field += ch;
      this.fieldTouched = true;
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldTouched = false;
    this.afterClosingQuote = false;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: this.recordLine, fields });
  }
}

/** Parses a whole CSV text. */
export function parseCsvText(text: string, separator = ','): CsvRecord[] {
  const tokenizer = new CsvTokenizer(separator);
  return [...tokenizer.push(text), ...tokenizer.end()];
}
