/**
 * `mitra alumni list`, `mitra surveys list|send-due|results`, `mitra participants erase` and
 * `mitra export participants` (docs/participants.md, docs/privacy.md). The CLI acts as the
 * system (the operator on the server), so it sees everything the coordination team sees.
 */
import type { Command } from 'commander';
import type { CliContext, ParticipantExportOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./alumni.actions.js');

export function registerAlumniCommands(program: Command, ctx: CliContext): void {
  const alumni = program.command('alumni').description('alumni across programs (personal data)');
  alumni
    .command('list')
    .description('alumni (attended or completed) as persons, with their programs')
    .option('--country <country>', 'country of the alumni (code or name)')
    .option('--q <text>', 'text in the name or organisation')
    .option('--page <n>', 'page', '1')
    .option('--page-size <n>', 'persons per page', '50')
    .option('--json', 'print JSON')
    .action(async (opts: { country?: string; q?: string; page: string; pageSize: string; json?: boolean }) =>
      (await actions()).alumniList(ctx, opts),
    );

  const surveys = program.command('surveys').description('follow-up surveys of alumni');
  surveys
    .command('list')
    .description('the surveys and their questions')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => (await actions()).surveysList(ctx, opts));
  surveys
    .command('send-due')
    .description('invite the alumni whose survey is due and queue their mail (links use MITRA_PUBLIC_URL)')
    .option('--today <date>', 'count from this day (YYYY-MM-DD) instead of today')
    .action(async (opts: { today?: string }) => (await actions()).surveysSendDue(ctx, opts));
  surveys
    .command('results')
    .description("a program's survey figures per wave")
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => (await actions()).surveysResults(ctx, opts));

  // `participants` is the group of program.commands.ts: erasure joins it.
  const participants =
    program.commands.find((c) => c.name() === 'participants') ?? program.command('participants').description("a program's participants");
  participants
    .command('erase <id>')
    .description('erase a participant’s personal data on request (the counts stay); --whole-person erases every record of the person')
    .requiredOption('--reason <text>', 'why (the request), kept in the audit log')
    .option('--whole-person', 'also the person’s records in other programs')
    .action(async (id: string, opts: { reason: string; wholePerson?: boolean }) => (await actions()).participantsErase(ctx, id, opts));
}

/** `mitra export participants`: joins the `export` group of export.commands.ts. */
export function registerParticipantExportCommand(exportCommand: Command, ctx: CliContext): void {
  exportCommand
    .command('participants')
    .description('participants with their personal data (CSV or XLSX)')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .option('--out <file>', 'write to this file (required for xlsx; csv goes to standard output without it)')
    .option('--program <id>', 'program id')
    .option('--country <country>', 'country of the participants')
    .option('--status <status>', 'participant status')
    .option('--year <year>', 'program year')
    .action(async (opts: ParticipantExportOptions) => (await actions()).exportParticipantFile(ctx, opts));
}
