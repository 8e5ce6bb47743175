/** The account and audit commands (users.commands.ts). */
import { passwordSchema, userInputSchema, userPatchSchema, type User } from '../domain/account/user.js';
import { isDemoPasswordUnchanged, randomPassword } from '../services/demo/demo-accounts.js';
import { demoPasswordLines, demoPasswordsPath, readDemoPasswords } from './demo-passwords.js';
import { createUser, findUserByEmail, listUsers, unlockAccount, updateUser } from '../services/users.js';
import { searchAudit } from '../services/audit.js';
import { resetSecondFactor } from '../services/second-factor.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../domain/audit.js';
import { CliInputError } from './exit-codes.js';
import { optionOneOf } from './input.js';
import { json, table } from './format.js';
import type { AccountChange, CliContext, Flags } from './context.js';

async function passwordFrom(ctx: CliContext, fromStdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: randomPassword(), generated: true };
  const password = (await ctx.io.read('-')).split(/\r?\n/)[0] ?? '';
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success)
    throw new CliInputError(`the password from standard input is not acceptable: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return { password, generated: false };
}

const row = (u: User) => [u.id, u.email, u.name, u.role, u.orgCode, u.disabled ? 'disabled' : 'active', u.lastLoginAt];

export async function usersCreate(
  ctx: CliContext,
  opts: { email: string; name: string; role: string; org?: string; passwordStdin?: boolean },
): Promise<void> {
  const { password, generated } = await passwordFrom(ctx, opts.passwordStdin);
  const parsed = userInputSchema.safeParse({ email: opts.email, name: opts.name, role: opts.role, orgCode: opts.org ?? null, password });
  if (!parsed.success)
    throw new CliInputError(
      'the account is not valid',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'account'}: ${i.message}`),
    );
  await ctx.withApp(async (app) => {
    const user = await createUser(app.deps, parsed.data);
    ctx.io.out(`created ${user.role} account ${user.email} (id ${user.id})`);
    if (generated) ctx.io.out(`password (shown once): ${password}`);
  });
}

export async function usersList(ctx: CliContext, opts: { all?: boolean; role?: string; search?: string; json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const items = await listUsers(app.deps, { includeDisabled: !!opts.all, role: opts.role, q: opts.search });
    if (opts.json) return ctx.io.out(json(items));
    ctx.io.out(table(['id', 'email', 'name', 'role', 'organisation', 'status', 'last sign-in'], items.map(row)));
  });
}

/** The patch of each account change, and the password to show when one was generated. */
const PATCHES: Record<AccountChange, (ctx: CliContext, o: Flags) => Promise<{ patch: unknown; password?: string }>> = {
  disable: async () => ({ patch: { disabled: true } }),
  enable: async () => ({ patch: { disabled: false } }),
  'set-role': async (_ctx, o) => ({ patch: { role: o.role, ...(o.org !== undefined ? { orgCode: o.org } : {}) } }),
  'set-password': async (ctx, o) => {
    const { password, generated } = await passwordFrom(ctx, o.passwordStdin === true);
    return { patch: { password }, password: generated ? password : undefined };
  },
};

export async function usersChange(ctx: CliContext, change: AccountChange, email: string, opts: Flags): Promise<void> {
  const { patch, password } = await PATCHES[change](ctx, opts);
  const parsed = userPatchSchema.safeParse(patch);
  if (!parsed.success)
    throw new CliInputError(
      'the change is not valid',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  await ctx.withApp(async (app) => {
    const user = await findUserByEmail(app.deps, email);
    const updated = await updateUser(app.deps, user.id, parsed.data);
    ctx.io.out(
      `${updated.email}: ${updated.role}${updated.orgCode ? ` (${updated.orgCode})` : ''}, ${updated.disabled ? 'disabled' : 'active'}`,
    );
    if (password) ctx.io.out(`new password (shown once): ${password}`);
  });
}

/** `mitra users reset-2fa EMAIL`: for an administrator locked out of their second factor (audited as the system). */
export async function usersResetSecondFactor(ctx: CliContext, email: string): Promise<void> {
  await ctx.withApp(async (app) => {
    const user = await findUserByEmail(app.deps, email);
    const had = await resetSecondFactor(app.deps, user.id);
    ctx.io.out(
      had
        ? `${user.email}: second factor removed; its sessions ended (it sets one up again at its next sign-in if its role requires one)`
        : `${user.email}: had no second factor; its sessions ended`,
    );
  });
}

/** `mitra users unlock EMAIL`: an owner locked out by someone guessing the password signs in again at once (audited as the system). */
export async function usersUnlock(ctx: CliContext, email: string): Promise<void> {
  await ctx.withApp(async (app) => {
    const user = await findUserByEmail(app.deps, email);
    const cleared = await unlockAccount(app.deps, user.id);
    ctx.io.out(`${user.email}: unlocked (${cleared} failed sign-in${cleared === 1 ? '' : 's'} forgotten)`);
  });
}

/** `mitra users demo-passwords`: the demo passwords from the file written at the first start, those still valid. */
export async function usersDemoPasswords(ctx: CliContext): Promise<void> {
  await ctx.withApp(async (app) => {
    const kept = readDemoPasswords(app);
    if (!kept)
      throw new CliInputError(`no demo passwords at ${demoPasswordsPath(app)} (they are written when \`mitra serve\` loads the demo)`);
    const accounts = [];
    for (const a of kept.accounts) {
      const unchanged = await isDemoPasswordUnchanged(app.deps, a.email, a.password);
      accounts.push({ ...a, password: unchanged ? a.password : null });
    }
    ctx.io.out(`demo accounts (from ${kept.path}):`);
    for (const line of demoPasswordLines(accounts)) ctx.io.out(line);
  });
}

export async function auditSearch(
  ctx: CliContext,
  opts: { entity?: string; id?: string; action?: string; search?: string; limit: string; json?: boolean },
): Promise<void> {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliInputError('--limit must be between 1 and 500');
  const entity = optionOneOf('--entity', AUDIT_ENTITIES, opts.entity);
  const action = optionOneOf('--action', AUDIT_ACTIONS, opts.action);
  await ctx.withApp(async (app) => {
    const page = await searchAudit(app.deps, {
      entity,
      entityId: opts.id,
      action,
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
}
