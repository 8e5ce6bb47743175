/** `mitra export …`: `iati` and `iati-organisation` here, `tossd` (money.commands.ts) and `participants` (alumni.commands.ts). */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerTossdExportCommand } from './money.commands.js';
import { registerParticipantExportCommand } from './alumni.commands.js';

export function registerExportCommands(program: Command, ctx: CliContext): void {
  const exportCommand = program.command('export').description('publish programs in exchange formats');

  exportCommand
    .command('iati')
    .description('programs as an IATI 2.03 activities file (schema-valid; identifiers prefixed with MITRA_IATI_REPORTING_ORG)')
    .option('--year <year>', 'year of the (actual, else planned) start')
    .option('--stage <stages>', 'lifecycle stages, comma-separated (e.g. approved,funded,implementation,completed,evaluated)')
    .option('--status <status>', 'activity status')
    .option('--country <country>', 'recipient country')
    .option('--cooperation-type <type>', 'bilateral, triangular, regional')
    .option(
      '--out <file>',
      'write to this file (else standard output); over the size limit it becomes one file per year, FILE-YYYY.xml, and a year still too big FILE-YYYY-1.xml, FILE-YYYY-2.xml…',
    )
    .option('--max-file-mb <mb>', 'the size limit in MB, fractions allowed (default MITRA_IATI_MAX_FILE_MB, 20)')
    // The XML writer loads when the command runs (main.ts).
    .action(async (opts: Record<string, string | undefined>) => (await import('./export.actions.js')).exportIatiFile(ctx, opts));
  exportCommand
    .command('iati-organisation')
    .description(
      'the reporting organisation as an IATI 2.03 organisation file: budgets per year and recipient country, expenditure per year (own programs, one currency)',
    )
    .option('--out <file>', 'write to this file (else standard output)')
    .option('--currency <currency>', 'reporting currency: USD or IDR (amounts convert at the exchange rates of their value dates)', 'USD')
    .option('--from <year>', 'first calendar year (with --to); default: every year with programs or figures')
    .option('--to <year>', 'last calendar year (with --from)')
    .option('--stage <stages>', 'lifecycle stages counted, comma-separated (default: every stage)')
    .action(async (opts: Record<string, string | undefined>) => (await import('./export.actions.js')).exportIatiOrganisation(ctx, opts));
  registerTossdExportCommand(exportCommand, ctx);
  registerParticipantExportCommand(exportCommand, ctx);
}
