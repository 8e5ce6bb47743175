import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { csvRecordSource } from '../io/csv-read.js';
import { importActivities } from '../services/import-activities.js';
import { importParticipants } from '../services/import-participants.js';
import { importExchangeRates } from '../services/exchange-rates.js';
import type { ImportReport } from '../services/imports.js';
import { CliInputError, EXIT } from './exit-codes.js';
import { json } from './format.js';
import type { CliContext } from './main.js';
import { byteProgress } from './progress.js';

const IMPORTERS = {
  activities: importActivities,
  participants: importParticipants,
  rates: importExchangeRates,
} as const;

/** The lines a person reads: the outcome, the counts, then every error with line and column. */
export function describeImport(report: ImportReport): string[] {
  const verb = report.status === 'committed' ? 'imported' : report.status === 'dry_run' ? 'checked (dry run, nothing written)' : 'REJECTED (nothing written)';
  const lines = [
    `${report.source}: ${verb} — ${report.rows} row(s); ${report.status === 'committed' ? '' : 'would insert '}${report.inserted} new, ${report.updated} updated; batch ${report.batchId}`,
  ];
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  for (const o of report.createdOrganisations) lines.push(`${report.status === 'committed' ? 'created' : 'would create'} organisation ${o.code} (${o.name}, ${o.kind})`);
  if (report.errorCount) lines.push(`${report.errorCount} error(s) in ${report.rejectedRows} row(s):`);
  for (const e of report.errors) {
    lines.push(`  line ${e.line}${e.column ? `, ${e.column}` : ''}${e.value !== undefined ? ` ("${e.value}")` : ''}: ${e.message}`);
  }
  if (report.errorCount > report.errors.length) lines.push(`  … and ${report.errorCount - report.errors.length} more`);
  return lines;
}

export function registerImportCommands(program: Command, ctx: CliContext): void {
  const command = program.command('import').description('import spreadsheets (CSV, UTF-8, comma or semicolon separated); all or nothing');
  for (const kind of Object.keys(IMPORTERS) as (keyof typeof IMPORTERS)[]) {
    command
      .command(`${kind} <file>`)
      .description(`import ${kind === 'rates' ? 'exchange rates (currency, date, units_per_usd)' : kind} from a CSV file ("-" reads standard input)`)
      .option('--dry-run', 'validate only: report what would change, write nothing')
      .option('--json', 'print the report as JSON')
      .action(async (file: string, opts: { dryRun?: boolean; json?: boolean }) => {
        const config = loadConfig(ctx.io.env);
        let opened: Awaited<ReturnType<typeof ctx.io.openRead>>;
        try {
          opened = await ctx.io.openRead(file);
        } catch (error) {
          throw new CliInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
        const progress = byteProgress(ctx.io, `importing ${file}`, opened.size);
        const report = await ctx.withApp(async (app) => {
          const source = csvRecordSource(file, opened.chunks, { maxBytes: config.importMaxBytes, onProgress: (b) => progress.update(b) });
          try {
            return await IMPORTERS[kind](app.deps, source, { dryRun: opts.dryRun, providerCountry: config.providerCountry });
          } finally {
            progress.done();
          }
        });
        if (opts.json) ctx.io.out(json(report));
        else for (const line of describeImport(report)) (report.status === 'rejected' ? ctx.io.err : ctx.io.out)(line);
        if (report.status === 'rejected') ctx.setExitCode(EXIT.invalid);
      });
  }
}
