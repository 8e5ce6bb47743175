/** An IATI activities file, streamed: the root element, then each activity as it is produced. */
import type { XmlNode } from '../domain/iati/xml-node.js';
import { escapeXmlAttr, xmlOf } from './xml-write.js';

export async function* iatiDocument(
  generatedAt: string,
  pages: AsyncIterable<readonly XmlNode[]>,
  undated: readonly string[] = [],
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${escapeXmlAttr(generatedAt)}">\n`;
  for await (const page of pages) yield page.map((node) => xmlOf(node, 1)).join('');
  // Read once the pages are done: the programs left out, said in the file itself.
  if (undated.length) yield `  <!-- ${undatedNote(undated).replace(/--/g, '- -')} -->\n`;
  yield '</iati-activities>\n';
}

/** Why programs are missing from an export (the file's comment, the CLI's warning). */
export function undatedNote(undated: readonly string[]): string {
  const shown = undated.slice(0, 50).join(', ');
  return `${undated.length} program(s) without any date are not in this file (IATI requires an activity-date): ${shown}${undated.length > 50 ? ', …' : ''}`;
}

/**
 * An IATI organisation file (one `iati-organisation`, domain/iati/organisation-xml.ts) as text: it
 * holds a few dozen figures, so it is written whole. What was left out (amounts without an
 * exchange rate) is said in comments at the end, as the activity file does for undated programs.
 */
export function iatiOrganisationDocument(file: {
  readonly generatedAt: string;
  readonly organisation: XmlNode;
  readonly warnings: readonly string[];
}): string {
  // A comment may hold no "--" and may not end with "-".
  const notes = file.warnings.map((w) => `  <!-- ${w.replace(/-(?=-|$)/g, '- ')} -->\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-organisations version="2.03" generated-datetime="${escapeXmlAttr(file.generatedAt)}">\n${xmlOf(file.organisation, 1)}${notes}</iati-organisations>\n`;
}
