/** Where the CLI writes and what it reads, injectable for tests. */
import { readFile } from 'node:fs/promises';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file, or standard input for "-". */
  read(path: string): Promise<string>;
  readonly env: Record<string, string | undefined>;
  readonly isTty: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  read: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
};
