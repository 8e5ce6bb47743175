// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatedApiToken } from '../../api/api-token-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { CreatedToken } from './ApiTokenForm.js';

const TOKEN = `mitra_0a1b2c3d_${'x'.repeat(43)}`;
const created: CreatedApiToken = {
  token: TOKEN,
  apiToken: {
    id: 1,
    name: 'bappenas-planning',
    orgCode: 'ID-BAPPENAS',
    role: 'coordinator',
    scopes: ['read'],
    prefix: '0a1b2c3d',
    createdByLabel: 'admin@example.org',
    createdAt: '2026-11-28T09:00:00.000Z',
    expiresAt: '2027-02-26T00:00:00.000Z',
    revokedAt: null,
    lastUsedAt: null,
    state: 'active',
    version: 1,
  },
};

describe('the token shown once', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('shows the token with a warning and copies it to the clipboard', async () => {
    await setLanguage('en');
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CreatedToken created={created} onDone={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Token bappenas-planning created' })).toBeTruthy();
    expect(screen.getByLabelText('Token')).toHaveProperty('value', TOKEN);
    expect(document.body.textContent).toContain('it is shown only this once');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(TOKEN);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Copied.');
  });

  it('speaks Indonesian', async () => {
    await setLanguage('id');
    render(<CreatedToken created={created} onDone={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Token bappenas-planning dibuat' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Salin' })).toBeTruthy();
  });
});
