/**
 * Compresses the built web application once, at build time: a Brotli (`.br`) and a gzip (`.gz`)
 * copy next to every compressible file of dist/web, which `src/server/web.routes.ts` serves with
 * @fastify/static's `preCompressed` according to the request's Accept-Encoding. Node's own zlib
 * at the highest levels (Brotli 11, gzip 9): too slow to run per request, free at build time.
 *
 * Runs as a Vite plugin (vite.config.ts), so every `vite build` (npm run build, the test
 * command's build step, the browser tests' build) writes the same files.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing (fonts and images are compressed formats already; source maps are not shipped). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

export interface PrecompressResult {
  /** Files given their compressed copies. */
  readonly files: number;
  readonly rawBytes: number;
  readonly brotliBytes: number;
  readonly gzipBytes: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Writes `<file>.br` and `<file>.gz` for every compressible file under `dir`, even where a copy
 * is a few bytes larger than a tiny file: the server then sends every text file from a copy with
 * its `content-encoding`, and the API's compression (@fastify/compress, which encodes any stream
 * whatever its size) never re-encodes a static file on the fly.
 */
export async function precompress(dir: string): Promise<PrecompressResult> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.has(extname(f)));
  const sizes = await Promise.all(
    files.map(async (file) => {
      const raw = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      return { raw: raw.length, br: br.length, gz: gz.length };
    }),
  );
  return {
    files: files.length,
    rawBytes: sizes.reduce((n, s) => n + s.raw, 0),
    brotliBytes: sizes.reduce((n, s) => n + s.br, 0),
    gzipBytes: sizes.reduce((n, s) => n + s.gz, 0),
  };
}

/** The Vite plugin: compresses the output folder once the bundle is written (builds only). */
export function precompressPlugin() {
  let outDir = '';
  let log: (message: string) => void = () => {};
  return {
    name: 'mitra-precompress',
    apply: 'build' as const,
    configResolved(config: { root: string; build: { outDir: string }; logger: { info(message: string): void } }) {
      outDir = resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    async closeBundle() {
      const r = await precompress(outDir);
      const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`;
      log(`precompressed ${r.files} files: ${kB(r.rawBytes)} → ${kB(r.brotliBytes)} brotli, ${kB(r.gzipBytes)} gzip`);
    },
  };
}
