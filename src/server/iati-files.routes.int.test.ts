import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetPlan, PublicationPlan } from '../io/iati-publication.js';
import { writePublication } from '../io/iati-publish-dir.js';
import { serverFor, type AppContext } from '../main.js';
import { openTestApp } from '../testing/engines.js';

const xml = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2025-0${n}-01T00:00:00.000Z">\n</iati-activities>\n`;

const dataset = (suffix: string, n: number): DatasetPlan => ({
  name: `nct-sstc-${suffix}`,
  title: `NCT: IATI activities ${suffix}`,
  kind: 'activity',
  fileName: `nct-sstc-${suffix}.xml`,
  activityCount: n,
  lastUpdated: `2025-0${n}-01T00:00:00.000Z`,
  country: null,
  expectedBytes: null,
  document: async () => xml(n),
});

const plan = (datasets: DatasetPlan[]): PublicationPlan => ({
  publisher: { ref: 'ID-NCT-SSTC', registryName: 'nct-sstc', nameEn: 'NCT', nameId: 'Tim' },
  datasets,
  undated: [],
  oversized: [],
  checks: { activities: 0, withErrors: 0, withWarnings: 0, rules: [], organisation: [] },
});

describe('the published IATI files at /iati/', () => {
  const root = mkdtempSync(join(tmpdir(), 'mitra-iati-files-'));
  const publishDir = join(root, 'iati');
  let app: AppContext;
  let server: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) => server.inject({ url, headers });

  beforeAll(async () => {
    app = await openTestApp(`file:${join(root, 'db.sqlite')}`);
    server = await serverFor(app, { logLevel: 'silent', iatiPublishDir: publishDir, webRoot: null });
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('answers 404 before anything is published', async () => {
    const answer = await get('/iati/manifest.json');
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ code: 'iati.not_published' });
    expect((await get('/iati/nct-sstc-2018.xml')).statusCode).toBe(404);
  });

  it('serves the manifest and the files as published, with caching headers, without signing in', async () => {
    await writePublication(plan([dataset('2017', 1), dataset('2018', 2)]), publishDir, 'https://mitra.example.go.id');
    const manifest = await get('/iati/manifest.json');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(manifest.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(manifest.headers['last-modified']).toBe('Sat, 01 Feb 2025 00:00:00 GMT');
    expect(manifest.body).toBe(readFileSync(join(publishDir, 'manifest.json'), 'utf8'));
    expect(manifest.json().datasets.map((d: { url: string }) => d.url)).toEqual([
      'https://mitra.example.go.id/iati/nct-sstc-2017.xml',
      'https://mitra.example.go.id/iati/nct-sstc-2018.xml',
    ]);
    expect((await get('/iati/manifest.json', { 'if-none-match': manifest.headers.etag as string })).statusCode).toBe(304);

    const file = await get('/iati/nct-sstc-2018.xml');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(file.body).toBe(xml(2));
    expect(file.headers.etag).toBe(`W/"${createHash('sha256').update(xml(2)).digest('hex')}"`);
    expect(file.headers['last-modified']).toBe('Sat, 01 Feb 2025 00:00:00 GMT');
    expect((await get('/iati/nct-sstc-2018.xml', { 'if-none-match': file.headers.etag as string })).statusCode).toBe(304);
    expect((await get('/iati/nct-sstc-2018.xml', { 'if-modified-since': 'Mon, 03 Feb 2025 00:00:00 GMT' })).statusCode).toBe(304);
    expect((await get('/iati/nct-sstc-2018.xml', { 'if-modified-since': 'Fri, 31 Jan 2025 00:00:00 GMT' })).statusCode).toBe(200);
  });

  it('refuses names the manifest does not list, and any path', async () => {
    // A file beside the set that is not in the manifest is not served either.
    writeFileSync(join(publishDir, 'stray.xml'), '<x/>');
    for (const url of [
      '/iati/nct-sstc-2019.xml',
      '/iati/stray.xml',
      '/iati/manifest.xml',
      '/iati/nct-sstc-2018',
      '/iati/..%2F..%2Fetc%2Fpasswd',
      '/iati/..%2Fdb.sqlite',
      '/iati/%2E%2E%2Fiati%2Fnct-sstc-2018.xml',
      '/iati/NCT-SSTC-2018.xml',
    ]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body).not.toContain('iati-activities');
    }
  });

  it('serves the new set once republished: a dataset gone is 404', async () => {
    await writePublication(plan([dataset('2018', 3)]), publishDir, null);
    expect((await get('/iati/nct-sstc-2017.xml')).statusCode).toBe(404);
    const file = await get('/iati/nct-sstc-2018.xml');
    expect(file.body).toBe(xml(3));
    expect((await get('/iati/manifest.json')).json().datasets).toHaveLength(1);
  });
});
