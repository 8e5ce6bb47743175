/**
 * What `mitra` loads when it runs (issue 19: a quick CLI). The built CLI runs as users run it,
 * `node bin/mitra.js …` over the bundle in dist/bundle (which `npm test` builds first), under a
 * recorder of every file the process loads (src/testing/load-recorder.mjs). A chunk of the bundle
 * stands for the modules its source map lists (Mitra's sources and the bundled packages: Kysely,
 * zod, commander…); any other package is loaded from node_modules and recorded as such. Start-up
 * should load commander and the command definitions; a command loads its own implementation and
 * libraries when it runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'mitra.js');
const bundle = join(root, 'dist', 'bundle');
const recorder = pathToFileURL(join(root, 'src', 'testing', 'load-recorder.mjs')).href;

/** Libraries that take tens or hundreds of milliseconds to load, and the commands that need them. */
const HEAVY: readonly (string | RegExp)[] = [
  'exceljs', // XLSX files
  'pdfmake', // PDF documents
  'echarts', // the charts of the PDF report
  'd3-geo', // the world map
  'topojson-client',
  'world-atlas',
  'fastify', // serve
  /^@fastify\//,
  'fastify-type-provider-zod',
  'nodemailer', // mail through SMTP
  '@node-rs/argon2', // passwords
  'saxes', // IATI XML import
  'pg', // PostgreSQL only
];

const isHeavy = (name: string) => HEAVY.some((h) => (typeof h === 'string' ? h === name : h.test(name)));

interface RecordedRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  /** The packages loaded (name of the innermost node_modules folder of each module), sorted. */
  readonly packages: readonly string[];
  /** Mitra's own modules, relative to src/ (e.g. "cli/main.ts"). */
  readonly own: readonly string[];
}

let dir = '';

/**
 * The modules a loaded file holds: a chunk of the bundle, those its source map lists; any other
 * file, itself. A chunk without a map holds no module's code: the entry (which re-exports the
 * chunk of cli/main.ts) and the bundler's runtime (helpers for CommonJS and namespaces).
 */
function modulesOf(loaded: string): string[] {
  const path = loaded.startsWith('file:') ? fileURLToPath(loaded) : loaded;
  if (!path.startsWith(bundle + '/')) return [path];
  if (!existsSync(`${path}.map`)) return [];
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: readonly string[] };
  return map.sources.map((source) => resolve(dirname(path), source));
}

function mitra(args: readonly string[], env: Record<string, string> = {}, record = true): RecordedRun {
  const file = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const result = spawnSync(process.execPath, [...(record ? ['--import', recorder] : []), bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LOG_LEVEL: 'silent', MITRA_LOAD_RECORD: file, ...env },
  });
  const loaded = record && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const modules = [...new Set(loaded)].flatMap(modulesOf);
  const packages = new Set(
    modules.flatMap((m) => [...m.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].slice(-1).map((x) => x[1] ?? '')),
  );
  const own = new Set(
    modules.flatMap((m) => (m.includes('/node_modules/') || !m.startsWith(join(root, 'src')) ? [] : [relative(join(root, 'src'), m)])),
  );
  return { code: result.status, out: result.stdout, err: result.stderr, packages: [...packages].sort(), own: [...own].sort() };
}

describe('mitra start-up', () => {
  beforeAll(() => {
    if (!existsSync(join(bundle, 'mitra.mjs'))) throw new Error('dist/bundle is missing: build first (npm run build; npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'mitra-startup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads commander and the command definitions only when asked for --version or --help', () => {
    for (const args of [['--version'], ['--help'], ['report', '--help']]) {
      const run = mitra(args);
      expect(run.code, run.err).toBe(0);
      expect(run.packages.filter(isHeavy), `heavy libraries loaded by mitra ${args.join(' ')}`).toEqual([]);
      expect(run.packages, `packages loaded by mitra ${args.join(' ')}`).toEqual(['commander']);
      // The chunks' source maps are read (without them every check here would pass).
      expect(run.own).toContain('cli/main.ts');
      // No implementation, service, database, file format or server module either.
      expect(
        run.own.filter((m) => !/^cli\/[a-z-]+\.commands?\.ts$|^cli\/(main|exit-codes|io)\.ts$|^domain\//.test(m)),
        `modules loaded by mitra ${args.join(' ')}`,
      ).toEqual([]);
    }
    expect(mitra(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('loads no library of other commands and no migration when it reports from a current database', () => {
    const env = { DATABASE_URL: `file:${join(dir, 'current.sqlite')}` };
    expect(mitra(['db', 'migrate'], env, false).code).toBe(0);
    const run = mitra(['report', 'summary', '--year', '2018'], env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/Annual summary 2018/);
    expect(run.packages.filter(isHeavy)).toEqual([]);
    expect(run.packages).toContain('better-sqlite3');
    // The schema is current: the applied names are compared with the known ones, and no migration module loads.
    expect(run.own.filter((m) => m.startsWith('db/migrations/') && m !== 'db/migrations/index.ts')).toEqual([]);
  });
});
