/**
 * An import's problems as a CSV file the user fixes their file with: one line per problem
 * (line, record, column, value, code, reason), in the order of the file. UTF-8 with a BOM so
 * that spreadsheets read it as such; cells a spreadsheet would run as formulas are neutralised.
 * Browser-safe: the web app builds the download with it.
 */
import { csvRow } from '../csv-text.js';

export interface ProblemLine {
  readonly line: number;
  readonly column: string | null;
  readonly record?: string;
  readonly value?: string;
  readonly code: string;
  readonly message: string;
}

/** The problems by line, then in the order they were found. */
export function sortProblems<P extends ProblemLine>(problems: readonly P[]): P[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p);
}

export function problemsCsv(
  problems: readonly ProblemLine[],
  headings: { line: string; record: string; column: string; value: string; code: string; problem: string },
): string {
  const options = { neutraliseFormulas: true };
  const withRecords = problems.some((p) => p.record !== undefined);
  const head = [headings.line, ...(withRecords ? [headings.record] : []), headings.column, headings.value, headings.code, headings.problem];
  const rows = sortProblems(problems).map((p) =>
    csvRow([String(p.line), ...(withRecords ? [p.record ?? ''] : []), p.column ?? '', p.value ?? '', p.code, p.message], options),
  );
  return `\uFEFF${csvRow(head, options)}${rows.join('')}`;
}
