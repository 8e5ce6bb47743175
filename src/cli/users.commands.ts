/**
 * `mitra users …`: accounts, run by the operator on the server (the CLI acts as the system).
 * Passwords come from standard input (`--password-stdin`) or are generated and shown once;
 * they never appear as command-line arguments (which other users of the machine can see).
 */
import type { Command } from 'commander';
import { roles } from '../domain/access/actor.js';
import { passwordSchema, userInputSchema, userPatchSchema, type User } from '../domain/account/user.js';
import { randomPassword } from '../services/demo/demo-accounts.js';
import { createUser, findUserByEmail, listUsers, updateUser } from '../services/users.js';
import { searchAudit } from '../services/audit.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../domain/audit.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { jsonOption, type CliContext } from './main.js';

async function passwordFrom(ctx: CliContext, fromStdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: randomPassword(), generated: true };
  const password = (await ctx.io.read('-')).split(/\r?\n/)[0] ?? '';
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new CliInputError(`the password from standard input is not acceptable: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return { password, generated: false };
}

const row = (u: User) => [u.id, u.email, u.name, u.role, u.orgCode, u.disabled ? 'disabled' : 'active', u.lastLoginAt];

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
    .action(async (opts: { email: string; name: string; role: string; org?: string; passwordStdin?: boolean }) => {
      const { password, generated } = await passwordFrom(ctx, opts.passwordStdin);
      const parsed = userInputSchema.safeParse({ email: opts.email, name: opts.name, role: opts.role, orgCode: opts.org ?? null, password });
      if (!parsed.success) throw new CliInputError('the account is not valid', parsed.error.issues.map((i) => `${i.path.join('.') || 'account'}: ${i.message}`));
      await ctx.withApp(async (app) => {
        const user = await createUser(app.deps, parsed.data);
        ctx.io.out(`created ${user.role} account ${user.email} (id ${user.id})`);
        if (generated) ctx.io.out(`password (shown once): ${password}`);
      });
    });

  users
    .command('list')
    .description('list accounts')
    .option('--all', 'include disabled accounts')
    .option('--role <role>', 'only this role')
    .option('--search <text>', 'text in email, name or organisation')
    .addOption(jsonOption())
    .action(async (opts: { all?: boolean; role?: string; search?: string; json?: boolean }) => {
      await ctx.withApp(async (app) => {
        const items = await listUsers(app.deps, { includeDisabled: !!opts.all, role: opts.role, q: opts.search });
        if (opts.json) return ctx.io.out(json(items));
        ctx.io.out(table(['id', 'email', 'name', 'role', 'organisation', 'status', 'last sign-in'], items.map(row)));
      });
    });

  const change = (name: string, description: string, patchOf: (opts: Record<string, string | boolean | undefined>) => Promise<{ patch: unknown; password?: string }>) =>
    users
      .command(`${name} <email>`)
      .description(description)
      .action(async (email: string, opts: Record<string, string | boolean | undefined>) => {
        const { patch, password } = await patchOf(opts);
        const parsed = userPatchSchema.safeParse(patch);
        if (!parsed.success) throw new CliInputError('the change is not valid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
        await ctx.withApp(async (app) => {
          const user = await findUserByEmail(app.deps, email);
          const updated = await updateUser(app.deps, user.id, parsed.data);
          ctx.io.out(`${updated.email}: ${updated.role}${updated.orgCode ? ` (${updated.orgCode})` : ''}, ${updated.disabled ? 'disabled' : 'active'}`);
          if (password) ctx.io.out(`new password (shown once): ${password}`);
        });
      });

  change('disable', 'disable an account (its sessions end at once)', async () => ({ patch: { disabled: true } }));
  change('enable', 'enable a disabled account', async () => ({ patch: { disabled: false } }));
  change('set-role', 'change the role (and organisation) of an account', async (o) => ({ patch: { role: o.role, ...(o.org !== undefined ? { orgCode: o.org } : {}) } }))
    .requiredOption('--role <role>', roles.codes.join(', '))
    .option('--org <code>', 'organisation code');
  change('set-password', 'set a new password (its sessions end)', async (o) => {
    const { password, generated } = await passwordFrom(ctx, o.passwordStdin === true);
    return { patch: { password }, password: generated ? password : undefined };
  }).option('--password-stdin', 'read the password from the first line of standard input (else one is generated and shown once)');

  program
    .command('audit')
    .description('search the audit log (newest first)')
    .option('--entity <entity>', AUDIT_ENTITIES.join(', '))
    .option('--id <id>', 'the record id')
    .option('--action <action>', AUDIT_ACTIONS.join(', '))
    .option('--search <text>', 'text in the actor, record or changed values')
    .option('--limit <n>', 'entries to show', '50')
    .addOption(jsonOption())
    .action(async (opts: { entity?: string; id?: string; action?: string; search?: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliInputError('--limit must be between 1 and 500');
      if (opts.entity && !(AUDIT_ENTITIES as readonly string[]).includes(opts.entity)) throw new CliInputError(`--entity must be one of ${AUDIT_ENTITIES.join(', ')}`);
      if (opts.action && !(AUDIT_ACTIONS as readonly string[]).includes(opts.action)) throw new CliInputError(`--action must be one of ${AUDIT_ACTIONS.join(', ')}`);
      await ctx.withApp(async (app) => {
        const page = await searchAudit(app.deps, {
          entity: opts.entity as AuditEntity | undefined,
          entityId: opts.id,
          action: opts.action as AuditAction | undefined,
          q: opts.search,
          page: 1,
          pageSize: limit,
        });
        if (opts.json) return ctx.io.out(json(page.items));
        ctx.io.out(
          table(
            ['at', 'who', 'action', 'entity', 'record', 'changed'],
            page.items.map((e) => [e.at, e.actorLabel, e.action, e.entity, e.entityLabel ?? e.entityId, Object.keys(e.changes).join(', ')]),
          ),
        );
        ctx.io.out(`${page.items.length} of ${page.total} entr${page.total === 1 ? 'y' : 'ies'}`);
      });
    });
}
