import type { Command } from 'commander';
import { jsonOption } from './common.commands.js';
import type { CliContext } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./organisation.actions.js');

export function registerOrganisationCommands(program: Command, ctx: CliContext): void {
  const orgs = program.command('orgs').alias('organisations').description('ministries, agencies, partners and recipient institutions');

  orgs
    .command('list')
    .description('list organisations')
    .option('--kind <kind>', 'provider_agency, embassy, partner, recipient_institution, multilateral')
    .option('--search <text>', 'text in code, names or acronym')
    .addOption(jsonOption())
    .action(async (opts: { kind?: string; search?: string; json?: boolean }) => (await actions()).orgsList(ctx, opts));

  orgs
    .command('show <code>')
    .description('show an organisation')
    .action(async (code: string) => (await actions()).orgsShow(ctx, code));

  orgs
    .command('create')
    .description('register an organisation from a JSON file')
    .requiredOption('--file <path>', 'JSON file')
    .action(async (opts: { file: string }) => (await actions()).orgsCreate(ctx, opts));
}
