/**
 * Serialises XmlNode trees (domain/iati/xml-node.ts): text and attribute values escaped, and
 * characters XML 1.0 does not allow removed, so any stored text gives a well-formed file.
 */
import type { XmlNode } from '../domain/iati/xml-node.js';

// Control characters other than tab, newline and carriage return, lone surrogates and U+FFFE/FFFF.
const INVALID =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** One node (and its subtree) as XML text, indented by `depth` levels of two spaces. */
export function xmlOf(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
    .join('');
  if (node.text !== undefined && node.text !== null)
    return `${pad}<${node.name}${attrs}>${escapeXmlText(String(node.text))}</${node.name}>\n`;
  const children = (node.children ?? []).filter((c): c is XmlNode => !!c);
  if (children.length === 0) return `${pad}<${node.name}${attrs}/>\n`;
  return `${pad}<${node.name}${attrs}>\n${children.map((c) => xmlOf(c, depth + 1)).join('')}${pad}</${node.name}>\n`;
}
