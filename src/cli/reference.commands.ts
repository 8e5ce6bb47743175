import type { Command } from 'commander';
import { REPORT_REGIONS } from '../domain/reference/types.js';
import type { CliContext } from './context.js';

// The implementations (and the country table) load when a command runs (main.ts).
const actions = () => import('./reference.actions.js');

export function registerReferenceCommands(program: Command, ctx: CliContext): void {
  const countries = program.command('countries').description('country reference data');

  countries
    .command('resolve <names...>')
    .description('resolve country names or codes (English, Indonesian, common variants) to ISO codes')
    .action(async (names: string[]) => (await actions()).countriesResolve(ctx, names));

  countries
    .command('list')
    .description('list countries with codes, names and report regions')
    .option('--region <region>', REPORT_REGIONS.join(', '))
    .action(async (opts: { region?: string }) => (await actions()).countriesList(ctx, opts));
}
