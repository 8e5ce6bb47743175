/** The API token commands (tokens.commands.ts). */
import { apiTokenInputSchema, tokenState, TOKEN_MAX_DAYS, type ApiToken } from '../domain/account/api-token.js';
import { NotFoundError } from '../domain/errors.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.js';
import type { CliContext } from './context.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';

/** The options of `mitra tokens create`. */
export interface TokenCreateFlags {
  readonly name: string;
  readonly org: string;
  readonly role: string;
  readonly scopes: string;
  readonly expires?: string;
  readonly days?: string;
}

/** The expiry named by --expires, or --days from now. */
function expiryOf(opts: TokenCreateFlags, now: string): string {
  if (opts.expires !== undefined && opts.days !== undefined) throw new CliInputError('give --expires or --days, not both');
  if (opts.expires !== undefined) return opts.expires;
  if (opts.days === undefined) throw new CliInputError('give the expiry: --expires YYYY-MM-DD or --days N');
  const days = Number(opts.days);
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS)
    throw new CliInputError(`--days must be a whole number from 1 to ${TOKEN_MAX_DAYS}`);
  return new Date(Date.parse(now) + days * 86_400_000).toISOString();
}

export async function tokensCreate(ctx: CliContext, opts: TokenCreateFlags): Promise<void> {
  await ctx.withApp(async (app) => {
    const input = parseInput(
      apiTokenInputSchema,
      {
        name: opts.name,
        orgCode: opts.org,
        role: opts.role,
        scopes: opts.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        expiresAt: expiryOf(opts, app.deps.clock.nowIso()),
      },
      'the token',
    );
    const { token, record } = await createApiToken(app.deps, input);
    ctx.io.out(`created API token ${record.name} (id ${record.id}) for ${record.role} of ${record.orgCode}, until ${record.expiresAt}`);
    ctx.io.out(`token (shown once): ${token}`);
  });
}

const row = (t: ApiToken, now: string) => [
  t.id,
  t.name,
  `mitra_${t.prefix}`,
  t.orgCode,
  t.role,
  t.scopes.join(' '),
  tokenState(t, now),
  t.expiresAt,
  t.lastUsedAt,
];

export async function tokensList(ctx: CliContext, opts: { all?: boolean; json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const now = app.deps.clock.nowIso();
    const items = (await listApiTokens(app.deps)).filter((t) => opts.all || tokenState(t, now) === 'active');
    if (opts.json) return ctx.io.out(json(items.map((t) => ({ ...t, state: tokenState(t, now) }))));
    ctx.io.out(
      table(
        ['id', 'name', 'starts', 'organisation', 'role', 'scopes', 'state', 'expires', 'last use'],
        items.map((t) => row(t, now)),
      ),
    );
  });
}

/** The tokens `which` names: an id, or a visible start (`mitra_<prefix>`, the prefix alone, or the whole token). */
function named(all: readonly ApiToken[], which: string): ApiToken[] {
  if (/^\d+$/.test(which)) return all.filter((t) => t.id === Number(which));
  const prefix = /^(?:mitra_)?([0-9a-f]{8})(?:_.*)?$/.exec(which)?.[1];
  return all.filter((t) => t.prefix === prefix);
}

export async function tokensRevoke(ctx: CliContext, which: string): Promise<void> {
  await ctx.withApp(async (app) => {
    const [match, ...more] = named(await listApiTokens(app.deps), which);
    if (!match) throw new NotFoundError('api_token.not_found', `no API token ${which} (give its id or its visible start, mitra_<prefix>)`);
    if (more.length > 0) throw new CliInputError(`${more.length + 1} tokens start with ${which}: give the id`);
    const revoked = await revokeApiToken(app.deps, match.id);
    ctx.io.out(`revoked API token ${revoked.name} (id ${revoked.id}, mitra_${revoked.prefix}) at ${revoked.revokedAt ?? ''}`);
  });
}
