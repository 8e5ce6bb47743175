import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress.js';
import { serverFor, type AppContext } from '../main.js';
import { openTestApp } from '../testing/engines.js';

/** A built web application in miniature, compressed by the build's own step. */
function writeWebRoot(dir: string): { index: Buffer; script: Buffer; tiny: Buffer } {
  mkdirSync(join(dir, 'assets'));
  const index = Buffer.from(
    `<!doctype html><html lang="id"><head><title>Mitra</title>${'<link rel="modulepreload" href="/assets/app-Ab12Cd34.js">'.repeat(20)}</head><body><div id="root"></div></body></html>`,
  );
  const script = Buffer.from(
    Array.from({ length: 400 }, (_, i) => `export const value${i} = ${JSON.stringify(`line ${i} of the application`)};`).join('\n'),
  );
  const tiny = Buffer.from('x');
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'assets', 'app-Ab12Cd34.js'), script);
  writeFileSync(join(dir, 'assets', 'tiny-Zz99Yy88.js'), tiny);
  return { index, script, tiny };
}

describe('serving the web application', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'mitra-web-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'mitra-web-db-'));
  const files = writeWebRoot(webRoot);
  let app: AppContext;
  let server: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) => server.inject({ url, headers });
  const script = '/assets/app-Ab12Cd34.js';

  beforeAll(async () => {
    await precompress(webRoot);
    app = await openTestApp(`file:${join(dataDir, 'web.sqlite')}`);
    server = await serverFor(app, { logLevel: 'silent', webRoot });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a Brotli and a gzip copy of every text file, a tiny one too', () => {
    expect(brotliDecompressSync(readFileSync(join(webRoot, `${script}.br`)))).toEqual(files.script);
    expect(gunzipSync(readFileSync(join(webRoot, `${script}.gz`)))).toEqual(files.script);
    expect(brotliDecompressSync(readFileSync(join(webRoot, 'assets/tiny-Zz99Yy88.js.br')))).toEqual(files.tiny);
    expect(gunzipSync(readFileSync(join(webRoot, 'index.html.gz')))).toEqual(files.index);
  });

  it('sends the Brotli copy when the client accepts br, with the asset cache and security headers', async () => {
    const r = await get(script, { 'accept-encoding': 'br, gzip' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.rawPayload.length).toBeLessThan(files.script.length / 3);
    expect(brotliDecompressSync(r.rawPayload)).toEqual(files.script);
  });

  it('sends the gzip copy when the client accepts only gzip', async () => {
    const r = await get(script, { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.rawPayload)).toEqual(files.script);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const r = await get(script, headers);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.rawPayload).toEqual(files.script);
    }
  });

  it('sends a tiny file from its own copy too, so that the API compression never encodes a static file again', async () => {
    const tiny = await get('/assets/tiny-Zz99Yy88.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBe('br');
    expect(tiny.rawPayload).toEqual(readFileSync(join(webRoot, 'assets/tiny-Zz99Yy88.js.br')));
    expect(brotliDecompressSync(tiny.rawPayload)).toEqual(files.tiny);
  });

  it('compresses the page too, for "/" and for the routes of the web app, never cached', async () => {
    for (const url of ['/', '/programs?year=2018']) {
      const r = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(brotliDecompressSync(r.rawPayload)).toEqual(files.index);
    }
    const plain = await get('/programs');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload).toEqual(files.index);
  });

  it('answers a Range request with the part of the representation it sends, never an error', async () => {
    const plain = await get(script, { range: 'bytes=0-99' });
    expect(plain.statusCode).toBe(206);
    expect(plain.headers['content-range']).toBe(`bytes 0-99/${files.script.length}`);
    expect(plain.rawPayload).toEqual(files.script.subarray(0, 100));
    // With an encoding the range is of the compressed copy (RFC 9110 §14: ranges apply to the selected representation).
    const br = await get(script, { range: 'bytes=0-9', 'accept-encoding': 'br' });
    expect(br.statusCode).toBe(206);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload).toEqual(readFileSync(join(webRoot, `${script}.br`)).subarray(0, 10));
    const unsatisfiable = await get(script, { range: 'bytes=999999-', 'accept-encoding': 'br' });
    expect(unsatisfiable.statusCode).toBe(416);
    const malformed = await get(script, { range: 'pages=1-2', 'accept-encoding': 'br' });
    expect(malformed.statusCode).toBe(200);
    expect(brotliDecompressSync(malformed.rawPayload)).toEqual(files.script);
  });

  it('answers If-None-Match with 304 for the same representation only', async () => {
    const br = await get(script, { 'accept-encoding': 'br' });
    const gzip = await get(script, { 'accept-encoding': 'gzip' });
    const etag = String(br.headers.etag);
    expect(etag).not.toBe(String(gzip.headers.etag));
    const again = await get(script, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const otherEncoding = await get(script, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(otherEncoding.statusCode).toBe(200);
    expect(gunzipSync(otherEncoding.rawPayload)).toEqual(files.script);
    const garbage = await get('/', { 'accept-encoding': 'br', 'if-none-match': '"not-an-etag", W/' });
    expect(garbage.statusCode).toBe(200);
    expect(brotliDecompressSync(garbage.rawPayload)).toEqual(files.index);
  });
});
