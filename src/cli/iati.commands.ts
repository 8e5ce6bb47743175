/**
 * `mitra iati …`: publishing the IATI files as a publisher does (`publish`) and the IATI Standard's
 * checks of what would be published (`check`). One `.command(…)`
 * block a command; the implementations load when one runs (iati.actions.ts).
 */
import type { Command } from 'commander';
import type { CliContext, Flags } from './context.js';

const actions = () => import('./iati.actions.js');

export function registerIatiCommands(program: Command, ctx: CliContext): void {
  const iati = program
    .command('iati')
    .description('IATI publishing: checks before publishing, the files, their manifest and the IATI Registry');

  iati
    .command('publish')
    .description(
      'write the published programs as IATI files within the size limit (by year, then numbered parts) with manifest.json, ' +
        'switched in at once; with MITRA_IATI_REGISTRY_URL (or --url) register each dataset on the IATI Registry',
    )
    .option('--out <dir>', 'the publish directory (default MITRA_IATI_PUBLISH_DIR)')
    .option('--dry-run', 'print what would be published (datasets, files, counts, sizes, Registry metadata) and write nothing')
    .option('--max-file-mb <mb>', 'largest file in MB, fractions allowed (default MITRA_IATI_MAX_FILE_MB, 20)')
    .option('--url <url>', 'the IATI Registry (CKAN) address to register the datasets at (default MITRA_IATI_REGISTRY_URL)')
    .option('--json', 'print JSON')
    .action(async (opts: Flags) => (await actions()).publishIati(ctx, opts));

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
    .action(async (opts: Record<string, string | boolean | undefined>) => (await import('./iati-check.actions.js')).checkIati(ctx, opts));
}
