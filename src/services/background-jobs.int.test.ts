/**
 * Background jobs run in one process at a time (issue 19): of several processes serving one
 * database, the one holding the lease runs them; when it stops or dies, another takes over once
 * the lease runs out.
 */
import { expect, it } from 'vitest';
import { CapturedMailer } from './mail.js';
import { systemClock } from './deps.js';
import { startBackgroundJobs, JOBS_LEASE, type BackgroundJobs } from './background-jobs.js';
import { describeEachEngine } from '../testing/engines.js';

const until = async (condition: () => boolean, ms = 3000) => {
  const started = Date.now();
  while (!condition() && Date.now() - started < ms) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

describeEachEngine('background jobs', (app) => {
  it('run in the process holding the lease, and move to another when it stops or dies', async () => {
    // Leases run out in real time (the test apps' clock is fixed).
    const deps = { ...app().deps, clock: systemClock };
    const start = (holder: string) =>
      startBackgroundJobs(deps, {
        mailer: new CapturedMailer(() => undefined),
        publicUrl: 'http://localhost',
        holder,
        leaseMs: 400,
        renewEveryMs: 50,
      });
    const first = start('first');
    expect(await until(() => first.leading())).toBe(true);
    const second = start('second');
    const third = start('third');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([first, second, third].filter((j) => j.leading())).toEqual([first]);

    // Stopped: the lease is given up, and one of the others runs the jobs.
    await first.stop();
    const others: BackgroundJobs[] = [second, third];
    expect(await until(() => others.some((j) => j.leading()))).toBe(true);
    expect(others.filter((j) => j.leading())).toHaveLength(1);

    await second.stop();
    await third.stop();

    // Died (it stops renewing without giving the lease up): another takes over once it runs out.
    const now = Date.now();
    expect(
      await deps.store.repos.jobLeases.acquire(
        JOBS_LEASE,
        'a dead process',
        new Date(now + 500).toISOString(),
        new Date(now).toISOString(),
      ),
    ).toBe(true);
    const fourth = start('fourth');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fourth.leading()).toBe(false);
    expect(await until(() => fourth.leading(), 2000)).toBe(true);
    await fourth.stop();
  });
});
