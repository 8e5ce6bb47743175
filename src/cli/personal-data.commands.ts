/**
 * `mitra personal-data …`: personal data protection (UU PDP, UU No. 27/2022; docs/privacy.md).
 * `export` answers an access request (Art. 7) with everything held about a person, as JSON or
 * PDF. The CLI acts as the system (the operator on the server); each export is audited.
 */
import type { Command } from 'commander';
import type { CliContext, Flags } from './context.js';

const actions = () => import('./personal-data.actions.js');

export function registerPersonalDataCommands(program: Command, ctx: CliContext): void {
  const group = program.command('personal-data').description('personal data protection (UU PDP): access requests');

  group
    .command('export')
    .description('everything held about a person (all their records), for an access request (audited)')
    .option('--participant <id>', 'any participant record of the person')
    .option('--email <email>', "the person's email")
    .option('--person-key <key>', "the person's key")
    .option('--format <format>', 'json or pdf', 'json')
    .option('--out <file>', 'write to this file (required for pdf; json goes to standard output without it)')
    .action(async (opts: Flags) => (await actions()).exportPerson(ctx, opts));
}
