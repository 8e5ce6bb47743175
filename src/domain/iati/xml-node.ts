/**
 * A small ordered XML tree: what the IATI mapping builds and src/io/xml-write.ts serialises.
 * Attributes whose value is null or undefined are left out; so are elements built from nothing.
 */
export interface XmlNode {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number | null | undefined>>;
  readonly children?: readonly (XmlNode | null | false | '' | undefined)[];
  readonly text?: string | number | null;
}

export function el(name: string, attrs: XmlNode['attrs'] = {}, children: XmlNode['children'] | string | number | null = []): XmlNode {
  return typeof children === 'string' || typeof children === 'number' || children === null
    ? { name, attrs, text: children }
    : { name, attrs, children };
}
