/**
 * pdfmake 0.3 set up for the server: Roboto (shipped with pdfmake) as the only font, and no
 * access to files or URLs from a document definition. pdfmake would otherwise read any local
 * path or fetch any URL named as an image or font (STACK.md), and a report carries user text.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`pdfmake/fonts/Roboto/${file}`);

/**
 * Paths, not buffers: PDFKit caches a font by its path, while a buffer is parsed and embedded
 * again for every SVG text element of a chart.
 */
const ROBOTO = {
  normal: font('Roboto-Regular.ttf'),
  bold: font('Roboto-Medium.ttf'),
  italics: font('Roboto-Italic.ttf'),
  bolditalics: font('Roboto-MediumItalic.ttf'),
};
const FONT_FILES = new Set(Object.values(ROBOTO));

pdfmake.setFonts({ Roboto: ROBOTO });
// The four font files are the only local files a document may read, and it may fetch nothing.
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
pdfmake.setUrlAccessPolicy(() => false);

export type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** Lays out and writes the whole document. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}
