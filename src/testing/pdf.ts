/**
 * Reads PDFs in tests with poppler-utils: the text (`pdftotext -layout`) and a page rendered to
 * pixels (`pdftoppm`). Missing tools fail the test with the package to install (.ci/run
 * installs it), never skip it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function run(tool: 'pdftotext' | 'pdftoppm', args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`${tool} is missing (${result.error.message}): install poppler-utils, e.g. apt-get install poppler-utils`);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
}

function withPdfFile<T>(pdf: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, laid out as on the page (`pdftotext -layout`); pages end with a form feed. */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file, dir) => {
    run('pdftotext', ['-layout', '-enc', 'UTF-8', file, join(dir, 'doc.txt')]);
    return readFileSync(join(dir, 'doc.txt'), 'utf8');
  });
}

/** The same text with every run of white space as one space, for sentences that wrap. */
export const flatText = (text: string): string => text.replace(/\s+/g, ' ');

export interface PageImage {
  /** The page as PNG (`pdftoppm -png`). */
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** Share of pixels that are not white (0–1), from the greyscale rendering. */
  readonly inkShare: number;
  /** How many of the 256 grey levels occur: text and anti-aliased shapes give many. */
  readonly greyLevels: number;
}

/** Reads a binary PGM (P5, 8 bits), as `pdftoppm -gray` writes it. */
function parsePgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** Renders one page (1-based) at `dpi` as PNG and as greyscale pixels. */
export function renderPage(pdf: Uint8Array, page: number, dpi = 50): PageImage {
  return withPdfFile(pdf, (file, dir) => {
    const range = ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile'];
    run('pdftoppm', ['-png', ...range, file, join(dir, 'page')]);
    run('pdftoppm', ['-gray', ...range, file, join(dir, 'grey')]);
    const { width, height, pixels } = parsePgm(readFileSync(join(dir, 'grey.pgm')));
    const levels = new Set<number>();
    let ink = 0;
    for (const p of pixels) {
      levels.add(p);
      if (p < 250) ink++;
    }
    return { png: readFileSync(join(dir, 'page.png')), width, height, inkShare: ink / pixels.length, greyLevels: levels.size };
  });
}
