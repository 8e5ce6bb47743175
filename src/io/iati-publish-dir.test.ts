import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetPlan, PublicationPlan } from './iati-publication.js';
import { readPublication, writePublication } from './iati-publish-dir.js';

const dataset = (name: string, document: DatasetPlan['document']): DatasetPlan => ({
  name,
  title: name,
  kind: 'activity',
  fileName: `${name}.xml`,
  activityCount: 1,
  lastUpdated: '2025-01-01T00:00:00.000Z',
  country: null,
  expectedBytes: null,
  document,
});

const plan = (...datasets: DatasetPlan[]): PublicationPlan => ({
  publisher: { ref: 'ID-NCT-SSTC', registryName: 'nct-sstc', nameEn: 'NCT', nameId: null },
  datasets,
  undated: [],
  oversized: [],
  checks: { activities: 0, withErrors: 0, withWarnings: 0, rules: [], organisation: [] },
});

async function* chunks(...parts: string[]) {
  yield* parts;
}

describe('the publish directory', () => {
  it('writes the files and the manifest, switches a link to them, and keeps nothing of the set before', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mitra-publish-dir-'));
    const dir = join(parent, 'iati');
    // A plain folder from before, with a file of a dataset that no longer exists.
    mkdirSync(dir);
    writeFileSync(join(dir, 'nct-sstc-2015.xml'), '<old/>');
    const first = await writePublication(plan(dataset('nct-sstc-2016', () => chunks('<a>', 'é</a>'))), dir, 'https://x.example/');
    expect(first.changed).toBe(true);
    expect(lstatSync(dir).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'nct-sstc-2016.xml']);
    expect(readFileSync(join(dir, 'nct-sstc-2016.xml'), 'utf8')).toBe('<a>é</a>');
    expect(first.manifest.datasets[0]).toMatchObject({ bytes: 9, url: 'https://x.example/iati/nct-sstc-2016.xml' });
    expect((await readPublication(dir))!.manifest).toEqual(first.manifest);

    const again = await writePublication(plan(dataset('nct-sstc-2016', async () => '<a>é</a>')), dir, 'https://x.example/');
    expect(again.changed).toBe(false);
    const next = await writePublication(plan(dataset('nct-sstc-2017', async () => '<b/>')), dir, null);
    expect(next.changed).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'nct-sstc-2017.xml']);
    expect(readdirSync(parent).sort()).toEqual([expect.stringMatching(/^\.iati\.[0-9a-f]{16}$/), 'iati']);
  });

  it('leaves the published set as it was when writing fails half-way', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mitra-publish-dir-'));
    const dir = join(parent, 'iati');
    await writePublication(plan(dataset('nct-sstc-2016', async () => '<a/>')), dir, null);
    const before = readdirSync(parent).sort();
    async function* failing() {
      yield '<b>';
      throw new Error('programs changed while nct-sstc-2018 was being written; publish again');
    }
    await expect(
      writePublication(
        plan(
          dataset('nct-sstc-2017', async () => '<b/>'),
          dataset('nct-sstc-2018', failing),
        ),
        dir,
        null,
      ),
    ).rejects.toThrow(/publish again/);
    expect(readdirSync(parent).sort()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'nct-sstc-2016.xml']);
  });
});
