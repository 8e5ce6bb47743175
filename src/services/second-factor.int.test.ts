import { expect, it } from 'vitest';
import { base32Decode } from '../domain/account/second-factor.js';
import { userInputSchema } from '../domain/account/user.js';
import { describeEachEngine } from '../testing/engines.js';
import { TEST_PASSWORD } from '../testing/server.js';
import { DEFAULT_SESSION_POLICY, login, resolveSession, type SessionPolicy } from './auth.js';
import { confirmEnrolment, startEnrolment, verifySignIn } from './second-factor.js';
import { totpAt } from './totp.js';
import { createUser } from './users.js';

/**
 * The single use of codes under parallel requests, on each engine: the step (or the recovery
 * code) is marked used in the same statement that checks it is unused, so of sign-ins sent at once
 * with the same code exactly one passes.
 */
describeEachEngine('second-factor codes under parallel use', (app) => {
  const policy: SessionPolicy = { ...DEFAULT_SESSION_POLICY, secondFactorRoles: ['admin'] };
  const deps = () => app().deps;
  const now = () => Date.parse(deps().clock.nowIso());

  const enrolledAdmin = async (email: string) => {
    await createUser(deps(), userInputSchema.parse({ email, name: 'Parallel', role: 'admin', password: TEST_PASSWORD }));
    const first = await login(deps(), { email, password: TEST_PASSWORD, ip: '10.1.1.1' }, policy);
    expect(first.session.pendingFactor).toBe('enrol');
    const active = await resolveSession(deps(), first.token, policy);
    const { secret } = await startEnrolment(deps(), active);
    // Enrolment takes the code of the step before, so that this step's code is still unused.
    const key = base32Decode(secret) ?? new Uint8Array();
    const done = await confirmEnrolment(deps(), active, totpAt(key, now() - 30_000), policy);
    return { key, recoveryCodes: done.recoveryCodes.map((c) => c.replaceAll('-', '')) };
  };

  const pendingSessions = async (email: string, n: number) =>
    Promise.all(
      Array.from({ length: n }, async () => {
        const signedIn = await login(deps(), { email, password: TEST_PASSWORD, ip: '10.1.1.2' }, policy);
        return resolveSession(deps(), signedIn.token, policy);
      }),
    );
  const outcomes = (results: PromiseSettledResult<unknown>[]) =>
    results.map((r) => (r.status === 'fulfilled' ? 'signed in' : (r.reason as { code?: string }).code)).sort();

  it('lets one of four sign-ins with the same code through', async () => {
    const { key } = await enrolledAdmin('parallel-code@example.org');
    const sessions = await pendingSessions('parallel-code@example.org', 4);
    const code = totpAt(key, now());
    const results = await Promise.allSettled(sessions.map((s) => verifySignIn(deps(), s, { code }, '10.1.1.2', policy)));
    expect(outcomes(results)).toEqual(['auth.wrong_code', 'auth.wrong_code', 'auth.wrong_code', 'signed in']);
  });

  it('lets one of four sign-ins with the same recovery code through', async () => {
    const { recoveryCodes } = await enrolledAdmin('parallel-recovery@example.org');
    const sessions = await pendingSessions('parallel-recovery@example.org', 4);
    const recoveryCode = recoveryCodes[0] ?? '';
    const results = await Promise.allSettled(sessions.map((s) => verifySignIn(deps(), s, { recoveryCode }, '10.1.1.2', policy)));
    expect(outcomes(results)).toEqual(['auth.wrong_code', 'auth.wrong_code', 'auth.wrong_code', 'signed in']);
  });
});
