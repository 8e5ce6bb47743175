/**
 * Other providers at national scale: a corpus of N files × M activities of other publishers,
 * generated from the IATI samples (USAID, CAF) with new identifiers, eight publishers and twelve
 * recipient countries, imported file by file into a new PostgreSQL database through the built
 * CLI (each file in its own process under /usr/bin/time: activities per second and peak RSS per
 * file); then "all providers to one country, by year" (services/other-providers.ts
 * compareCountry, and the repository's `compare` alone), cold and warm.
 *   npm run build && npx tsx bench/iati-corpus.ts [--files 50] [--activities 20000] [--pg postgres://…/postgres] [--keep]
 * The files are written to a temporary directory one at a time and deleted once imported; they
 * are never committed. --bin runs another copy of bin/mitra.js (a snapshot of the build while
 * the worktree is rebuilt). --keep keeps the database (its name is printed) for more queries;
 * --database NAME imports into that existing database instead (migrated to the latest first),
 * the files numbered from --first-file on (new identifiers), then times the comparison.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchDatabase } from './timing.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/connection.js';
import { OtherProviderRepo } from '../src/db/other-provider.repo.js';
import { openApp } from '../src/main.js';
import { compareCountry } from '../src/services/other-providers.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '50' },
    activities: { type: 'string', default: '20000' },
    pg: { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1/postgres' },
    bin: { type: 'string', default: 'bin/mitra.js' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
    'first-file': { type: 'string', default: '0' },
  },
});
const files = Number(values.files);
const firstFile = Number(values['first-file']);
const perFile = Number(values.activities);
const samples = resolve(process.cwd(), '../shared/reference/iati/samples');
const PUBLISHERS = ['XM-BENCH-AA', 'XM-BENCH-BB', 'XM-BENCH-CC', 'XM-BENCH-DD', 'XM-BENCH-EE', 'XM-BENCH-FF', 'XM-BENCH-GG', 'XM-BENCH-HH'];
const COUNTRIES = ['TL', 'PG', 'FJ', 'KE', 'ET', 'PH', 'VN', 'MZ', 'TZ', 'SN', 'NP', 'BD'];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The activities of the samples, as XML text, to be copied with new identifiers. */
function templates(): string[] {
  const out: string[] = [];
  for (const name of ['usaid-19-countries-2025-04-03.merged.xml', 'CAF-ActivityFile-2025-10-10.xml']) {
    const xml = readFileSync(join(samples, name), 'utf8');
    for (let at = xml.indexOf('<iati-activity '); at >= 0; at = xml.indexOf('<iati-activity ', at)) {
      const end = xml.indexOf('</iati-activity>', at) + '</iati-activity>'.length;
      out.push(xml.slice(at, end));
      at = end;
    }
  }
  return out;
}

/** Activity `n` of the corpus: template n, publisher n mod 8, its countries among twelve. */
function activity(template: string, n: number): string {
  const publisher = PUBLISHERS[n % PUBLISHERS.length] as string;
  let country = 0;
  return template
    .replace(/<iati-identifier>[^<]*<\/iati-identifier>/, `<iati-identifier>${publisher}-${n}</iati-identifier>`)
    .replace(/<reporting-org ref="[^"]*"/, `<reporting-org ref="${publisher}"`)
    .replace(
      /(<recipient-country\b[^>]*\bcode=")[^"]*"/g,
      (_m, head: string) => `${head}${COUNTRIES[(n + country++) % COUNTRIES.length]}"`,
    );
}

