/**
 * CSV text (RFC 4180) without streams: quoting, and neutralising cells a spreadsheet would run
 * as formulas. Browser-safe: io/csv-write.ts streams with it, the web app builds downloads with it.
 */

export interface CsvWriteOptions {
  readonly separator?: string;
  /**
   * Prefix cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an
   * apostrophe (OWASP "CSV injection"). On for exports of user data.
   */
  readonly neutraliseFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes text that a spreadsheet would run as a formula with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string, options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ',';
  const text = options.neutraliseFormulas ? neutraliseFormula(value) : value;
  return text.includes('"') || text.includes(separator) || text.includes('\n') || text.includes('\r')
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

export function csvRow(values: readonly string[], options: CsvWriteOptions = {}): string {
  return `${values.map((v) => csvCell(v, options)).join(options.separator ?? ',')}\r\n`;
}
