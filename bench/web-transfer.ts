/**
 * Bytes and requests of a first visit (cold browser cache) per page, measured in headless
 * Chromium through the DevTools protocol:
 *   npx tsx bench/web-transfer.ts [--db file:…] [--no-build] [--files]
 *
 * For each page (the dashboard, the program list) and each way of asking (Chromium's own
 * `Accept-Encoding: gzip, deflate, br, zstd`; `gzip, deflate`, as Chromium asks over plain HTTP
 * from another host; and `identity`, i.e. no compression), a new browser
 * context (empty cache) opens the page as the public (not signed in), waits until the page is
 * usable (dashboard: the four figures, the charts and the map drawn; list: its rows), then until
 * the network has been quiet for 500 ms, and sums `encodedDataLength` of every finished request
 * (bytes on the wire: headers and body as sent). `--files` lists every request. The time until
 * the page was usable (performance.now()) is one sample, on loopback: a hint, not a timing.
 * Without `--db` the server runs over a fresh temporary SQLite database holding the demo data,
 * as `mitra serve` loads it into an empty database; the built dist/web is served (the script
 * builds it first unless `--no-build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { openApp, serverFor } from '../src/main.js';
import { loadDemoData } from '../src/services/demo/load-demo.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

if (!flag('no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
const tmp = mkdtempSync(join(tmpdir(), 'mitra-transfer-'));
const url = arg('db') ?? `file:${join(tmp, 'demo.sqlite')}`;
const app = await openApp(loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }));
if (!arg('db')) await loadDemoData(app.deps);
const server = await serverFor(app, { logLevel: 'silent' });
const base = await server.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
});

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

interface Request {
  url: string;
  type: string;
  encoding: string;
  bytes: number;
}

/** One cold visit: every request made until the page is usable and the network is quiet. */
async function visit(path: string, ready: (p: Page) => Promise<void>, acceptEncoding: string | null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  const requests = new Map<string, Request>();
  let last = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', encoding: '', bytes: 0 });
    last = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (r) r.encoding = String(headers['content-encoding'] ?? 'identity');
    last = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
    last = Date.now();
  });
  await page.goto(`${base}${path}`);
  await ready(page);
  const usableMs = await page.evaluate(() => performance.now());
  while (Date.now() - last < 500) await page.waitForTimeout(100);
  await context.close();
  return { requests: [...requests.values()], usableMs };
}

const kB = (n: number) => (n / 1000).toFixed(1);
console.log(
  `database: ${arg('db') ? app.database.description : 'the demo data in a fresh SQLite database'}; Chromium ${browser.version()}`,
);
for (const [label, path, ready] of [
  ['dashboard', '/', dashboardReady],
  ['program list', '/programs', listReady],
] as const) {
  for (const [mode, encoding] of [
    ['compressed (Chromium asks gzip, deflate, br, zstd)', null],
    // What Chromium asks over plain HTTP from a host that is not this machine (Brotli only over HTTPS).
    ['gzip only (Accept-Encoding: gzip, deflate)', 'gzip, deflate'],
    ['uncompressed (Accept-Encoding: identity)', 'identity'],
  ] as const) {
    const { requests, usableMs } = await visit(path, ready, encoding);
    const total = requests.reduce((n, r) => n + r.bytes, 0);
    const byKind = new Map<string, { n: number; bytes: number }>();
    for (const r of requests) {
      const kind = new URL(r.url).pathname.startsWith('/api/') ? 'API' : r.type;
      const k = byKind.get(kind) ?? { n: 0, bytes: 0 };
      byKind.set(kind, { n: k.n + 1, bytes: k.bytes + r.bytes });
    }
    const parts = [...byKind.entries()].sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${v.n} / ${kB(v.bytes)} kB`);
    console.log(
      `${label}, ${mode}: ${requests.length} requests, ${kB(total)} kB transferred (${parts.join('; ')}); usable after ${usableMs.toFixed(0)} ms`,
    );
    if (flag('files')) {
      for (const r of [...requests].sort((a, b) => b.bytes - a.bytes))
        console.log(
          `  ${kB(r.bytes).padStart(7)} kB  ${r.encoding.padEnd(8)} ${r.type.padEnd(10)} ${new URL(r.url).pathname}${new URL(r.url).search}`,
        );
    }
  }
}
await browser.close();
await server.close();
await app.close();
rmSync(tmp, { recursive: true, force: true });
