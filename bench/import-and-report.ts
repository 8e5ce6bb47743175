/**
 * The import and report benchmark of the annual report engine, on SQLite and PostgreSQL.
 *
 *   npx tsx bench/import-and-report.ts [--activities 100000] [--participants 1000000] [--pg postgres://…] [--engines sqlite,postgres]
 *
 * 1. `mitra generate` writes the CSV files (cached under bench/.data/, same seed, same files);
 * 2. each engine gets a fresh database; activities then participants are imported, each in its
 *    own process running the compiled code (rows/s and peak RSS; `npm run build` runs first);
 * 3. the annual summary and the per-year totals are timed warm in one process (median of 20).
 * PostgreSQL runs when --pg or TEST_DATABASE_URL is given (a fresh schema, dropped afterwards).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { arg, generatedData, root, tsx } from './generated.js';

const activities = Number(arg('activities', '100000'));
const participants = Number(arg('participants', '1000000'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');

const dataDir = generatedData(activities, participants);

async function engines(): Promise<{ name: string; url: string; drop: () => Promise<void> }[]> {
  const sqlitePath = join(dataDir, 'bench.sqlite');
  const list = [{ name: 'sqlite', url: `file:${sqlitePath}`, drop: async () => rmSync(sqlitePath, { force: true }) }];
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  if (pgUrl) {
    const schema = `bench_${Date.now()}`;
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    list.push({
      name: 'postgres',
      url: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    });
  } else console.log('PostgreSQL: skipped (give --pg postgres://… or TEST_DATABASE_URL)');
  return list;
}

for (const engine of (await engines()).filter((e) => only.includes(e.name))) {
  const env = { ...process.env, DATABASE_URL: engine.url };
  try {
    for (const kind of ['activities', 'participants']) {
      const out = execFileSync(process.execPath, ['bench/import-once.mjs', kind, join(dataDir, `${kind}.csv`)], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      console.log(`${engine.name} import: ${out.trim()}`);
    }
    const out = execFileSync(process.execPath, [...tsx, 'bench/summary-latency.ts', '2018', '20'], { cwd: root, env, encoding: 'utf8' });
    console.log(
      out
        .trim()
        .split('\n')
        .map((l) => `${engine.name} ${l}`)
        .join('\n'),
    );
  } finally {
    await engine.drop();
  }
}
