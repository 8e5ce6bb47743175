import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { apiTokenInputSchema } from '../domain/account/api-token.js';
import { ConflictError, ForbiddenError, InvalidError } from '../domain/errors.js';
import { FakeApiTokens } from '../testing/fakes/api-tokens.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeOrganisations } from '../testing/fakes/organisations.js';
import { actors, fixedClock, fakeDeps } from '../testing/fakes/store.js';
import { createApiToken, resolveApiToken, revokeApiToken, tokenHashOf } from './api-tokens.js';

function setup(actor: Actor = actors.admin, now = '2026-11-28T09:00:00.000Z') {
  const repos = { apiTokens: new FakeApiTokens(), organisations: new FakeOrganisations(), audit: new FakeAudit() };
  repos.organisations.seed({ code: 'ID-BAPPENAS', nameEn: 'Bappenas' });
  return { repos, deps: fakeDeps(repos, actor, fixedClock(now)) };
}

const anInput = (overrides: Record<string, unknown> = {}) =>
  apiTokenInputSchema.parse({
    name: 'planning',
    orgCode: 'id-bappenas',
    role: 'coordinator',
    scopes: ['read'],
    expiresAt: '2027-03-01',
    ...overrides,
  });

describe('createApiToken', () => {
  it('returns the token once, stores its sha256 and the organisation as spelt, and audits it without the hash', async () => {
    const { repos, deps } = setup();
    const { token, record } = await createApiToken(deps, anInput());
    expect(token).toMatch(/^mitra_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(repos.apiTokens.rows[0]?.hash).toBe(tokenHashOf(token));
    expect(record).toMatchObject({ orgCode: 'ID-BAPPENAS', expiresAt: '2027-03-01T00:00:00.000Z', createdByLabel: actors.admin.label });
    const entry = repos.audit.entries[0];
    expect(entry).toMatchObject({ action: 'create', entity: 'api_token', entityLabel: 'planning' });
    expect(JSON.stringify(entry)).not.toContain(tokenHashOf(token));
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('refuses a coordinator, an API token, an unknown organisation and an expiry beyond a year', async () => {
    await expect(createApiToken(setup(actors.coordinator).deps, anInput())).rejects.toThrow(ForbiddenError);
    const asToken: Actor = { ...actors.admin, userId: null, apiTokenId: 1 };
    await expect(createApiToken(setup(asToken).deps, anInput())).rejects.toMatchObject({ code: 'auth.token_not_allowed' });
    await expect(createApiToken(setup().deps, anInput({ orgCode: 'NOPE' }))).rejects.toThrow(InvalidError);
    await expect(createApiToken(setup().deps, anInput({ expiresAt: '2027-11-29' }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'expiresAt', message: 'at most 365 days ahead' })],
    });
  });
});

describe('resolveApiToken and revokeApiToken', () => {
  it('resolves an active token to its role and organisation under its name, and nothing once revoked or expired', async () => {
    const { deps } = setup();
    const { token, record } = await createApiToken(deps, anInput());
    const resolved = await resolveApiToken(deps, token);
    expect(resolved?.actor).toEqual({
      kind: 'user',
      userId: null,
      role: 'coordinator',
      orgCode: 'ID-BAPPENAS',
      label: `token:planning (mitra_${record.prefix})`,
      apiTokenId: record.id,
    });
    expect(await resolveApiToken({ ...deps, clock: fixedClock('2027-03-01T00:00:00.000Z') }, token)).toBeNull();
    expect(await resolveApiToken(deps, `${token}x`)).toBeNull();
    await expect(revokeApiToken(deps, record.id, { expectedVersion: 7 })).rejects.toThrow(ConflictError);
    const revoked = await revokeApiToken(deps, record.id, { expectedVersion: 1 });
    expect(revoked).toMatchObject({ revokedAt: '2026-11-28T09:00:00.000Z', version: 2 });
    expect(await resolveApiToken(deps, token)).toBeNull();
    // Revoking again changes nothing (and audits nothing more).
    expect(await revokeApiToken(deps, record.id)).toEqual(revoked);
  });
});
