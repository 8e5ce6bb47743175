/** Runs the CLI in-process with captured output. */
import { afterAll, beforeAll, describe } from 'vitest';
import type { CliIo } from '../cli/io.js';
import { runCli } from '../cli/main.js';
import { ENGINES } from './engines.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runMitra(
  args: readonly string[],
  env: Record<string, string>,
  files: Record<string, string | Uint8Array> = {},
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    read: async (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      return typeof content === 'string' ? content : new TextDecoder().decode(content);
    },
    openRead: async (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      // Small chunks, so that records and UTF-8 characters cross chunk boundaries as in real files.
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
      }
      return { chunks: chunks(), size: bytes.length };
    },
    // Written files land in the same in-memory map, where the test reads them.
    writeFile: async (path, bytes) => {
      files[path] = bytes;
    },
    progress: () => {},
    env: { LOG_LEVEL: 'silent', ...env },
    isTty: false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

/**
 * Declares a CLI suite once per engine, on a fresh empty database; `setup` runs first (e.g. a
 * migration). The callback gets `mitra(args, files)` and the environment getter.
 */
export function describeCliOnEachEngine(
  title: string,
  suite: (
    mitra: (args: string[], files?: Record<string, string | Uint8Array>) => Promise<CliRun>,
    env: () => Record<string, string>,
  ) => void,
  setup: (mitra: (args: string[], files?: Record<string, string | Uint8Array>) => Promise<CliRun>) => Promise<void> = async () => {},
): void {
  for (const engine of ENGINES) {
    describe(`${title} [${engine.engine}]`, () => {
      let env: Record<string, string> = {};
      let drop: () => Promise<void> = async () => {};
      const mitra = (args: string[], files: Record<string, string | Uint8Array> = {}) => runMitra(args, env, files);
      beforeAll(async () => {
        const db = await engine.create();
        env = { DATABASE_URL: db.url };
        drop = db.drop;
        await setup(mitra);
      });
      afterAll(() => drop());
      suite(mitra, () => env);
    });
  }
}
