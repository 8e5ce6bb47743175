import type { Command } from 'commander';
import type { AnnualOptions, CliContext, SummaryOptions } from './context.js';

// The implementations load when a report command runs (main.ts).
const actions = () => import('./report.actions.js');

export function registerReportCommands(program: Command, ctx: CliContext): void {
  const report = program.command('report').description('annual reports');

  report
    .command('summary')
    .description('programs, countries and participants per region, top recipients, breakdowns, partners and spending of a year')
    .requiredOption('--year <year>', 'the year (of the actual, else planned, start)')
    .option('--lang <lang>', 'en or id', 'en')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--edition <n>', "read this frozen edition's figures instead of the live ones (mitra editions list)")
    .option('--json', 'print JSON')
    .action(async (opts: SummaryOptions) => (await actions()).reportSummary(ctx, opts));

  report
    .command('annual')
    .description('the annual report as a PDF document (cover, tables, charts, map) and/or an XLSX workbook (one sheet per table)')
    .requiredOption('--year <year>', 'the year (of the actual, else planned, start)')
    .option('--lang <lang>', 'en or id', 'en')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--pdf <file>', 'write the PDF to this file')
    .option('--xlsx <file>', 'write the XLSX workbook to this file')
    .option('--edition <n>', 'make the documents from this frozen edition (they carry its name and narrative)')
    .action(async (opts: AnnualOptions) => (await actions()).reportAnnual(ctx, opts));

  report
    .command('years')
    .description('one row per year: programs, countries, participants, spending in USD')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean; stage?: string }) => (await actions()).reportYears(ctx, opts));
}
