/** Runs the CLI in-process with captured output. */
import type { CliIo } from '../cli/io.js';
import { runCli } from '../cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runMitra(args: readonly string[], env: Record<string, string>, files: Record<string, string> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    read: async (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      return content;
    },
    env: { LOG_LEVEL: 'silent', ...env },
    isTty: false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}
