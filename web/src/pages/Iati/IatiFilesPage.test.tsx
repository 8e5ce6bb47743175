// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IatiManifest } from '../../api/iati-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { DatasetTable, describeDataset } from './IatiFilesPage.js';

const dataset = (name: string, activityCount: number, bytes: number, lastUpdated: string) => ({
  name,
  title: `NCT: ${name}`,
  kind: 'activity' as const,
  fileName: `${name}.xml`,
  url: `https://mitra.example.go.id/iati/${name}.xml`,
  lastUpdated,
  activityCount,
  country: null,
  bytes,
  sha256: 'ab',
});

const manifest: IatiManifest = {
  publisher: {
    ref: 'ID-NCT-SSTC',
    registryName: 'nct-sstc',
    nameEn: 'National Coordination Team',
    nameId: 'Tim Koordinasi Nasional',
  },
  iatiVersion: '2.03',
  lastUpdated: '2025-03-04T05:06:07.000Z',
  datasets: [
    dataset('nct-sstc-2017', 13, 40_919, '2024-01-02T03:04:05.000Z'),
    dataset('nct-sstc-2018-1', 1200, 3 * 1024 * 1024 + 1, '2025-03-04T05:06:07.000Z'),
  ],
};

describe('the published IATI data page', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('lists each file with a link, what it holds, its count, size and last change', async () => {
    await setLanguage('en');
    render(<DatasetTable manifest={manifest} />);
    const link = screen.getByRole('link', { name: 'nct-sstc-2018-1.xml' });
    expect(link.getAttribute('href')).toBe('/iati/nct-sstc-2018-1.xml');
    expect(screen.getByRole('link', { name: 'List of files (JSON)' }).getAttribute('href')).toBe('/iati/manifest.json');
    const text = document.body.textContent ?? '';
    expect(text).toContain('Publisher: National Coordination Team (ID-NCT-SSTC).');
    expect(text).toContain('Activities of 2018, part 1');
    expect(text).toContain('1,200');
    expect(text).toContain('3.0 MB');
    expect(text).toContain('40 kB');
    expect(text).toContain('4 Mar 2025');
  });

  it('speaks Indonesian', async () => {
    await setLanguage('id');
    render(<DatasetTable manifest={manifest} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Penerbit: Tim Koordinasi Nasional (ID-NCT-SSTC).');
    expect(text).toContain('Kegiatan tahun 2017');
    expect(text).toContain('Kegiatan tahun 2018, bagian 1');
    expect(screen.getByRole('columnheader', { name: 'Terakhir diperbarui' })).toBeTruthy();
  });

  it('tells what a dataset holds from its name', () => {
    expect(describeDataset({ name: 'nct-sstc-activities', kind: 'activity' })).toEqual({ key: 'all' });
    expect(describeDataset({ name: 'nct-sstc-2016', kind: 'activity' })).toEqual({ key: 'year', year: '2016' });
    expect(describeDataset({ name: 'nct-sstc-org', kind: 'organisation' })).toEqual({ key: 'organisation' });
  });
});
