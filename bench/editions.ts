/**
 * Freezing a year of 100,000 programs (issue 23, docs/editions.md), on SQLite and PostgreSQL.
 *
 *   npx tsx bench/editions.ts [--activities 100000] [--year 2020] [--pg postgres://…] [--engines sqlite,postgres]
 *
 * 1. `mitra generate --years Y-Y` writes one year of programs (cached under bench/.data/);
 * 2. each engine gets a fresh database and imports them (compiled code, bench/import-once.mjs);
 * 3. in one process: freeze edition 1 (summaries for every stage and the public ones, the
 *    records read in batches and inserted in batches, one transaction), read its figures,
 *    compare it with the live figures, then freeze edition 2 (errata: also compares every
 *    record with edition 1's). Each step is timed once (a freeze writes a new edition), and the
 *    process's peak RSS is printed at the end.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openApp } from '../src/main.js';
import { differencesFromLive, editionFigures, freezeEdition } from '../src/services/editions.js';
import { arg, freshEngines, generatedYear, importOnce, root, tsx } from './generated.js';
import { peakRssMiB } from './timing.js';

const activities = Number(arg('activities', '100000'));
const year = Number(arg('year', '2020'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

/** Runs in a child process per engine (so that its peak RSS is its own): `--measure URL`. */
async function measure(url: string): Promise<void> {
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  try {
    const first = await timed('freeze edition 1', () => freezeEdition(app.deps, year, { overrideReason: 'benchmark' }));
    console.log(`  edition 1: ${first.programs} programs, ${first.countries} countries, ${first.participants} participants`);
    await timed('read its figures', () => editionFigures(app.deps, year, 1));
    const diff = await timed('differences from the live figures', () => differencesFromLive(app.deps, year, 1));
    console.log(`  differences: ${diff.figures.length} figures, ${diff.changed.length} programs changed`);
    await timed('freeze edition 2 (errata, compared with edition 1)', () =>
      freezeEdition(app.deps, year, { overrideReason: 'benchmark', reason: 'benchmark' }),
    );
  } finally {
    await app.close();
  }
  console.log(`  peak RSS: ${peakRssMiB()} MiB`);
}

async function main(): Promise<void> {
  const dataDir = generatedYear(activities, year);
  for (const engine of freshEngines(dataDir, pgUrl, 'bench_editions').filter((e) => only.includes(e.name))) {
    try {
      console.log(`${engine.name} import: ${importOnce(engine.url, join(dataDir, 'activities.csv'))}`);
      execFileSync(process.execPath, [...tsx, 'bench/editions.ts', '--measure', engine.url, '--year', String(year)], {
        cwd: root,
        stdio: 'inherit',
      });
    } finally {
      await engine.drop();
    }
  }
}

const measureUrl = arg('measure', '');
await (measureUrl ? measure(measureUrl) : main());
