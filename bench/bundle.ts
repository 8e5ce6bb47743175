/**
 * An edition's bundle of a 100,000-program year (issue 23, docs/bundle.md), on SQLite and
 * PostgreSQL. Target: the bundle in ≤ 60 s on either engine.
 *
 *   npx tsx bench/bundle.ts [--activities 100000] [--year 2020] [--pg postgres://…]
 *     [--engines sqlite,postgres] [--rounds 1] [--profile DIR]
 *
 * 1. `mitra generate --years Y-Y` writes one year of programs (cached under bench/.data/, the
 *    same files as bench/editions.ts);
 * 2. each engine gets a fresh database (a SQLite file; a new schema of the PostgreSQL database)
 *    and imports them (compiled code, bench/import-once.mjs);
 * 3. a child process freezes edition 1 (timed once: it writes the edition, with every program's
 *    whole record);
 * 4. `--rounds N` times, a child process per engine writes the bundle of edition 1 into a new
 *    temporary folder (`writeEditionBundle` with the app config's publisher and providing
 *    country and the builders of io/bundle-builders.ts, as `mitra editions bundle` does), timing
 *    each step and printing its peak RSS, the files' sizes, the unexplained differences (must be
 *    0) and the checklist's length. With N > 1 the engines alternate round by round (A/B, then
 *    B/A), so that a busy moment of the shared machine falls on both; the load average (1 min) is
 *    taken before each run. At the end: min and median per engine and step, side by side.
 *
 * `--profile DIR`: the bundle children run under `node --cpu-prof` and write their profiles there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { BUNDLE_BUILDERS } from '../src/io/bundle-builders.js';
import { writeEditionBundle } from '../src/io/edition-bundle.js';
import { openApp } from '../src/main.js';
import { freezeEdition } from '../src/services/editions.js';
import { arg, freshEngines, generatedYear, importOnce, root, tsx, type BenchEngine } from './generated.js';
import { minMedian, peakRssMiB } from './timing.js';

const activities = Number(arg('activities', '100000'));
const year = Number(arg('year', '2020'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');
const rounds = Math.max(1, Number(arg('rounds', '1')));
const profileDir = arg('profile', '');

/** The line a child prints its figures on (its other output goes to the terminal as it is). */
const RESULT = 'BENCH-RESULT ';

interface FreezeResult {
  readonly seconds: number;
  readonly programs: number;
  readonly peakRssMiB: number;
}

interface BundleRun {
  readonly seconds: number;
  readonly steps: readonly { readonly step: string; readonly seconds: number }[];
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  readonly unexplained: number;
  readonly checklist: number;
  readonly wholeRecords: boolean;
  readonly peakRssMiB: number;
}

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(2));

/** Child: freezes edition 1 of the year (`--freeze URL`). */
async function freezeChild(url: string): Promise<void> {
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  try {
    const start = performance.now();
    const edition = await freezeEdition(app.deps, year, { overrideReason: 'benchmark' });
    const result: FreezeResult = { seconds: seconds(start), programs: edition.programs, peakRssMiB: peakRssMiB() };
    console.log(`${RESULT}${JSON.stringify(result)}`);
  } finally {
    await app.close();
  }
}

/** Child: writes the bundle of edition 1 into `out` (`--bundle URL --out DIR`). */
async function bundleChild(url: string, out: string): Promise<void> {
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  try {
    const steps: { step: string; seconds: number }[] = [];
    const start = performance.now();
    let last = start;
    const result = await writeEditionBundle(
      app.deps,
      year,
      1,
      {
        providerCountry: app.config.providerCountry,
        publisherRef: app.config.iatiPublisher.ref,
        publisher: app.config.iatiPublisher,
        builders: BUNDLE_BUILDERS,
        onStep: (step) => {
          steps.push({ step, seconds: seconds(last) });
          last = performance.now();
        },
      },
      out,
    );
    const run: BundleRun = {
      seconds: seconds(start),
      steps,
      files: result.files.map((f) => ({ name: f.name, bytes: f.bytes })),
      unexplained: result.unexplained.length,
      checklist: result.checklist.length,
      wholeRecords: result.wholeRecords,
      peakRssMiB: peakRssMiB(),
    };
    console.log(`${RESULT}${JSON.stringify(run)}`);
  } finally {
    await app.close();
  }
}

/** Runs this script as a child with `args`; returns the figures of its result line. */
function child<T>(args: readonly string[], nodeArgs: readonly string[] = []): T {
  // The tsx CLI runs the script in a process of its own, which would not inherit --cpu-prof.
  const runner = nodeArgs.length > 0 ? ['--import', 'tsx'] : tsx;
  const stdout = execFileSync(process.execPath, [...nodeArgs, ...runner, 'bench/bundle.ts', '--year', String(year), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT));
  if (!line) throw new Error(`no result from the child: ${stdout}`);
  return JSON.parse(line.slice(RESULT.length)) as T;
}

