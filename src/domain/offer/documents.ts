/**
 * Uploaded nomination documents (CV, nomination letter): what is accepted and how it is named.
 * The type is decided from the file's first bytes, never from the client's name or header;
 * the name is only a label (content is kept in the database, never written to a path).
 */
import type { FieldIssue } from '../errors.js';
import { isOneOf, keysOf } from '../guards.js';

export const DOCUMENT_KINDS = ['cv', 'letter'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Default largest upload (5 MiB); MITRA_UPLOAD_MAX_BYTES changes it. */
export const DEFAULT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

export const ALLOWED_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { contentType: 'image/png', extensions: ['png'] },
} as const;
export type DocumentType = keyof typeof ALLOWED_TYPES;

/** Every type an upload may be sniffed as: the above and the other Office documents (program documents accept them). */
export const KNOWN_TYPES = {
  ...ALLOWED_TYPES,
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
} as const;
export type KnownType = keyof typeof KNOWN_TYPES;
type TypeTable = Partial<Record<KnownType, { readonly contentType: string; readonly extensions: readonly string[] }>>;

export interface DocumentMeta {
  readonly id: number;
  readonly participantId: number;
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly createdAt: string;
}

const MAX_NAME = 120;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Latin-1 view of the first bytes (for marker searches; binary bytes map one to one). */
function head(bytes: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/** Markup a browser would run if it sniffed the file as HTML. */
const ACTIVE_MARKUP = /<\s*(html|script|body|iframe|svg|object|embed|meta)\b|<!doctype\s+html/i;

/** The file's real type from its first bytes, or undefined when it is none of the accepted ones. */
export function sniffType(bytes: Uint8Array): DocumentType | undefined {
  const type = sniffKnownType(bytes);
  return type && isOneOf(keysOf(ALLOWED_TYPES), type) ? type : undefined;
}

/** The file's real type among every known one (Office spreadsheets and presentations too). */
export function sniffKnownType(bytes: Uint8Array): KnownType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return undefined;
  // An Office document is a zip (PK\3\4) whose entries include word/…, xl/… or ppt/… ([Content_Types].xml comes first).
  const entries = head(bytes, 64 * 1024);
  if (entries.includes('word/')) return 'docx';
  if (entries.includes('xl/')) return 'xlsx';
  if (entries.includes('ppt/')) return 'pptx';
  return undefined;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * A safe label for a file name: the last path segment, no control or path characters, no
 * leading dots, at most 120 characters (keeping the extension).
 */
export function sanitizeFileName(raw: string, fallback = 'document'): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    // Control characters are removed on purpose (header injection, terminal escapes).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"<>:|?*;]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+/, '')
    .trim();
  if (name.length > MAX_NAME) {
    const ext = extensionOf(name);
    const keep = ext && ext.length < 10 ? `.${ext}` : '';
    name = name.slice(0, MAX_NAME - keep.length) + keep;
  }
  return name || fallback;
}

export interface CheckedUpload {
  readonly type: KnownType;
  readonly contentType: string;
  readonly fileName: string;
}

/**
 * Accepts a PDF, DOCX, JPEG or PNG whose name matches what it is; refuses a PDF with HTML or
 * script in its first kilobyte (HTML disguised as PDF, sniffed and run by some browsers).
 */
export function checkUpload(
  field: string,
  rawName: string,
  bytes: Uint8Array,
  maxBytes: number,
  types: TypeTable = ALLOWED_TYPES,
): { ok: true; value: CheckedUpload } | { ok: false; issue: FieldIssue } {
  const fail = (code: string, message: string) => ({ ok: false as const, issue: { path: field, code, message } });
  if (bytes.length === 0) return fail('empty_file', 'the file is empty');
  if (bytes.length > maxBytes) return fail('too_large', `the file is larger than ${maxBytes} bytes`);
  const sniffed = sniffKnownType(bytes);
  const allowed = sniffed ? types[sniffed] : undefined;
  const names = Object.keys(types).map((t) => t.toUpperCase());
  const accepted = `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
  if (!sniffed || !allowed) return fail('unsupported_type', `the file is not a ${accepted} document`);
  const type = sniffed;
  if (type === 'pdf' && ACTIVE_MARKUP.test(head(bytes, 1024)))
    return fail('active_content', 'the PDF contains HTML or script: send a real PDF');
  const fileName = sanitizeFileName(rawName, `${field}.${allowed.extensions[0] ?? type}`);
  const ext = extensionOf(fileName);
  if (!isOneOf(allowed.extensions, ext)) {
    return fail(
      'type_mismatch',
      `the file is a ${type.toUpperCase()} but its name ends in ".${ext}": name it .${allowed.extensions[0] ?? type}`,
    );
  }
  return { ok: true, value: { type, contentType: allowed.contentType, fileName } };
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
