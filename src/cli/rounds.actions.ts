/** The round commands (rounds.commands.ts): open, list, show, confirm, reopen, close. */
import { confirmPartInput, openRoundInput, reopenPartInput, type CollectionRound, type RoundPart } from '../domain/rounds/round.js';
import {
  closeRound,
  confirmRoundPart,
  listRounds,
  openRound,
  reopenRoundPart,
  roundAgencyPart,
  roundOverview,
} from '../services/rounds.js';
import { sendRoundReminders } from '../services/round-reminders.js';
import { sendPendingMail } from './mail-delivery.js';
import { parseYear } from './report.actions.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext, RoundConfirmOptions, RoundOpenOptions, RoundReopenOptions, RoundShowOptions } from './context.js';

function parseRoundId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliInputError(`the round must be a round id (1, 2, …) (got ${value})`);
  return n;
}

const day = (instant: string | null) => (instant ? instant.slice(0, 10) : '');

function describeRound(r: CollectionRound): string {
  const closed = r.closedAt ? `, closed ${day(r.closedAt)} by ${r.closedBy ?? ''}` : '';
  return `round ${r.id}: ${r.year} (${r.period}), deadline ${r.deadlineDate}, ${r.status} (opened ${day(r.openedAt)} by ${r.openedBy}${closed})`;
}

const confirmation = (p: Pick<RoundPart, 'confirmedAt' | 'confirmedBy'>) =>
  p.confirmedAt ? `${p.confirmedBy ?? ''} on ${day(p.confirmedAt)}` : '';

export async function roundsOpen(ctx: CliContext, yearText: string, opts: RoundOpenOptions): Promise<void> {
  const input = parseInput(openRoundInput, { year: parseYear(yearText), period: opts.period, deadlineDate: opts.deadline }, 'options');
  await ctx.withApp(async (app) => {
    const round = await openRound(app.deps, input);
    ctx.io.out(opts.json ? json(round) : describeRound(round));
  });
}

export async function roundsList(ctx: CliContext, yearText: string | undefined, opts: { json?: boolean }): Promise<void> {
  const year = yearText === undefined ? undefined : parseYear(yearText);
  await ctx.withApp(async (app) => {
    const rounds = await listRounds(app.deps, year);
    if (opts.json) return ctx.io.out(json(rounds));
    ctx.io.out(
      table(
        ['id', 'year', 'period', 'deadline', 'status', 'opened', 'closed'],
        rounds.map((r) => [r.id, r.year, r.period, r.deadlineDate, r.status, day(r.openedAt), day(r.closedAt)]),
      ),
    );
  });
}

export async function roundsShow(ctx: CliContext, idText: string, opts: RoundShowOptions): Promise<void> {
  const id = parseRoundId(idText);
  await ctx.withApp(async (app) => {
    if (opts.agency) {
      const part = await roundAgencyPart(app.deps, id, opts.agency);
      if (opts.json) return ctx.io.out(json(part));
      const head = `${describeRound(part.round)}\n${part.part.orgCode}: ${part.part.status}${part.late ? ' (late)' : ''} ${confirmation(part.part)}`;
      const reopened = part.part.reopenReason ? `\nreopened ${day(part.part.reopenedAt)}: ${part.part.reopenReason}` : '';
      const rows = part.programs.map((p) => [
        p.identifier,
        p.complete ? 'yes' : 'no',
        p.score,
        p.findings.map((f) => `${f.severity === 'required' ? '!' : ''}${f.labelEn}`).join('; '),
      ]);
      return ctx.io.out(`${head}${reopened}\n\n${table(['program', 'complete', 'score', 'to fix (! required)'], rows)}`);
    }
    const overview = await roundOverview(app.deps, id);
    if (opts.json) return ctx.io.out(json(overview));
    const rows = overview.agencies.map((a) => [a.orgCode, a.programs, a.complete, a.status, confirmation(a), a.late ? 'late' : '']);
    ctx.io.out(`${describeRound(overview.round)}\n\n${table(['agency', 'programs', 'complete', 'status', 'confirmed', 'late'], rows)}`);
  });
}

export async function roundsConfirm(ctx: CliContext, idText: string, opts: RoundConfirmOptions): Promise<void> {
  const id = parseRoundId(idText);
  const input = parseInput(confirmPartInput, { note: opts.note }, 'options');
  await ctx.withApp(async (app) => {
    const part = await confirmRoundPart(app.deps, id, opts.agency, input);
    ctx.io.out(opts.json ? json(part) : `${part.orgCode}: confirmed by ${confirmation(part)}`);
  });
}

export async function roundsReopen(ctx: CliContext, idText: string, opts: RoundReopenOptions): Promise<void> {
  const id = parseRoundId(idText);
  const input = parseInput(reopenPartInput, { reason: opts.reason }, 'options');
  await ctx.withApp(async (app) => {
    const part = await reopenRoundPart(app.deps, id, opts.agency, input);
    ctx.io.out(`${part.orgCode}: reopened (${input.reason})`);
  });
}

export async function roundsClose(ctx: CliContext, idText: string): Promise<void> {
  const id = parseRoundId(idText);
  await ctx.withApp(async (app) => {
    const round = await closeRound(app.deps, id);
    ctx.io.out(describeRound(round));
  });
}

export async function roundsRemind(ctx: CliContext): Promise<void> {
  await ctx.withApp(async (app) => {
    const report = await sendRoundReminders(app.deps, { publicUrl: app.config.publicUrl });
    if (!report.reminders.length) ctx.io.out('no collection round reminder is due');
    for (const r of report.reminders)
      ctx.io.out(`round ${r.roundId}, ${r.orgCode}: ${r.reminder} reminder queued for ${r.recipients} recipient(s)`);
    await sendPendingMail(app, ctx.io);
  });
}
