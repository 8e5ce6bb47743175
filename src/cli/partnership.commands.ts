/**
 * `mitra partners list`, `mitra agreements list|remind`, `mitra engagements list` and `mitra
 * follow-ups list`: the partnership lists as tables, JSON, or the same CSV and XLSX files as
 * the API's downloads (io/partnership-tables.ts), and the daily renewal reminders.
 */
import type { Command } from 'commander';
import { agreementStatuses } from '../domain/partnership/agreement.js';
import { followUpStatuses } from '../domain/partnership/engagement.js';
import { agreementListQuerySchema, engagementListQuerySchema, followUpListQuerySchema, partnerListQuerySchema } from '../domain/partnership/partnership.schema.js';
import { agreementTable, allPages, engagementTable, followUpTable, partnerTable, type ListTable, type TableLang } from '../io/partnership-tables.js';
import { tableCsv, tableFileBytes } from '../io/table-file.js';
import { listAgreements, listEngagements, listFollowUps, listPartners, sendRenewalReminders } from '../services/partnerships.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import { sendPendingMail } from './mail-delivery.js';
import type { CliContext } from './main.js';

const FORMATS = ['table', 'json', 'csv', 'xlsx'] as const;
type ListFormat = (typeof FORMATS)[number];

interface OutputOptions {
  format: string;
  out?: string;
  lang: string;
}

function outputOf(opts: OutputOptions): { format: ListFormat; out: string | undefined; lang: TableLang } {
  const format = FORMATS.find((f) => f === opts.format);
  if (!format) throw new CliInputError(`--format must be one of ${FORMATS.join(', ')} (got "${opts.format}")`);
  if (opts.lang !== 'en' && opts.lang !== 'id') throw new CliInputError(`--lang must be en or id (got "${opts.lang}")`);
  if (format === 'xlsx' && !opts.out) throw new CliInputError('--out is required for xlsx');
  return { format, out: opts.out, lang: opts.lang };
}

/** The options every list takes: the format, a file to write, the language of the labels. */
function withOutput(command: Command): Command {
  return command
    .option('--format <format>', `${FORMATS.join(', ')} (CSV and XLSX are the web app's downloads)`, 'table')
    .option('--out <file>', 'write the CSV or XLSX to this file (required for xlsx; CSV goes to standard output without it)')
    .option('--lang <lang>', 'labels in the CSV or XLSX: en or id', 'en');
}

/**
 * Prints or writes a list: the terminal table with its summary line, JSON, or the download's
 * CSV (standard output, or a file with a BOM) or XLSX file.
 */
async function emit(ctx: CliContext, output: ReturnType<typeof outputOf>, list: { table: ListTable; text: () => string; data: unknown; noun: string }): Promise<void> {
  if (output.format === 'json') return ctx.io.out(json(list.data));
  if (output.format === 'table') return ctx.io.out(list.text());
  if (!output.out) return ctx.io.out(tableCsv(list.table).replace(/^\uFEFF/, '').trimEnd());
  await ctx.io.writeFile(output.out, await tableFileBytes(output.format, list.table));
  ctx.io.err(`wrote ${list.table.rows.length} ${list.noun}(s) to ${output.out}`);
}

function rangeText(since: number | null, upTo: number | null): string {
  if (since !== null && upTo !== null) return `${since}–${upTo}`;
  if (since !== null) return `${since} onwards`;
  if (upTo !== null) return `up to ${upTo}`;
  return 'all years';
}

function registerPartnerList(program: Command, ctx: CliContext): void {
  withOutput(
    program
      .command('partners')
      .description('partner organisations and the relationship with each')
      .command('list')
      .description('partners with their programs, triangular programs (in all and in the years asked), agreements and engagements')
      .option('--since <year>', 'first year counted in the triangular programs of the range')
      .option('--up-to <year>', 'last year counted in the triangular programs of the range')
      .option('--q <text>', 'text in the code, name or acronym')
      .option('--country <country>', 'the partner’s country (code or name)')
      .option('--all', 'also organisations without any program, agreement or engagement'),
  ).action(async (opts: OutputOptions & { since?: string; upTo?: string; q?: string; country?: string; all?: boolean }) => {
    const output = outputOf(opts);
    const query = parseInput(partnerListQuerySchema, { since: opts.since, upTo: opts.upTo, q: opts.q, country: opts.country, all: opts.all ? 'true' : undefined }, 'options');
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
              ['code', 'acronym', 'country', 'programs', 'triangular', `triangular ${range}`, 'agreements', 'engagements', 'last engagement', 'name'],
              list.items.map((p) => [p.code, p.acronym, p.country, p.programs, p.triangular, p.triangularInRange, p.agreements, p.engagements, p.lastEngagement, p.nameEn]),
            ),
            `${list.items.length} partner(s); triangular programs in ${range}: ${list.triangularInRange} (each counted once, in the published stages)`,
          ].join('\n'),
      });
    });
  });
}

