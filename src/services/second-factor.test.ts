import { beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '../domain/account/second-factor.js';
import { FakeLoginFailures, FakeSessions, FakeUsers } from '../testing/fakes/accounts.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeSecondFactors } from '../testing/fakes/second-factors.js';
import { actors, fakeDeps, fixedClock } from '../testing/fakes/store.js';
import { DEFAULT_SESSION_POLICY, login, resolveSession, type SessionPolicy } from './auth.js';
import { hashPassword } from './passwords.js';
import { confirmEnrolment, disableOwnSecondFactor, resetSecondFactor, startEnrolment, verifySignIn } from './second-factor.js';
import { totpAt } from './totp.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-28T09:00:00.000Z';
const IP = '203.0.113.7';
const policy: SessionPolicy = { ...DEFAULT_SESSION_POLICY, secondFactorRoles: ['admin'] };
let hashed = '';

beforeAll(async () => {
  hashed = await hashPassword(PASSWORD);
});

async function setup(role: 'admin' | 'viewer') {
  const repos = {
    users: new FakeUsers(),
    sessions: new FakeSessions(),
    loginFailures: new FakeLoginFailures(),
    secondFactors: new FakeSecondFactors(),
    audit: new FakeAudit(),
  };
  const email = `${role}@kemlu.go.id`;
  const id = await repos.users.insert({ email, name: role, role, orgCode: null, disabled: false }, hashed, NOW);
  const deps = fakeDeps(repos, actors.public, fixedClock(NOW));
  /** Signs in with the password: the session as the server resolves it. */
  const signIn = async () => resolveSession(deps, (await login(deps, { email, password: PASSWORD, ip: IP }, policy)).token, policy);
  /** Signs in, enrols (the first code is the step before now's) and returns the key and the full session. */
  const enrol = async () => {
    const pending = await signIn();
    const { secret } = await startEnrolment(deps, pending);
    const key = base32Decode(secret) ?? new Uint8Array();
    const done = await confirmEnrolment(deps, pending, totpAt(key, Date.parse(NOW) - 30_000), policy);
    return { key, full: await resolveSession(deps, done.signedIn?.token ?? '', policy) };
  };
  return { repos, id, email, deps, signIn, enrol };
}

describe('signing in with a second factor', () => {
  it('gives a role that must use one a session that may only enrol, and a role that need not a full one', async () => {
    const admin = await setup('admin');
    expect((await admin.signIn())?.session.pendingFactor).toBe('enrol');
    expect(admin.repos.audit.entries.map((e) => e.action)).toEqual([]);
    const viewer = await setup('viewer');
    expect((await viewer.signIn())?.session.pendingFactor).toBeNull();
  });

  it('asks an enrolled account of any role for its code, keeping the failures until the code passes', async () => {
    const viewer = await setup('viewer');
    const full = await viewer.signIn();
    const { secret } = await startEnrolment(viewer.deps, full);
    const key = base32Decode(secret) ?? new Uint8Array();
    const enrolled = await confirmEnrolment(viewer.deps, full, totpAt(key, Date.parse(NOW) - 30_000), policy);
    expect(enrolled.signedIn).toBeNull();
    expect(enrolled.recoveryCodes).toHaveLength(10);
    const pending = await viewer.signIn();
    expect(pending?.session).toMatchObject({ pendingFactor: 'verify', expiresAt: '2026-11-28T09:15:00.000Z' });
    await expect(verifySignIn(viewer.deps, pending, { code: '000000' }, IP, policy)).rejects.toMatchObject({ code: 'auth.wrong_code' });
    await viewer.signIn();
    expect(viewer.repos.loginFailures.rows).toHaveLength(1);
    const signedIn = await verifySignIn(viewer.deps, pending, { code: totpAt(key, Date.parse(NOW)) }, IP, policy);
    expect(signedIn.session.pendingFactor).toBeNull();
    expect(viewer.repos.loginFailures.rows).toEqual([]);
    expect(viewer.repos.sessions.rows.has(pending?.session.id ?? '')).toBe(false);
    expect(viewer.repos.audit.entries.map((e) => e.action)).toEqual(['login', 'second_factor_enrol', 'login_failed', 'login']);
  });
});

describe('disabling and resetting', () => {
  it('keeps the session of a role that need not use a second factor, and ends that of one that must', async () => {
    const viewer = await setup('viewer');
    const session = await viewer.signIn();
    const { secret } = await startEnrolment(viewer.deps, session);
    const key = base32Decode(secret) ?? new Uint8Array();
    const { recoveryCodes } = await confirmEnrolment(viewer.deps, session, totpAt(key, Date.parse(NOW)), policy);
    const result = await disableOwnSecondFactor(
      viewer.deps,
      session,
      { recoveryCode: (recoveryCodes[0] ?? '').replaceAll('-', '') },
      IP,
      policy,
    );
    expect(result).toEqual({ sessionEnded: false });
    expect(viewer.repos.sessions.of(viewer.id)).toHaveLength(1);
    expect(await viewer.repos.secondFactors.find(viewer.id)).toBeUndefined();

    const admin = await setup('admin');
    const { key: adminKey, full } = await admin.enrol();
    expect(full?.session.pendingFactor).toBeNull();
    expect(await disableOwnSecondFactor(admin.deps, full, { code: totpAt(adminKey, Date.parse(NOW)) }, IP, policy)).toEqual({
      sessionEnded: true,
    });
    expect(admin.repos.sessions.of(admin.id)).toEqual([]);
    expect((await admin.signIn())?.session.pendingFactor).toBe('enrol');
  });

  it('lets only an administrator reset, never their own', async () => {
    const viewer = await setup('viewer');
    await expect(resetSecondFactor({ ...viewer.deps, actor: actors.coordinator }, viewer.id)).rejects.toMatchObject({
      code: 'user.forbidden',
    });
    await expect(resetSecondFactor({ ...viewer.deps, actor: { ...actors.admin, userId: viewer.id } }, viewer.id)).rejects.toMatchObject({
      code: 'second_factor.self_reset',
    });
    expect(await resetSecondFactor({ ...viewer.deps, actor: actors.admin }, viewer.id)).toBe(false);
    expect(viewer.repos.audit.entries.map((e) => [e.action, e.comment])).toEqual([['second_factor_reset', 'had none']]);
  });
});
