/** The partnership commands (partnership.commands.ts): partners, agreements, engagements, follow-ups. */
import {
  agreementListQuerySchema,
  engagementListQuerySchema,
  followUpListQuerySchema,
  partnerListQuerySchema,
} from '../domain/partnership/partnership.schema.js';
import {
  agreementTable,
  allPages,
  engagementTable,
  followUpTable,
  partnerTable,
  type ListTable,
  type TableLang,
} from '../io/partnership-tables.js';
import { tableCsv, tableFileBytes } from '../io/table-file.js';
import { listAgreements } from '../services/agreements.js';
import { listEngagements } from '../services/engagements.js';
import { listFollowUps } from '../services/follow-ups.js';
import { listPartners } from '../services/partners.js';
import { sendRenewalReminders } from '../services/reminders.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import { sendPendingMail } from './mail-delivery.js';
import { LIST_FORMATS } from './common.commands.js';
import type { CliContext, OutputOptions } from './context.js';

type ListFormat = (typeof LIST_FORMATS)[number];

function outputOf(opts: OutputOptions): { format: ListFormat; out: string | undefined; lang: TableLang } {
  const format = LIST_FORMATS.find((f) => f === opts.format);
  if (!format) throw new CliInputError(`--format must be one of ${LIST_FORMATS.join(', ')} (got "${opts.format}")`);
  if (opts.lang !== 'en' && opts.lang !== 'id') throw new CliInputError(`--lang must be en or id (got "${opts.lang}")`);
  if (format === 'xlsx' && !opts.out) throw new CliInputError('--out is required for xlsx');
  return { format, out: opts.out, lang: opts.lang };
}

/**
 * Prints or writes a list: the terminal table with its summary line, JSON, or the download's
 * CSV (standard output, or a file with a BOM) or XLSX file.
 */
async function emit(
  ctx: CliContext,
  output: ReturnType<typeof outputOf>,
  list: { table: ListTable; text: () => string; data: unknown; noun: string },
): Promise<void> {
  if (output.format === 'json') return ctx.io.out(json(list.data));
  if (output.format === 'table') return ctx.io.out(list.text());
  if (!output.out)
    return ctx.io.out(
      tableCsv(list.table)
        .replace(/^\uFEFF/, '')
        .trimEnd(),
    );
  await ctx.io.writeFile(output.out, await tableFileBytes(output.format, list.table));
  ctx.io.err(`wrote ${list.table.rows.length} ${list.noun}(s) to ${output.out}`);
}

function rangeText(since: number | null, upTo: number | null): string {
  if (since !== null && upTo !== null) return `${since}–${upTo}`;
  if (since !== null) return `${since} onwards`;
  if (upTo !== null) return `up to ${upTo}`;
  return 'all years';
}

export async function partnersList(
  ctx: CliContext,
  opts: OutputOptions & { since?: string; upTo?: string; q?: string; country?: string; all?: boolean },
): Promise<void> {
  const output = outputOf(opts);
  const query = parseInput(
    partnerListQuerySchema,
    { since: opts.since, upTo: opts.upTo, q: opts.q, country: opts.country, all: opts.all ? 'true' : undefined },
    'options',
  );
  await ctx.withApp(async (app) => {
    const list = await listPartners(app.deps, query);
    const range = rangeText(list.since, list.upTo);
    await emit(ctx, output, {
      table: partnerTable(list.items, list, output.lang),
      data: list,
      noun: 'partner',
      text: () =>
        [
          table(
            [
              'code',
              'acronym',
              'country',
              'programs',
              'triangular',
              `triangular ${range}`,
              'agreements',
              'engagements',
              'last engagement',
              'name',
            ],
            list.items.map((p) => [
              p.code,
              p.acronym,
              p.country,
              p.programs,
              p.triangular,
              p.triangularInRange,
              p.agreements,
              p.engagements,
              p.lastEngagement,
              p.nameEn,
            ]),
          ),
          `${list.items.length} partner(s); triangular programs in ${range}: ${list.triangularInRange} (each counted once, in the published stages)`,
        ].join('\n'),
    });
  });
}

