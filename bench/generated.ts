/** The benchmarks' shared start: build the compiled code, print the machine, generate the CSV files once. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const tsx = [join(root, 'node_modules/tsx/dist/cli.mjs')];

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** `mitra generate` output for this size (cached under bench/.data/, same seed, same files); returns its folder. */
export function generatedData(activities: number, participants: number): string {
  const dataDir = join(root, 'bench/.data', `${activities}-${participants}`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
  );
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
