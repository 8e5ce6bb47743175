/**
 * `mitra analytics …` (trends, concentration, triangular network), `mitra priorities …`
 * (targets and the view against the records), `mitra country-lists …` and `mitra profile …`.
 */
import type { Command } from 'commander';
import type { CliContext, RangeOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./analytics.actions.js');

function withRange(cmd: Command): Command {
  return cmd
    .option('--from <year>', 'first year (default: nine years before --to)')
    .option('--to <year>', 'last year (default: this year)')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--lang <lang>', 'en or id', 'en')
    .option('--json', 'print JSON');
}

export function registerAnalyticsCommands(program: Command, ctx: CliContext): void {
  const analytics = program.command('analytics').description('trends, concentration and the triangular network over the years');

  withRange(
    analytics
      .command('trends')
      .description(
        'programs, countries, participants and spending per year, with year-over-year change; by region, modality and flagship area',
      ),
  )
    .option('--by <dimension>', 'also break down by region, modality or area')
    .action(async (opts: RangeOptions & { by?: string }) => (await actions()).analyticsTrends(ctx, opts));

  withRange(
    analytics
      .command('concentration')
      .description('Herfindahl-Hirschman index (0–10,000) of programs and participants across countries, regions and flagship areas'),
  ).action(async (opts: RangeOptions) => (await actions()).analyticsConcentration(ctx, opts));

  withRange(analytics.command('network').description('triangular programs: implementing agency → partner → recipient country')).action(
    async (opts: RangeOptions) => (await actions()).analyticsNetwork(ctx, opts),
  );

  const priorities = program
    .command('priorities')
    .description('policy targets per year (groupings, regions, country lists, countries) and how the records measure up');

  withRange(priorities.command('show').description('targets against the records, per year; flags the ones behind')).action(
    async (opts: RangeOptions) => (await actions()).prioritiesShow(ctx, opts),
  );

  priorities
    .command('set')
    .description('set a target for one or more years (replaces the target of the same year, subject and metric)')
    .requiredOption('--subject <kind:code>', 'group:PIF, region:africa, list:melanesia or country:PS')
    .requiredOption('--metric <metric>', 'program_share, participant_share (percent), programs, participants or countries')
    .requiredOption('--target <value>', 'percent for shares (e.g. 25), else a count')
    .requiredOption('--years <years>', 'a year or a range, e.g. 2016-2020')
    .option('--at-most', 'the figure must stay at or below the target (default: at least)')
    .option('--note <text>', 'why (e.g. the policy it comes from)')
    .action(async (opts: { subject: string; metric: string; target: string; years: string; atMost?: boolean; note?: string }) =>
      (await actions()).prioritiesSet(ctx, opts),
    );

  priorities
    .command('delete <id>')
    .description('delete a target by its id (see show --json)')
    .action(async (id: string) => (await actions()).prioritiesDelete(ctx, id));

  priorities
    .command('breakdown')
    .description('a subject in one year, member country by member country')
    .requiredOption('--subject <kind:code>', 'group:PIF, region:africa, list:melanesia or country:PS')
    .requiredOption('--year <year>', 'the year')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--lang <lang>', 'en or id', 'en')
    .option('--json', 'print JSON')
    .action(async (opts: { subject: string; year: string; stage?: string; lang: string; json?: boolean }) =>
      (await actions()).prioritiesBreakdown(ctx, opts),
    );

  const lists = program.command('country-lists').description('custom country lists for priorities (next to the built-in groupings)');
  lists
    .command('list')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => (await actions()).countryListsList(ctx, opts));
  lists
    .command('set <code>')
    .description('create or replace a list')
    .requiredOption('--name-en <name>', 'English name')
    .requiredOption('--name-id <name>', 'Indonesian name')
    .requiredOption('--countries <codes>', 'ISO alpha-2 codes, comma-separated')
    .action(async (code: string, opts: { nameEn: string; nameId: string; countries: string }) =>
      (await actions()).countryListsSet(ctx, code, opts),
    );
  lists.command('delete <code>').action(async (code: string) => (await actions()).countryListsDelete(ctx, code));

  const profile = program.command('profile').description('a recipient country or a partner over the years');
  profile
    .command('country <code>')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--lang <lang>', 'en or id', 'en')
    .option('--json', 'print JSON')
    .action(async (code: string, opts: { stage?: string; lang: string; json?: boolean }) =>
      (await actions()).profileCountry(ctx, code, opts),
    );
  profile
    .command('partner <code>')
    .option('--since <year>', 'count triangular programs cumulatively from this year')
    .option('--stage <stages>', 'count only programs in these lifecycle stages (comma-separated)')
    .option('--json', 'print JSON')
    .action(async (code: string, opts: { since?: string; stage?: string; json?: boolean }) =>
      (await actions()).profilePartner(ctx, code, opts),
    );
}
