/**
 * The IATI export at national scale: 100,000 generated programs imported into a fresh database,
 * then exported as one IATI 2.03 file in its own process (time, throughput, peak RSS), and the
 * file checked with xmllint against the official schema in streaming mode.
 *
 *   npx tsx bench/iati-export.ts [--activities 100000] [--pg postgres://…] [--engines sqlite,postgres]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const activities = Number(arg('activities', '100000'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');
const dataDir = join(root, 'bench/.data', `iati-${activities}`);
const xsd = resolve(root, '../shared/reference/iati/schemas/iati-activities-schema.xsd');

execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
);
if (!existsSync(join(dataDir, 'activities.csv'))) {
  mkdirSync(dataDir, { recursive: true });
  execFileSync(
    process.execPath,
    ['bin/mitra.js', 'generate', '--activities', String(activities), '--participants', '0', '--years', '2015-2024', '--out', dataDir],
    { cwd: root, stdio: 'inherit' },
  );
}

const targets: { name: string; url: string; drop: () => Promise<void> }[] = [];
const sqlitePath = join(dataDir, 'bench.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
targets.push({ name: 'sqlite', url: `file:${sqlitePath}`, drop: async () => rmSync(sqlitePath, { force: true }) });
if (pgUrl) {
  const schema = `bench_iati_${Date.now()}`;
  const url = new URL(pgUrl);
  url.searchParams.set('schema', schema);
  targets.push({
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

for (const target of targets.filter((t) => only.includes(t.name))) {
  const env = { ...process.env, DATABASE_URL: target.url };
  try {
    execFileSync(process.execPath, ['bench/import-once.mjs', 'activities', join(dataDir, 'activities.csv')], {
      cwd: root,
      env,
      stdio: 'ignore',
    });
    const file = join(dataDir, `iati-${target.name}.xml`);
    const out = execFileSync(process.execPath, ['bench/iati-export-once.mjs', file], { cwd: root, env, encoding: 'utf8' });
    console.log(`${target.name} export: ${out.trim()}`);
    if (existsSync(xsd)) {
      const start = performance.now();
      const verdict = execFileSync('xmllint', ['--noout', '--stream', '--schema', xsd, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      console.log(
        `${target.name} xmllint --stream --schema: valid in ${((performance.now() - start) / 1000).toFixed(1)} s ${verdict.trim()}`,
      );
    }
    rmSync(file, { force: true });
  } finally {
    await target.drop();
  }
}
