/**
 * `mitra offers list|show|open|close`, `mitra nominations list|select` and `mitra mail
 * send-pending`: the course offers and their nominations, run by the operator as the system.
 */
import type { Command } from 'commander';
import { participantStatuses } from '../domain/codes.js';
import type { CliContext, OfferOpenOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./offer.actions.js');

export function registerOfferCommands(program: Command, ctx: CliContext): void {
  const offers = program.command('offers').description('course offers: programs open for nominations');
  offers
    .command('list')
    .description('the catalogue (every status, as the coordination team sees it)')
    .option('--q <text>', 'text in the titles and summaries')
    .option('--open', 'only offers taking nominations now')
    .option('--json', 'print JSON')
    .action(async (opts: { q?: string; open?: boolean; json?: boolean }) => (await actions()).offersList(ctx, opts));
  offers
    .command('show <id>')
    .description("an offer's page")
    .action(async (id: string) => (await actions()).offersShow(ctx, id));
  offers
    .command('open <activityId>')
    .description('open a program for nominations (or change its offer)')
    .requiredOption('--deadline <instant>', 'e.g. 2026-12-01T23:59:59+07:00')
    .option('--quota-default <n>', 'places per country without a quota of its own')
    .option('--quota-total <n>', 'places in all')
    .option('--quota <COUNTRY=N...>', 'places of one country (repeatable)')
    .option('--summary-en <text>')
    .option('--summary-id <text>')
    .option('--draft', 'save as a draft (not in the catalogue)')
    .action(async (activityId: string, opts: OfferOpenOptions) => (await actions()).offersOpen(ctx, activityId, opts));
  for (const [name, to] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    offers
      .command(`${name} <id>`)
      .description(name === 'close' ? 'stop taking nominations' : 'take nominations again')
      .action(async (id: string) => (await actions()).offersSetStatus(ctx, id, to));
  }

  const nominations = program.command('nominations').description("an offer's nominations");
  nominations
    .command('list')
    .requiredOption('--offer <id>', 'the offer')
    .option('--status <status>', `one of ${participantStatuses.codes.join(', ')}`)
    .option('--page <n>', 'page (50 a page)', '1')
    .option('--json', 'print JSON')
    .action(async (opts: { offer: string; status?: string; page: string; json?: boolean }) => (await actions()).nominationsList(ctx, opts));
  nominations
    .command('select')
    .description('select every candidate within the quotas, by nomination time; the rest become ranked reserves')
    .requiredOption('--offer <id>', 'the offer')
    .option('--max-reserves <n>', 'at most this many reserves (the others are not selected)')
    .action(async (opts: { offer: string; maxReserves?: string }) => (await actions()).nominationsSelect(ctx, opts));

  program
    .command('mail')
    .description('the mail outbox')
    .command('send-pending')
    .description('send the queued mail now (MITRA_SMTP_URL; without it the mail is only listed)')
    .action(async () => (await actions()).mailSendPending(ctx));
}
