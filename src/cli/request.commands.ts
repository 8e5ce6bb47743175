/** `mitra requests …`: partner governments' requests, their assessment and their matches. */
import type { Command } from 'commander';
import { flagshipAreas, modalities } from '../domain/codes.js';
import { requestStatuses } from '../domain/request/request.js';
import { jsonOption } from './common.commands.js';
import type { CliContext, RegisterOptions } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./request.actions.js');

export function registerRequestCommands(program: Command, ctx: CliContext): void {
  const requests = program
    .command('requests')
    .description('partner governments’ requests: register, assess, decline, accept (creates a program), and matches');

  requests
    .command('list')
    .description('list requests, latest received first')
    .option('--status <statuses>', `${requestStatuses.codes.join(', ')} (comma-separated)`)
    .option('--country <country>', 'requesting country (code or name)')
    .option('--search <text>', 'text in the reference, topic or description')
    .option('--page <n>', 'page', '1')
    .addOption(jsonOption())
    .action(async (opts: { status?: string; country?: string; search?: string; page: string; json?: boolean }) =>
      (await actions()).requestsList(ctx, opts),
    );

  requests
    .command('show <ref>')
    .description('show a request (by id or reference)')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => (await actions()).requestsShow(ctx, ref, opts));

  requests
    .command('register')
    .description('register a request')
    .requiredOption('--country <country>', 'requesting country (code or name)')
    .requiredOption('--topic <text>', 'what is asked (at most 300 characters)')
    .option('--description <text>', 'details')
    .option('--area <area>', `flagship area (${flagshipAreas.codes.join(', ')})`)
    .option('--sector <code>', 'DAC 5-digit sector code')
    .option('--modality <modality>', `preferred form (${modalities.codes.join(', ')})`)
    .option('--from <date>', 'preferred period: first day (YYYY-MM-DD)')
    .option('--to <date>', 'preferred period: last day (YYYY-MM-DD)')
    .option('--received <date>', 'when the request was received (default: today)')
    .option('--relayed-by <org>', 'the embassy that relayed it (organisation code)')
    .addOption(jsonOption())
    .action(async (opts: RegisterOptions) => (await actions()).requestsRegister(ctx, opts));

  requests
    .command('assess <ref>')
    .description('take a registered request up for assessment')
    .option('--note <text>', 'a note of the coordination team')
    .option('--expect-version <n>', 'fail if the request is no longer at this version')
    .action(async (ref: string, opts: { note?: string; expectVersion?: string }) => (await actions()).requestsAssess(ctx, ref, opts));

  requests
    .command('decline <ref>')
    .description('decline a request, saying why')
    .requiredOption('--note <text>', 'why the request is declined')
    .option('--expect-version <n>', 'fail if the request is no longer at this version')
    .action(async (ref: string, opts: { note: string; expectVersion?: string }) => (await actions()).requestsDecline(ctx, ref, opts));

  requests
    .command('accept <ref>')
    .description('accept a request under assessment: creates its program in the request stage')
    .option('--agency <org>', 'the implementing ministry or agency (organisation code), e.g. from `requests matches`')
    .option('--identifier <id>', 'identifier of the new program (default: the request reference)')
    .option('--note <text>', 'a note of the coordination team')
    .option('--expect-version <n>', 'fail if the request is no longer at this version')
    .action(async (ref: string, opts: { agency?: string; identifier?: string; note?: string; expectVersion?: string }) =>
      (await actions()).requestsAccept(ctx, ref, opts),
    );

  requests
    .command('matches <ref>')
    .description('ministries, past programs and alumni that fit a request, ranked, with the reasons')
    .option('--lang <lang>', 'en or id', 'en')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { lang: string; json?: boolean }) => (await actions()).requestsMatches(ctx, ref, opts));
}
