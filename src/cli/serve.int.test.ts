/**
 * `mitra serve` as users run it: `node bin/mitra.js serve` over the bundle in dist/bundle (which
 * `npm test` builds first). The bundle's chunks live in a folder of their own, so what the server
 * finds beside its own code is checked here: the built web app (dist/web), the PDF report's fonts,
 * world map and chart library, and the files of the other libraries it loads from node_modules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webIndex = join(root, 'dist', 'web', 'index.html');

let dir = '';
let server: ChildProcess | undefined;
let base = '';

/** Starts `mitra serve --port 0` on a new database (with the demo data) and resolves with its address. */
function startServer(): Promise<string> {
  const child = spawn(process.execPath, [join(root, 'bin', 'mitra.js'), 'serve', '--port', '0'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LOG_LEVEL: 'silent', DATABASE_URL: `file:${join(dir, 'serve.sqlite')}` },
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const address = /Open (http:\/\/localhost:\d+)/.exec(out)?.[1];
      if (address) resolve(address);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`mitra serve exited with ${code}: ${out}`)));
  });
}

describe('mitra serve (the built CLI)', () => {
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'bundle', 'mitra.mjs')) || !existsSync(webIndex)) {
      throw new Error('dist/bundle or dist/web is missing: build first (npm run build; npm test does)');
    }
    dir = mkdtempSync(join(tmpdir(), 'mitra-serve-'));
    base = await startServer();
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built web app and the API when run from the bundle', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(readFileSync(webIndex, 'utf8'));
    const health = await fetch(`${base}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', engine: 'sqlite' });
    const programs = await fetch(`${base}/api/v1/activities`);
    expect(programs.status).toBe(200);
    expect(programs.headers.get('etag')).toBeTruthy();
  });

  it('writes the annual report as PDF and XLSX when run from the bundle', async () => {
    const pdf = await fetch(`${base}/api/v1/reports/annual.pdf?year=2018`);
    expect(pdf.status, await pdf.clone().text()).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The four Roboto files pdfmake may read; a font it could not find would have failed the report.
    expect(bytes.toString('latin1')).toMatch(/Roboto-Regular/);
    const xlsx = await fetch(`${base}/api/v1/reports/annual.xlsx?year=2018`);
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
