/**
 * `mitra users …`: accounts, run by the operator on the server (the CLI acts as the system).
 * Passwords come from standard input (`--password-stdin`) or are generated and shown once;
 * they never appear as command-line arguments (which other users of the machine can see).
 */
import type { Command } from 'commander';
import { roles } from '../domain/access/actor.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../domain/audit.js';
import { jsonOption } from './common.commands.js';
import type { AccountChange, CliContext, Flags } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./users.actions.js');

export function registerUserCommands(program: Command, ctx: CliContext): void {
  const users = program.command('users').description('accounts: create, list, change role, disable, reset passwords');

  users
    .command('create')
    .description('create an account (the first administrator: --role admin)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', roles.codes.join(', '))
    .option('--org <code>', 'organisation code (required for agency, embassy and focal_point accounts)')
    .option('--password-stdin', 'read the password from the first line of standard input (else one is generated and shown once)')
    .action(async (opts: { email: string; name: string; role: string; org?: string; passwordStdin?: boolean }) =>
      (await actions()).usersCreate(ctx, opts),
    );

  users
    .command('list')
    .description('list accounts')
    .option('--all', 'include disabled accounts')
    .option('--role <role>', 'only this role')
    .option('--search <text>', 'text in email, name or organisation')
    .addOption(jsonOption())
    .action(async (opts: { all?: boolean; role?: string; search?: string; json?: boolean }) => (await actions()).usersList(ctx, opts));

  const change = (name: AccountChange, description: string) =>
    users
      .command(`${name} <email>`)
      .description(description)
      .action(async (email: string, opts: Flags) => (await actions()).usersChange(ctx, name, email, opts));

  change('disable', 'disable an account (its sessions end at once)');
  change('enable', 'enable a disabled account');
  change('set-role', 'change the role (and organisation) of an account')
    .requiredOption('--role <role>', roles.codes.join(', '))
    .option('--org <code>', 'organisation code');
  change('set-password', 'set a new password (its sessions end)').option(
    '--password-stdin',
    'read the password from the first line of standard input (else one is generated and shown once)',
  );

  users
    .command('reset-2fa <email>')
    .description(
      "remove an account's second factor (a lost phone): its sessions end, and it sets one up again at its next sign-in if its role requires one",
    )
    .action(async (email: string) => (await actions()).usersResetSecondFactor(ctx, email));

  users
    .command('unlock <email>')
    .description("lift an account's sign-in limit: its failed sign-ins are forgotten, so its owner signs in again at once (audited)")
    .action(async (email: string) => (await actions()).usersUnlock(ctx, email));

  users
    .command('demo-passwords')
    .description("show again the demo accounts' passwords written at the first start (those changed since are not shown)")
    .action(async () => (await actions()).usersDemoPasswords(ctx));

  program
    .command('audit')
    .description('search the audit log (newest first)')
    .option('--entity <entity>', AUDIT_ENTITIES.join(', '))
    .option('--id <id>', 'the record id')
    .option('--action <action>', AUDIT_ACTIONS.join(', '))
    .option('--search <text>', 'text in the actor, record or changed values')
    .option('--limit <n>', 'entries to show', '50')
    .addOption(jsonOption())
    .action(async (opts: { entity?: string; id?: string; action?: string; search?: string; limit: string; json?: boolean }) =>
      (await actions()).auditSearch(ctx, opts),
    );
}
