/**
 * IATI import of the 52 MB USAID sample through the built CLI, as a user runs it, into a fresh
 * SQLite database (and PostgreSQL with --pg URL); beside it, in the same run, the streaming parse
 * alone; then the export of the imported programs, checked with xmllint against the 2.03 schema.
 *   npm run build && npx tsx bench/iati-import.ts [--runs 3] [--pg postgres://…] [--file F]
 * Wall time and peak RSS come from /usr/bin/time around each process (medians of the runs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pg: { type: 'string' },
    file: { type: 'string', default: resolve(process.cwd(), '../shared/reference/iati/samples/usaid-19-countries-2025-04-03.merged.xml') },
  },
});
const runs = Number(values.runs);
const file = values.file;
const xsd = resolve(process.cwd(), '../shared/reference/iati/schemas/iati-activities-schema.xsd');
const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-iati-'));

/** Runs a command under /usr/bin/time: seconds, peak RSS in MiB, standard output. */
function timed(command: string, args: string[], env: Record<string, string> = {}): { seconds: number; rssMiB: number; out: string } {
  const result = spawnSync('/usr/bin/time', ['-f', '@@%e %M', command, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = /@@([\d.]+) (\d+)/.exec(result.stderr);
  if (!line) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  return { seconds: Number(line[1]), rssMiB: Math.round(Number(line[2]) / 1024), out: result.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function measure(label: string, once: () => { seconds: number; rssMiB: number; out: string }) {
  const samples = Array.from({ length: runs }, once);
  const summary = {
    label,
    seconds: median(samples.map((s) => s.seconds)),
    peakRssMiB: median(samples.map((s) => s.rssMiB)),
    runs: samples.map((s) => s.seconds),
  };
  console.log(JSON.stringify(summary));
  return { ...summary, last: samples.at(-1)?.out ?? '' };
}

const parseScript = `
import { createReadStream } from 'node:fs';
import { readIatiActivities } from './dist/io/iati-read.js';
let n = 0;
await readIatiActivities('f', createReadStream(process.argv[1], { highWaterMark: 256 * 1024 }), () => { n++; }, { maxBytes: 2 ** 31 });
console.log(n);`;

console.log(JSON.stringify({ file, megabytes: Number((statSync(file).size / 1e6).toFixed(1)), runs }));
measure('parse alone', () => timed('node', ['--input-type=module', '-e', parseScript, file]));

const importInto = (databaseUrl: string, reset: () => void) => () => {
  reset();
  const run = timed('node', ['bin/mitra.js', 'import', 'iati', '--partial', '--json', file], { DATABASE_URL: databaseUrl });
  const report = JSON.parse(run.out) as { status: string; inserted: number; rejectedRows: number };
  if (report.status !== 'committed' || report.inserted === 0) throw new Error(`import failed: ${run.out.slice(0, 500)}`);
  return run;
};

const sqlitePath = join(dir, 'bench.db');
const sqliteUrl = `file:${sqlitePath}`;
const resetSqlite = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  execFileSync('node', ['bin/mitra.js', 'db', 'migrate'], { env: { ...process.env, DATABASE_URL: sqliteUrl, LOG_LEVEL: 'silent' } });
};
const sqlite = measure('import into SQLite (new database)', importInto(sqliteUrl, resetSqlite));
const report = JSON.parse(sqlite.last) as { rows: number; inserted: number; rejectedRows: number };
console.log(JSON.stringify({ activities: report.rows, inserted: report.inserted, invalid: report.rejectedRows }));
measure('re-import into SQLite (unchanged)', () =>
  timed('node', ['bin/mitra.js', 'import', 'iati', '--partial', '--json', file], { DATABASE_URL: sqliteUrl }),
);

const out = join(dir, 'back.xml');
measure('export back to IATI XML', () => timed('node', ['bin/mitra.js', 'export', 'iati', '--out', out], { DATABASE_URL: sqliteUrl }));
const check = spawnSync('xmllint', ['--noout', '--stream', '--schema', xsd, out], { encoding: 'utf8' });
console.log(
  JSON.stringify({
    exported: out,
    megabytes: Number((statSync(out).size / 1e6).toFixed(1)),
    xmllint: check.status === 0 ? 'valid' : check.stderr.slice(0, 1000),
  }),
);

if (values.pg) {
  const pgUrl = values.pg;
  const resetPg = () => {
    execFileSync('psql', [pgUrl, '-q', '-c', 'drop schema public cascade; create schema public;'], { stdio: 'ignore' });
    execFileSync('node', ['bin/mitra.js', 'db', 'migrate'], { env: { ...process.env, DATABASE_URL: pgUrl, LOG_LEVEL: 'silent' } });
  };
  measure('import into PostgreSQL (new database)', importInto(pgUrl, resetPg));
}
rmSync(dir, { recursive: true, force: true });
