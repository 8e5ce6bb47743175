/**
 * Data quality at national scale: `mitra generate`'s programs, all in one year, imported into a
 * fresh database, then the year's scorecard (every program evaluated against every enabled rule,
 * read QUALITY_PAGE programs at a time: four queries a page) and one agency's list of programs
 * with what to fix, timed warm.
 *
 *   npx tsx bench/quality.ts [--activities 100000] [--participants 1000000] [--runs 5] [--pg postgres://…/admin-db]
 *
 * Without --pg: SQLite in a temporary folder. With --pg: a database of its own on that server
 * (created and dropped).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openApp } from '../src/main.js';
import { QUALITY_PAGE, qualityPrograms, qualityScorecard } from '../src/services/quality.js';
import { importGeneratedPrograms } from '../src/testing/generated-programs.js';
import { benchDatabase, timeWarm } from './timing.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const activities = Number(arg('activities', '100000'));
const participants = Number(arg('participants', '1000000'));
const runs = Number(arg('runs', '5'));
const pg = arg('pg', '');
const YEAR = 2020;

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const dir = mkdtempSync(join(tmpdir(), 'mitra-quality-'));
const database = pg ? benchDatabase(pg, `mitra_bench_quality_${process.pid}`) : null;
if (database) await database.admin(`create database ${new URL(database.url).pathname.slice(1)}`);
const url = database ? database.url : `file:${join(dir, 'bench.sqlite')}`;
const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
try {
  let start = performance.now();
  await importGeneratedPrograms(app, { activities, participants, fromYear: YEAR, toYear: YEAR, seed: 1, currentYear: 2026 });
  await app.deps.store.afterBulkWrite();
  console.log(
    `${database ? 'PostgreSQL' : 'SQLite'}: imported ${activities} programs and ${participants} participants of ${YEAR} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );

  start = performance.now();
  const card = await qualityScorecard(app.deps, YEAR);
  console.log(
    `first scorecard (cold): ${(performance.now() - start).toFixed(0)} ms; ${card.total.programs} programs, ${card.agencies.length} agencies, ` +
      `score ${card.total.score}, ${card.total.programsWithFindings} with something to fix, ${card.rulesEnabled} rules, ` +
      `${Math.ceil(card.total.programs / QUALITY_PAGE)} pages of ${QUALITY_PAGE}`,
  );
  console.log(
    `failing rules: ${card.total.rules
      .filter((r) => r.passed < r.applicable)
      .map((r) => `${r.rule} ${r.applicable - r.passed}/${r.applicable}`)
      .join(', ')}`,
  );
  await timeWarm(`scorecard of ${card.total.programs} programs (every agency)`, runs, async () => {
    const c = await qualityScorecard(app.deps, YEAR);
    if (c.total.programs !== activities) throw new Error(`scored ${c.total.programs} of ${activities} programs`);
  });
  const biggest = [...card.agencies].sort((a, b) => b.programs - a.programs)[0];
  if (biggest?.implementingOrg) {
    const code = biggest.implementingOrg;
    await timeWarm(`one agency's programs to fix (${code}, ${biggest.programs} programs), first page of 50`, runs, () =>
      qualityPrograms(app.deps, { year: YEAR, implementingOrg: code, withFindingsOnly: true, page: 1, pageSize: 50 }),
    );
    await timeWarm(`one agency's scorecard (${code})`, runs, () => qualityScorecard(app.deps, YEAR, code));
  }
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; load average after: ${loadavg()[0]?.toFixed(2)}`);
} finally {
  await app.close();
  if (database) await database.admin(`drop database ${new URL(database.url).pathname.slice(1)}`);
  rmSync(dir, { recursive: true, force: true });
}
