/** An IATI activities file, streamed: the root element, then each activity as it is produced. */
import type { XmlNode } from '../domain/iati/xml-node.js';
import { escapeXmlAttr, xmlOf } from './xml-write.js';

export async function* iatiDocument(generatedAt: string, pages: AsyncIterable<readonly XmlNode[]>): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${escapeXmlAttr(generatedAt)}">\n`;
  for await (const page of pages) yield page.map((node) => xmlOf(node, 1)).join('');
  yield '</iati-activities>\n';
}
