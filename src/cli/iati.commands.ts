/**
 * `mitra iati …`: publishing the IATI files as a publisher does (`publish`). One `.command(…)`
 * block a command; the implementations load when one runs (iati.actions.ts).
 */
import type { Command } from 'commander';
import type { CliContext, Flags } from './context.js';

const actions = () => import('./iati.actions.js');

export function registerIatiCommands(program: Command, ctx: CliContext): void {
  const iati = program.command('iati').description('IATI publishing: the files, their manifest and the IATI Registry');

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
}
