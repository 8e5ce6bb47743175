/**
 * `mitra partners list`, `mitra agreements list|remind`, `mitra engagements list` and `mitra
 * follow-ups list`: the partnership lists as tables, JSON, or the same CSV and XLSX files as
 * the API's downloads (io/partnership-tables.ts), and the daily renewal reminders.
 */
import type { Command } from 'commander';
import { agreementStatuses } from '../domain/partnership/agreement.js';
import { followUpStatuses } from '../domain/partnership/engagement.js';
import { LIST_FORMATS } from './common.commands.js';
import type { CliContext, OutputOptions } from './context.js';

// The implementations (and the CSV/XLSX writers) load when a command runs (main.ts).
const actions = () => import('./partnership.actions.js');

/** The options every list takes: the format, a file to write, the language of the labels. */
function withOutput(command: Command): Command {
  return command
    .option('--format <format>', `${LIST_FORMATS.join(', ')} (CSV and XLSX are the web app's downloads)`, 'table')
    .option('--out <file>', 'write the CSV or XLSX to this file (required for xlsx; CSV goes to standard output without it)')
    .option('--lang <lang>', 'labels in the CSV or XLSX: en or id', 'en');
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
  ).action(async (opts: OutputOptions & { since?: string; upTo?: string; q?: string; country?: string; all?: boolean }) =>
    (await actions()).partnersList(ctx, opts),
  );
}

function registerAgreementCommands(program: Command, ctx: CliContext): void {
  const agreements = program
    .command('agreements')
    .description('agreements with partners and countries: the list and the renewal reminders');
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
  ).action(
    async (
      opts: OutputOptions & { status?: string; kind?: string; partner?: string; country?: string; expiringWithin?: string; q?: string },
    ) => (await actions()).agreementsList(ctx, opts),
  );

  agreements
    .command('remind')
    .description(
      'queue the renewal reminders that are due (180, 90 and 30 days before the end of validity, each once) and send the queued mail; run it daily',
    )
    .action(async () => (await actions()).agreementsRemind(ctx));
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
  ).action(async (opts: OutputOptions & { kind?: string; partner?: string; country?: string; from?: string; to?: string; q?: string }) =>
    (await actions()).engagementsList(ctx, opts),
  );
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
  ).action(async (opts: OutputOptions & { overdue?: boolean; owner?: string; status?: string }) =>
    (await actions()).followUpsList(ctx, opts),
  );
}

export function registerPartnershipCommands(program: Command, ctx: CliContext): void {
  registerPartnerList(program, ctx);
  registerAgreementCommands(program, ctx);
  registerEngagementList(program, ctx);
  registerFollowUpList(program, ctx);
}
