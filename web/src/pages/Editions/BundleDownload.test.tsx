// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../api/client.js';
import { canEditions } from '../../auth/edition-rules.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { BundleDownload } from './BundleDownload.js';

describe('BundleDownload', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('links the edition’s bundle as a download, described by what it holds', async () => {
    await setLanguage('en');
    render(<BundleDownload year={2018} number={2} />);
    const link = screen.getByRole('link', { name: 'Download bundle (ZIP)' });
    expect(link.getAttribute('href')).toBe('/api/v1/editions/2018/2/bundle.zip');
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.getAttribute('aria-describedby')).toBe('edition-2018-2-bundle');
    expect(document.getElementById('edition-2018-2-bundle')?.textContent).toMatch(
      /annual report \(PDF and XLSX, Indonesian and English\), the IATI files, the TOSSD, SEGIB and UN files/,
    );
  });

  it('speaks Indonesian', async () => {
    await setLanguage('id');
    render(<BundleDownload year={2018} number={1} />);
    expect(screen.getByRole('link', { name: 'Unduh paket (ZIP)' }).getAttribute('href')).toBe('/api/v1/editions/2018/1/bundle.zip');
    expect(document.body.textContent).toContain('laporan tahunan (PDF dan XLSX, bahasa Indonesia dan Inggris)');
  });

  it('is offered to signed-in users, never to the public', () => {
    const user: User = {
      id: 7,
      email: 'officer@agency.test',
      name: 'Agency officer',
      role: 'agency',
      orgCode: 'ID-KEMLU',
      disabled: false,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      lastLoginAt: null,
      version: 1,
    };
    expect([canEditions.bundle(null), canEditions.bundle(user)]).toEqual([false, true]);
  });
});
