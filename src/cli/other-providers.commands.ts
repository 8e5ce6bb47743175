/** `mitra other-providers …`: other publishers' imported IATI data, kept apart from own programs. */
import type { Command } from 'commander';
import { jsonOption } from './common.commands.js';
import type { CliContext } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./other-providers.actions.js');

const int = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`"${value}" is not a whole number`);
  return n;
};

export function registerOtherProviderCommands(program: Command, ctx: CliContext): void {
  const group = program
    .command('other-providers')
    .description("other publishers' IATI data (mitra import iati), kept apart from own programs: datasets, activities, comparisons");

  group
    .command('datasets')
    .description('the imported files, one dataset per publisher and file, newest first')
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => (await actions()).datasetsList(ctx, opts));

  group
    .command('activities')
    .description('imported activities')
    .option('--publisher <id>', 'publisher id (see datasets)', int)
    .option('--dataset <id>', 'dataset id', int)
    .option('--country <iso>', 'recipient country (ISO code)')
    .option('--year <year>', 'start year', int)
    .option('--search <text>', 'text in identifier or title')
    .option('--warnings', 'only activities that break an IATI rule')
    .option('--page <n>', 'page', int, 1)
    .addOption(jsonOption())
    .action(
      async (opts: {
        publisher?: number;
        dataset?: number;
        country?: string;
        year?: number;
        search?: string;
        warnings?: boolean;
        page: number;
        json?: boolean;
      }) => (await actions()).activitiesList(ctx, opts),
    );

  group
    .command('show <id>')
    .description('one imported activity as published, with the rules it breaks and its source')
    .action(async (id: string) => (await actions()).activityShow(ctx, int(id)));

  group
    .command('delete-dataset <id>')
    .description('delete one dataset and exactly its activities')
    .action(async (id: string) => (await actions()).datasetDelete(ctx, int(id)));

  group
    .command('promote <id>')
    .description("make an imported activity an own program (only the provider's own file, identifiers with its prefix)")
    .action(async (id: string) => (await actions()).activityPromote(ctx, int(id)));

  group
    .command('compare <country>')
    .description('all providers in a recipient country by year: own programs and each publisher (USD)')
    .requiredOption('--from <year>', 'first year', int)
    .requiredOption('--to <year>', 'last year', int)
    .addOption(jsonOption())
    .action(async (country: string, opts: { from: number; to: number; json?: boolean }) => (await actions()).compare(ctx, country, opts));
}
