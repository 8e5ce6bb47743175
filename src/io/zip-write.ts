/**
 * A ZIP archive written as a stream (an edition's bundle for download, docs/bundle.md): each
 * entry deflated as it is read, its CRC-32 and sizes in a data descriptor after it (general
 * purpose flag bit 3), so nothing is held whole in memory. No ZIP64: an entry or the archive at
 * 4 GiB or more is refused rather than written wrong. Names are UTF-8 (flag bit 11).
 *
 * Format: PKWARE's APPNOTE.TXT, version 6.3.10 (1 November 2022),
 * https://pkwaredownloads.blob.core.windows.net/pem/APPNOTE.txt — 4.3.7 local header, 4.3.9 data
 * descriptor, 4.3.12 central directory header, 4.3.16 end record, Appendix D (UTF-8 names).
 * zip-write.test.ts reads the archive back with io/zip-guard.ts and Info-ZIP's `unzip -t`.
 */
import { createReadStream } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { Writable } from 'node:stream';
import { join } from 'node:path';

const LIMIT = 0xffffffff;

/**
 * "Version made by" (APPNOTE.TXT 6.3.10, 4.4.2): host 3 (UNIX) in the upper byte, spec 2.0 in
 * the lower. With host 0 (MS-DOS) Info-ZIP's unzip 6.00 converts every name from the OEM code
 * page even when flag bit 11 says UTF-8, so "laporan-é" came out as "laporan-+�" (found by
 * zip-write.test.ts); with host UNIX it honours the flag, as do 7-Zip, Windows and macOS.
 */
const MADE_BY = (3 << 8) | 20;
/** External attributes for host UNIX (4.4.15): st_mode in the upper 16 bits, a regular file, rw-r--r--. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** Waits until the stream drains; fails when it closes or fails first (a client that went away), rather than waiting for ever. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new ClosedError());
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', settle);
  });
}

/** The stream the archive goes to was closed (or destroyed) before the archive was written. */
export class ClosedError extends Error {
  override readonly name = 'ClosedError';
  constructor() {
    super('the stream was closed before the archive was written');
  }
}

interface Written {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
  readonly time: number;
  readonly date: number;
}

/** MS-DOS time and date of an instant (UTC: the bundle's times are UTC). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((Math.max(1980, at.getUTCFullYear()) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: Written[] = [];
  private offset = 0;

  constructor(
    private readonly out: Writable,
    private readonly at: Date = new Date(),
  ) {}

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new Error('the archive would be 4 GiB or more (ZIP64 is not written)');
    if (this.out.destroyed || this.out.writableEnded) throw new ClosedError();
    if (!this.out.write(bytes)) await drained(this.out);
  }

  /** Adds a file read from disk, deflated. */
  addFile(name: string, path: string): Promise<void> {
    return this.addEntry(name, createReadStream(path));
  }

  /**
   * Adds an entry whose content comes as chunks (text is written as UTF-8), deflated as they
   * come: a workbook's sheet is written while its rows are added (io/xlsx-write.ts). The chunks
   * are taken only as fast as deflate and the output take them. `level` is zlib's (1 fastest, 9
   * smallest, 6 its default).
   */
  async addEntry(name: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, level = 6): Promise<void> {
    const encoded = Buffer.from(name, 'utf8');
    const { time, date } = dosTime(this.at);
    const offset = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0808, 6); // data descriptor, UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // CRC and sizes (14–25) are zero here and follow in the data descriptor.
    local.writeUInt16LE(encoded.length, 26);
    await this.write(Buffer.concat([local, encoded]));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level, chunkSize: 64 * 1024 });
    // Feeds deflate while the loop below takes its output. Leaving the loop early (the output
    // closed) destroys deflate; the feed's wait for it to drain then fails, which ends the
    // `for await` and so closes the source (a file is not read to its end for nothing).
    const feed = (async () => {
      try {
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          crc = crc32(bytes, crc);
          size += bytes.length;
          if (deflate.destroyed) throw new ClosedError();
          if (!deflate.write(bytes)) await drained(deflate);
        }
        deflate.end();
      } catch (e) {
        deflate.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    })();
    for await (const chunk of deflate as AsyncIterable<Buffer>) {
      compressed += chunk.length;
      await this.write(chunk);
    }
    // Deflate ended, so the feed did too.
    await feed;
    if (size > LIMIT) throw new Error(`${name} is 4 GiB or more (ZIP64 is not written)`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.entries.push({ name: encoded, crc: crc >>> 0, compressed, size, offset, time, date });
  }

  /** Writes the central directory and the end record; the caller ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(MADE_BY, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0808, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(e.time, 12);
      central.writeUInt16LE(e.date, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(e.compressed, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
      central.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([central, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}

/** Writes the files `names` of the folder `dir` as a ZIP archive, in that order; the caller ends the stream. */
export async function zipFiles(out: Writable, dir: string, names: readonly string[], at?: Date): Promise<void> {
  const zip = new ZipWriter(out, at);
  for (const name of names) await zip.addFile(name, join(dir, name));
  await zip.finish();
}