function registerAgreementCommands(program: Command, ctx: CliContext): void {
  const agreements = program.command('agreements').description('agreements with partners and countries: the list and the renewal reminders');
  withOutput(
    agreements
      .command('list')
      .description('agreements, latest signed first')
      .option('--status <statuses>', `${agreementStatuses.codes.join(', ')} (comma-separated)`)
      .option('--kind <kind>', 'mou, technical_cooperation, joint_framework or work_plan')
      .option('--partner <code>', 'organisation code of a party')
      .option('--country <country>', 'a country party, or the country of a party organisation')
      .option('--expiring-within <days>', 'signed or in force, ending within this many days (or already past its end)')
      .option('--q <text>', 'text in the reference, title or subject'),
  ).action(async (opts: OutputOptions & { status?: string; kind?: string; partner?: string; country?: string; expiringWithin?: string; q?: string }) => {
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
              items.map((a) => [a.reference, a.kind, a.status, a.parties.map((p) => p.org ?? p.country).join(', '), a.signedOn, a.validUntil, a.renewal.daysLeft, a.ownerOrg, a.titleEn]),
            ),
            `${items.length} agreement(s)`,
          ].join('\n'),
      });
    });
  });

  agreements
    .command('remind')
    .description('queue the renewal reminders that are due (180, 90 and 30 days before the end of validity, each once) and send the queued mail; run it daily')
    .action(async () =>
      ctx.withApp(async (app) => {
        const report = await sendRenewalReminders(app.deps, { publicUrl: app.config.publicUrl });
        if (!report.agreements.length) ctx.io.out('no renewal reminder is due');
        for (const a of report.agreements) {
          ctx.io.out(`${a.reference}: valid until ${a.validUntil}, ${a.daysLeft} day(s) left: ${a.reminder}-day reminder queued for ${a.recipients} recipient(s)`);
        }
        await sendPendingMail(app, ctx.io);
      }),
    );
}

function registerEngagementList(program: Command, ctx: CliContext): void {
  withOutput(
    program
      .command('engagements')
      .description('visits, meetings, conferences and calls with partners')
      .command('list')
      .description('engagements, latest first')
      .option('--kind <kind>', 'visit, meeting, conference or call')
      .option('--partner <code>', 'the counterpart organisation’s code')
      .option('--country <country>', 'where it took place, the counterpart’s country, or a country an offer or request is for')
      .option('--from <date>', 'overlapping the period from this day (YYYY-MM-DD)')
      .option('--to <date>', 'overlapping the period up to this day (YYYY-MM-DD)')
      .option('--q <text>', 'text in the reference, title, purpose, counterpart or items'),
  ).action(async (opts: OutputOptions & { kind?: string; partner?: string; country?: string; from?: string; to?: string; q?: string }) => {
    const output = outputOf(opts);
    const filter = parseInput(engagementListQuerySchema.omit({ page: true, pageSize: true }), { kind: opts.kind, partner: opts.partner, country: opts.country, from: opts.from, to: opts.to, q: opts.q }, 'options');
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
  });
}

function registerFollowUpList(program: Command, ctx: CliContext): void {
  withOutput(
    program
      .command('follow-ups')
      .description('follow-up actions of the engagements')
      .command('list')
      .description('follow-up actions, earliest due first')
      .option('--overdue', 'only the open ones past their due day')
      .option('--owner <owner>', 'an account’s email or an organisation’s code')
      .option('--status <status>', followUpStatuses.codes.join(', ')),
  ).action(async (opts: OutputOptions & { overdue?: boolean; owner?: string; status?: string }) => {
    const output = outputOf(opts);
    const filter = parseInput(followUpListQuerySchema.omit({ page: true, pageSize: true }), { overdue: opts.overdue ? 'true' : undefined, owner: opts.owner, status: opts.status }, 'options');
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
  });
}

export function registerPartnershipCommands(program: Command, ctx: CliContext): void {
  registerPartnerList(program, ctx);
  registerAgreementCommands(program, ctx);
  registerEngagementList(program, ctx);
  registerFollowUpList(program, ctx);
}
