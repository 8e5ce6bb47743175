/** API tokens (stored by their sha256) and their use log. */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { apiScopes, isTokenRole, type ApiToken, type ApiTokenUse } from '../domain/account/api-token.js';
import type { Page } from '../domain/program/program-query.js';
import type { ApiTokenRepository, NewApiToken } from '../services/api-tokens.ports.js';
import { num } from './sql-helpers.js';
import type { ApiTokensTable, Database } from './schema.js';

const storedScopes = z.array(z.enum(apiScopes.codes));

const COLUMNS = [
  'id',
  'name',
  'org_code',
  'role',
  'scopes',
  'prefix',
  'created_by',
  'created_by_label',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
  'version',
] as const;

function toToken(row: Omit<Selectable<ApiTokensTable>, 'token_hash'>): ApiToken {
  // The service stores a token role only; another one is a bug (or a hand-edited row).
  if (!isTokenRole(row.role)) throw new Error(`API token ${row.id} has the role "${row.role}", which no token may have`);
  return {
    id: num(row.id),
    name: row.name,
    orgCode: row.org_code,
    role: row.role,
    scopes: storedScopes.parse(JSON.parse(row.scopes)),
    prefix: row.prefix,
    createdBy: row.created_by,
    createdByLabel: row.created_by_label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    version: row.version,
  };
}

export class ApiTokenRepo implements ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(t: NewApiToken): Promise<number> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({
        name: t.name,
        org_code: t.orgCode,
        role: t.role,
        scopes: JSON.stringify(t.scopes),
        prefix: t.prefix,
        token_hash: t.hash,
        created_by: t.createdBy,
        created_by_label: t.createdByLabel,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return num(row.id);
  }

  async findById(id: number): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toToken(row) : undefined;
  }

  async findByHash(hash: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').select(COLUMNS).where('token_hash', '=', hash).executeTakeFirst();
    return row ? toToken(row) : undefined;
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').select(COLUMNS).orderBy('id', 'desc').execute();
    return rows.map(toToken);
  }

  async revoke(id: number, at: string, expectedVersion: number | undefined): Promise<boolean> {
    let query = this.db
      .updateTable('api_tokens')
      .set((eb) => ({ revoked_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('revoked_at', 'is', null);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recordUse(tokenId: number, use: ApiTokenUse): Promise<void> {
    await this.db
      .insertInto('api_token_uses')
      .values({ token_id: tokenId, at: use.at, method: use.method, route: use.route, status: use.status, ip: use.ip })
      .execute();
    // The last use is not a change of the token: its version (the ETag) stays.
    await this.db.updateTable('api_tokens').set({ last_used_at: use.at }).where('id', '=', tokenId).execute();
  }

  async uses(tokenId: number, page: number, pageSize: number): Promise<Page<ApiTokenUse>> {
    const [rows, total] = await Promise.all([
      this.db
        .selectFrom('api_token_uses')
        .select(['at', 'method', 'route', 'status', 'ip'])
        .where('token_id', '=', tokenId)
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.db
        .selectFrom('api_token_uses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('token_id', '=', tokenId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => ({ ...r, status: num(r.status) })), total: num(total.n), page, pageSize };
  }
}
