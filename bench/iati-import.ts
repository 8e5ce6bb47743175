/**
 * IATI import of the 52 MB USAID sample (4,313 activities of another publisher) through the built
 * CLI, as a user runs it, against its peer figure in the same run: xmllint checking the same file
 * against the IATI 2.03 schema in streaming mode. The two alternate (A/B, then B/A) for N rounds,
 * each run in its own process under /usr/bin/time, so the wall time and peak RSS are that run's.
 * Then the re-import of the unchanged file, and the same import into PostgreSQL (a database of
 * its own, created and dropped here).
 *   npm run build && npx tsx bench/iati-import.ts [--rounds 5] [--pg postgres://…/postgres] [--file F]
 * Prints min and median wall time, median peak RSS, the ratio to xmllint and the load average.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabase } from './timing.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    pg: { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1/postgres' },
    'no-pg': { type: 'boolean', default: false },
    file: { type: 'string', default: resolve(process.cwd(), '../shared/reference/iati/samples/usaid-19-countries-2025-04-03.merged.xml') },
  },
});
const rounds = Number(values.rounds);
const file = values.file;
const xsd = resolve(process.cwd(), '../shared/reference/iati/schemas/iati-activities-schema.xsd');
const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-iati-'));

interface Run {
  seconds: number;
  rssMiB: number;
  out: string;
}

/** Runs a command under /usr/bin/time: wall seconds, peak RSS in MiB, standard output. */
function timed(command: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '@@%e %M', command, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = /@@([\d.]+) (\d+)/.exec(result.stderr);
  if (!line || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  return { seconds: Number(line[1]), rssMiB: Math.round(Number(line[2]) / 1024), out: result.stdout };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? 0;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function summary(label: string, runs: Run[]) {
  const s = runs.map((r) => r.seconds);
  const line = {
    label,
    minSeconds: sorted(s)[0],
    medianSeconds: median(s),
    medianPeakRssMiB: median(runs.map((r) => r.rssMiB)),
    maxPeakRssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    seconds: s,
  };
  console.log(JSON.stringify(line));
  return line;
}

const xmllint = (): Run => {
  const run = timed('xmllint', ['--stream', '--noout', '--schema', xsd, file]);
  return run;
};

/** One import by the CLI; fails unless the file was committed with every activity counted. */
const importInto = (databaseUrl: string, expect: 'inserted' | 'unchanged'): Run => {
  const run = timed('node', ['bin/mitra.js', 'import', 'iati', '--json', file], { DATABASE_URL: databaseUrl });
  const report = JSON.parse(run.out) as { status: string; rows: number; inserted: number; unchanged: number; rejectedRows: number };
  if (report.status !== 'committed' || report[expect] + report.rejectedRows !== report.rows || report.rows === 0)
    throw new Error(`import did not ${expect === 'inserted' ? 'insert' : 'leave unchanged'} every activity: ${run.out.slice(0, 500)}`);
  return run;
};

const migrate = (databaseUrl: string) =>
  execFileSync('node', ['bin/mitra.js', 'db', 'migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } });

console.log(
  JSON.stringify({
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    file,
    megabytes: Number((statSync(file).size / 1e6).toFixed(1)),
    rounds,
    loadAverageBefore: load(),
  }),
);

// SQLite, a new database each round (migrated beforehand, untimed), alternating with xmllint.
const sqlitePath = join(dir, 'bench.db');
const sqliteUrl = `file:${sqlitePath}`;
const resetSqlite = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  migrate(sqliteUrl);
};
const lint: Run[] = [];
const sqlite: Run[] = [];
for (let round = 0; round < rounds; round++) {
  resetSqlite();
  if (round % 2 === 0) {
    lint.push(xmllint());
    sqlite.push(importInto(sqliteUrl, 'inserted'));
  } else {
    sqlite.push(importInto(sqliteUrl, 'inserted'));
    lint.push(xmllint());
  }
}
const report = JSON.parse(sqlite.at(-1)?.out ?? '{}') as { rows: number; inserted: number; rejectedRows: number; warnings: unknown[] };
console.log(JSON.stringify({ activities: report.rows, inserted: report.inserted, refused: report.rejectedRows }));
const l = summary('xmllint --stream --noout --schema (2.03)', lint);
const s = summary('mitra import iati, SQLite new database', sqlite);
const ratios = sqlite.map((r, i) => r.seconds / (lint[i]?.seconds ?? Number.NaN));
console.log(
  JSON.stringify({
    ratioOfMedians: Number((s.medianSeconds / l.medianSeconds).toFixed(2)),
    ratioOfMins: Number(((s.minSeconds ?? 0) / (l.minSeconds ?? 1)).toFixed(2)),
    medianRatioPerRound: Number(median(ratios).toFixed(2)),
    loadAverage: load(),
  }),
);
summary(
  'mitra import iati, SQLite, unchanged file again',
  Array.from({ length: rounds }, () => importInto(sqliteUrl, 'unchanged')),
);

if (!values['no-pg']) {
  // PostgreSQL: a database of its own, new (dropped and created) for each round.
  const admin = values.pg;
  const name = `mitra_bench_import_${process.pid}`;
  const { url: pgUrl, admin: adminQuery } = benchDatabase(admin, name);
  const postgres: Run[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      await adminQuery(`drop database if exists ${name}`);
      await adminQuery(`create database ${name}`);
      migrate(pgUrl);
      postgres.push(importInto(pgUrl, 'inserted'));
    }
    summary('mitra import iati, PostgreSQL new database', postgres);
    summary(
      'mitra import iati, PostgreSQL, unchanged file again',
      Array.from({ length: rounds }, () => importInto(pgUrl, 'unchanged')),
    );
  } finally {
    await adminQuery(`drop database if exists ${name}`);
  }
}
console.log(JSON.stringify({ loadAverageAfter: load() }));
rmSync(dir, { recursive: true, force: true });
