import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { DEFAULT_SESSION_POLICY, login } from './auth.js';

/**
 * The sign-in limit under parallel attempts (issue 24, finding 1): the failures were counted
 * before the password check and recorded after it, so 30 attempts sent at once were all checked.
 */
describeEachEngine('the sign-in limit under parallel attempts', (app) => {
  const deps = () => app().deps;
  const passwordChecks = async (email: string) =>
    (await deps().store.repos.audit.search({ action: 'login_failed', q: email, page: 1, pageSize: 500 })).items.filter(
      (e) => e.entityLabel === email,
    ).length;

  const attempts = async (email: string, n: number, ip: (i: number) => string) =>
    Promise.allSettled(Array.from({ length: n }, (_, i) => login(deps(), { email, password: `wrong password ${i}`, ip: ip(i) })));
  const codes = (results: PromiseSettledResult<unknown>[]) =>
    results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'signed in'));

  it('checks at most five passwords of an account for 30, then 100, attempts sent at once', async () => {
    for (const [email, n] of [
      ['attacked-30@example.org', 30],
      ['attacked-100@example.org', 100],
    ] as const) {
      const results = codes(await attempts(email, n, (i) => `198.51.100.${i % 200}`));
      const checked = results.filter((c) => c === 'auth.invalid_credentials').length;
      expect(checked).toBeLessThanOrEqual(DEFAULT_SESSION_POLICY.maxFailuresPerEmail);
      expect(checked + results.filter((c) => c === 'auth.too_many_attempts').length).toBe(n);
      expect(await passwordChecks(email)).toBe(checked);
    }
  }, 120_000);

  it('checks at most fifty passwords from one address for 80 attempts at once over many accounts', async () => {
    const many = codes(
      await Promise.allSettled(
        Array.from({ length: 80 }, (_, i) => login(deps(), { email: `spray-${i}@example.org`, password: 'wrong', ip: '203.0.113.99' })),
      ),
    );
    expect(many.filter((c) => c === 'auth.invalid_credentials').length).toBeLessThanOrEqual(DEFAULT_SESSION_POLICY.maxFailuresPerIp);
  }, 120_000);
});
