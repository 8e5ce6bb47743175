import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { ABANDONED_AFTER_MS, failAbandonedImports, IMPORT_RUNNER } from './import-batches.js';

const root = join(import.meta.dirname, '..', '..');

describeEachEngine('imports whose process is gone (issue 24, finding 4)', (app) => {
  const deps = () => app().deps;
  const batches = () => deps().store.repos.importBatches;
  const statusOf = async (id: number) => (await batches().findById(id))?.status;

  it('marks failed a batch whose process of this host ended, one of an earlier version, and one older than a day', async () => {
    const now = deps().clock.nowIso();
    const dayAgo = new Date(Date.parse(now) - ABANDONED_AFTER_MS - 60_000).toISOString();
    const here = hostname();
    const dead = await batches().start('activities', 'dead.csv', now, null, `${here}:4000001`);
    const alive = await batches().start('activities', 'alive.csv', now, null, IMPORT_RUNNER);
    const old = await batches().start('activities', 'old.csv', now, null, null);
    const elsewhere = await batches().start('activities', 'elsewhere.csv', now, null, 'other-host:123');
    const elsewhereLong = await batches().start('activities', 'elsewhere-long.csv', dayAgo, null, 'other-host:124');
    const failed = await failAbandonedImports(deps(), { alive: (pid) => pid !== 4000001 });
    expect(failed.sort((a, b) => a - b)).toEqual([dead, old, elsewhereLong]);
    expect(await Promise.all([dead, alive, old, elsewhere, elsewhereLong].map(statusOf))).toEqual([
      'failed',
      'running',
      'failed',
      'running',
      'failed',
    ]);
    expect((await batches().findById(dead))?.details).toMatchObject({ warnings: [expect.stringMatching(/stopped without finishing/)] });
    // Once failed, a batch stays as it is.
    expect(await failAbandonedImports(deps(), { alive: () => false })).toEqual([alive]);
    await batches().fail([elsewhere], deps().clock.nowIso(), 'test');
  });

  it('finds the batch of an import killed with SIGKILL mid-way and marks it failed; nothing of it was saved', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/testing/import-then-hang.ts'), app().config.databaseUrl], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('importing') && resolve());
      child.on('exit', (code) => reject(new Error(`the importing process ended (${code}): ${err}`)));
    });
    const running = (await batches().running()).filter((b) => b.runner === `${hostname()}:${child.pid}`);
    expect(running).toHaveLength(1);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const id = running[0]?.id ?? 0;
    expect(await statusOf(id)).toBe('running');
    // What start-up and the background sweep run (the real process check).
    expect(await failAbandonedImports(deps())).toEqual([id]);
    expect(await statusOf(id)).toBe('failed');
    expect(await deps().store.repos.programs.findByIdentifier('HANG-1')).toBeUndefined();
  }, 60_000);
});
