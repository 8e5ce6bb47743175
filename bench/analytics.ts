/**
 * The analytics benchmark at national scale, on SQLite and PostgreSQL:
 *
 *   npx tsx bench/analytics.ts [--activities 1000000] [--participants 10000000] [--pg postgres://…] [--engines sqlite,postgres] [--fresh]
 *
 * 1. `mitra generate` writes the CSV files (cached under bench/.data/, same seed, same files);
 * 2. each engine's database is built once by importing them (each import in its own process on
 *    the compiled code) and kept under bench/.data/ (SQLite) or in a schema named after the
 *    data size (PostgreSQL), so that later runs only measure; --fresh rebuilds it;
 * 3. bench/analytics-latency.ts times the trend, concentration and priority endpoints and the
 *    annual PDF warm, through the HTTP API in one process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { arg, generatedData, root, tsx } from './generated.js';

const activities = Number(arg('activities', '1000000'));
const participants = Number(arg('participants', '10000000'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');
const fresh = process.argv.includes('--fresh');

const dataDir = generatedData(activities, participants);

async function pgSchemaExists(schema: string, drop: boolean): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    if (drop) await client.query(`drop schema if exists ${schema} cascade`);
    const r = await client.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [
      schema,
      'analytics_cube',
    ]);
    return (r.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

const engines: { name: string; url: string; loaded: boolean; marker: string }[] = [];
if (only.includes('sqlite')) {
  const path = join(dataDir, 'analytics.sqlite');
  const marker = `${path}.loaded`;
  if (fresh) for (const f of [path, `${path}-wal`, `${path}-shm`, marker]) rmSync(f, { force: true });
  engines.push({ name: 'sqlite', url: `file:${path}`, loaded: existsSync(marker), marker });
}
if (only.includes('postgres')) {
  if (!pgUrl) console.log('PostgreSQL: skipped (give --pg postgres://… or TEST_DATABASE_URL)');
  else {
    const schema = `bench_analytics_${activities}`;
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    const marker = join(dataDir, `${schema}.loaded`);
    if (fresh) rmSync(marker, { force: true });
    const loaded = (await pgSchemaExists(schema, fresh || !existsSync(marker))) && existsSync(marker);
    engines.push({ name: 'postgres', url: url.toString(), loaded, marker });
  }
}

for (const engine of engines) {
  const env = { ...process.env, DATABASE_URL: engine.url };
  if (!engine.loaded) {
    for (const kind of ['activities', 'participants']) {
      const out = execFileSync(process.execPath, ['bench/import-once.mjs', kind, join(dataDir, `${kind}.csv`)], {
        cwd: root,
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      console.log(`${engine.name} import: ${out.trim()}`);
    }
    writeFileSync(engine.marker, new Date().toISOString());
  }
  const out = execFileSync(process.execPath, [...tsx, 'bench/analytics-latency.ts', '20'], { cwd: root, env, encoding: 'utf8' });
  console.log(
    out
      .trim()
      .split('\n')
      .map((l) => `${engine.name} ${l}`)
      .join('\n'),
  );
}
