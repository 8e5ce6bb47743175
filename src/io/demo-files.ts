/**
 * The demo data's document files (services/demo/demo-documents.ts), generated when the demo
 * loads: a one-page PDF through the project's pdfmake set-up, and a PNG placeholder for a photo
 * (a striped pattern with a frame, so that nobody mistakes it for a real photo).
 */
import { PNG } from 'pngjs';
import type { DemoFileMaker } from '../services/program-documents.ports.js';
import { renderPdf } from './pdf/pdfmake.js';
import { makeThumbnail } from './thumbnail.js';

/** Left, top, right, bottom (points). */
const PARAGRAPH_MARGIN: [number, number, number, number] = [0, 0, 0, 8];

async function pdf(title: string, paragraphs: readonly string[]): Promise<Uint8Array> {
  const bytes = await renderPdf({
    info: { title },
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
      ...paragraphs.map((p) => ({ text: p, margin: PARAGRAPH_MARGIN })),
    ],
    defaultStyle: { fontSize: 10 },
  });
  return new Uint8Array(bytes);
}

/** 480 × 320 pixels: diagonal stripes in a colour of the seed, inside a dark frame. */
function placeholderPhoto(seed: number): Uint8Array {
  const width = 480;
  const height = 320;
  const png = new PNG({ width, height });
  const hue = [
    [31, 111, 139],
    [30, 123, 52],
    [179, 38, 30],
    [242, 169, 0],
  ][seed % 4] ?? [31, 111, 139];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const frame = x < 12 || y < 12 || x >= width - 12 || y >= height - 12;
      const stripe = Math.floor((x + y) / 24) % 2 === 0;
      const [r, g, b] = frame ? [27, 36, 48] : stripe ? hue : [246, 248, 250];
      png.data.set([r ?? 0, g ?? 0, b ?? 0, 255], (y * width + x) * 4);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

export const demoFiles: DemoFileMaker = { pdf, placeholderPhoto, makeThumbnail };
