/** API tokens and their uses in memory, with the semantics of db/api-token.repo.ts. */
import type { ApiToken, ApiTokenUse } from '../../domain/account/api-token.js';
import type { Page } from '../../domain/program/program-query.js';
import type { ApiTokenRepository, NewApiToken } from '../../services/api-tokens.ports.js';
import { Ids } from './store.js';

export class FakeApiTokens implements ApiTokenRepository {
  readonly rows: (ApiToken & { readonly hash: string })[] = [];
  readonly usesOf = new Map<number, ApiTokenUse[]>();
  private readonly ids = new Ids();

  async insert(token: NewApiToken): Promise<number> {
    const id = this.ids.next();
    this.rows.push({ ...token, id, revokedAt: null, lastUsedAt: null, version: 1 });
    return id;
  }

  async findById(id: number): Promise<ApiToken | undefined> {
    return this.rows.find((t) => t.id === id);
  }

  async findByHash(hash: string): Promise<ApiToken | undefined> {
    return this.rows.find((t) => t.hash === hash);
  }

  async list(): Promise<ApiToken[]> {
    return [...this.rows].sort((a, b) => b.id - a.id);
  }

  async revoke(id: number, at: string, expectedVersion: number | undefined): Promise<boolean> {
    const i = this.rows.findIndex((t) => t.id === id && t.revokedAt === null);
    const row = this.rows[i];
    if (!row || (expectedVersion !== undefined && row.version !== expectedVersion)) return false;
    this.rows[i] = { ...row, revokedAt: at, version: row.version + 1 };
    return true;
  }

  async recordUse(tokenId: number, use: ApiTokenUse): Promise<void> {
    this.usesOf.set(tokenId, [use, ...(this.usesOf.get(tokenId) ?? [])]);
    const i = this.rows.findIndex((t) => t.id === tokenId);
    const row = this.rows[i];
    if (row) this.rows[i] = { ...row, lastUsedAt: use.at };
  }

  async uses(tokenId: number, page: number, pageSize: number): Promise<Page<ApiTokenUse>> {
    const all = this.usesOf.get(tokenId) ?? [];
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }
}
