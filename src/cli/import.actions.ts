/** The import commands (import.commands.ts): CSV files, XLSX workbooks (programs, participants) and IATI activity files. */
import { loadConfig } from '../config.js';
import { csvRecordSource } from '../io/csv-read.js';
import { tableRecordSource } from '../io/table-read.js';
import { importPrograms } from '../services/import-programs.js';
import { importParticipants } from '../services/import-participants.js';
import { importExchangeRates } from '../services/exchange-rates.js';
import { importIati } from '../services/import-iati.js';
import { iatiActivitySource } from '../io/iati-read.js';
import type { ImportReport } from '../services/imports.js';
import { errorCountText, problemMessage } from '../domain/import/problem-messages.js';
import { EXIT } from './exit-codes.js';
import { unreadable } from './input.js';
import { json } from './format.js';
import type { CsvImportKind } from './common.commands.js';
import type { CliContext } from './context.js';
import type { AppContext } from '../main.js';
import { byteProgress } from './progress.js';

const IMPORTERS = {
  activities: importPrograms,
  participants: importParticipants,
  rates: importExchangeRates,
} as const satisfies Record<CsvImportKind, unknown>;

const recordsText = (kind: string, n: number): string =>
  kind === 'iati' ? (n === 1 ? 'activity' : 'activities') : n === 1 ? 'row' : 'rows';

/** The report as --json prints it: warnings as their (English) text, as before, and with their codes. */
const jsonReport = (r: ImportReport) => ({ ...r, warnings: r.warnings.map((w) => w.message), warningDetails: r.warnings });

/** The lines a person reads: the outcome, the counts, then every error with line and column. */
export function describeImport(report: ImportReport): string[] {
  const committed = report.status === 'committed';
  const skipped = committed && report.errorCount > 0;
  const iati = report.kind === 'iati';
  const verb = committed
    ? skipped
      ? iati
        ? "imported as other providers' data, without the refused activities"
        : 'imported the valid records (partial import)'
      : iati
        ? "imported as other providers' data"
        : 'imported'
    : report.status === 'dry_run'
      ? 'checked (dry run, nothing written)'
      : 'REJECTED (nothing written)';
  const records = recordsText(report.kind, report.rows);
  const unchanged = report.unchanged ? `, ${report.unchanged} unchanged` : '';
  const lines = [
    `${report.source}: ${verb} — ${report.rows} ${records}; ${committed ? '' : 'would insert '}${report.inserted} new, ${report.updated} updated${unchanged}; batch ${report.batchId}`,
  ];
  // An IATI file may warn of thousands of activities: the first ones are listed, all are kept with their activity.
  let listed = 0;
  for (const w of report.warnings) {
    if (w.code === 'iati_activity_warning' && ++listed > MAX_LISTED_ACTIVITY_WARNINGS) continue;
    lines.push(`warning: ${w.message}`);
  }
  if (listed > MAX_LISTED_ACTIVITY_WARNINGS)
    lines.push(`… ${listed - MAX_LISTED_ACTIVITY_WARNINGS} more activity warnings in the JSON report (--json)`);
  const created = report.createdOrganisations;
  for (const o of created.slice(0, MAX_LISTED_ORGS))
    lines.push(`${committed ? 'created' : 'would create'} organisation ${o.code} (${o.name}, ${o.kind})`);
  if (created.length > MAX_LISTED_ORGS)
    lines.push(`… and ${created.length - MAX_LISTED_ORGS} more organisations ${committed ? 'created' : 'to create'}`);
  if (report.errorCount) {
    const rejected = `${report.rejectedRows} ${recordsText(report.kind, report.rejectedRows)}`;
    lines.push(`${errorCountText(report.errorCount, 'en')} in ${rejected}${skipped ? ' (not imported)' : ''}:`);
  }
  for (const e of report.errors) {
    const where = `line ${e.line}${e.record ? ` (${e.record})` : ''}${e.column ? `, ${e.column}` : ''}`;
    const reason = problemMessage(e.code, e.params, 'en', e.message);
    lines.push(`  ${where}${e.value !== undefined ? ` ("${e.value}")` : ''}: ${reason} [${e.code}]`);
  }
  if (report.errorCount > report.errors.length) lines.push(`  … and ${report.errorCount - report.errors.length} more`);
  return lines;
}

/**
 * Opens a file given to an import command and runs the import on its bytes, with a progress bar
 * (or a line per tenth) while they are read.
 */
async function importFile(
  ctx: CliContext,
  file: string,
  run: (app: AppContext, chunks: AsyncIterable<Uint8Array>, onProgress: (bytes: number) => void) => Promise<ImportReport>,
): Promise<ImportReport> {
  let opened: Awaited<ReturnType<typeof ctx.io.openRead>>;
  try {
    opened = await ctx.io.openRead(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  const progress = byteProgress(ctx.io, `importing ${file}`, opened.size);
  return ctx.withApp(async (app) => {
    try {
      return await run(app, opened.chunks, (bytes) => progress.update(bytes));
    } finally {
      progress.done();
    }
  });
}

/** Activity warnings a report lists one by one in text (--json has them all). */
const MAX_LISTED_ACTIVITY_WARNINGS = 20;

/** Organisations a report lists one by one (an IATI file may name thousands). */
const MAX_LISTED_ORGS = 30;

export async function importIatiFiles(
  ctx: CliContext,
  files: string[],
  opts: { dryRun?: boolean; allOrNothing?: boolean; json?: boolean },
): Promise<void> {
  const config = loadConfig(ctx.io.env);
  const reports: ImportReport[] = [];
  for (const file of files) {
    const report = await importFile(ctx, file, (app, chunks, onProgress) =>
      importIati(app.deps, iatiActivitySource(file, chunks, { maxBytes: config.importMaxBytes, onProgress }), {
        dryRun: opts.dryRun,
        allOrNothing: opts.allOrNothing,
        ownReportingRef: config.iatiPublisher.ref,
      }),
    );
    reports.push(report);
    if (!opts.json) for (const line of describeImport(report)) (report.status === 'rejected' ? ctx.io.err : ctx.io.out)(line);
  }
  if (opts.json) ctx.io.out(json(reports.length === 1 && reports[0] ? jsonReport(reports[0]) : reports.map(jsonReport)));
  if (reports.some((r) => r.status === 'rejected')) ctx.setExitCode(EXIT.invalid);
}

export async function importCsvFile(
  ctx: CliContext,
  kind: CsvImportKind,
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  const config = loadConfig(ctx.io.env);
  const options = { dryRun: opts.dryRun, providerCountry: config.providerCountry };
  const report = await importFile(ctx, file, async (app, chunks, onProgress) =>
    // Programs and participants may come as an XLSX workbook (its first sheet), told by its bytes or name.
    kind === 'rates'
      ? IMPORTERS[kind](app.deps, csvRecordSource(file, chunks, { maxBytes: config.importMaxBytes, onProgress }), options)
      : IMPORTERS[kind](app.deps, await tableRecordSource(file, chunks, { maxBytes: config.importMaxBytes }), options),
  );
  if (opts.json) ctx.io.out(json(jsonReport(report)));
  else for (const line of describeImport(report)) (report.status === 'rejected' ? ctx.io.err : ctx.io.out)(line);
  if (report.status === 'rejected') ctx.setExitCode(EXIT.invalid);
}
