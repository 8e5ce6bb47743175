import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { checkZip, readZipEntry } from './zip-guard.js';
import { ZipWriter, zipFiles } from './zip-write.js';

const dir = mkdtempSync(join(tmpdir(), 'mitra-zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 1 MiB that deflate can only partly shrink: a text-like run of hashes (deterministic, no Math.random). */
function randomish(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  let seed = createHash('sha256').update('mitra').digest();
  for (let at = 0; at < bytes; at += seed.length) {
    seed.copy(out, at);
    seed = createHash('sha256').update(seed).digest();
  }
  return out;
}

/** Collects what a stream is given. */
function sink(): { out: PassThrough; bytes: () => Buffer } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return { out, bytes: () => Buffer.concat(chunks) };
}

const FILES = {
  empty: { name: 'empty.txt', content: Buffer.alloc(0) },
  utf8: { name: 'laporan-tahunan-édition-ñ-日本.csv', content: Buffer.from('\uFEFFnegara,peserta\nPapua Nugini,12\n', 'utf8') },
  large: { name: 'large.bin', content: randomish(1024 * 1024 + 17) },
};
for (const f of Object.values(FILES)) writeFileSync(join(dir, f.name), f.content);

describe('ZipWriter', () => {
  it('writes entries the project reader reads back byte for byte (an empty file, a UTF-8 name, a 1 MiB file)', async () => {
    const { out, bytes } = sink();
    const zip = new ZipWriter(out, new Date('2019-03-15T10:20:30Z'));
    for (const f of Object.values(FILES)) await zip.addFile(f.name, join(dir, f.name));
    await zip.finish();
    out.end();
    const archive = bytes();
    const entries = await checkZip(archive, 16 * 1024 * 1024);
    expect(entries.map((e) => e.name)).toEqual(Object.values(FILES).map((f) => f.name));
    for (const [i, f] of Object.values(FILES).entries()) {
      const entry = entries[i];
      if (!entry) throw new Error(`no entry ${f.name}`);
      expect([entry.method, entry.uncompressedSize]).toEqual([8, f.content.length]);
      expect(readZipEntry(archive, entry).equals(f.content), f.name).toBe(true);
    }
    // The hash-chain bytes barely compress; the text does.
    expect(entries[2]?.compressedSize).toBeGreaterThan(1024 * 1024);
    // The central directory's flags say UTF-8 names (bit 11) and a data descriptor (bit 3); the
    // DOS date is 2019-03-15 and the time 10:20:30.
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(archive.readUInt16LE(central + 8)).toBe(0x0808);
    expect(archive.readUInt16LE(central + 14)).toBe(((2019 - 1980) << 9) | (3 << 5) | 15);
    expect(archive.readUInt16LE(central + 12)).toBe((10 << 11) | (20 << 5) | 15);
  });

  it('passes unzip -t (Info-ZIP) when the unzip program is installed', async () => {
    const { out, bytes } = sink();
    await zipFiles(
      out,
      dir,
      Object.values(FILES).map((f) => f.name),
    );
    out.end();
    const path = join(dir, 'test.zip');
    writeFileSync(path, bytes());
    const tested = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    if (tested.error) {
      console.warn(`unzip -t skipped: ${tested.error.message}`);
      return;
    }
    expect(tested.status, tested.stdout + tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/No errors detected/);
    const extracted = join(dir, 'out');
    expect(spawnSync('unzip', ['-q', '-d', extracted, path]).status).toBe(0);
    expect(readFileSync(join(extracted, FILES.utf8.name)).equals(FILES.utf8.content)).toBe(true);
    expect(readFileSync(join(extracted, FILES.large.name)).equals(FILES.large.content)).toBe(true);
    // Extracted as a plain readable file (the external attributes carry mode 0644).
    expect(statSync(join(extracted, FILES.empty.name)).mode & 0o777).toBe(0o644);
  });

  it('gives up (rather than waiting for ever) when the stream it writes to is closed mid-way, as when a client disconnects', async () => {
    // A stream that takes one small chunk and then never drains, and is destroyed soon after.
    const stalled = new Writable({ highWaterMark: 16, write: () => undefined });
    setTimeout(() => stalled.destroy(), 20);
    const zip = new ZipWriter(stalled);
    await expect(zip.addFile(FILES.large.name, join(dir, FILES.large.name))).rejects.toThrow(/closed/);
  });

  it('fails on a missing file', async () => {
    const { out } = sink();
    await expect(new ZipWriter(out).addFile('missing', join(dir, 'no-such-file'))).rejects.toThrow(/ENOENT/);
  });
});
