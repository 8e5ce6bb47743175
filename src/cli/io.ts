/** Where the CLI writes and what it reads, injectable for tests. */
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file, or standard input for "-". */
  read(path: string): Promise<string>;
  /** Opens a file as a byte stream, with its size when known (for progress). */
  openRead(path: string): Promise<{ chunks: AsyncIterable<Uint8Array>; size: number | null }>;
  /** Writes a whole file (a document the command made), replacing it. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Writes progress (a bar on a terminal); "" ends it. */
  progress(text: string): void;
  readonly env: Record<string, string | undefined>;
  readonly isTty: boolean;
}

async function readStdin(): Promise<string> {
  return (await buffer(process.stdin)).toString('utf8');
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  read: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  openRead: async (path) => {
    if (path === '-') return { chunks: process.stdin, size: null };
    const info = await stat(path);
    return { chunks: createReadStream(path, { highWaterMark: 256 * 1024 }), size: info.size };
  },
  writeFile: (path, bytes) => writeFile(path, bytes),
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(text === '' ? '\r\x1b[K' : `\r\x1b[K${text}`);
    else if (text !== '') process.stderr.write(`${text}\n`);
  },
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
};
