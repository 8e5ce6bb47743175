import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { checkZip, readZipEntry } from '../io/zip-guard.js';
import { serverFor } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, signIn, useServer, type TestSession } from '../testing/server.js';
import { flatText, pdfText } from '../testing/pdf.js';

describeEachEngine('edition routes', (app) => {
  const coordinator = useServer(app, { as: 'coordinator' });
  const agency = useServer(app, { as: 'agency' });
  const visitor = useServer(app, { as: 'anonymous' });
  const year = 2051;

  it('freezes (coordinators only), shows the differences from the live figures, and publishes for the public', async () => {
    const created = await coordinator().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({
        plannedStart: `${year}-02-01`,
        plannedEnd: `${year}-02-03`,
        participantsPlanned: 11,
        lifecycleStage: 'completed',
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const program = created.json<{ id: number; version: number }>();

    expect((await agency().inject({ method: 'POST', url: `/api/v1/editions/${year}`, payload: {} })).json()).toMatchObject({
      status: 403,
      code: 'edition.forbidden',
    });
    expect((await visitor().inject({ method: 'POST', url: `/api/v1/editions/${year}`, payload: {} })).statusCode).toBe(401);
    const frozen = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${year}`, payload: {} });
    expect(frozen.statusCode, frozen.body).toBe(201);
    expect(frozen.json()).toMatchObject({ year, number: 1, status: 'frozen', participants: 11 });

    // Drafts are the coordination team's and internal readers': the public does not see them.
    expect((await visitor().inject(`/api/v1/editions?year=${year}`)).json()).toEqual({ items: [] });
    expect((await visitor().inject(`/api/v1/editions/${year}/1`)).statusCode).toBe(404);
    expect((await visitor().inject(`/api/v1/editions/${year}/1/annual.pdf`)).statusCode).toBe(404);
    expect((await agency().inject(`/api/v1/editions?year=${year}`)).json<{ items: unknown[] }>().items).toHaveLength(1);

    const patched = await coordinator().inject({
      method: 'PATCH',
      url: `/api/v1/activities/${program.id}`,
      headers: { 'if-match': `"${program.version}"` },
      payload: { participantsPlanned: 14 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const diff = await agency().inject(`/api/v1/editions/${year}/1/differences`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json<{ figures: unknown[] }>().figures[0]).toEqual({ path: 'participants', before: 11, after: 14 });
    expect(diff.json()).toMatchObject({ changed: [{ id: program.id, fields: [{ field: 'participants', before: 11, after: 14 }] }] });
    expect((await visitor().inject(`/api/v1/editions/${year}/1/differences`)).statusCode).toBe(401);

    expect((await agency().inject({ method: 'POST', url: `/api/v1/editions/${year}/1/publish` })).statusCode).toBe(403);
    const published = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${year}/1/publish` });
    expect(published.json()).toMatchObject({ status: 'published' });
    const seen = await visitor().inject(`/api/v1/editions/${year}/1`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ scope: 'published', summary: { participants: 11 }, edition: { number: 1 } });
    const pdf = await visitor().inject(`/api/v1/editions/${year}/1/annual.pdf?lang=id`);
    expect(pdf.statusCode).toBe(200);
    expect(flatText(pdfText(pdf.rawPayload).split('\f')[0] ?? '')).toMatch(
      new RegExp(`Laporan Tahunan ${year}, edisi 1, 28 November 2026`),
    );
    const xlsx = await visitor().inject(`/api/v1/editions/${year}/1/annual.xlsx?lang=en`);
    expect([xlsx.statusCode, xlsx.headers['content-disposition']]).toEqual([200, expect.stringMatching(/edition-1-en\.xlsx/)]);
  });

  it('has no route that changes or deletes an edition or its figures', async () => {
    const before = (await coordinator().inject(`/api/v1/editions/${year}/1`)).json<{ summary: unknown }>();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/api/v1/editions/${year}/1`, `/api/v1/editions/${year}/1/figures`, `/api/v1/editions/${year}`]) {
        const res = await coordinator().inject({ method, url, payload: { summary: { participants: 999 } } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    // The narrative of a published edition no longer changes either.
    const narrative = await coordinator().inject({
      method: 'PUT',
      url: `/api/v1/editions/${year}/1/narrative/en`,
      payload: { text: 'Later' },
    });
    expect(narrative.json()).toMatchObject({ status: 409, code: 'edition.published' });
    expect((await coordinator().inject(`/api/v1/editions/${year}/1`)).json<{ summary: unknown }>().summary).toEqual(before.summary);
  });

  it('writes the narrative of a draft, and asks a reason of an errata edition', async () => {
    const y = year + 1;
    await coordinator().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({ plannedStart: `${y}-02-01`, plannedEnd: `${y}-02-03` }),
    });
    expect((await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${y}`, payload: {} })).statusCode).toBe(201);
    const written = await coordinator().inject({
      method: 'PUT',
      url: `/api/v1/editions/${y}/1/narrative/id`,
      payload: { text: 'Pengantar' },
    });
    expect(written.json()).toMatchObject({ narrativeId: 'Pengantar', narrativeEn: null });
    const noReason = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${y}`, payload: {} });
    expect(noReason.json()).toMatchObject({ status: 422, code: 'edition.reason_required' });
    const errata = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${y}`, payload: { reason: 'recount' } });
    expect(errata.json()).toMatchObject({
      number: 2,
      errataReason: 'recount',
      changes: { figures: [], added: [], removed: [], changed: [] },
    });
  });
});

