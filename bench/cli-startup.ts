/**
 * Start-up of the compiled CLI, side by side with a bare Node process (issue 19):
 *   DATABASE_URL=file:/tmp/cli-demo.sqlite npx tsx bench/cli-startup.ts [runs] [bin …]
 * Runs `node -e 0`, `node bin/mitra.js --version` and `node bin/mitra.js report summary --year
 * 2018` in turn, one of each per round after a warm-up round, so that a change of the machine's
 * speed during the run hits all three alike. Prints the wall time of each whole process (min,
 * median, max), its ratio to `node -e 0` in the same round (median), and the load average before
 * and after. Build first: `npm run build` (or `vite build --config vite.cli.config.ts` for the CLI alone).
 * `bin` (default bin/mitra.js) may name the entries of other builds (e.g. a copy of bin/ and
 * dist/ made before a change), measured in the same rounds to compare versions.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 20);
const bins = process.argv.length > 3 ? process.argv.slice(3) : ['bin/mitra.js'];
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('set DATABASE_URL to a database with programs (e.g. the demo: mitra demo)');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));

const COMMANDS: readonly { label: string; args: readonly string[] }[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  ...bins.flatMap((bin) => {
    const name = bins.length > 1 ? `${bin}: ` : '';
    return [
      { label: `${name}mitra --version`, args: [bin, '--version'] },
      { label: `${name}mitra report summary --year 2018`, args: [bin, 'report', 'summary', '--year', '2018'] },
    ];
  }),
];

/** Wall milliseconds of one whole process, from its start to its exit. */
function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr.toString()}`);
  return ms;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}; ${bins.join(', ')} on ${databaseUrl}; ${runs} rounds`,
);
console.log(`load average before: ${load()}`);
for (const c of COMMANDS) wallMs(c.args);
const times = COMMANDS.map(() => [] as number[]);
for (let round = 0; round < runs; round++) {
  COMMANDS.forEach((c, i) => times[i]?.push(wallMs(c.args)));
}
const base = times[0] ?? [];
COMMANDS.forEach((c, i) => {
  const ms = times[i] ?? [];
  const ratio = median(ms.map((t, round) => t / (base[round] ?? t)));
  const f = (n: number) => n.toFixed(0).padStart(5);
  console.log(
    `${c.label.padEnd(Math.max(...COMMANDS.map((x) => x.label.length)))} min ${f(Math.min(...ms))} ms  median ${f(median(ms))} ms  max ${f(Math.max(...ms))} ms  ×${ratio.toFixed(2)} node -e 0`,
  );
});
console.log(`load average after: ${load()}`);
