/** Ports of API tokens (services/api-tokens.ts); db/api-token.repo.ts implements them. */
import type { ApiToken, ApiTokenUse } from '../domain/account/api-token.js';
import type { Page } from '../domain/program/program-query.js';

/** A token to store: its sha256 (hex), never the token itself. */
export type NewApiToken = Omit<ApiToken, 'id' | 'revokedAt' | 'lastUsedAt' | 'version'> & { readonly hash: string };

export interface ApiTokenRepository {
  insert(token: NewApiToken): Promise<number>;
  findById(id: number): Promise<ApiToken | undefined>;
  /** The token whose sha256 (hex) this is: an indexed equality lookup, so no secret is compared in code. */
  findByHash(hash: string): Promise<ApiToken | undefined>;
  /** Every token, newest first (revoked and expired ones too: they explain old audit entries). */
  list(): Promise<ApiToken[]>;
  /** Marks the token revoked if its version is still `expectedVersion` (any version when undefined); false when stale. */
  revoke(id: number, at: string, expectedVersion: number | undefined): Promise<boolean>;
  /** Records one use (one request) and moves the token's last use to it. */
  recordUse(tokenId: number, use: ApiTokenUse): Promise<void>;
  /** A token's uses, newest first. */
  uses(tokenId: number, page: number, pageSize: number): Promise<Page<ApiTokenUse>>;
}
