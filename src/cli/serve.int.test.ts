/**
 * `mitra serve` as users run it: `node bin/mitra.js serve` over the bundle in dist/bundle (which
 * `npm test` builds first). The bundle's chunks live in a folder of their own, so what the server
 * finds beside its own code is checked here: the built web app (dist/web), the PDF report's fonts,
 * world map and chart library, and the files of the other libraries it loads from node_modules.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webIndex = join(root, 'dist', 'web', 'index.html');

let dir = '';
let server: ChildProcess | undefined;
let base = '';
let out = '';

const env = () => ({ PATH: process.env.PATH ?? '', TZ: 'UTC', LOG_LEVEL: 'silent', DATABASE_URL: `file:${join(dir, 'serve.sqlite')}` });

/** Runs the built CLI once on the server's database. */
async function mitra(args: string[]): Promise<string> {
  return (await promisify(execFile)(process.execPath, [join(root, 'bin', 'mitra.js'), ...args], { cwd: dir, env: env() })).stdout;
}

/** Starts `mitra serve --port 0` on a new database (with the demo data) and resolves with its address. */
function startServer(): Promise<string> {
  const child = spawn(process.execPath, [join(root, 'bin', 'mitra.js'), 'serve', '--port', '0'], {
    cwd: dir,
    env: env(),
  });
  server = child;
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const address = /Open (http:\/\/\S+)/.exec(out)?.[1];
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

  it('prints the address it listens on, then the demo passwords, kept in a file only its owner reads', async () => {
    // 127.0.0.1 by default (HOST): "localhost" may resolve to ::1 first, where nothing listens.
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await vi.waitFor(() => expect(out).toMatch(/shows them again/), { timeout: 10_000 });
    const lines = out.split('\n');
    const open = lines.findIndex((l) => l.startsWith('Open '));
    const admin = lines.findIndex((l) => /^ {2}admin +admin@mitra\.demo +[A-Za-z2-9]{18}$/.test(l));
    expect(admin).toBeGreaterThan(open);
    const file = join(dir, 'serve.sqlite.demo-passwords.txt');
    expect(out).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = /admin@mitra\.demo +([A-Za-z2-9]{18})/.exec(out)?.[1] ?? '';
    expect(readFileSync(file, 'utf8')).toContain(`admin\tadmin@mitra.demo\t${password}`);
    // The database holds only hashes.
    expect(readFileSync(join(dir, 'serve.sqlite')).includes(password)).toBe(false);
  });

  it('prints the demo passwords again with `mitra users demo-passwords`, leaving out those changed since', async () => {
    await vi.waitFor(() => expect(out).toMatch(/shows them again/), { timeout: 10_000 });
    const viewer = /viewer@mitra\.demo +([A-Za-z2-9]{18})/.exec(out)?.[1] ?? '';
    const admin = /admin@mitra\.demo +([A-Za-z2-9]{18})/.exec(out)?.[1] ?? '';
    expect((await mitra(['users', 'demo-passwords'])).split('\n')).toContain(`  viewer       viewer@mitra.demo          ${viewer}`);
    await mitra(['users', 'set-password', 'viewer@mitra.demo']);
    const again = await mitra(['users', 'demo-passwords']);
    expect(again).toContain(`admin@mitra.demo           ${admin}`);
    expect(again).toMatch(/viewer@mitra\.demo +\(changed since: not shown\)/);
    expect(again).not.toContain(viewer);
    // A login with the listed password works: it is the one the account has.
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@mitra.demo', password: admin }),
    });
    expect(login.status).toBe(200);
  });
});
