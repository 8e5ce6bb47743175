/**
 * The demo accounts' passwords, kept where the operator can read them again: the database holds
 * only their hashes, and the start banner that shows them scrolls away under the request log.
 * They go to a file beside the SQLite database (in ./data/ on PostgreSQL) that only its owner can
 * read (mode 0600); `mitra users demo-passwords` prints those still unchanged.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppContext } from '../main.js';

export interface DemoPassword {
  readonly role: string;
  readonly email: string;
  readonly password: string;
}

/** The file of a database's demo passwords: `<database file>.demo-passwords.txt`. */
export function demoPasswordsPath(app: AppContext): string {
  return `${app.database.file ?? resolve('data', 'mitra')}.demo-passwords.txt`;
}

/** Writes the file readable by its owner only; returns its path. */
export function writeDemoPasswords(app: AppContext, accounts: readonly DemoPassword[]): string {
  const path = demoPasswordsPath(app);
  mkdirSync(dirname(path), { recursive: true });
  const lines = [
    '# Mitra demo accounts: role, email, password (until changed). `mitra users demo-passwords` shows the ones still valid.',
    ...accounts.map((a) => `${a.role}\t${a.email}\t${a.password}`),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
  // An older file keeps its mode when overwritten: make sure it is the owner's alone.
  chmodSync(path, 0o600);
  return path;
}

/** The passwords written at the first start; null when there is no such file. */
export function readDemoPasswords(app: AppContext): { path: string; accounts: DemoPassword[] } | null {
  const path = demoPasswordsPath(app);
  if (!existsSync(path)) return null;
  const accounts = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .flatMap(([role, email, password]) => (role && email && password ? [{ role, email, password }] : []));
  return { path, accounts };
}

/** The lines `mitra serve` and `mitra users demo-passwords` print for the accounts. */
export function demoPasswordLines(accounts: readonly { role: string; email: string; password: string | null }[]): string[] {
  return accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(26)} ${a.password ?? '(changed since: not shown)'}`);
}
