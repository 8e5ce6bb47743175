/**
 * Checks a ZIP archive (an XLSX workbook) before a parser inflates it: the central directory is
 * read, every entry is inflated once into nothing while its bytes are counted, and the archive
 * is refused when the entries would inflate past a limit (a "zip bomb") or do not match what the
 * directory declares. Memory stays bounded by one inflated chunk.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** Where the entry's record in the central directory starts, and its length. */
  readonly centralOffset: number;
  readonly centralLength: number;
}

export type ZipProblem = 'not_zip' | 'too_large' | 'corrupt';

export class ZipGuardError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ZipGuardError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries the central directory lists (no ZIP64: an XLSX import is far below 4 GiB). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  if (!isZip(bytes)) throw new ZipGuardError('not_zip', 'it is not a ZIP archive');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is in the last 22 bytes plus at most 65,535 bytes of comment.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipGuardError('corrupt', 'the archive has no central directory (the file is cut short or damaged)');
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipGuardError('too_large', 'the archive uses ZIP64 (larger than 4 GiB)');
  if (count > MAX_ENTRIES) throw new ZipGuardError('too_large', `the archive has ${count} entries (at most ${MAX_ENTRIES})`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipGuardError('corrupt', 'the central directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      centralOffset: at,
      centralLength: 46 + nameLength + extraLength + commentLength,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates an entry's data, counting bytes; stops as soon as `budget` is passed. */
async function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => reject(new ZipGuardError('corrupt', 'an entry of the archive cannot be inflated (the file is damaged)')));
    inflate.end(data);
  });
}

/**
 * Refuses an archive whose entries inflate to more than `maxUncompressedBytes` in all, or whose
 * sizes differ from what its directory declares. Returns the entries.
 */
export async function checkZip(bytes: Uint8Array, maxUncompressedBytes: number): Promise<ZipEntry[]> {
  const entries = zipEntries(bytes);
  const limit = `${Math.round(maxUncompressedBytes / 1_048_576)} MiB`;
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > maxUncompressedBytes) throw new ZipGuardError('too_large', `it would inflate to more than ${limit}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
      throw new ZipGuardError('corrupt', `the entry ${entry.name} is damaged`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw new ZipGuardError('corrupt', `the entry ${entry.name} is cut short`);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) size = await inflatedSize(data, maxUncompressedBytes - total);
    else throw new ZipGuardError('corrupt', `the entry ${entry.name} uses an unsupported compression method (${entry.method})`);
    total += size;
    if (total > maxUncompressedBytes) throw new ZipGuardError('too_large', `it would inflate to more than ${limit}`);
    if (size !== entry.uncompressedSize)
      throw new ZipGuardError('corrupt', `the entry ${entry.name} is not the size its directory declares`);
  }
  return entries;
}

/** An entry's inflated bytes, for a small part of an archive checkZip has passed (an XLSX's workbook.xml). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
}

/**
 * An archive of some of the entries of `bytes` (which checkZip has passed), in the order given,
 * their compressed data copied as is: a streaming reader meets them in that order and meets no
 * other. `entries` are all of the archive's, as zipEntries lists them.
 */
export function zipSubset(bytes: Uint8Array, entries: readonly ZipEntry[], keep: readonly ZipEntry[]): Buffer {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // An entry's local record (header, data, data descriptor) runs to the next one, or to the directory.
  const starts = [...entries.map((e) => e.localHeaderOffset), Math.min(...entries.map((e) => e.centralOffset))].sort((a, b) => a - b);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of keep) {
    const end = starts.find((s) => s > entry.localHeaderOffset) ?? entry.localHeaderOffset;
    const local = source.subarray(entry.localHeaderOffset, end);
    const central = Buffer.from(source.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength));
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(keep.length, 8);
  end.writeUInt16LE(keep.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
