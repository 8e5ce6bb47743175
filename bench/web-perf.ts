/**
 * Web performance with a national-scale registry, measured in headless Chromium:
 *   npx tsx bench/web-perf.ts [--db file:bench/.data/web.sqlite] [--runs 5]
 *
 * - JavaScript of the first page (gzip): the entry and the chunks it loads before the map code,
 *   and all JavaScript the dashboard ends up loading (bytes and requests over the wire:
 *   bench/web-transfer.ts);
 * - dashboard interactive: from navigation start until the figures, the charts and the map are
 *   drawn (performance.now() in the page), cold (first visit) and warm;
 * - a filtered program list: from navigation start until its rows are drawn, and, in the running
 *   app, from changing a filter until the new rows are drawn;
 * - cumulative layout shift of the dashboard load.
 * The database is built once from the benchmark data (100,000 programs, 1,000,000 participants)
 * when it does not exist yet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { openApp, serverFor } from '../src/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const dbFile = join(root, 'bench/.data/web.sqlite');
const url = arg('db', `file:${dbFile}`);
const runs = Number(arg('runs', '5'));
const data = join(root, 'bench/.data/100000-1000000');

execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (url === `file:${dbFile}` && !existsSync(dbFile)) {
  if (!existsSync(join(data, 'participants.csv'))) {
    execFileSync(process.execPath, ['bin/mitra.js', 'generate', '--activities', '100000', '--participants', '1000000', '--out', data], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  for (const kind of ['activities', 'participants']) {
    execFileSync(process.execPath, ['bin/mitra.js', 'import', kind, join(data, `${kind}.csv`)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url, MITRA_IMPORT_MAX_BYTES: String(2 ** 31) },
    });
  }
}

const app = await openApp(loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }));
const server = await serverFor(app, { logLevel: 'silent' });
const base = await server.listen({ port: 0, host: '127.0.0.1' });
const total = await app.deps.store.repos.programs.count();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function scriptBytes(page: Page, path: string, ready: (p: Page) => Promise<void>, stopAtLazy: boolean) {
  const bodies = new Map<string, Buffer>();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') bodies.set(r.url(), await r.body());
  });
  await page.goto(`${base}${path}`);
  await ready(page);
  await page.waitForTimeout(300);
  const lazy = /\/WorldMap-/;
  const files = [...bodies.entries()].filter(([u]) => !stopAtLazy || !lazy.test(u));
  return {
    files: files.length,
    gzip: files.reduce((n, [, b]) => n + gzipSync(b).length, 0),
    raw: files.reduce((n, [, b]) => n + b.length, 0),
  };
}

const dashboardReady = async (p: Page) => {
  await p.waitForFunction(
    () =>
      document.querySelectorAll('.figure').length === 4 &&
      document.querySelectorAll('path.country').length > 170 &&
      document.querySelectorAll('.chart svg').length >= 4,
    undefined,
    { timeout: 30_000 },
  );
};
const listReady = async (p: Page) => {
  await p.waitForFunction(() => document.querySelectorAll('table.data tbody tr').length > 0, undefined, { timeout: 30_000 });
};

async function timed(path: string, ready: (p: Page) => Promise<void>, warm: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  if (warm) {
    await page.goto(`${base}${path}`);
    await ready(page);
  }
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${base}${path}`);
  await ready(page);
  const result = await page.evaluate(() => ({ ms: performance.now(), cls: (window as unknown as { __cls: number }).__cls }));
  await context.close();
  return result;
}

function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return `min ${s[0]?.toFixed(0)} / median ${s[Math.floor(s.length / 2)]?.toFixed(0)} / max ${s[s.length - 1]?.toFixed(0)} ms`;
}

console.log(`database: ${app.database.description}, ${total} programs; Chromium ${browser.version()}`);
const first = await browser.newContext().then((c) => c.newPage());
const initial = await scriptBytes(first, '/?year=2018', dashboardReady, true);
const whole = await scriptBytes(await browser.newContext().then((c) => c.newPage()), '/?year=2018', dashboardReady, false);
console.log(
  `first-page JavaScript (before the map code): ${initial.files} files, ${(initial.gzip / 1024).toFixed(1)} kB gzip (${(initial.raw / 1024).toFixed(0)} kB raw)`,
);
console.log(`all dashboard JavaScript (map included): ${whole.files} files, ${(whole.gzip / 1024).toFixed(1)} kB gzip`);
for (const [label, path, ready] of [
  ['dashboard (year 2018)', '/?year=2018', dashboardReady],
  ['filtered list (2018, Oceania, training)', '/programs?year=2018&region=oceania&modality=training', listReady],
] as const) {
  for (const warm of [false, true]) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await timed(path, ready, warm));
    console.log(
      `${label}, ${warm ? 'warm' : 'cold'} browser cache: ${stats(results.map((r) => r.ms))}; layout shift ${Math.max(...results.map((r) => r.cls)).toFixed(3)}`,
    );
  }
}
// In the app: change a filter and wait for the list to show the new result.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${base}/programs?year=2018`);
  await listReady(page);
  const times: number[] = [];
  for (const [i, region] of ['oceania', 'africa', 'asia', 'americas', 'europe', 'oceania', 'africa'].entries()) {
    const before = await page.locator('p[aria-live]').first().textContent();
    const start = Date.now();
    await page.getByLabel('Region', { exact: true }).selectOption(region);
    await page.waitForFunction((text) => document.querySelector('p[aria-live]')?.textContent !== text, before, { timeout: 30_000 });
    if (i > 0) times.push(Date.now() - start);
  }
  console.log(`filtered list, changing a filter in the app: ${stats(times)}`);
  await context.close();
}
await browser.close();
await server.close();
await app.close();
