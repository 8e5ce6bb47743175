/**
 * An IATI activities file cut into parts of at most `limit` bytes as the activities stream by
 * (`mitra export iati --out`): whole activities only, each part a complete, valid document. One
 * part keeps the plain name; more are numbered (`FILE-2018-1.xml`, `FILE-2018-2.xml`, …).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import type { XmlNode } from '../domain/iati/xml-node.js';
import { escapeXmlAttr, xmlOf } from './xml-write.js';

export interface WrittenPart {
  readonly path: string;
  readonly count: number;
  readonly bytes: number;
}

const FOOTER = '</iati-activities>\n';

export async function writeActivityParts(
  base: string,
  generatedAt: string,
  pages: AsyncIterable<readonly XmlNode[]>,
  limit: number,
): Promise<WrittenPart[]> {
  const header = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${escapeXmlAttr(generatedAt)}">\n`;
  const overhead = Buffer.byteLength(header) + Buffer.byteLength(FOOTER);
  const parts: WrittenPart[] = [];
  let out: WriteStream | null = null;
  let count = 0;
  let bytes = 0;
  const put = async (text: string) => {
    if (!out!.write(text)) await once(out!, 'drain');
  };
  const close = async () => {
    if (!out) return;
    out.end(FOOTER);
    await once(out, 'finish');
    parts.push({ path: `${base}-${parts.length + 1}.xml`, count, bytes: bytes + Buffer.byteLength(FOOTER) });
    out = null;
  };
  for await (const page of pages)
    for (const node of page) {
      const text = xmlOf(node, 1);
      const size = Buffer.byteLength(text);
      if (out && bytes + size + Buffer.byteLength(FOOTER) > limit) await close();
      if (!out) {
        out = createWriteStream(`${base}-${parts.length + 1}.xml`);
        await put(header);
        count = 0;
        bytes = overhead - Buffer.byteLength(FOOTER);
      }
      await put(text);
      count++;
      bytes += size;
    }
  await close();
  if (parts.length !== 1) return parts;
  await rename(parts[0]!.path, `${base}.xml`);
  return [{ ...parts[0]!, path: `${base}.xml` }];
}
