/**
 * API tokens for other systems (issue 24; docs/security.md "API tokens"): administrators create,
 * list and revoke them; the server resolves a bearer token to the service account it acts as and
 * records each use.
 *
 * A token is 32 random bytes, shown once and stored as its sha256. A fast hash is right here, as
 * for session cookies (services/auth.ts): slow password hashes (scrypt, Argon2) make guessing a
 * low-entropy human password expensive, but guessing 256 random bits is out of reach at any hash
 * speed, and a slow hash would cost every API call tens of milliseconds and invite denial of
 * service. An unsalted hash also lets the server find the token by an indexed equality lookup,
 * so no secret is ever compared byte by byte in code (nothing to time).
 */
import { randomBytes } from 'node:crypto';
import { newSecretToken, secretTokenHash } from './secret-tokens.js';
import type { UserActor } from '../domain/access/actor.js';
import { authorizeUserAdmin } from '../domain/access/policy.js';
import {
  TOKEN_PATTERN,
  tokenActorLabel,
  tokenExpiry,
  tokenState,
  type ApiToken,
  type ApiTokenInput,
  type ApiTokenUse,
} from '../domain/account/api-token.js';
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import type { Page } from '../domain/program/program-query.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';

/** The stored form of an API token. */
export const tokenHashOf = secretTokenHash;

export interface CreatedApiToken {
  /** The token itself: shown once, in the answer to its creation, never stored. */
  readonly token: string;
  readonly record: ApiToken;
}

/** What the audit log shows of a token (never its hash). */
const auditView = (t: ApiToken) => ({
  name: t.name,
  orgCode: t.orgCode,
  role: t.role,
  scopes: t.scopes,
  prefix: t.prefix,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

const invalid = (path: string, code: string, message: string) =>
  new InvalidError('api_token.invalid', 'the token has invalid fields', [{ path, code, message }]);

export async function createApiToken(deps: Deps<'apiTokens' | 'organisations' | 'audit'>, input: ApiTokenInput): Promise<CreatedApiToken> {
  authorizeUserAdmin(deps.actor);
  const now = deps.clock.nowIso();
  const expiry = tokenExpiry(input.expiresAt, now);
  if ('problem' in expiry) throw invalid('expiresAt', 'expiry', expiry.problem);
  const prefix = randomBytes(4).toString('hex');
  const token = `mitra_${prefix}_${newSecretToken()}`;
  return deps.store.transaction(async (repos) => {
    const org = await repos.organisations.findByCode(input.orgCode);
    if (!org) throw invalid('orgCode', 'unknown_organisation', `no organisation with code "${input.orgCode}"`);
    const id = await repos.apiTokens.insert({
      name: input.name,
      orgCode: org.code,
      role: input.role,
      scopes: input.scopes,
      prefix,
      hash: tokenHashOf(token),
      createdBy: actorUserId(deps.actor),
      createdByLabel: actorLabel(deps.actor),
      createdAt: now,
      expiresAt: expiry.at,
    });
    const record = readBack(await repos.apiTokens.findById(id), `API token ${id}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'api_token',
      entityId: id,
      entityLabel: record.name,
      entityVersion: record.version,
      changes: diffRecords(null, auditView(record)),
    });
    return { token, record };
  });
}

export async function listApiTokens(deps: Deps<'apiTokens'>): Promise<ApiToken[]> {
  authorizeUserAdmin(deps.actor);
  return deps.store.repos.apiTokens.list();
}

async function found(repos: Repos<'apiTokens'>, id: number): Promise<ApiToken> {
  const token = await repos.apiTokens.findById(id);
  if (!token) throw new NotFoundError('api_token.not_found', `no API token with id ${id}`);
  return token;
}

export async function getApiToken(deps: Deps<'apiTokens'>, id: number): Promise<ApiToken> {
  authorizeUserAdmin(deps.actor);
  return found(deps.store.repos, id);
}

/** Revokes a token at once (the next request with it is refused); revoking twice changes nothing. */
export async function revokeApiToken(
  deps: Deps<'apiTokens' | 'audit'>,
  id: number,
  options: { expectedVersion?: number } = {},
): Promise<ApiToken> {
  authorizeUserAdmin(deps.actor);
  return deps.store.transaction(async (repos) => {
    const current = await found(repos, id);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new ConflictError(
        'api_token.stale',
        `the token was changed by someone else (now at version ${current.version}); reload it`,
        [],
        {
          details: { currentVersion: current.version, yourVersion: options.expectedVersion },
        },
      );
    }
    if (current.revokedAt !== null) return current;
    if (!(await repos.apiTokens.revoke(id, deps.clock.nowIso(), options.expectedVersion)))
      throw new ConflictError('api_token.stale', 'the token was changed by someone else; reload it');
    const revoked = readBack(await repos.apiTokens.findById(id), `API token ${id}`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'api_token',
      entityId: id,
      entityLabel: revoked.name,
      entityVersion: revoked.version,
      changes: diffRecords(auditView(current), auditView(revoked)),
      comment: 'revoked',
    });
    return revoked;
  });
}

/** A token's uses, newest first (administrators). */
export async function apiTokenUses(deps: Deps<'apiTokens'>, id: number, page: number, pageSize: number): Promise<Page<ApiTokenUse>> {
  authorizeUserAdmin(deps.actor);
  await found(deps.store.repos, id);
  return deps.store.repos.apiTokens.uses(id, page, pageSize);
}

export interface ResolvedToken {
  readonly token: ApiToken;
  /** The service account the token acts as: its role within its organisation, named by the token. */
  readonly actor: UserActor;
}

/** The active token a bearer credential names, or null (malformed, unknown, expired or revoked: all alike to the caller). */
export async function resolveApiToken(deps: Deps<'apiTokens'>, credential: string): Promise<ResolvedToken | null> {
  if (!TOKEN_PATTERN.test(credential)) return null;
  const token = await deps.store.repos.apiTokens.findByHash(tokenHashOf(credential));
  if (!token || tokenState(token, deps.clock.nowIso()) !== 'active') return null;
  return {
    token,
    actor: { kind: 'user', userId: null, role: token.role, orgCode: token.orgCode, label: tokenActorLabel(token), apiTokenId: token.id },
  };
}

/** Records one request made with a token (the server calls it as the answer is sent). */
export async function recordApiTokenUse(deps: Deps<'apiTokens'>, tokenId: number, use: ApiTokenUse): Promise<void> {
  await deps.store.repos.apiTokens.recordUse(tokenId, use);
}
