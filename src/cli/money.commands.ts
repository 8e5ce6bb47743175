/**
 * `mitra money …`: budget against spending, the in-kind estimates and their unit costs; and
 * `mitra export tossd` (registered by export.commands.ts) for the TOSSD/CRS-style CSV.
 */
import type { Command } from 'commander';
import type { CliContext, Flags } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./money.actions.js');

/** The filter flags shared by `money budget` and `money in-kind`. */
function filterOptions(command: Command): Command {
  return command
    .option('--year <year>', 'one program year (of the actual, else planned, start)')
    .option('--from <year>', 'first program year')
    .option('--to <year>', 'last program year')
    .option('--agency <code>', 'implementing ministry or agency (organisation code)')
    .option('--stage <stages>', 'lifecycle stages, comma-separated')
    .option('--page <n>', 'page of the rows', '1')
    .option('--page-size <n>', 'rows per page (at most 500)', '50')
    .option('--json', 'print JSON');
}

export function registerMoneyCommands(program: Command, ctx: CliContext): void {
  const command = program.command('money').description('budget against spending, in-kind estimates and their unit costs');

  filterOptions(
    command
      .command('budget')
      .description(
        'budget against spending per program, agency or year, in USD and IDR at the rates of each value date, with the execution rate',
      )
      .option('--group-by <group>', 'program, agency or year', 'program'),
  ).action(async (o: Flags) => (await actions()).moneyBudget(ctx, o));

  filterOptions(
    command
      .command('in-kind')
      .description('ESTIMATED in-kind values of programs with no spending (unit costs × people × days), with their inputs'),
  ).action(async (o: Flags) => (await actions()).moneyInKind(ctx, o));

  const costs = command
    .command('unit-costs')
    .description('unit costs of the in-kind estimates (participant-day, expert-day, flight per recipient region)');
  costs
    .command('list')
    .description('the unit costs, each from its day on')
    .option('--json', 'print JSON')
    .action(async (o: Flags) => (await actions()).unitCostsList(ctx, o));
  costs
    .command('set')
    .description('add or replace the unit cost of a kind (and region) from a year or day on')
    .requiredOption('--kind <kind>', 'participant_day, expert_day or flight')
    .option('--region <region>', 'for a flight: the recipient region (asia, oceania, africa, americas, europe)')
    .option('--year <year>', 'the cost applies from 1 January of this year')
    .option('--valid-from <day>', 'the cost applies from this day (YYYY-MM-DD)')
    .requiredOption('--currency <code>', 'ISO 4217 currency, e.g. IDR')
    .requiredOption('--amount <amount>', 'a positive amount, at most two decimals')
    .option('--note <text>', 'where the figure comes from')
    .action(async (o: Flags) => (await actions()).unitCostsSet(ctx, o));
  costs
    .command('import')
    .description(
      'add or replace unit costs from a CSV with columns kind, region, year or valid_from, currency, amount, note (all or nothing)',
    )
    .argument('<file>', 'the CSV file ("-" reads standard input)')
    .action(async (file: string) => (await actions()).unitCostsImport(ctx, file));
}

/** `mitra export tossd` (the export command group lives in export.commands.ts). */
export function registerTossdExportCommand(exportCommand: Command, ctx: CliContext): void {
  exportCommand
    .command('tossd')
    .description(
      'a TOSSD/CRS-style CSV of a year: one row per program and recipient, amounts in USD, in-kind estimates in their own column',
    )
    .requiredOption('--year <year>', 'the program year')
    .option('--stage <stages>', 'lifecycle stages, comma-separated (default: implementation,completed,evaluated)')
    .option('--out <file>', 'write to this file (else standard output)')
    .action(async (o: Flags) => (await actions()).exportTossd(ctx, o));
}
