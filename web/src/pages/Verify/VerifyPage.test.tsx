// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { VerificationAnswer } from './VerifyPage.js';

const valid = {
  status: 'valid' as const,
  number: 'MITRA-2026-12-345-96',
  fullName: 'Wanjiru Kamau',
  programTitleEn: 'International training on aquaculture',
  programTitleId: 'Pelatihan internasional budi daya perikanan',
  startDate: '2026-03-02',
  endDate: '2026-03-11',
};

describe('VerificationAnswer', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('shows a valid certificate in Indonesian with the other title below', async () => {
    await setLanguage('id');
    render(<VerificationAnswer v={valid} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Sah');
    expect(text).toContain('Wanjiru Kamau');
    expect(text.indexOf('Pelatihan internasional budi daya perikanan')).toBeLessThan(text.indexOf('International training on aquaculture'));
    expect(text).toContain('2 Mar 2026');
    expect(screen.getByText('MITRA-2026-12-345-96').tagName).toBe('CODE');
  });

  it('says a revoked certificate is revoked, and names nobody for an erased person', async () => {
    await setLanguage('en');
    render(<VerificationAnswer v={{ ...valid, status: 'revoked' }} />);
    expect(document.body.textContent).toContain('has since been revoked');
    cleanup();
    render(
      <VerificationAnswer
        v={{ ...valid, status: 'invalid', fullName: null, programTitleEn: null, programTitleId: null, startDate: null, endDate: null }}
      />,
    );
    expect(document.body.textContent).toContain('Not valid');
    expect(screen.queryByText('Name')).toBeNull();
  });
});
