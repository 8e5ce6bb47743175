import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../domain/iati/publication.js';
import { startFakeCkan, type FakeCkan } from '../testing/fake-ckan.js';
import { registerManifest, RegistryError } from './iati-registry.js';

const manifest = (names: string[]): Manifest => ({
  publisher: { ref: 'ID-NCT-SSTC', registryName: 'nct-sstc', nameEn: 'NCT', nameId: null },
  iatiVersion: '2.03',
  lastUpdated: '2025-01-01T00:00:00.000Z',
  datasets: names.map((name) => ({
    name,
    title: `NCT ${name}`,
    kind: 'activity' as const,
    fileName: `${name}.xml`,
    url: `https://mitra.example/iati/${name}.xml`,
    lastUpdated: '2025-01-01T00:00:00.000Z',
    activityCount: 2,
    country: null,
    bytes: 10,
    sha256: 'aa',
  })),
});

describe('registering datasets on the IATI Registry (CKAN action API)', () => {
  let ckan: FakeCkan;
  beforeEach(async () => {
    ckan = await startFakeCkan();
  });
  afterEach(() => ckan.close());

  it('creates an unknown dataset and updates a known one, with the key in the Authorization header', async () => {
    ckan.packages.set('nct-sstc-2017', { name: 'nct-sstc-2017' });
    const outcomes = await registerManifest({ url: `${ckan.url}/`, key: 'secret-key' }, manifest(['nct-sstc-2016', 'nct-sstc-2017']));
    expect(outcomes).toEqual([
      { dataset: 'nct-sstc-2016', action: 'created' },
      { dataset: 'nct-sstc-2017', action: 'updated' },
    ]);
    expect(ckan.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/action/package_show',
      'POST /api/action/package_create',
      'POST /api/action/package_show',
      'POST /api/action/package_update',
    ]);
    for (const r of ckan.requests) expect(r.headers.authorization).toBe('secret-key');
    const created = ckan.requests[1]!.body;
    expect(created).toMatchObject({
      name: 'nct-sstc-2016',
      title: 'NCT nct-sstc-2016',
      owner_org: 'nct-sstc',
      resources: [{ url: 'https://mitra.example/iati/nct-sstc-2016.xml', format: 'IATI-XML' }],
    });
    expect(created.extras).toEqual(
      expect.arrayContaining([
        { key: 'filetype', value: 'activity' },
        { key: 'activity_count', value: '2' },
      ]),
    );
  });

  it('names the dataset, the action and the HTTP status on a refusal, never the key', async () => {
    ckan.refuse('package_create', 409, { name: ['That URL is already in use.'], __type: 'Validation Error' });
    const failure = await registerManifest({ url: ckan.url, key: 'secret-key' }, manifest(['nct-sstc-2016'])).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RegistryError);
    expect((failure as RegistryError).message).toMatch(
      /^IATI Registry refused package_create of dataset nct-sstc-2016: HTTP 409: .*That URL is already in use/,
    );
    expect((failure as RegistryError).status).toBe(409);
    expect((failure as Error).message).not.toContain('secret-key');

    ckan.refuse('package_show', 403, { message: 'Access denied' });
    await expect(registerManifest({ url: ckan.url, key: 'wrong' }, manifest(['nct-sstc-2017']))).rejects.toThrow(
      /refused package_show of dataset nct-sstc-2017: HTTP 403: .*Access denied/,
    );
  });

  it('gives up after the timeout, and says why when the Registry is out of reach', async () => {
    ckan.stall('package_show');
    await expect(registerManifest({ url: ckan.url, key: null, timeoutMs: 200 }, manifest(['nct-sstc-2016']))).rejects.toThrow(
      'IATI Registry package_show of dataset nct-sstc-2016 failed: no answer within 0.2 s',
    );
    const url = ckan.url;
    await ckan.close();
    ckan = await startFakeCkan();
    await expect(registerManifest({ url, key: null, timeoutMs: 2000 }, manifest(['nct-sstc-2016']))).rejects.toThrow(
      /package_show of dataset nct-sstc-2016 failed: .*ECONNREFUSED/,
    );
  });
});
