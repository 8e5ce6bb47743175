#!/usr/bin/env node
// Builds, type-checks, lints (ESLint, import cycles, formatting), then runs every test (unit, and integration on SQLite and, when TEST_DATABASE_URL is set,
// PostgreSQL) and prints a plain "N passed, N failed, N skipped" line computed from vitest's
// JSON report. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const report = `${root}.vitest-report.json`;
rmSync(report, { force: true });

if (process.env.TEST_DATABASE_URL) {
  console.log(`PostgreSQL integration tests: ON (${process.env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')})`);
} else {
  console.log('PostgreSQL integration tests: SKIPPED (set TEST_DATABASE_URL=postgres://… to run them; .ci/run does)');
}

// Type checking and lint are part of the test command: a type error or a broken layer boundary
// fails the run like a failing test.
for (const [name, args] of [
  // The browser tests run against the built web app: build it from the current sources.
  ['build', [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json']],
  ['build web', [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn']],
  // The `mitra` command runs this bundle (bin/mitra.js); the CLI tests start it.
  ['build cli', [`${root}node_modules/vite/bin/vite.js`, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn']],
  ['typecheck', [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck web', [`${root}node_modules/typescript/bin/tsc`, '-p', 'web/tsconfig.json']],
  ['lint', [`${root}node_modules/eslint/bin/eslint.js`, '.']],
  // Import cycles, type imports and lazy import() included (the check of `npm run lint:cycles`).
  [
    'import cycles',
    [
      `${root}node_modules/dpdm/lib/bin/dpdm.js`,
      '--no-tree',
      '--no-warning',
      '--no-progress',
      '--exit-code',
      'circular:1',
      'src/**/*.ts',
      'web/src/**/*.ts',
      'web/src/**/*.tsx',
      'scripts/**/*.ts',
    ],
  ],
  // The formatter's check (`npm run format` writes what it asks for).
  ['format', [`${root}node_modules/prettier/bin/prettier.cjs`, '--check', '.', '--log-level', 'warn']],
]) {
  const check = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (check.status !== 0) {
    console.log(`0 passed, 1 failed, 0 skipped (${name} failed)`);
    process.exit(1);
  }
  console.log(`${name}: ok`);
}

const vitest = spawnSync(
  process.execPath,
  [
    `${root}node_modules/vitest/vitest.mjs`,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', NO_COLOR: process.env.NO_COLOR ?? '1' } },
);

if (!existsSync(report)) {
  console.log('0 passed, 1 failed, 0 skipped (vitest wrote no report)');
  process.exit(vitest.status || 1);
}
const r = JSON.parse(readFileSync(report, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
const failedSuites = r.numFailedTestSuites ?? 0;
process.exit(r.numFailedTests > 0 || failedSuites > 0 || vitest.status !== 0 ? 1 : 0);
