/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core against a
 * real Mitra server on a free port, over a fresh SQLite database with the demo data.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { findWebRoot, serverFor, type AppContext } from '../../src/main.js';
import { loadDemoData } from '../../src/services/demo/load-demo.js';
import { openTestApp } from '../../src/testing/engines.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const webRoot = findWebRoot();
export const canRun = existsSync(CHROMIUM) && webRoot !== null;

if (!canRun) {
  console.warn(
    `\n*** Browser tests SKIPPED: ${existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM} (apt-get install chromium)`}${webRoot ? '' : ' no built web app (npm run build)'} ***\n`,
  );
}

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  readonly app: AppContext;
  close(): Promise<void>;
}

export async function startHarness(options: { demo?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-e2e-'));
  const app = await openTestApp(`file:${join(dir, 'e2e.sqlite')}`, { nowIso: () => new Date().toISOString() });
  if (options.demo ?? true) await loadDemoData(app.deps);
  const server: FastifyInstance = await serverFor(app, { logLevel: 'silent' });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  return {
    url: address,
    browser,
    app,
    close: async () => {
      await browser.close();
      await server.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
