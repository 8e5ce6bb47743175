import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeCliOnEachEngine, runMitra } from '../testing/cli.js';
import { startFakeCkan, type FakeCkan } from '../testing/fake-ckan.js';

let ckan: FakeCkan;
beforeAll(async () => {
  ckan = await startFakeCkan();
});
afterAll(() => ckan.close());

describeCliOnEachEngine(
  'mitra iati publish to the IATI Registry',
  (_mitra, env) => {
    const publish = (args: string[], extra: Record<string, string> = {}) =>
      runMitra(['iati', 'publish', ...args], {
        ...env(),
        MITRA_PUBLIC_URL: 'https://mitra.example.go.id',
        MITRA_IATI_REGISTRY_KEY: 'registry-secret',
        ...extra,
      });

    it('writes the files, then creates or updates each dataset on the Registry configured', async () => {
      ckan.reset();
      const dir = join(mkdtempSync(join(tmpdir(), 'mitra-registry-')), 'iati');
      const first = await publish(['--out', dir, '--max-file-mb', '0.05'], { MITRA_IATI_REGISTRY_URL: ckan.url });
      expect(first.code, first.err).toBe(0);
      const names = [...ckan.packages.keys()];
      expect(names.length).toBeGreaterThan(1);
      expect(first.out).toContain(`IATI Registry: created ${names[0]}`);
      const create = ckan.requests.find((r) => r.path === '/api/action/package_create')!;
      expect(create.method).toBe('POST');
      expect(create.headers.authorization).toBe('registry-secret');
      expect(create.headers['content-type']).toBe('application/json');
      expect(create.body).toMatchObject({
        name: names[0],
        owner_org: 'nct-sstc',
        resources: [{ url: `https://mitra.example.go.id/iati/${names[0]}.xml`, format: 'IATI-XML' }],
      });
      const extras = Object.fromEntries((create.body.extras as Array<{ key: string; value: string }>).map((e) => [e.key, e.value]));
      expect(extras).toMatchObject({ filetype: 'activity', verified: 'no', language: 'en', iati_version: '2.03' });
      expect(Number(extras.activity_count)).toBeGreaterThan(0);
      expect(extras.data_updated).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(first.out + first.err).not.toContain('registry-secret');

      // --url instead of the configuration; known datasets are updated.
      ckan.requests.length = 0;
      const second = await publish(['--out', dir, '--max-file-mb', '0.05', '--url', ckan.url]);
      expect(second.code, second.err).toBe(0);
      expect(ckan.requests.filter((r) => r.path === '/api/action/package_update')).toHaveLength(names.length);
      expect(ckan.requests.some((r) => r.path === '/api/action/package_create')).toBe(false);
    });

    it('says which dataset the Registry refused, with its status, and fails', async () => {
      ckan.reset();
      ckan.refuse('package_create', 403, { message: 'Access denied: user not authorized to add dataset to nct-sstc' });
      const dir = join(mkdtempSync(join(tmpdir(), 'mitra-registry-')), 'iati');
      const run = await publish(['--out', dir, '--url', ckan.url]);
      expect(run.code).toBe(6);
      expect(run.err).toMatch(
        /error: IATI Registry refused package_create of dataset nct-sstc-activities: HTTP 403: .*Access denied: user not authorized/,
      );
      expect(run.err).not.toContain('registry-secret');
      // The files are written all the same: the Registry only points at them.
      expect(run.out).toMatch(/^published 2 dataset\(s\)/);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
