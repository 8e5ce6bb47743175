/** The offer, nomination and mail commands (offer.commands.ts). */
import { participantStatuses } from '../domain/codes.js';
import { offerInputSchema } from '../domain/offer/offer.js';
import { reviewList, selectAllWithinQuotas } from '../services/selection.js';
import { getOffer, listOffers, saveOffer, setOfferStatus } from '../services/offers.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { sendPendingMail } from './mail-delivery.js';
import { parseInput } from './input.js';
import type { CliContext, OfferOpenOptions } from './context.js';

function idOf(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliInputError(`${option} must be a positive whole number (got "${value}")`);
  return n;
}

export async function offersList(ctx: CliContext, opts: { q?: string; open?: boolean; json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const page = await listOffers(app.deps, { q: opts.q, openOnly: !!opts.open, page: 1, pageSize: 200 });
    if (opts.json) return ctx.io.out(json(page));
    ctx.io.out(
      table(
        ['id', 'program', 'title', 'status', 'deadline (UTC)', 'quotas'],
        page.items.map((e) => [
          e.offer.id,
          e.program.identifier,
          e.program.titleEn,
          e.offer.status,
          e.offer.deadlineAt,
          e.offer.quotas.map((q) => `${q.country}:${q.quota}`).join(' ') || (e.offer.quotaDefault ?? '–'),
        ]),
      ),
    );
  });
}

export async function offersShow(ctx: CliContext, id: string): Promise<void> {
  await ctx.withApp(async (app) => ctx.io.out(json(await getOffer(app.deps, idOf(id, 'id')))));
}

export async function offersOpen(ctx: CliContext, activityId: string, opts: OfferOpenOptions): Promise<void> {
  await ctx.withApp(async (app) => {
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
  });
}

export async function offersSetStatus(ctx: CliContext, id: string, to: 'closed' | 'open'): Promise<void> {
  await ctx.withApp(async (app) => {
    const offer = await setOfferStatus(app.deps, idOf(id, 'id'), to);
    ctx.io.out(`offer ${offer.id} is ${offer.status}`);
  });
}

export async function nominationsList(
  ctx: CliContext,
  opts: { offer: string; status?: string; page: string; json?: boolean },
): Promise<void> {
  await ctx.withApp(async (app) => {
    const status = opts.status === undefined ? undefined : participantStatuses.parse(opts.status);
    if (opts.status !== undefined && !status) throw new CliInputError(`--status must be one of ${participantStatuses.codes.join(', ')}`);
    const r = await reviewList(
      app.deps,
      idOf(opts.offer, '--offer'),
      { statuses: status ? [status] : undefined },
      idOf(opts.page, '--page'),
      50,
    );
    if (opts.json) return ctx.io.out(json(r));
    ctx.io.out(
      table(
        ['id', 'name', 'country', 'status', 'rank', 'nominated by', 'nominated at'],
        r.page.items.map((p) => [p.id, p.fullName, p.country, p.status, p.reserveRank, p.nominatedBy, p.nominatedAt]),
      ),
    );
    ctx.io.out(
      `${r.page.total} of ${r.counts.total}; ${Object.entries(r.counts.byStatus)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
    );
  });
}

export async function nominationsSelect(ctx: CliContext, opts: { offer: string; maxReserves?: string }): Promise<void> {
  await ctx.withApp(async (app) => {
    const r = await selectAllWithinQuotas(app.deps, idOf(opts.offer, '--offer'), {
      maxReserves: opts.maxReserves === undefined ? undefined : Number(opts.maxReserves),
    });
    ctx.io.out(`selected ${r.selected}, reserves ${r.reserves}, not selected ${r.notSelected}`);
  });
}

export async function mailSendPending(ctx: CliContext): Promise<void> {
  await ctx.withApp((app) => sendPendingMail(app, ctx.io));
}
