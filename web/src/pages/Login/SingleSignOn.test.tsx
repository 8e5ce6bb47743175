// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { SingleSignOn } from './SingleSignOn.js';

describe('SingleSignOn', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('links to the provider, asking to come back to the page the user was reading', async () => {
    await setLanguage('en');
    render(<SingleSignOn label="SSO Kemlu" startUrl="/api/v1/auth/oidc/start" redirect="/programs?year=2026" error={undefined} />);
    const link = screen.getByRole('link', { name: 'Sign in with SSO Kemlu' });
    expect(link.getAttribute('href')).toBe('/api/v1/auth/oidc/start?redirect=%2Fprograms%3Fyear%3D2026');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why a sign-in was refused, in the language shown, and a generic reason for an unknown code', async () => {
    await setLanguage('id');
    render(<SingleSignOn label="SSO Kemlu" startUrl="/api/v1/auth/oidc/start" redirect="/" error="oidc.no_role" />);
    expect(screen.getByRole('alert').textContent).toContain('tidak memberi peran di Mitra');
    expect(screen.getByRole('link', { name: 'Masuk dengan SSO Kemlu' }).getAttribute('href')).toBe('/api/v1/auth/oidc/start');
    cleanup();
    await setLanguage('en');
    render(<SingleSignOn label="X" startUrl="/s" redirect="/" error="oidc.invalid_answer" />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Single sign-on did not succeed. Try again; if it fails again, tell your administrator.',
    );
  });
});
