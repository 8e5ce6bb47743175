/** The benchmarks' shared start: build the compiled code, print the machine, generate the CSV files once. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const tsx = [join(root, 'node_modules/tsx/dist/cli.mjs')];

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Prints the machine the figures come from. */
export function printMachine(): void {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
  );
}

/** `mitra generate` output for this size (cached under bench/.data/, same seed, same files); returns its folder. */
export function generatedData(activities: number, participants: number): string {
  const dataDir = join(root, 'bench/.data', `${activities}-${participants}`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  printMachine();
  if (!existsSync(join(dataDir, 'participants.csv'))) {
    mkdirSync(dataDir, { recursive: true });
    const start = performance.now();
    execFileSync(
      process.execPath,
      [
        ...tsx,
        'src/cli/run.ts',
        'generate',
        '--activities',
        String(activities),
        '--participants',
        String(participants),
        '--years',
        '2015-2024',
        '--out',
        dataDir,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    console.log(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return dataDir;
}

/**
 * One year of `activities` programs and no participant records (`mitra generate --years Y-Y`,
 * participants from recorded totals), cached under bench/.data/; builds the compiled code first
 * (bench/import-once.mjs imports with it). Returns the folder of activities.csv.
 */
export function generatedYear(activities: number, year: number): string {
  const dataDir = join(root, 'bench/.data', `editions-${activities}-${year}`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  printMachine();
  if (!existsSync(join(dataDir, 'activities.csv'))) {
    mkdirSync(dataDir, { recursive: true });
    const args = ['generate', '--activities', String(activities), '--participants', '0', '--years', `${year}-${year}`, '--out', dataDir];
    execFileSync(process.execPath, [...tsx, 'src/cli/run.ts', ...args], { cwd: root, stdio: 'inherit' });
  }
  return dataDir;
}

export interface BenchEngine {
  readonly name: 'sqlite' | 'postgres';
  /** DATABASE_URL of a fresh, empty database (the app migrates it on opening). */
  readonly url: string;
  /** Removes the database (the SQLite file, the PostgreSQL schema). */
  drop(): Promise<void>;
}

/**
 * Fresh databases for a benchmark: a SQLite file in `dataDir` (removed first), and, when `pgUrl`
 * is given, a new schema `prefix_<time>` of that PostgreSQL database (dropped by `drop`).
 */
export function freshEngines(dataDir: string, pgUrl: string, prefix: string): BenchEngine[] {
  const sqlitePath = join(dataDir, `${prefix}.sqlite`);
  const removeSqlite = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  };
  removeSqlite();
  const engines: BenchEngine[] = [{ name: 'sqlite', url: `file:${sqlitePath}`, drop: async () => removeSqlite() }];
  if (pgUrl) {
    const schema = `${prefix}_${Date.now()}`;
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    engines.push({
      name: 'postgres',
      url: url.toString(),
      drop: async () => {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await client.end();
        }
      },
    });
  } else console.log('PostgreSQL: skipped (give --pg postgres://… or TEST_DATABASE_URL)');
  return engines;
}

/** Imports a CSV file of programs into `url` with the compiled code (bench/import-once.mjs); returns its JSON line. */
export function importOnce(url: string, activitiesCsv: string): string {
  return execFileSync(process.execPath, ['bench/import-once.mjs', 'activities', activitiesCsv], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  }).trim();
}
