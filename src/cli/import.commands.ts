import type { Command } from 'commander';
import { CSV_IMPORT_KINDS } from './common.commands.js';
import type { CliContext } from './context.js';

// The implementations (parsers, importers) load when a command runs (main.ts).
const actions = () => import('./import.actions.js');

export function registerImportCommands(program: Command, ctx: CliContext): void {
  const command = program
    .command('import')
    .description('import spreadsheets (CSV, UTF-8, comma or semicolon separated) or IATI activity files; all or nothing');
  command
    .command('iati <files...>')
    .description(
      "import other publishers' IATI activity files (1.0x, 2.01–2.03) as other providers' data, kept apart from own programs; each file in one transaction; a re-import updates what changed",
    )
    .option('--dry-run', 'validate only: report what would change, write nothing')
    .option('--all-or-nothing', 'write nothing when an activity is refused (by default only that activity is left out)')
    .option('--partial', 'accepted for older scripts: refused activities never stop the others now')
    .option('--json', 'print the reports as JSON')
    .action(async (files: string[], opts: { dryRun?: boolean; allOrNothing?: boolean; json?: boolean }) =>
      (await actions()).importIatiFiles(ctx, files, opts),
    );
  for (const kind of CSV_IMPORT_KINDS) {
    command
      .command(`${kind} <file>`)
      .description(
        `import ${kind === 'rates' ? 'exchange rates (currency, date, units_per_usd)' : kind} from a CSV file${kind === 'rates' ? '' : ' or an XLSX workbook (its first sheet)'} ("-" reads standard input)`,
      )
      .option('--dry-run', 'validate only: report what would change, write nothing')
      .option('--json', 'print the report as JSON')
      .action(async (file: string, opts: { dryRun?: boolean; json?: boolean }) => (await actions()).importCsvFile(ctx, kind, file, opts));
  }
}