async function writeFile(path: string, list: string[], first: number): Promise<number> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities xmlns:usg="https://explorer.usaid.gov" version="2.03" generated-datetime="2026-12-08T00:00:00Z">\n`,
  );
  for (let i = 0; i < perFile; i++) await write(`${activity(list[(first + i) % list.length] as string, first + i)}\n`);
  await write('</iati-activities>\n');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

const admin = values.pg;
const name = values.database ?? `mitra_bench_corpus_${process.pid}`;
const { url: dbUrl, admin: adminQuery } = benchDatabase(admin, name);

console.log(
  JSON.stringify({
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    files,
    activitiesPerFile: perFile,
    publishers: PUBLISHERS.length,
    countries: COUNTRIES.length,
    database: name,
    loadAverage: load(),
  }),
);
const dir = mkdtempSync(join(tmpdir(), 'mitra-corpus-'));
try {
  if (!values.database) await adminQuery(`create database ${name}`);
  const database = await openDatabase(dbUrl);
  await migrateToLatest(database);
  await database.close();
  {
    const list = files > 0 ? templates() : [];
    let total = 0;
    for (let f = firstFile; f < firstFile + files; f++) {
      const path = join(dir, `corpus-${String(f + 1).padStart(3, '0')}.xml`);
      const bytes = await writeFile(path, list, f * perFile);
      const run = spawnSync('/usr/bin/time', ['-f', '@@%e %M', process.execPath, values.bin, 'import', 'iati', '--json', path], {
        env: { ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'silent', MITRA_IMPORT_MAX_BYTES: String(4 * 1024 ** 3) },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      rmSync(path, { force: true });
      const timing = /@@([\d.]+) (\d+)/.exec(run.stderr);
      if (!timing || run.status !== 0) throw new Error(`import of ${path} failed:\n${run.stderr.slice(-2000)}`);
      const report = JSON.parse(run.stdout) as { status: string; rows: number; inserted: number; rejectedRows: number };
      if (report.status !== 'committed' || report.inserted + report.rejectedRows !== perFile)
        throw new Error(`import of ${path}: ${run.stdout.slice(0, 500)}`);
      total += report.inserted;
      const seconds = Number(timing[1]);
      console.log(
        JSON.stringify({
          file: f + 1,
          megabytes: Math.round(bytes / 1e6),
          inserted: report.inserted,
          refused: report.rejectedRows,
          seconds,
          activitiesPerSecond: Math.round(perFile / seconds),
          peakRssMiB: Math.round(Number(timing[2]) / 1024),
          totalActivities: total,
          loadAverage: load(),
        }),
      );
    }
  }
  await timeComparison();
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (!values.keep && !values.database) await adminQuery(`drop database if exists ${name}`);
}

/** "All providers to one country, by year": the first call on a new connection, then warm (median of 10). */
async function timeComparison(): Promise<void> {
  const sizes = new pg.Client({ connectionString: dbUrl });
  await sizes.connect();
  await sizes.query('analyze');
  const counts = await sizes.query<{ activities: string; facts: string; sectors: string; country_facts: string }>(
    `select (select count(*) from iati_activities) as activities, (select count(*) from iati_activity_facts) as facts,
            (select count(*) from iati_activity_sectors) as sectors,
            (select count(*) from iati_activity_facts where country_code = $1) as country_facts`,
    [COUNTRIES[0]],
  );
  await sizes.end();
  console.log(JSON.stringify({ tables: counts.rows[0], country: COUNTRIES[0] }));
  const app = await openApp(loadConfig({ ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' }));
  const repo = new OtherProviderRepo(app.database.db);
  const query = { country: COUNTRIES[0] as string, fromYear: 2015, toYear: 2025, ownName: 'Indonesia' };
  const time = async (label: string, work: () => Promise<unknown>) => {
    const first = performance.now();
    await work();
    const cold = performance.now() - first;
    const ms: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await work();
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        label,
        firstMs: Math.round(cold),
        warmMinMs: Math.round(ms[0] ?? 0),
        warmMedianMs: Math.round(ms[5] ?? 0),
        warmMaxMs: Math.round(ms[9] ?? 0),
        loadAverage: load(),
      }),
    );
  };
  await time(`compareCountry ${query.country} ${query.fromYear}–${query.toYear} (service: facts, sectors, publishers, own programs)`, () =>
    compareCountry(app.deps, query),
  );
  await time('repository compare alone', () => repo.compare(query.country, query.fromYear, query.toYear));
  await time('repository compareSectors alone', () => repo.compareSectors(query.country, query.fromYear, query.toYear));
  await app.close();
}
