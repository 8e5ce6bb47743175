import { beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError, UnauthenticatedError } from '../domain/errors.js';
import { FakeLoginFailures, FakeSessions, FakeUsers } from '../testing/fakes/accounts.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeSecondFactors } from '../testing/fakes/second-factors.js';
import { actors, fakeDeps, fixedClock } from '../testing/fakes/store.js';
import { changeOwnPassword, csrfMatches, DEFAULT_SESSION_POLICY, login, resolveSession, type SessionPolicy } from './auth.js';
import { hashPassword } from './passwords.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-28T09:00:00.000Z';
const IP = '203.0.113.7';
let hashed = '';

beforeAll(async () => {
  hashed = await hashPassword(PASSWORD);
});

async function setup(options: { disabled?: boolean } = {}) {
  const repos = {
    users: new FakeUsers(),
    sessions: new FakeSessions(),
    loginFailures: new FakeLoginFailures(),
    secondFactors: new FakeSecondFactors(),
    audit: new FakeAudit(),
  };
  const id = await repos.users.insert(
    { email: 'sari@kemenkes.go.id', name: 'Sari', role: 'agency', orgCode: 'ID-KEMENKES', disabled: options.disabled ?? false },
    hashed,
    NOW,
  );
  return { repos, id, deps: fakeDeps(repos, actors.public, fixedClock(NOW)) };
}

describe('login', () => {
  it('opens a session for the right password: failures cleared, login audited as the user', async () => {
    const { repos, id, deps } = await setup();
    await repos.loginFailures.record('sari@kemenkes.go.id', IP, NOW);
    const signedIn = await login(deps, { email: ' Sari@Kemenkes.go.id ', password: PASSWORD, ip: IP });
    expect(signedIn.session).toMatchObject({ userId: id, createdAt: NOW, expiresAt: '2026-11-28T21:00:00.000Z' });
    expect(repos.sessions.of(id)).toHaveLength(1);
    expect(signedIn.session.id).not.toBe(signedIn.token);
    expect(repos.loginFailures.rows).toEqual([]);
    expect((await repos.users.findById(id))?.lastLoginAt).toBe(NOW);
    expect(repos.audit.entries.map((e) => [e.action, e.actorLabel])).toEqual([['login', 'sari@kemenkes.go.id']]);
  });

  it('refuses a wrong password and a disabled account alike, recording the failure', async () => {
    const { repos, deps } = await setup();
    await expect(login(deps, { email: 'sari@kemenkes.go.id', password: 'wrong horse battery', ip: IP })).rejects.toMatchObject({
      code: 'auth.invalid_credentials',
    });
    expect(repos.loginFailures.rows).toEqual([{ id: 1, email: 'sari@kemenkes.go.id', ip: IP, at: NOW }]);
    expect(repos.audit.entries[0]).toMatchObject({ action: 'login_failed', entityLabel: 'sari@kemenkes.go.id', comment: `from ${IP}` });
    const disabled = await setup({ disabled: true });
    await expect(login(disabled.deps, { email: 'sari@kemenkes.go.id', password: PASSWORD, ip: IP })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(disabled.repos.sessions.rows.size).toBe(0);
  });

  it('locks an email out after too many failures in the window, even with the right password', async () => {
    const { repos, deps } = await setup();
    const policy: SessionPolicy = { ...DEFAULT_SESSION_POLICY, maxFailuresPerEmail: 2 };
    for (let i = 0; i < 2; i++) await repos.loginFailures.record('sari@kemenkes.go.id', `198.51.100.${i}`, NOW);
    const locked = login(deps, { email: 'sari@kemenkes.go.id', password: PASSWORD, ip: IP }, policy);
    await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(locked).rejects.toMatchObject({ details: { retryAfterSeconds: 15 * 60 } });
    expect(repos.sessions.rows.size).toBe(0);
  });
});

describe('resolveSession', () => {
  it('resolves a fresh session to its user, and ends one left idle too long', async () => {
    const { repos, id, deps } = await setup();
    const { token, session } = await login(deps, { email: 'sari@kemenkes.go.id', password: PASSWORD, ip: IP });
    const active = await resolveSession(fakeDeps(repos, actors.public, fixedClock('2026-11-28T09:30:00.000Z')), token);
    expect(active?.actor).toMatchObject({ kind: 'user', userId: id, role: 'agency', orgCode: 'ID-KEMENKES' });
    expect(csrfMatches(session, session.csrfToken)).toBe(true);
    expect(csrfMatches(session, 'forged')).toBe(false);
    const idle = await resolveSession(fakeDeps(repos, actors.public, fixedClock('2026-11-28T11:31:00.000Z')), token);
    expect(idle).toBeNull();
    expect(repos.sessions.rows.size).toBe(0);
  });
});

describe('changeOwnPassword', () => {
  it('refuses a wrong current password, naming the field; a right one ends the other sessions only', async () => {
    const { repos, id, deps } = await setup();
    const first = await login(deps, { email: 'sari@kemenkes.go.id', password: PASSWORD, ip: IP });
    await login(deps, { email: 'sari@kemenkes.go.id', password: PASSWORD, ip: '198.51.100.9' });
    const active = await resolveSession(deps, first.token);
    const own = fakeDeps(repos, active?.actor ?? actors.public, fixedClock(NOW));
    await expect(changeOwnPassword(own, active, 'not my password', 'a brand new secret')).rejects.toMatchObject({
      code: 'auth.wrong_password',
      issues: [{ path: 'currentPassword' }],
    });
    await changeOwnPassword(own, active, PASSWORD, 'a brand new secret');
    expect(repos.sessions.of(id).map((s) => s.id)).toEqual([first.session.id]);
    expect(repos.audit.entries.at(-1)).toMatchObject({
      action: 'password_change',
      changes: { password: { before: '[redacted]', after: '[redacted]' } },
    });
  });
});