// The bundle of the demo's 2018 (DOMAIN.md), frozen through the API, downloaded as one ZIP.
describeEachEngine('GET /api/v1/editions/{year}/{n}/bundle.zip', (app) => {
  let server: FastifyInstance;
  let coordinator: TestSession;
  // The route works under os.tmpdir(): this file's own, so that other runs cannot confuse the
  // check that each request removes its folder.
  let tmp = '';
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'mitra-bundle-test-'));
    vi.stubEnv('TMPDIR', tmp);
    await loadDemoData(app().deps);
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    coordinator = await signIn(server, app(), 'coordinator');
    const frozen = await asSession(server, coordinator).inject({
      method: 'POST',
      url: '/api/v1/editions/2018',
      payload: { overrideReason: 'bundle route test' },
    });
    expect(frozen.statusCode, frozen.body).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    vi.unstubAllEnvs();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** The requests' own folders (edition.routes.ts). */
  const workFolders = () => {
    expect(tmpdir()).toBe(tmp);
    return readdirSync(tmp);
  };

  it('sends every file of the bundle with its manifest, whose hashes match the bytes in the archive, and leaves no folder behind', async () => {
    const res = await asSession(server, coordinator).inject('/api/v1/editions/2018/1/bundle.zip');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="mitra-bundle-2018-edition-1.zip"');
    expect(res.headers['x-mitra-unexplained-differences']).toMatch(/^\d+$/);
    const archive = res.rawPayload;
    const entries = await checkZip(archive, 512 * 1024 * 1024);
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe('manifest.json');
    expect([...names].sort()).toEqual(
      [
        'manifest.json',
        'annual-report-2018-edition-1.pdf',
        'annual-report-2018-edition-1.xlsx',
        'laporan-tahunan-2018-edisi-1.pdf',
        'laporan-tahunan-2018-edisi-1.xlsx',
        'iati-activities-2018-edition-1.xml',
        'iati-organisation-2018-edition-1.xml',
        'tossd-2018-edition-1.csv',
        'tossd-2018-edition-1.xlsx',
        'segib-2018-edition-1.xlsx',
        'un-sdg-17-3-1-2018-edition-1.xlsx',
        'reconciliation-2018-edition-1.xlsx',
        'checklist-2018-edition-1.csv',
      ].sort(),
    );
    const read = (name: string) => {
      const entry = entries.find((e) => e.name === name);
      if (!entry) throw new Error(`${name} is not in the archive`);
      return readZipEntry(archive, entry);
    };
    const manifest = JSON.parse(read('manifest.json').toString('utf8')) as {
      edition: { year: number; number: number };
      files: { name: string; bytes: number; sha256: string }[];
      unexplainedDifferences: number;
    };
    expect(manifest.edition).toMatchObject({ year: 2018, number: 1 });
    // The archive holds the manifest's files in the manifest's order, and nothing else.
    expect(names.slice(1)).toEqual(manifest.files.map((f) => f.name));
    for (const f of manifest.files) {
      const bytes = read(f.name);
      expect([f.name, bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([f.name, f.bytes, f.sha256]);
    }
    expect(res.headers['x-mitra-unexplained-differences']).toBe(String(manifest.unexplainedDifferences));
    expect(read('annual-report-2018-edition-1.pdf').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(read('iati-activities-2018-edition-1.xml').toString('utf8')).toMatch(/<iati-activities [^>]*version="2.03"/);
    await vi.waitFor(() => expect(workFolders()).toEqual([]));
  });

  it('answers 401 to the public, 404 for an edition that does not exist', async () => {
    const anonymous = await server.inject('/api/v1/editions/2018/1/bundle.zip');
    expect([anonymous.statusCode, anonymous.json<{ code: string }>().code]).toEqual([401, 'auth.required']);
    const missing = await asSession(server, coordinator).inject('/api/v1/editions/2018/9/bundle.zip');
    expect(missing.statusCode).toBe(404);
    expect(workFolders()).toEqual([]);
  });

  it('removes its folder when the client goes away in the middle of the download', async () => {
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as AddressInfo;
    const got = await new Promise<number>((resolve, reject) => {
      const req = httpGet(
        { host: '127.0.0.1', port, path: '/api/v1/editions/2018/1/bundle.zip', headers: { cookie: coordinator.cookie } },
        (res) => {
          res.once('data', (chunk: Buffer) => {
            // One chunk read, then gone: the server must stop writing and clean up.
            req.destroy();
            resolve(chunk.length);
          });
        },
      );
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    expect(got).toBeGreaterThan(0);
    await vi.waitFor(() => expect(workFolders()).toEqual([]), { timeout: 10_000 });
  });
});
