import type { Command } from 'commander';
import { transitionActions } from '../domain/program/lifecycle.js';
import { jsonOption } from './common.commands.js';
import type { CliContext, Flags, UpdateOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./program.actions.js');

export function registerProgramCommands(program: Command, ctx: CliContext): void {
  const programs = program
    .command('programs')
    .alias('activities')
    .description('programs (IATI activities; `activities` is the older name)');

  programs
    .command('list')
    .description('list programs with filters')
    .option('--year <year>', 'year of the (actual, else planned) start')
    .option('--modality <code>', 'training, seminar, workshop, expert_dispatch, … (English or Indonesian)')
    .option('--flagship-area <code>', 'DEV-POV, DEV-AGR, …, OTHER')
    .option('--region <region>', 'asia, oceania, africa, americas, europe')
    .option('--country <country>', 'recipient country (code or name)')
    .option('--cooperation-type <type>', 'bilateral, triangular, regional')
    .option('--status <status>', 'activity status (pipeline, implementation, closed, …)')
    .option('--stage <stage>', 'lifecycle stage')
    .option('--partner <code>', 'partner organisation code')
    .option('--implementing-org <code>', 'implementing organisation code')
    .option('--search <text>', 'free text in identifier, titles and descriptions')
    .option('--sort <key>', 'identifier, title, start, end, year, modality, updated; prefix "-" for descending')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'rows per page (max 500)', '50')
    .addOption(jsonOption())
    .action(async (opts: Flags) => (await actions()).programsList(ctx, opts));

  programs
    .command('show <ref>')
    .description('show a program (identifier or id)')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => (await actions()).programsShow(ctx, ref, opts));

  programs
    .command('transition <ref> <action>')
    .description(`move a program through the assistance process: ${transitionActions.codes.join(', ')}`)
    .option('--comment <text>', 'why (required to reject, return or cancel)')
    .action(async (ref: string, action: string, opts: { comment?: string }) =>
      (await actions()).programsTransition(ctx, ref, action, opts),
    );

  programs
    .command('history <ref>')
    .description("a program's history: creation, changes and transitions, with who and when")
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => (await actions()).programsHistory(ctx, ref, opts));

  programs
    .command('create')
    .description('register a program from a JSON file (same fields as the API; "-" reads standard input)')
    .requiredOption('--file <path>', 'JSON file')
    .addOption(jsonOption())
    .action(async (opts: { file: string; json?: boolean }) => (await actions()).programsCreate(ctx, opts));

  programs
    .command('update <ref>')
    .description('change a program from a JSON file: only the fields given change (--replace: the file is the whole program)')
    .requiredOption('--file <path>', 'JSON file')
    .option('--replace', 'replace the whole program (fields left out are cleared)')
    .option('--expect-version <n>', 'fail if the program is no longer at this version')
    .addOption(jsonOption())
    .action(async (ref: string, opts: UpdateOptions) => (await actions()).programsUpdate(ctx, ref, opts));

  programs
    .command('delete <ref>')
    .description('delete a program and its participants')
    .action(async (ref: string) => (await actions()).programsDelete(ctx, ref));

  const participants = program.command('participants').description("a program's participants");

  participants
    .command('list <activity>')
    .description("list a program's participants")
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => (await actions()).participantsList(ctx, ref, opts));

  participants
    .command('add <activity>')
    .description('add a participant from a JSON file')
    .requiredOption('--file <path>', 'JSON file')
    .action(async (ref: string, opts: { file: string }) => (await actions()).participantsAdd(ctx, ref, opts));
}
