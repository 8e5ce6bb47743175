/**
 * A byte-level XML tokenizer for the IATI reader (io/iati-read.ts): it reads UTF-8 bytes as they
 * come, finds the markup in them, and turns into strings only what its caller keeps (element
 * names, the attribute values asked for, the text of the elements whose text is wanted). It checks
 * what a conforming XML 1.0 parser checks of a document without a DTD: well-formedness (one root,
 * matching end tags, quoted and unique attributes, no `<` in attribute values, no `]]>` in text,
 * comments without `--`), the XML declaration, names (XML 1.0 fifth edition, non-ASCII name
 * characters included), characters (no control characters but tab, LF and CR; no U+FFFE/U+FFFF;
 * valid UTF-8), entity references (only the five predefined ones and character references of
 * allowed characters), and it applies XML's normalisations (CRLF and CR to LF; tab, LF and CR to
 * a space in attribute values). A DOCTYPE is refused outright, so no entity can be defined. Only
 * XML 1.0 is read (a declaration of another version is refused).
 *
 * Tokens may be split anywhere between chunks: an unfinished tag, comment, CDATA section or
 * processing instruction is kept and read again with the next chunk (only once the bytes kept
 * have doubled, so a huge token costs linear time); text is handed over piece by piece.
 */
import { isUtf8 } from 'node:buffer';
import type { Hash } from 'node:crypto';

/** A place in the bytes where the document stops being well-formed. */
export class XmlScanError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** The attributes of the start tag being reported: valid only during `openTag`. */
export interface XmlAttributes {
  /** The value of the attribute of that name as XML reads it, undefined when it is absent. */
  get(name: string): string | undefined;
}

export interface XmlEvents {
  /** Whether the text now met is wanted: read after every tag, it is decoded only when it is. */
  readonly keepText: boolean;
  /** A start tag (its line is the line of its `<`); an empty element is reported as a start tag then an end tag. */
  openTag(name: string, attributes: XmlAttributes, line: number): void;
  closeTag(name: string): void;
  /** Text (character data or CDATA) of the innermost element, in pieces, when `keepText`. */
  text(value: string): void;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const HASH = 0x23;
const AMP = 0x26;
const SQUOTE = 0x27;
const MINUS = 0x2d;
const SLASH = 0x2f;
const SEMICOLON = 0x3b;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const QUESTION = 0x3f;
const RSQB = 0x5d;
const X_LOWER = 0x78;

/** ASCII name characters: 1 may start a name, 2 may follow; 4 for bytes of non-ASCII characters. */
const NAME = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a;
  if (letter) NAME[c] = 3;
  else if ((c >= 0x30 && c <= 0x39) || c === MINUS || c === 0x2e) NAME[c] = 2;
  else if (c >= 0x80) NAME[c] = 4;
}
/** Bytes that need a look in text: `<`, `&`, `>`, `]`, line ends, control characters, 0xEF (U+FFFE/U+FFFF). */
const IN_TEXT = new Uint8Array(256);
/** Bytes that need a look in attribute values: `<`, `&`, tab, line ends, control characters, 0xEF. */
const IN_VALUE = new Uint8Array(256);
/** Bytes that need a look in comments, CDATA and processing instructions. */
const IN_OTHER = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) {
  IN_TEXT[c] = c === TAB ? 0 : 1;
  IN_VALUE[c] = 1;
  IN_OTHER[c] = c === TAB ? 0 : 1;
}
for (const c of [LT, AMP, GT, RSQB, 0xef]) IN_TEXT[c] = 1;
for (const c of [LT, AMP, 0xef]) IN_VALUE[c] = 1;
for (const c of [MINUS, RSQB, QUESTION, 0xef]) IN_OTHER[c] = 1;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR;

/** XML 1.0 (fifth edition) NameStartChar of a non-ASCII code point. */
function isNameStartPoint(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0xeffff)
  );
}
/** XML 1.0 (fifth edition) NameChar of a non-ASCII code point. */
const isNamePoint = (c: number): boolean => isNameStartPoint(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040);

/** XML 1.0 Char. */
const isXmlChar = (c: number): boolean =>
  c === TAB || c === LF || c === CR || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** The bytes of a character of valid UTF-8 from its first byte (0x80 and above). */
