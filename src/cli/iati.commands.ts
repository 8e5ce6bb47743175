/** `mitra iati check`: the IATI Standard's ruleset and codelist checks of what would be published. */
import type { Command } from 'commander';
import type { CliContext } from './context.js';

export function registerIatiCommands(program: Command, ctx: CliContext): void {
  const iati = program.command('iati').description('IATI publishing: checks before publishing');

  iati
    .command('check')
    .description(
      "the IATI Standard's ruleset and codelist checks of the programs of a filter, as the IATI export would publish them: a summary per implementing agency and the programs with errors (exit code 3 when any program has an error)",
    )
    .option('--year <year>', 'year of the (actual, else planned) start')
    .option('--stage <stages>', 'lifecycle stages, comma-separated (e.g. approved,funded,implementation,completed,evaluated)')
    .option('--status <status>', 'activity status')
    .option('--country <country>', 'recipient country')
    .option('--cooperation-type <type>', 'bilateral, triangular, regional')
    .option('--implementing-org <code>', 'one implementing agency')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: Record<string, string | boolean | undefined>) => (await import('./iati.actions.js')).checkIati(ctx, opts));
}
