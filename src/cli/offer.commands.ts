/**
 * `mitra offers list|show|open|close`, `mitra nominations list|select` and `mitra mail
 * send-pending`: the course offers and their nominations, run by the operator as the system.
 */
import type { Command } from 'commander';
import { participantStatuses } from '../domain/codes.js';
import { offerInputSchema } from '../domain/offer/offer.js';
import { reviewList, selectAllWithinQuotas } from '../services/nominations.js';
import { getOffer, listOffers, saveOffer, setOfferStatus } from '../services/offers.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { sendPendingMail } from './mail-delivery.js';
import { parseInput } from './input.js';
import type { CliContext } from './main.js';

function idOf(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliInputError(`${option} must be a positive whole number (got "${value}")`);
  return n;
}

export function registerOfferCommands(program: Command, ctx: CliContext): void {
  const offers = program.command('offers').description('course offers: programs open for nominations');
  offers
    .command('list')
    .description('the catalogue (every status, as the coordination team sees it)')
    .option('--q <text>', 'text in the titles and summaries')
    .option('--open', 'only offers taking nominations now')
    .option('--json', 'print JSON')
    .action(async (opts: { q?: string; open?: boolean; json?: boolean }) =>
      ctx.withApp(async (app) => {
        const page = await listOffers(app.deps, { q: opts.q, openOnly: !!opts.open, page: 1, pageSize: 200 });
        if (opts.json) return ctx.io.out(json(page));
        ctx.io.out(table(['id', 'program', 'title', 'status', 'deadline (UTC)', 'quotas'], page.items.map((e) => [e.offer.id, e.program.identifier, e.program.titleEn, e.offer.status, e.offer.deadlineAt, e.offer.quotas.map((q) => `${q.country}:${q.quota}`).join(' ') || (e.offer.quotaDefault ?? '–')])));
      }),
    );
  offers
    .command('show <id>')
    .description("an offer's page")
    .action(async (id: string) => ctx.withApp(async (app) => ctx.io.out(json(await getOffer(app.deps, idOf(id, 'id'))))));
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
    .action(async (activityId: string, opts: { deadline: string; quotaDefault?: string; quotaTotal?: string; quota?: string[]; summaryEn?: string; summaryId?: string; draft?: boolean }) =>
      ctx.withApp(async (app) => {
        const quotas = (opts.quota ?? []).map((q) => {
          const [country, n] = q.split('=');
          if (!country || n === undefined) throw new CliInputError(`--quota must be COUNTRY=N (got "${q}")`);
          return { country, quota: Number(n) };
        });
        const input = parseInput(
          offerInputSchema,
          {
            deadline: opts.deadline,
            quotaDefault: opts.quotaDefault === undefined ? null : Number(opts.quotaDefault),
            quotaTotal: opts.quotaTotal === undefined ? null : Number(opts.quotaTotal),
            quotas,
            summaryEn: opts.summaryEn,
            summaryId: opts.summaryId,
            status: opts.draft ? 'draft' : 'open',
          },
          'options',
        );
        const offer = await saveOffer(app.deps, idOf(activityId, 'activityId'), input);
        ctx.io.out(`offer ${offer.id} is ${offer.status}; deadline ${offer.deadlineAt}`);
      }),
    );
  for (const [name, to] of [['close', 'closed'], ['reopen', 'open']] as const) {
    offers
      .command(`${name} <id>`)
      .description(name === 'close' ? 'stop taking nominations' : 'take nominations again')
      .action(async (id: string) =>
        ctx.withApp(async (app) => {
          const offer = await setOfferStatus(app.deps, idOf(id, 'id'), to);
          ctx.io.out(`offer ${offer.id} is ${offer.status}`);
        }),
      );
  }

  const nominations = program.command('nominations').description("an offer's nominations");
  nominations
    .command('list')
    .requiredOption('--offer <id>', 'the offer')
    .option('--status <status>', `one of ${participantStatuses.codes.join(', ')}`)
    .option('--page <n>', 'page (50 a page)', '1')
    .option('--json', 'print JSON')
    .action(async (opts: { offer: string; status?: string; page: string; json?: boolean }) =>
      ctx.withApp(async (app) => {
        const status = opts.status === undefined ? undefined : participantStatuses.parse(opts.status);
        if (opts.status !== undefined && !status) throw new CliInputError(`--status must be one of ${participantStatuses.codes.join(', ')}`);
        const r = await reviewList(app.deps, idOf(opts.offer, '--offer'), { statuses: status ? [status] : undefined }, idOf(opts.page, '--page'), 50);
        if (opts.json) return ctx.io.out(json(r));
        ctx.io.out(table(['id', 'name', 'country', 'status', 'rank', 'nominated by', 'nominated at'], r.page.items.map((p) => [p.id, p.fullName, p.country, p.status, p.reserveRank, p.nominatedBy, p.nominatedAt])));
        ctx.io.out(`${r.page.total} of ${r.counts.total}; ${Object.entries(r.counts.byStatus).map(([s, n]) => `${s} ${n}`).join(', ')}`);
      }),
    );
  nominations
    .command('select')
    .description('select every candidate within the quotas, by nomination time; the rest become ranked reserves')
    .requiredOption('--offer <id>', 'the offer')
    .option('--max-reserves <n>', 'at most this many reserves (the others are not selected)')
    .action(async (opts: { offer: string; maxReserves?: string }) =>
      ctx.withApp(async (app) => {
        const r = await selectAllWithinQuotas(app.deps, idOf(opts.offer, '--offer'), { maxReserves: opts.maxReserves === undefined ? undefined : Number(opts.maxReserves) });
        ctx.io.out(`selected ${r.selected}, reserves ${r.reserves}, not selected ${r.notSelected}`);
      }),
    );

  program
    .command('mail')
    .description('the mail outbox')
    .command('send-pending')
    .description('send the queued mail now (MITRA_SMTP_URL; without it the mail is only listed)')
    .action(async () => ctx.withApp((app) => sendPendingMail(app, ctx.io)));
}
