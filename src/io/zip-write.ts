/**
 * A ZIP archive written as a stream (an edition's bundle for download, docs/bundle.md): each
 * entry deflated as it is read, its CRC-32 and sizes in a data descriptor after it (general
 * purpose flag bit 3), so nothing is held whole in memory. No ZIP64: an entry or the archive at
 * 4 GiB or more is refused rather than written wrong. Names are UTF-8 (flag bit 11).
 */
import { createReadStream } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

const LIMIT = 0xffffffff;

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
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  /** Adds a file read from disk, deflated. */
  async addFile(name: string, path: string): Promise<void> {
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
    const deflate = createDeflateRaw({ level: 6 });
    const source = createReadStream(path);
    source.on('data', (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      crc = crc32(bytes, crc);
      size += bytes.length;
    });
    source.on('error', (e) => deflate.destroy(e));
    source.pipe(deflate);
    for await (const chunk of deflate as AsyncIterable<Buffer>) {
      compressed += chunk.length;
      await this.write(chunk);
    }
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
      central.writeUInt16LE(20, 4); // made by: 2.0
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0808, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(e.time, 12);
      central.writeUInt16LE(e.date, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(e.compressed, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
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
