import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { userInputSchema, userPatchSchema } from '../domain/account/user.js';
import { ConflictError, ForbiddenError, InvalidError } from '../domain/errors.js';
import { FakeSessions, FakeUsers } from '../testing/fakes/accounts.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeOrganisations } from '../testing/fakes/organisations.js';
import { actors, fakeDeps } from '../testing/fakes/store.js';
import { createUser, ensureFirstAdmin, updateUser } from './users.js';

const PASSWORD = 'correct horse battery';

function setup(actor: Actor = actors.admin) {
  const repos = { users: new FakeUsers(), organisations: new FakeOrganisations(), sessions: new FakeSessions(), audit: new FakeAudit() };
  repos.organisations.seed({ code: 'ID-KEMENKES', nameEn: 'Ministry of Health' });
  return { repos, deps: fakeDeps(repos, actor) };
}

const anAccount = (overrides: Record<string, unknown> = {}) =>
  userInputSchema.parse({
    email: 'sari@kemenkes.go.id',
    name: 'Sari',
    role: 'agency',
    orgCode: 'ID-KEMENKES',
    password: PASSWORD,
    ...overrides,
  });

describe('createUser', () => {
  it('creates the account with the organisation code as stored, and audits it without the password', async () => {
    const { repos, deps } = setup();
    const user = await createUser(deps, anAccount({ orgCode: 'id-kemenkes' }));
    expect(user).toMatchObject({ email: 'sari@kemenkes.go.id', role: 'agency', orgCode: 'ID-KEMENKES', disabled: false, version: 1 });
    expect(repos.users.hashes.get(user.id)).toMatch(/^\$argon2id\$/);
    const [entry] = repos.audit.of('user', user.id);
    expect(entry).toMatchObject({ action: 'create', entityLabel: 'sari@kemenkes.go.id', entityVersion: 1 });
    expect(JSON.stringify(entry?.changes)).not.toContain(PASSWORD);
  });

  it('is for administrators only', async () => {
    const { repos, deps } = setup(actors.coordinator);
    await expect(createUser(deps, anAccount())).rejects.toMatchObject({ code: 'user.forbidden' });
    await expect(createUser(deps, anAccount())).rejects.toBeInstanceOf(ForbiddenError);
    expect(repos.users.rows).toEqual([]);
  });

  it('refuses an email already used (in any case) and an unknown organisation, naming the field', async () => {
    const { deps } = setup();
    await createUser(deps, anAccount());
    await expect(createUser(deps, anAccount({ email: 'SARI@kemenkes.go.id' }))).rejects.toMatchObject({
      code: 'user.email_taken',
      issues: [{ path: 'email', code: 'duplicate' }],
    });
    const unknown = createUser(deps, anAccount({ email: 'budi@kemenkes.go.id', orgCode: 'ID-NOWHERE' }));
    await expect(unknown).rejects.toBeInstanceOf(InvalidError);
    await expect(unknown).rejects.toMatchObject({ issues: [{ path: 'orgCode', code: 'unknown_organisation' }] });
  });
});

describe('updateUser', () => {
  it('refuses a stale version, telling the current one', async () => {
    const { deps } = setup();
    const user = await createUser(deps, anAccount());
    await updateUser(deps, user.id, userPatchSchema.parse({ name: 'Sari W.' }), { expectedVersion: 1 });
    const stale = updateUser(deps, user.id, userPatchSchema.parse({ name: 'Sari Wulandari' }), { expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'user.stale', details: { currentVersion: 2, yourVersion: 1 } });
  });

  it('ends the sessions of a disabled account and redacts a reset password in the log', async () => {
    const { repos, deps } = setup();
    const user = await createUser(deps, anAccount());
    await repos.sessions.insert({
      id: 's1',
      userId: user.id,
      csrfToken: 't',
      createdAt: '2026-11-28T08:00:00.000Z',
      lastSeenAt: '2026-11-28T08:00:00.000Z',
      pendingFactor: null,
      expiresAt: '2026-11-28T20:00:00.000Z',
    });
    const updated = await updateUser(deps, user.id, userPatchSchema.parse({ disabled: true, password: 'another long secret' }));
    expect(updated.disabled).toBe(true);
    expect(repos.sessions.of(user.id)).toEqual([]);
    const entry = repos.audit.of('user', user.id).at(-1);
    expect(entry?.changes.password).toEqual({ before: '[redacted]', after: '[redacted]' });
    expect(entry?.changes.disabled).toEqual({ before: false, after: true });
  });

  it('keeps an administrator from disabling their own account', async () => {
    const { repos, deps } = setup();
    const admin = await createUser(deps, anAccount({ email: 'root@mitra.test', role: 'admin', orgCode: null }));
    const self = fakeDeps(repos, { ...actors.admin, userId: admin.id });
    await expect(updateUser(self, admin.id, userPatchSchema.parse({ disabled: true }))).rejects.toMatchObject({
      code: 'user.self_lockout',
    });
    expect((await repos.users.findById(admin.id))?.disabled).toBe(false);
  });
});

describe('ensureFirstAdmin', () => {
  it('creates the first administrator as the system, once', async () => {
    const { repos, deps } = setup(actors.public);
    const first = await ensureFirstAdmin(deps, anAccount({ email: 'admin@mitra.test', role: 'admin', orgCode: null }));
    expect(first?.role).toBe('admin');
    expect(repos.audit.of('user', first?.id ?? 0)[0]?.actorLabel).toBe('system:first-start');
    expect(await ensureFirstAdmin(deps, anAccount({ email: 'other@mitra.test', role: 'admin', orgCode: null }))).toBeNull();
    expect(repos.users.rows).toHaveLength(1);
  });
});
