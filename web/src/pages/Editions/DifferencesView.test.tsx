// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EditionDifferences } from '../../api/edition-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { DifferencesView } from './DifferencesView.js';

const diff: EditionDifferences = {
  figures: [
    { path: 'participants', before: 125, after: 135 },
    { path: 'topRecipients[country=FJ].programs', before: 1 },
  ],
  added: [{ id: 9, identifier: 'ID-KEMLU-2018-09', titleEn: 'Seminar on SMEs', titleId: 'Seminar UMKM' }],
  removed: [],
  changed: [
    {
      id: 3,
      identifier: 'ID-KEMLU-2018-03',
      titleEn: 'Workshop',
      titleId: 'Lokakarya',
      versionBefore: 1,
      versionAfter: 2,
      fields: [{ field: 'recipients', before: ['TL'], after: ['TL', 'PG'] }],
    },
  ],
};

describe('DifferencesView', () => {
  beforeAll(async () => {
    await initI18n();
  });
  afterEach(cleanup);

  it('lists each figure with both values, a missing row as a dash, and the programs added and changed', async () => {
    await setLanguage('en');
    render(<DifferencesView d={diff} beforeLabel="Edition 1" afterLabel="Live" />);
    expect(screen.getByText('2 figures, 1 programs added, 0 removed, 1 changed')).toBeTruthy();
    const figures = screen.getByRole('table', { name: 'Figures that differ' });
    const rows = within(figures)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['FigureEdition 1Live', 'participants125135', 'topRecipients[country=FJ].programs1—']);
    expect(screen.getByRole('table', { name: 'Programs added' }).textContent).toContain('ID-KEMLU-2018-09 Seminar on SMEs');
    expect(screen.queryByRole('table', { name: 'Programs removed' })).toBeNull();
    const changed = within(screen.getByRole('table', { name: 'Programs changed' })).getAllByRole('row');
    expect(changed[1]?.textContent).toBe('ID-KEMLU-2018-03 Workshoprecipients["TL"]["TL","PG"]');
  });

  it('speaks Indonesian', async () => {
    await setLanguage('id');
    render(<DifferencesView d={diff} beforeLabel="Edisi 1" afterLabel="Terkini" />);
    expect(screen.getByRole('table', { name: 'Angka yang berbeda' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Program yang berubah' }).textContent).toContain('Lokakarya');
  });
});
