/**
 * Cached answers, conditional GETs and compression (issue 19): a list answer is kept per scope
 * and served again until a write (in any process) changes its data; ETags answer 304; bodies are
 * Brotli- or gzip-encoded as the client asks, and identical once decoded.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, signIn, useServer, type TestSession } from '../testing/server.js';

describeEachEngine('cached answers and compression', (app) => {
  const server = useServer(app, { as: 'anonymous' });
  let coordinator: TestSession;
  let published = 0;

  beforeAll(async () => {
    coordinator = await signIn(server(), app(), 'coordinator');
    const as = asSession(server(), coordinator);
    for (let i = 0; i < 12; i++) {
      const stage = i < 10 ? 'approved' : 'request';
      const created = await as.inject({
        method: 'POST',
        url: '/api/v1/activities',
        payload: aProgram({ titleEn: `Cached answers program ${i} ${'x'.repeat(80)}`, lifecycleStage: stage }),
      });
      expect(created.statusCode).toBe(201);
      if (stage === 'approved') published++;
    }
  });

  const list = '/api/v1/activities?q=Cached%20answers&sort=title';

  it('serves the same answer with its ETag until the data change, in any process', async () => {
    const first = await server().inject({ url: list });
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(published);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const again = await server().inject({ url: list });
    expect(again.headers.etag).toBe(etag);
    expect(again.body).toBe(first.body);

    const notModified = await server().inject({ url: list, headers: { 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');

    // Another process (another connection) renames a program: the next read shows it.
    const id = first.json().items[0].id as number;
    await app().database.db.updateTable('activities').set({ title_en: 'Cached answers program renamed' }).where('id', '=', id).execute();
    const changed = await server().inject({ url: list, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().items.find((a: { id: number }) => a.id === id).titleEn).toBe('Cached answers program renamed');
  });

  it('keeps the public and internal answers apart', async () => {
    const publicAnswer = await server().inject({ url: list });
    const internal = await asSession(server(), coordinator).inject({ url: list });
    expect(publicAnswer.json().total).toBe(published);
    expect(internal.json().total).toBe(published + 2);
    expect(internal.headers.etag).not.toBe(publicAnswer.headers.etag);
    expect(internal.headers['cache-control']).toBe('private, no-cache');
    // The public's ETag does not stand for the internal answer.
    expect(
      (await asSession(server(), coordinator).inject({ url: list, headers: { 'if-none-match': publicAnswer.headers.etag as string } }))
        .statusCode,
    ).toBe(200);
  });

  it('encodes as the client accepts, and decodes to the same body', async () => {
    const plain = await server().inject({ url: list });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await server().inject({ url: list, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await server().inject({ url: list, headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const none = await server().inject({ url: list, headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(plain.body);
    // A Range on an API answer is ignored: the whole body, never an error.
    const ranged = await server().inject({ url: list, headers: { range: 'bytes=0-10' } });
    expect(ranged.statusCode).toBe(200);
    expect(ranged.body).toBe(plain.body);
  });

  it('gives other answers an ETag, a 304 and compression too', async () => {
    const url = '/api/v1/reference/countries';
    const first = await server().inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    const plain = await server().inject({ url });
    expect(plain.headers.etag).toBe(etag);
    expect(gunzipSync(first.rawPayload).toString()).toBe(plain.body);
    expect((await server().inject({ url, headers: { 'if-none-match': `"other", ${etag}` } })).statusCode).toBe(304);
    // A record's own ETag (its version, for If-Match) never answers 304: the answer may change
    // while the version does not (an agreement's documents, a program's children).
    const program = (await server().inject({ url: list })).json().items[0].id as number;
    const record = await server().inject({ url: `/api/v1/activities/${program}` });
    expect(record.headers.etag).toMatch(/^"\d+"$/);
    expect(
      (await server().inject({ url: `/api/v1/activities/${program}`, headers: { 'if-none-match': record.headers.etag as string } }))
        .statusCode,
    ).toBe(200);
    // Problems are not cached answers: no ETag on a 400.
    const bad = await server().inject({ url: '/api/v1/activities?q=ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
  });
});
