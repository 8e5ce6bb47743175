import { describe, expect, it } from 'vitest';
import {
  datasetName,
  groupsWithin,
  manifestOf,
  registryNameProblem,
  registryPackage,
  registryTimestamp,
  splitActivities,
  type PublishedDataset,
} from './publication.js';

const sized = (year: number, ...bytes: number[]) => bytes.map((b) => ({ year, bytes: b }));

describe('dataset names', () => {
  it('joins publisher and suffix and accepts only what the IATI Registry accepts', () => {
    expect(datasetName('nct-sstc', '2018')).toBe('nct-sstc-2018');
    expect(datasetName('nct_sstc', 'org')).toBe('nct_sstc-org');
    expect(() => datasetName('NCT', '2018')).toThrow(/"N" "C" "T".*only a-z, 0-9, - and _/);
    expect(() => datasetName('nct sstc', 'org')).toThrow(/" "/);
    expect(() => datasetName('nct', 'activités')).toThrow(/"é"/);
    expect(() => datasetName('a'.repeat(90), 'activities')).toThrow(/longer than 100 characters \(101\)/);
    expect(datasetName('a'.repeat(89), 'activities')).toHaveLength(100);
    expect(registryNameProblem('x')).toMatch(/shorter than 2/);
    expect(registryNameProblem('nct-sstc-2018-1')).toBeNull();
  });
});

describe('splitting activities into files', () => {
  it('keeps everything in one file when it fits', () => {
    expect(splitActivities([...sized(2016, 10, 10), ...sized(2017, 10)], 5, 35)).toEqual([
      { suffix: 'activities', start: 0, end: 3, year: null, bytes: 30 },
    ]);
    expect(splitActivities([], 5, 35)).toEqual([]);
  });

  it('splits by year, and a year over the limit into numbered parts, never cutting an activity', () => {
    const parts = splitActivities([...sized(2016, 10, 10), ...sized(2017, 20, 20, 20, 15), ...sized(2018, 30)], 5, 50);
    expect(parts).toEqual([
      { suffix: '2016', start: 0, end: 2, year: 2016, bytes: 20 },
      { suffix: '2017-1', start: 2, end: 4, year: 2017, bytes: 40 },
      { suffix: '2017-2', start: 4, end: 6, year: 2017, bytes: 35 },
      { suffix: '2018', start: 6, end: 7, year: 2018, bytes: 30 },
    ]);
    for (const p of parts) expect(p.bytes + 5).toBeLessThanOrEqual(50);
  });

  it('gives an activity bigger than the limit a file of its own', () => {
    expect(groupsWithin([10, 80, 10], 5, 50)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(splitActivities(sized(2016, 10, 80, 10), 5, 50).map((p) => p.suffix)).toEqual(['2016-1', '2016-2', '2016-3']);
  });

  it('gives the same files for the same list, and refuses one out of year order', () => {
    const list = Array.from({ length: 500 }, (_, i) => ({ year: 2010 + Math.floor(i / 60), bytes: 100 + ((i * 37) % 400) }));
    expect(splitActivities(list, 120, 5000)).toEqual(splitActivities([...list], 120, 5000));
    const parts = splitActivities(list, 120, 5000);
    expect(parts.map((p) => p.end - p.start).reduce((a, b) => a + b, 0)).toBe(500);
    for (const p of parts) expect(p.bytes + 120).toBeLessThanOrEqual(5000);
    expect(() => splitActivities([...sized(2017, 1), ...sized(2016, 1)], 0, 10)).toThrow(/ordered by year/);
  });
});

describe('manifest and Registry metadata', () => {
  const publisher = { ref: 'ID-NCT-SSTC', registryName: 'nct-sstc', nameEn: 'NCT', nameId: 'Tim' };
  const dataset = (name: string, lastUpdated: string): PublishedDataset => ({
    name,
    title: `NCT: ${name}`,
    kind: 'activity',
    fileName: `${name}.xml`,
    url: `https://x.example/iati/${name}.xml`,
    lastUpdated,
    activityCount: 3,
    country: 'TL',
    bytes: 100,
    sha256: 'ab',
  });

  it('dates the manifest by its newest data, not the clock', () => {
    const m = manifestOf(publisher, [
      dataset('nct-sstc-2016', '2024-01-02T03:04:05.000Z'),
      dataset('nct-sstc-2017', '2025-06-01T00:00:00.000Z'),
    ]);
    expect(m.lastUpdated).toBe('2025-06-01T00:00:00.000Z');
    expect(manifestOf(publisher, []).lastUpdated).toBeNull();
  });

  it('describes a dataset as a CKAN package with the IATI extras', () => {
    const pkg = registryPackage(
      publisher,
      dataset('nct-sstc-2016', '2024-01-02T03:04:05.000Z'),
      'https://x.example/iati/nct-sstc-2016.xml',
    );
    expect(pkg).toMatchObject({
      name: 'nct-sstc-2016',
      owner_org: 'nct-sstc',
      resources: [{ url: 'https://x.example/iati/nct-sstc-2016.xml', format: 'IATI-XML' }],
    });
    const extras = Object.fromEntries(pkg.extras.map((e) => [e.key, e.value]));
    expect(extras).toMatchObject({
      filetype: 'activity',
      country: 'TL',
      data_updated: '2024-01-02 03:04',
      activity_count: '3',
      verified: 'no',
    });
    expect(registryTimestamp('2024-01-02T03:04:05.000Z')).toBe('2024-01-02 03:04');
  });
});