const sequenceLength = (lead: number): number => (lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);
function codePointAt(b: Bytes, i: number): number {
  const c = b[i]!;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
  return ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
}

/** The bytes at the end of `b[0, length)` that begin a character not yet complete (0 to 3). */
function unfinishedCharacter(b: Uint8Array, length: number): number {
  for (let k = 1; k <= 3 && k <= length; k++) {
    const c = b[length - k]!;
    if ((c & 0xc0) === 0x80) continue;
    if (c < 0xc0) return 0;
    return sequenceLength(c) > k ? k : 0;
  }
  return 0;
}

/** Where the first byte that is not valid UTF-8 is in `b[from, to)` (`to` when there is none). */
function firstInvalidUtf8(b: Bytes, from: number, to: number): number {
  for (let i = from; i < to;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xf4 ? sequenceLength(c) : 0;
    if (n === 0 || i + n > to) return i;
    if (!isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return to;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const COMMENT_OPEN = Buffer.from('<!--');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const DOCTYPE_OPEN = Buffer.from('<!DOCTYPE');
const EMPTY = Buffer.alloc(0) as Bytes;
/** Names kept as strings, found again by a hash of their bytes (a file has few distinct names). */
const MAX_NAMES = 4096;
/** Unfinished tokens shorter than this are read again with every chunk; longer ones once they have doubled. */
const SMALL_CARRY = 4096;

/**
 * Node's Buffer with its direct decoders (`toString(encoding, start, end)` without the argument
 * checks and the dispatch by encoding, which cost as much as the decoding of short values).
 */
interface Bytes extends Buffer {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

const asBuffer = (bytes: Uint8Array): Bytes =>
  (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Bytes;

/**
 * Reads a document's bytes, chunk by chunk (`write`), then `end`. Events are called as tokens
 * are complete; the first fault throws an XmlScanError (an event may throw `error(message)` to
 * refuse the document at the current place).
 */
export class XmlScanner {
  private readonly events: XmlEvents;
  private readonly maxDepth: number;
  /** Bytes not yet read (an unfinished token or character), and how many of them are valid UTF-8. */
  private pending: Bytes = EMPTY;
  private pendingLength = 0;
  private validated = 0;
  /** Bytes the pending part must reach before it is read again. */
  private waitFor = 0;
  /** The offset in the document of the first byte of the buffer being read. */
  private base = 0;
  private buf: Bytes = EMPTY;
  private line = 1;
  /** Offset in the document of the first byte of the current line. */
  private lineStart = 0;
  /** Offset in the document of the place events' errors are reported at. */
  private at = 0;
  private readonly stack: string[] = [];
  private sawRoot = false;
  private closedRoot = false;
  /** Where an XML declaration may start (after a byte-order mark). */
  private declarationAt = 0;
  private started = false;
  /** The `]` just before `bracketEnd` in text, and how many there were in a row. */
  private brackets = 0;
  private bracketEnd = -1;
  /** The current start tag's attributes: name start, name end, value start, value end, flags. */
  private attrs = new Int32Array(5 * 16);
  private attrCount = 0;
  private readonly attributes: XmlAttributes = { get: (name) => this.attribute(name) };
  private readonly names = new Map<number, string>();
  /** The value of the entity reference read last. */
  private entityValue = '';
  /** Offset in the document of the `<` of the start tag being reported. */
  private tagStart = 0;
  /** The hash the bytes of an element are given to (`capture`), and the offset it has reached. */
  private captureHash: Hash | null = null;
  private capturedTo = 0;

  constructor(events: XmlEvents, options: { maxDepth: number }) {
    this.events = events;
    this.maxDepth = options.maxDepth;
  }

  /** The error to throw at the place being read (for events that refuse what they are given). */
  error(message: string): XmlScanError {
    return this.errorAt(this.at, message);
  }

  /**
   * Gives `hash` the bytes of the element whose start tag is being reported (`openTag`), from its
   * `<` to the `>` of its end tag, as they go by; `captured` ends it, from that end tag's `closeTag`.
   */
  capture(hash: Hash): void {
    this.captureHash = hash;
    this.capturedTo = this.tagStart;
  }

  captured(): Hash {
    const hash = this.captureHash;
    if (!hash) throw new Error('no element is being captured');
    hash.update(this.buf.subarray(this.capturedTo - this.base, this.at + 1 - this.base));
    this.captureHash = null;
    return hash;
  }

  write(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let b: Bytes;
    let length: number;
    if (this.pendingLength === 0) {
      b = asBuffer(chunk);
      length = b.length;
      this.validated = 0;
    } else {
      this.append(chunk);
      b = this.pending;
      length = this.pendingLength;
    }
    const complete = length - unfinishedCharacter(b, length);
    if (complete > this.validated) {
      if (!isUtf8(b.subarray(this.validated, complete))) throw this.invalidUtf8(b, this.validated, complete);
      this.validated = complete;
    }
    if (length < this.waitFor) {
      if (b !== this.pending) this.keep(b, 0, length);
      return;
    }
    const read = this.scan(b, complete, false);
    this.keep(b, read, length);
  }

  /** The end of the document: what is left must complete it. */
  end(): void {
    const b = this.pending;
    const length = this.pendingLength;
    if (this.validated < length) {
      const at = firstInvalidUtf8(b, this.validated, length);
      throw this.positionedIn(b, at, 'the file ends in the middle of a character');
    }
    this.scan(b, length, true);
    this.pendingLength = 0;
    if (!this.sawRoot) throw this.errorAt(this.base + length, 'the document has no root element (the file is empty or is not XML)');
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) throw this.errorAt(this.base + length, `the file ends before the end of <${open}>: is it truncated?`);
  }

  private append(chunk: Uint8Array): void {
    const needed = this.pendingLength + chunk.length;
    if (needed > this.pending.length) {
      const grown = asBuffer(Buffer.allocUnsafe(Math.max(needed, this.pending.length * 2, 64 * 1024)));
      this.pending.copy(grown, 0, 0, this.pendingLength);
      this.pending = grown;
    }
    this.pending.set(chunk, this.pendingLength);
    this.pendingLength = needed;
  }

  /** Keeps `b[read, length)` for the next chunk. */
  private keep(b: Bytes, read: number, length: number): void {
    if (this.captureHash && read > 0) {
      this.captureHash.update(b.subarray(this.capturedTo - this.base, read));
      this.capturedTo = this.base + read;
    }
    const rest = length - read;
    this.base += read;
    this.validated = Math.max(0, this.validated - read);
    this.waitFor = rest > SMALL_CARRY ? rest * 2 : 0;
    if (b === this.pending) {
      if (this.pending.length > 4 * 1024 * 1024 && rest < 64 * 1024) {
        const small = asBuffer(Buffer.allocUnsafe(Math.max(rest, 64 * 1024)));
        b.copy(small, 0, read, length);
        this.pending = small;
      } else if (read > 0) b.copyWithin(0, read, length);
      this.pendingLength = rest;
      return;
    }
    this.pendingLength = 0;
    if (rest > 0) this.append(b.subarray(read, length));
  }

  private errorAt(offset: number, message: string): XmlScanError {
    return new XmlScanError(this.line, Math.max(1, offset - this.lineStart + 1), message);
  }

  /** An error at `b[at]` when the line count stands at the start of `b`. */
  private positionedIn(b: Bytes, at: number, message: string): XmlScanError {
    let line = this.line;
    let lineStart = this.lineStart;
    for (let i = 0; i < at; i++) {
      const c = b[i];
      if (c === LF || (c === CR && b[i + 1] !== LF)) {
        line++;
        lineStart = this.base + i + 1;
      }
    }
    return new XmlScanError(line, at + this.base - lineStart + 1, message);
  }

  private invalidUtf8(b: Bytes, from: number, to: number): XmlScanError {
    return this.positionedIn(b, firstInvalidUtf8(b, from, to), 'the bytes are not valid utf-8');
  }

  private newLine(i: number): void {
    this.line++;
    this.lineStart = this.base + i + 1;
  }

  /** Reads `b[0, end)`: returns how many bytes were read (the rest is an unfinished token). */
  private scan(b: Bytes, end: number, final: boolean): number {
    this.buf = b;
    let i = 0;
    if (!this.started) {
      if (end < 3 && !final && b[0] === 0xef) return 0;
      this.started = true;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
        i = 3;
        this.declarationAt = 3;
      }
    }
    while (i < end) {
      if (b[i] === LT) {
        const line = this.line;
        const lineStart = this.lineStart;
        const next = this.markup(b, i, end);
        if (next < 0) {
          this.line = line;
          this.lineStart = lineStart;
          if (final) throw this.errorAt(this.base + i, 'the file ends in the middle of a tag, comment or section: is it truncated?');
          break;
        }
        i = next;
      } else {
        const next = this.stack.length > 0 ? this.text(b, i, end, final) : this.outerText(b, i, end, final);
        if (next === i) break;
        i = next;
      }
    }
    return i;
  }

  /** Text outside the root element: white space only. */
  private outerText(b: Bytes, i: number, end: number, final: boolean): number {
    for (; i < end; i++) {
      const c = b[i]!;
      if (c === SPACE || c === TAB) continue;
      if (c === LF) this.newLine(i);
      else if (c === CR) {
        if (i + 1 >= end && !final) return i;
        if (b[i + 1] === LF) i++;
        this.newLine(i);
      } else if (c === LT) return i;
      else throw this.errorAt(this.base + i, 'text outside the root element (only white space may be there)');
    }
    return i;
  }

  /** Character data in the root element, up to the next `<`; decoded only when the events keep it. */
  private text(b: Bytes, i: number, end: number, final: boolean): number {
    const keep = this.events.keepText;
    const base = this.base;
    let from = i;
    for (; i < end; i++) {
      const c = b[i]!;
      if (IN_TEXT[c] === 0) continue;
      switch (c) {
        case LT:
          if (keep && i > from) this.events.text(b.utf8Slice(from, i));
          return i;
        case LF:
          this.newLine(i);
          break;
        case CR:
          if (i + 1 >= end && !final) {
            if (keep && i > from) this.events.text(b.utf8Slice(from, i));
            return i;
          }
          if (keep) this.events.text(`${b.utf8Slice(from, i)}\n`);
          if (b[i + 1] === LF) i++;
          this.newLine(i);
          from = i + 1;
          break;
        case AMP: {
          const next = this.entity(b, i, end);
          if (next < 0) {
            if (final) throw this.errorAt(base + i, 'the file ends in the middle of an entity reference');
            if (keep && i > from) this.events.text(b.utf8Slice(from, i));
            return i;
          }
          if (keep) this.events.text(i > from ? b.utf8Slice(from, i) + this.entityValue : this.entityValue);
          i = next - 1;
          from = next;
          break;
        }
        case RSQB:
          this.brackets = this.bracketEnd === base + i ? this.brackets + 1 : 1;
          this.bracketEnd = base + i + 1;
          break;
        case GT:
          if (this.brackets >= 2 && this.bracketEnd === base + i) throw this.errorAt(base + i, 'the string "]]>" is not allowed in text');
          break;
        case 0xef:
          if (b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) throw this.disallowed(i);
          break;
        default:
          throw this.disallowed(i);
      }
    }
    if (keep && i > from) this.events.text(b.utf8Slice(from, i));
    return i;
  }

  private disallowed(i: number): XmlScanError {
    return this.errorAt(this.base + i, `a character not allowed in XML (byte 0x${this.buf[i]!.toString(16).padStart(2, '0')})`);
  }

  /**
   * An entity reference at `b[i]` (`&`): its value in `entityValue`, and where it ends; -1 when
   * the bytes end first.
   */
  private entity(b: Bytes, i: number, end: number): number {
    let j = i + 1;
    for (; j < end; j++) {
      const c = b[j]!;
      if (c === SEMICOLON) break;
      const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      if (!alnum && c !== HASH) throw this.errorAt(this.base + j, 'a malformed entity reference (a "&" must be written "&amp;")');
    }
    if (j >= end) return -1;
    if (j === i + 1) throw this.errorAt(this.base + j, 'an empty entity reference "&;"');
    if (b[i + 1] !== HASH) {
      const name = b.latin1Slice(i + 1, j);
      const value = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
      if (value === undefined)
        throw this.errorAt(this.base + j, `undefined entity &${name}; (only &amp; &lt; &gt; &quot; &apos; and character references)`);
      this.entityValue = value;
      return j + 1;
    }
    const hex = b[i + 2] === X_LOWER;
    let k = hex ? i + 3 : i + 2;
    let code = k < j ? 0 : -1;
    for (; k < j; k++) {
      const c = b[k]!;
      const digit =
        c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && c >= 0x61 && c <= 0x66 ? c - 0x57 : hex && c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (digit < 0) {
        code = -1;
        break;
      }
      if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + digit;
    }
    if (!isXmlChar(code)) throw this.errorAt(this.base + j, `a malformed character reference &${b.latin1Slice(i + 1, j)};`);
    this.entityValue = String.fromCodePoint(code);
    return j + 1;
  }

  /** Markup at `b[i]` (`<`): where it ends, or -1 when the bytes end first. */
  private markup(b: Bytes, i: number, end: number): number {
    if (i + 1 >= end) return -1;
    const c = b[i + 1]!;
    if (c === SLASH) return this.endTag(b, i, end);
    if (c === QUESTION) return this.instruction(b, i, end);
    if (c === BANG) return this.bang(b, i, end);
    return this.startTag(b, i, end);
  }

  /**
   * A name at `b[i]`: where it ends (-1 when the bytes end first); `what` names it in the error
   * when its first character may not start a name.
   */
  private name(b: Bytes, i: number, end: number, what: string): number {
    const first = b[i]!;
    if (first < 0x80) {
      if ((NAME[first]! & 1) === 0) throw this.errorAt(this.base + i, `a character not allowed in ${what}`);
      i++;
    } else {
      if (!isNameStartPoint(codePointAt(b, i))) throw this.errorAt(this.base + i, `a character not allowed in ${what}`);
      i += sequenceLength(first);
    }
    return this.nameRest(b, i, end);
  }

  private nameRest(b: Bytes, i: number, end: number): number {
    for (; i < end;) {
      const c = b[i]!;
      const kind = NAME[c]!;
      if (kind === 0) return i;
      if (kind !== 4) i++;
      else if (isNamePoint(codePointAt(b, i))) i += sequenceLength(c);
      else return i;
    }
    return -1;
  }

  /** The string of the name `b[from, to)`, the same string each time for ASCII names. */
  private intern(b: Bytes, from: number, to: number): string {
    let hash = to - from;
    let ascii = 0;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      hash = (Math.imul(hash, 31) + c) | 0;
      ascii |= c;
    }
    if (ascii >= 0x80) return b.utf8Slice(from, to);
    const known = this.names.get(hash);
    if (known !== undefined && known.length === to - from) {
      let same = true;
      for (let i = from; i < to && same; i++) same = known.charCodeAt(i - from) === b[i];
      if (same) return known;
    }
    const name = b.latin1Slice(from, to);
    if (known === undefined && this.names.size < MAX_NAMES) this.names.set(hash, name);
    return name;
  }

  /** White space from `b[i]`, lines counted: the first other byte, or `end`. */
  private spaces(b: Bytes, i: number, end: number): number {
    for (; i < end; i++) {
      const c = b[i]!;
      if (c === SPACE || c === TAB) continue;
      if (c === LF) this.newLine(i);
      else if (c === CR) {
        if (i + 1 >= end) return end;
        if (b[i + 1] === LF) i++;
        this.newLine(i);
      } else return i;
    }
    return end;
  }

  private startTag(b: Bytes, i: number, end: number): number {
    const line = this.line;
    const nameEnd = this.name(b, i + 1, end, 'a tag name');
    if (nameEnd < 0) return -1;
    this.attrCount = 0;
    let j = nameEnd;
    let empty = false;
    for (;;) {
      if (j >= end) return -1;
      let c = b[j]!;
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= end) return -1;
        if (b[j + 1] !== GT) throw this.errorAt(this.base + j + 1, 'a "/" in a start tag not followed by ">"');
        empty = true;
        j += 2;
        break;
      }
      if (!isSpace(c))
        throw this.errorAt(
          this.base + j,
          this.attrCount > 0 ? 'no white space between attributes' : 'a character not allowed in a tag name',
        );
      j = this.spaces(b, j, end);
      if (j >= end) return -1;
      c = b[j]!;
      if (c === GT || c === SLASH) continue;
      const attrStart = j;
      j = this.name(b, j, end, 'an attribute name');
      if (j < 0) return -1;
      const attrEnd = j;
      j = this.spaces(b, j, end);
      if (j >= end) return -1;
      if (b[j] !== EQUALS) throw this.errorAt(this.base + j, `the attribute ${b.utf8Slice(attrStart, attrEnd)} has no value`);
      j = this.spaces(b, j + 1, end);
      if (j >= end) return -1;
      const quote = b[j]!;
      if (quote !== DQUOTE && quote !== SQUOTE) throw this.errorAt(this.base + j, 'an attribute value without quotes');
      const valueStart = ++j;
      let flags = 0;
      for (; ; j++) {
        if (j >= end) return -1;
        c = b[j]!;
        if (c === quote) break;
        if (IN_VALUE[c] === 0) continue;
        if (c === AMP) {
          const next = this.entity(b, j, end);
          if (next < 0) return -1;
          flags = 1;
          j = next - 1;
        } else if (c === LF) {
          this.newLine(j);
          flags = 1;
        } else if (c === CR) {
          if (j + 1 >= end) return -1;
          if (b[j + 1] === LF) j++;
          this.newLine(j);
          flags = 1;
        } else if (c === TAB) flags = 1;
        else if (c === LT) throw this.errorAt(this.base + j, 'a "<" in an attribute value (it must be written "&lt;")');
        else if (c === 0xef) {
          if (b[j + 1] === 0xbf && (b[j + 2] === 0xbe || b[j + 2] === 0xbf)) throw this.disallowed(j);
        } else throw this.disallowed(j);
      }
      this.addAttribute(b, attrStart, attrEnd, valueStart, j, flags);
      j++;
    }
    if (this.closedRoot) throw this.errorAt(this.base + i, 'a second root element (a document has one)');
    if (this.stack.length >= this.maxDepth) throw this.errorAt(this.base + j - 1, `elements nest deeper than ${this.maxDepth} levels`);
    const name = this.intern(b, i + 1, nameEnd);
    this.stack.push(name);
    this.sawRoot = true;
    this.at = this.base + j - 1;
    this.tagStart = this.base + i;
    this.events.openTag(name, this.attributes, line);
    this.attrCount = 0;
    if (empty) this.close(name);
    return j;
  }

  private addAttribute(b: Bytes, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, flags: number): void {
    const n = this.attrCount;
    const length = nameEnd - nameStart;
    const a = this.attrs;
    for (let k = 0; k < n * 5; k += 5) {
      if (a[k + 1]! - a[k]! !== length) continue;
      if (b.compare(b, nameStart, nameEnd, a[k]!, a[k + 1]!) === 0)
        throw this.errorAt(this.base + nameStart, `the attribute ${b.utf8Slice(nameStart, nameEnd)} is written twice`);
    }
    if ((n + 1) * 5 > a.length) {
      const grown = new Int32Array(a.length * 2);
      grown.set(a);
      this.attrs = grown;
    }
    const k = n * 5;
    this.attrs[k] = nameStart;
    this.attrs[k + 1] = nameEnd;
    this.attrs[k + 2] = valueStart;
    this.attrs[k + 3] = valueEnd;
    this.attrs[k + 4] = flags;
    this.attrCount = n + 1;
  }

  private attribute(name: string): string | undefined {
    const a = this.attrs;
    const b = this.buf;
    for (let k = 0; k < this.attrCount * 5; k += 5) {
      const from = a[k]!;
      if (a[k + 1]! - from !== name.length) continue;
      let same = true;
      for (let m = 0; m < name.length && same; m++) same = b[from + m] === name.charCodeAt(m);
      if (!same) continue;
      return a[k + 4] === 0 ? b.utf8Slice(a[k + 2]!, a[k + 3]!) : this.normalisedValue(b, a[k + 2]!, a[k + 3]!);
    }
    return undefined;
  }

  /** An attribute value with its references replaced and its tabs and line ends made spaces. */
  private normalisedValue(b: Bytes, from: number, to: number): string {
    let out = '';
    let piece = from;
    for (let j = from; j < to; j++) {
      const c = b[j];
      if (c === AMP) {
        const next = this.entity(b, j, to + 1);
        out += b.utf8Slice(piece, j) + this.entityValue;
        j = next - 1;
        piece = next;
      } else if (c === TAB || c === LF || c === CR) {
        out += `${b.utf8Slice(piece, j)} `;
        if (c === CR && b[j + 1] === LF) j++;
        piece = j + 1;
      }
    }
    return out + b.utf8Slice(piece, to);
  }

  private close(name: string): void {
    this.stack.pop();
    this.events.closeTag(name);
    if (this.stack.length === 0) this.closedRoot = true;
  }

  private endTag(b: Bytes, i: number, end: number): number {
    const nameEnd = this.nameRest(b, i + 2, end);
    if (nameEnd < 0) return -1;
    const j = this.spaces(b, nameEnd, end);
    if (j >= end) return -1;
    if (b[j] !== GT) throw this.errorAt(this.base + j, 'a character not allowed in an end tag');
    if (nameEnd === i + 2) throw this.errorAt(this.base + j, 'an end tag without a name "</>"');
    const name = this.intern(b, i + 2, nameEnd);
    const open = this.stack[this.stack.length - 1];
    // Reported at the tag's ">", as conforming parsers do.
    if (open === undefined) throw this.errorAt(this.base + j, `the end tag </${name}> closes no element`);
    if (open !== name) throw this.errorAt(this.base + j, `the end tag </${name}> does not match the start tag <${open}>`);
    this.at = this.base + j;
    this.close(name);
    return j + 1;
  }

  /** `<!`: a comment, a CDATA section, or a DOCTYPE (refused). */
  private bang(b: Bytes, i: number, end: number): number {
    const available = end - i;
    let possible = false;
    for (const open of [COMMENT_OPEN, CDATA_OPEN, DOCTYPE_OPEN]) {
      const n = Math.min(open.length, available);
      if (b.compare(open, 0, n, i, i + n) !== 0) continue;
      if (n < open.length) {
        possible = true;
        continue;
      }
      if (open === COMMENT_OPEN) return this.comment(b, i + open.length, end);
      if (open === CDATA_OPEN) return this.cdata(b, i, end);
      throw this.errorAt(this.base + i, 'a DOCTYPE is not allowed in IATI files (no DTDs, no entity definitions)');
    }
    if (possible) return -1;
    throw this.errorAt(this.base + i, 'markup "<!" that is not a comment, a CDATA section or a DOCTYPE');
  }

  /**
   * Comments, CDATA and processing instructions: from `b[j]`, the first `stop` byte followed by
   * `>` (two `stop` bytes for comments and CDATA), with characters checked and lines counted.
   * Returns the index of the first `stop` byte, or -1 when the bytes end first.
   */
  private until(b: Bytes, j: number, end: number, stop: number, twice: boolean): number {
    for (; j < end; j++) {
      const c = b[j]!;
      if (IN_OTHER[c] === 0) continue;
      if (c === stop) {
        if (!twice) {
          if (j + 1 >= end) return -1;
          if (b[j + 1] === GT) return j;
        } else if (j + 1 >= end || (b[j + 1] === stop && j + 2 >= end)) return -1;
        else if (b[j + 1] === stop) {
          if (b[j + 2] === GT) return j;
          if (stop === MINUS) throw this.errorAt(this.base + j, 'a comment with "--" inside (comments end at "-->")');
        }
      } else if (c === LF) this.newLine(j);
      else if (c === CR) {
        if (j + 1 >= end) return -1;
        if (b[j + 1] === LF) j++;
        this.newLine(j);
      } else if (c === 0xef) {
        if (b[j + 1] === 0xbf && (b[j + 2] === 0xbe || b[j + 2] === 0xbf)) throw this.disallowed(j);
      } else if (c < 0x20) throw this.disallowed(j);
    }
    return -1;
  }

  private comment(b: Bytes, j: number, end: number): number {
    const stop = this.until(b, j, end, MINUS, true);
    return stop < 0 ? -1 : stop + 3;
  }

  private cdata(b: Bytes, i: number, end: number): number {
    if (this.stack.length === 0) throw this.errorAt(this.base + i, 'a CDATA section outside the root element');
    const from = i + CDATA_OPEN.length;
    const stop = this.until(b, from, end, RSQB, true);
    if (stop < 0) return -1;
    if (this.events.keepText && stop > from) {
      const text = b.utf8Slice(from, stop);
      this.events.text(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
    }
    return stop + 3;
  }

  /** `<?`: a processing instruction (ignored), or the XML declaration at the very start. */
  private instruction(b: Bytes, i: number, end: number): number {
    if (i + 2 >= end) return -1;
    const first = b[i + 2]!;
    if (first === QUESTION || isSpace(first)) throw this.errorAt(this.base + i + 2, 'a processing instruction without a target');
    const targetEnd = this.name(b, i + 2, end, 'a processing instruction target');
    if (targetEnd < 0) return -1;
    if (targetEnd - i - 2 === 3 && b.latin1Slice(i + 2, targetEnd).toLowerCase() === 'xml') {
      if (b.latin1Slice(i + 2, targetEnd) === 'xml' && this.base + i === this.declarationAt) return this.declaration(b, targetEnd, end);
      throw this.errorAt(this.base + i, 'an XML declaration must be at the very start of the file');
    }
    const c = b[targetEnd]!;
    if (c !== QUESTION && !isSpace(c))
      throw this.errorAt(this.base + targetEnd, 'a character not allowed in a processing instruction target');
    const stop = this.until(b, targetEnd, end, QUESTION, false);
    return stop < 0 ? -1 : stop + 2;
  }

  /** The XML declaration, after `<?xml`: version (1.0 only), then encoding and standalone, in that order. */
  private declaration(b: Bytes, j: number, end: number): number {
    const expected = ['version', 'encoding', 'standalone'];
    let next = 0;
    for (;;) {
      if (j >= end) return -1;
      if (b[j] === QUESTION) {
        if (j + 1 >= end) return -1;
        if (b[j + 1] !== GT) throw this.errorAt(this.base + j, 'a "?" inside the XML declaration');
        if (next === 0) throw this.errorAt(this.base + j, 'the XML declaration has no version');
        return j + 2;
      }
      if (!isSpace(b[j]!)) throw this.errorAt(this.base + j, 'white space is required between the XML declaration’s parts');
      j = this.spaces(b, j, end);
      if (j >= end) return -1;
      if (b[j] === QUESTION) continue;
      const nameStart = j;
      while (j < end && !isSpace(b[j]!) && b[j] !== EQUALS && b[j] !== QUESTION) j++;
      if (j >= end) return -1;
      const name = b.utf8Slice(nameStart, j);
      const at = expected.indexOf(name, next);
      if (at < 0 || (next === 0 && at !== 0))
        throw this.errorAt(
          this.base + nameStart,
          `"${name}" where the XML declaration expects ${expected.slice(next).join(' or ') || 'its end'}`,
        );
      next = at + 1;
      j = this.spaces(b, j, end);
      if (j >= end) return -1;
      if (b[j] !== EQUALS) throw this.errorAt(this.base + j, `no value for "${name}" in the XML declaration`);
      j = this.spaces(b, j + 1, end);
      if (j >= end) return -1;
      const quote = b[j]!;
      if (quote !== DQUOTE && quote !== SQUOTE) throw this.errorAt(this.base + j, 'a value without quotes in the XML declaration');
      const valueStart = ++j;
      for (; j < end && b[j] !== quote; j++) {
        if (b[j] === QUESTION || b[j]! < 0x20) throw this.errorAt(this.base + j, 'a character not allowed in the XML declaration');
      }
      if (j >= end) return -1;
      const value = b.utf8Slice(valueStart, j);
      if (name === 'version' && value !== '1.0')
        throw this.errorAt(this.base + valueStart, `XML version "${value}" is not read: IATI files are XML 1.0`);
      if (name === 'encoding' && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(value))
        throw this.errorAt(this.base + valueStart, `the encoding name "${value}" is malformed`);
      if (name === 'standalone' && value !== 'yes' && value !== 'no')
        throw this.errorAt(this.base + valueStart, 'standalone must be "yes" or "no"');
      j++;
    }
  }
}
