/**
 * `mitra personal-data …`: personal data protection (UU PDP, UU No. 27/2022; docs/privacy.md).
 * `export` answers an access request (Art. 7) with everything held about a person, as JSON or
 * PDF; `retention` applies the retention rules (`--dry-run` lists what would go); `retention-rules`
 * and `retention-rule` show and change them. The CLI acts as the system (the operator on the server); each export is audited.
 */
import type { Command } from 'commander';
import type { CliContext, Flags } from './context.js';

const actions = () => import('./personal-data.actions.js');

export function registerPersonalDataCommands(program: Command, ctx: CliContext): void {
  const group = program
    .command('personal-data')
    .description('personal data protection (UU PDP): access requests, retention rules, breach log, register');

  group
    .command('export')
    .description('everything held about a person (all their records), for an access request (audited)')
    .option('--participant <id>', 'any participant record of the person')
    .option('--email <email>', "the person's email")
    .option('--person-key <key>', "the person's key")
    .option('--format <format>', 'json or pdf', 'json')
    .option('--out <file>', 'write to this file (required for pdf; json goes to standard output without it)')
    .action(async (opts: Flags) => (await actions()).exportPerson(ctx, opts));

  group
    .command('retention')
    .description('apply the retention rules: delete the personal data past its period (audited); --dry-run lists it')
    .option('--dry-run', 'list what would be deleted (record, category, reason, due date), delete nothing')
    .option('--today <date>', 'evaluate as of this day (YYYY-MM-DD; dry run only)')
    .option('--json', 'print JSON')
    .action(async (opts: Flags) => (await actions()).retention(ctx, opts));

  group
    .command('retention-rules')
    .description('list the retention rules: category, months after the program ends, on/off')
    .option('--json', 'print JSON')
    .action(async (opts: Flags) => (await actions()).retentionRules(ctx, opts));

  group
    .command('retention-rule <category>')
    .description("change a retention rule's months or switch it on or off (audited)")
    .option('--months <n>', 'months after the end of the program')
    .option('--enable', 'switch the rule on')
    .option('--disable', 'switch the rule off')
    .action(async (category: string, opts: Flags) => (await actions()).retentionRule(ctx, category, opts));

  group
    .command('register')
    .description('the register of processing activities, generated from the data model, the access policy and the retention rules')
    .option('--format <format>', 'text or csv', 'text')
    .option('--lang <lang>', 'en or id', 'en')
    .option('--json', 'print JSON')
    .action(async (opts: Flags) => (await actions()).register(ctx, opts));
}