export async function agreementsList(
  ctx: CliContext,
  opts: OutputOptions & { status?: string; kind?: string; partner?: string; country?: string; expiringWithin?: string; q?: string },
): Promise<void> {
  const output = outputOf(opts);
  const filter = parseInput(
    agreementListQuerySchema.omit({ page: true, pageSize: true }),
    { status: opts.status, kind: opts.kind, partner: opts.partner, country: opts.country, expiringWithin: opts.expiringWithin, q: opts.q },
    'options',
  );
  await ctx.withApp(async (app) => {
    const items = await allPages((page) => listAgreements(app.deps, { ...filter, page, pageSize: 200 }));
    await emit(ctx, output, {
      table: agreementTable(items, output.lang),
      data: { items, total: items.length },
      noun: 'agreement',
      text: () =>
        [
          table(
            ['reference', 'kind', 'status', 'parties', 'signed', 'valid until', 'days left', 'owner', 'title'],
            items.map((a) => [
              a.reference,
              a.kind,
              a.status,
              a.parties.map((p) => p.org ?? p.country).join(', '),
              a.signedOn,
              a.validUntil,
              a.renewal.daysLeft,
              a.ownerOrg,
              a.titleEn,
            ]),
          ),
          `${items.length} agreement(s)`,
        ].join('\n'),
    });
  });
}

export async function agreementsRemind(ctx: CliContext): Promise<void> {
  await ctx.withApp(async (app) => {
    const report = await sendRenewalReminders(app.deps, { publicUrl: app.config.publicUrl });
    if (!report.agreements.length) ctx.io.out('no renewal reminder is due');
    for (const a of report.agreements) {
      ctx.io.out(
        `${a.reference}: valid until ${a.validUntil}, ${a.daysLeft} day(s) left: ${a.reminder}-day reminder queued for ${a.recipients} recipient(s)`,
      );
    }
    await sendPendingMail(app, ctx.io);
  });
}

export async function engagementsList(
  ctx: CliContext,
  opts: OutputOptions & { kind?: string; partner?: string; country?: string; from?: string; to?: string; q?: string },
): Promise<void> {
  const output = outputOf(opts);
  const filter = parseInput(
    engagementListQuerySchema.omit({ page: true, pageSize: true }),
    { kind: opts.kind, partner: opts.partner, country: opts.country, from: opts.from, to: opts.to, q: opts.q },
    'options',
  );
  await ctx.withApp(async (app) => {
    const items = await allPages((page) => listEngagements(app.deps, { ...filter, page, pageSize: 200 }));
    await emit(ctx, output, {
      table: engagementTable(items, output.lang),
      data: { items, total: items.length },
      noun: 'engagement',
      text: () =>
        [
          table(
            ['reference', 'kind', 'starts', 'ends', 'country', 'partner', 'offers', 'requests', 'open', 'overdue', 'title'],
            items.map((e) => [
              e.reference,
              e.kind,
              e.startsOn,
              e.endsOn,
              e.country,
              e.partnerOrg,
              e.items.filter((i) => i.kind === 'offer').length,
              e.items.filter((i) => i.kind === 'request').length,
              e.followUps.filter((f) => f.status === 'open').length,
              e.followUps.filter((f) => f.overdue).length,
              e.title,
            ]),
          ),
          `${items.length} engagement(s)`,
        ].join('\n'),
    });
  });
}

export async function followUpsList(
  ctx: CliContext,
  opts: OutputOptions & { overdue?: boolean; owner?: string; status?: string },
): Promise<void> {
  const output = outputOf(opts);
  const filter = parseInput(
    followUpListQuerySchema.omit({ page: true, pageSize: true }),
    { overdue: opts.overdue ? 'true' : undefined, owner: opts.owner, status: opts.status },
    'options',
  );
  await ctx.withApp(async (app) => {
    const items = await allPages((page) => listFollowUps(app.deps, { ...filter, page, pageSize: 200 }));
    await emit(ctx, output, {
      table: followUpTable(items, output.lang),
      data: { items, total: items.length },
      noun: 'follow-up',
      text: () =>
        [
          table(
            ['id', 'engagement', 'due', 'status', 'overdue', 'owner', 'action'],
            items.map((f) => [f.id, f.engagementReference, f.dueOn, f.status, f.overdue ? 'OVERDUE' : '', f.owner, f.action]),
          ),
          `${items.length} follow-up(s), ${items.filter((f) => f.overdue).length} overdue`,
        ].join('\n'),
    });
  });
}
