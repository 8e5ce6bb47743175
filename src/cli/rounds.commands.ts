/** `mitra rounds …`: collection rounds (docs/rounds.md). */
import type { Command } from 'commander';
import { jsonOption } from './common.commands.js';
import type { CliContext, RoundConfirmOptions, RoundOpenOptions, RoundReopenOptions, RoundShowOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./rounds.actions.js');

export function registerRoundCommands(program: Command, ctx: CliContext): void {
  const group = program
    .command('rounds')
    .description("collection rounds: open a year's (or half-year's) round, follow each agency's part, confirm, reopen, close");

  group
    .command('open')
    .description('open a round: every implementing agency with programs in the period gets a part to complete and confirm')
    .argument('<year>', 'the year')
    .option('--period <period>', 'year, h1 (January–June) or h2 (July–December)', 'year')
    .requiredOption('--deadline <date>', 'the last day to confirm (YYYY-MM-DD)')
    .addOption(jsonOption())
    .action(async (year: string, opts: RoundOpenOptions) => (await actions()).roundsOpen(ctx, year, opts));

  group
    .command('list')
    .description('the rounds of a year (or of every year)')
    .argument('[year]', 'the year')
    .addOption(jsonOption())
    .action(async (year: string | undefined, opts: { json?: boolean }) => (await actions()).roundsList(ctx, year, opts));

  group
    .command('show')
    .description("a round's progress per agency (programs, complete, confirmed, late), or one agency's programs and findings")
    .argument('<id>', 'the round')
    .option('--agency <code>', "show this agency's part: its programs and what to complete")
    .addOption(jsonOption())
    .action(async (id: string, opts: RoundShowOptions) => (await actions()).roundsShow(ctx, id, opts));

  group
    .command('confirm')
    .description("confirm an agency's part (refused while required fields are missing, unless --note says why)")
    .argument('<id>', 'the round')
    .requiredOption('--agency <code>', 'the agency')
    .option('--note <text>', 'why to confirm with required fields still missing (recorded)')
    .addOption(jsonOption())
    .action(async (id: string, opts: RoundConfirmOptions) => (await actions()).roundsConfirm(ctx, id, opts));

  group
    .command('reopen')
    .description("reopen an agency's confirmed part")
    .argument('<id>', 'the round')
    .requiredOption('--agency <code>', 'the agency')
    .requiredOption('--reason <text>', 'why (recorded, and shown to the agency)')
    .action(async (id: string, opts: RoundReopenOptions) => (await actions()).roundsReopen(ctx, id, opts));

  group
    .command('close')
    .description('close a round: its parts are final (an unconfirmed agency still blocks freezing the year)')
    .argument('<id>', 'the round')
    .action(async (id: string) => (await actions()).roundsClose(ctx, id));

  group
    .command('remind')
    .description(
      'queue the reminders due for agencies that have not confirmed (7 and 1 days before the deadline, the day after, then weekly; each once) and send the queued mail; the server sends them by itself',
    )
    .action(async () => (await actions()).roundsRemind(ctx));
}
