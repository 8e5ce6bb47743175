/**
 * What `mitra` loads when it runs (issue 19: a quick CLI). The compiled CLI runs as users run it,
 * `node bin/mitra.js …` over dist/ (which `npm test` builds first), under a recorder of every
 * module the process loads (src/testing/load-recorder.mjs). Start-up should load commander and
 * the command definitions; a command loads its own implementation and libraries when it runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'mitra.js');
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
  /** Mitra's own modules, relative to dist/ (e.g. "cli/main.js"). */
  readonly own: readonly string[];
}

let dir = '';

function mitra(args: readonly string[], env: Record<string, string> = {}, record = true): RecordedRun {
  const file = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const result = spawnSync(process.execPath, [...(record ? ['--import', recorder] : []), bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LOG_LEVEL: 'silent', MITRA_LOAD_RECORD: file, ...env },
  });
  const modules = record && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const packages = new Set(modules.flatMap((m) => [...m.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].slice(-1).map((x) => x[1] ?? '')));
  const own = new Set(modules.flatMap((m) => (m.includes('/node_modules/') ? [] : (/\/dist\/(.+)$/.exec(m)?.slice(1) ?? []))));
  return { code: result.status, out: result.stdout, err: result.stderr, packages: [...packages].sort(), own: [...own].sort() };
}

describe('mitra start-up', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: build first (npm run build; npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'mitra-startup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads commander and the command definitions only when asked for --version or --help', () => {
    for (const args of [['--version'], ['--help'], ['report', '--help']]) {
      const run = mitra(args);
      expect(run.code, run.err).toBe(0);
      expect(run.packages.filter(isHeavy), `heavy libraries loaded by mitra ${args.join(' ')}`).toEqual([]);
      expect(run.packages, `packages loaded by mitra ${args.join(' ')}`).toEqual(['commander']);
      // No implementation, service, database, file format or server module either.
      expect(run.own.filter((m) => !/^cli\/[a-z-]+\.commands?\.js$|^cli\/(main|exit-codes|io)\.js$|^domain\//.test(m)), `modules loaded by mitra ${args.join(' ')}`).toEqual([]);
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
    expect(run.own.filter((m) => m.startsWith('db/migrations/') && m !== 'db/migrations/index.js')).toEqual([]);
  });
});
