import { describe, expect, it } from 'vitest';
import { detectSeparator, readCsv } from './csv-read.js';

async function records(bytes: Uint8Array, chunk = 3, maxBytes = 1_000_000) {
  async function* source() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk);
  }
  const stream = readCsv(source(), { maxBytes });
  const out: string[][] = [];
  for await (const batch of stream.batches) for (const r of batch) out.push(r.fields);
  return { out, separator: stream.separator(), sha: stream.sha256() };
}

describe('readCsv', () => {
  it('detects the separator and decodes UTF-8 split across chunks', async () => {
    const text = '\uFEFFnegara;catatan\nCôte d’Ivoire;"a; b"\n';
    const { out, separator, sha } = await records(new TextEncoder().encode(text));
    expect(separator).toBe(';');
    expect(out).toEqual([
      ['negara', 'catatan'],
      ['Côte d’Ivoire', 'a; b'],
    ]);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a file of one header line without a line break', async () => {
    expect((await records(new TextEncoder().encode('a,b'))).out).toEqual([['a', 'b']]);
  });

  it('prefers the separator used most in the header', () => {
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('a;b;"c,d"')).toBe(';');
    expect(detectSeparator('single')).toBe(',');
  });

  it('refuses invalid UTF-8 and files over the limit', async () => {
    await expect(records(new Uint8Array([0x61, 0x0a, 0xc3, 0x28]))).rejects.toThrow(/not valid UTF-8/);
    await expect(records(new TextEncoder().encode('a,b\n1,2\n'), 3, 4)).rejects.toThrow(/larger than the import limit/);
  });
});
