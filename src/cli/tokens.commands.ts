/**
 * `mitra tokens …`: API tokens for other systems (docs/security.md, "API tokens"), run by the
 * operator on the server (the CLI acts as the system). A new token is printed once, on standard
 * output, and never again: only its sha256 is stored.
 */
import type { Command } from 'commander';
import { apiScopes, TOKEN_MAX_DAYS, TOKEN_ROLES } from '../domain/account/api-token-codes.js';
import { jsonOption } from './common.commands.js';
import type { CliContext } from './context.js';
import type { TokenCreateFlags } from './tokens.actions.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./tokens.actions.js');

export function registerTokenCommands(program: Command, ctx: CliContext): void {
  const tokens = program.command('tokens').description('API tokens for other systems: create (shown once), list, revoke');

  tokens
    .command('create')
    .description('create an API token; it is printed once')
    .requiredOption('--name <name>', 'what uses it, e.g. "bappenas-planning-2027"')
    .requiredOption('--org <code>', 'the organisation it acts for')
    .requiredOption('--role <role>', `the role it acts as: ${TOKEN_ROLES.join(', ')}`)
    .requiredOption('--scopes <list>', `comma-separated: ${apiScopes.codes.join(', ')}`)
    .option('--expires <date>', `the day it stops working (YYYY-MM-DD, at most ${TOKEN_MAX_DAYS} days ahead)`)
    .option('--days <n>', `days until it stops working (1–${TOKEN_MAX_DAYS}; instead of --expires)`)
    .action(async (opts: TokenCreateFlags) => (await actions()).tokensCreate(ctx, opts));

  tokens
    .command('list')
    .description('list API tokens (active ones; --all for revoked and expired ones too)')
    .option('--all', 'include revoked and expired tokens')
    .addOption(jsonOption())
    .action(async (opts: { all?: boolean; json?: boolean }) => (await actions()).tokensList(ctx, opts));

  tokens
    .command('revoke <token>')
    .description('revoke a token at once: its id, or its visible start (mitra_<prefix>)')
    .action(async (token: string) => (await actions()).tokensRevoke(ctx, token));
}