const s = (n: number) => `${n.toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

function bundleOnce(engine: BenchEngine): BundleRun & { load: number } {
  const load = loadavg()[0] ?? 0;
  const parent = mkdtempSync(join(tmpdir(), 'mitra-bundle-bench-'));
  try {
    const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] : [];
    const run = child<BundleRun>(['--bundle', engine.url, '--out', join(parent, 'bundle')], nodeArgs);
    return { ...run, load };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dataDir = generatedYear(activities, year);
  const engines = freshEngines(dataDir, pgUrl, 'bench_bundle').filter((e) => only.includes(e.name));
  const runs = new Map<string, (BundleRun & { load: number })[]>(engines.map((e) => [e.name, []]));
  try {
    for (const engine of engines) {
      console.log(`${engine.name} import: ${importOnce(engine.url, join(dataDir, 'activities.csv'))}`);
      const load = loadavg()[0] ?? 0;
      const frozen = child<FreezeResult>(['--freeze', engine.url]);
      console.log(
        `${engine.name} freeze edition 1 (with whole records): ${s(frozen.seconds)}, ${frozen.programs} programs, peak RSS ${frozen.peakRssMiB} MiB, load ${load.toFixed(2)}`,
      );
    }
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? engines : [...engines].reverse();
      for (const engine of order) {
        const run = bundleOnce(engine);
        runs.get(engine.name)?.push(run);
        console.log(
          `round ${round + 1} ${engine.name} bundle: ${s(run.seconds)}, peak RSS ${run.peakRssMiB} MiB, unexplained ${run.unexplained}, checklist ${run.checklist}, load ${run.load.toFixed(2)}`,
        );
        for (const step of run.steps) console.log(`    ${step.step}: ${s(step.seconds)}`);
      }
    }
  } finally {
    for (const engine of engines) await engine.drop();
  }

  console.log(`\nbundle of ${activities} programs, ${rounds} round(s) (min / median):`);
  const names = engines.map((e) => e.name);
  const row = (label: string, cells: readonly string[]) => console.log(`| ${label} | ${cells.join(' | ')} |`);
  row('step', names);
  row(
    '---',
    names.map(() => '---'),
  );
  const first = runs.get(names[0] ?? '')?.[0];
  for (const [i, step] of (first?.steps ?? []).entries())
    row(
      step.step,
      names.map((n) => {
        const { min, median } = minMedian((runs.get(n) ?? []).map((r) => r.steps[i]?.seconds ?? 0));
        return `${s(min)} / ${s(median)}`;
      }),
    );
  const figure = (label: string, of: (rs: readonly (BundleRun & { load: number })[]) => string) =>
    row(
      label,
      names.map((n) => of(runs.get(n) ?? [])),
    );
  figure('**whole bundle**', (rs) => {
    const { min, median } = minMedian(rs.map((r) => r.seconds));
    return `**${s(min)} / ${s(median)}**`;
  });
  figure('peak RSS (max)', (rs) => `${Math.max(...rs.map((r) => r.peakRssMiB))} MiB`);
  figure('load average (1 min) before', (rs) => {
    const loads = rs.map((r) => r.load);
    return `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`;
  });
  figure('unexplained differences', (rs) => rs.map((r) => r.unexplained).join(', '));
  figure('checklist items', (rs) => rs.map((r) => r.checklist).join(', '));
  figure('whole records', (rs) => String(rs.every((r) => r.wholeRecords)));
  console.log('\nfiles (last round):');
  row('file', names);
  row(
    '---',
    names.map(() => '---'),
  );
  for (const [i, file] of (first?.files ?? []).entries())
    row(
      file.name,
      names.map((n) => {
        const rs = runs.get(n) ?? [];
        return mib(rs[rs.length - 1]?.files[i]?.bytes ?? 0);
      }),
    );
  figure('total', (rs) => mib((rs[rs.length - 1]?.files ?? []).reduce((sum, f) => sum + f.bytes, 0)));
  if ([...runs.values()].some((rs) => rs.some((r) => r.unexplained > 0))) {
    console.error('unexplained differences in the reconciliation: see the bundle');
    process.exitCode = 1;
  }
}

const freezeUrl = arg('freeze', '');
const bundleUrl = arg('bundle', '');
await (freezeUrl ? freezeChild(freezeUrl) : bundleUrl ? bundleChild(bundleUrl, arg('out', '')) : main());
