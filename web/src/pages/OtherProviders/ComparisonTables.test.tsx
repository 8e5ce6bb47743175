// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderComparison } from '../../api/other-provider-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { ComparisonTables } from './ComparisonTables.js';
import { sectorRows, yearRows } from './comparison-table.js';

const comparison: ProviderComparison = {
  country: 'TL',
  fromYear: 2019,
  toYear: 2021,
  providers: [
    {
      publisherId: null,
      publisher: 'National Coordination Team for South-South and Triangular Cooperation',
      ref: null,
      own: true,
      years: [{ year: 2019, activities: 2, budgetUsd: 1500, spendUsd: 700 }],
      sectors: [{ vocabulary: '1', code: '12220', activities: 1 }],
      unconverted: [],
    },
    {
      publisherId: 7,
      publisher: 'Japan International Cooperation Agency',
      ref: 'JP-8',
      own: false,
      years: [
        { year: 2019, activities: 1, budgetUsd: 0, spendUsd: 0 },
        { year: 2021, activities: 3, budgetUsd: 250000, spendUsd: 120000.5 },
      ],
      sectors: [
        { vocabulary: '1', code: '11220', activities: 3 },
        { vocabulary: '1', code: '12220', activities: 1 },
      ],
      unconverted: [{ year: 2020, currency: 'XOF', budgetMinor: 123456, spendMinor: 0 }],
    },
  ],
};

describe('the comparison of providers', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('lays out every year of the range, with zeros for a provider silent that year', () => {
    const rows = yearRows(comparison);
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2021]);
    expect(rows[1]?.cells).toEqual([
      { year: 2020, activities: 0, budgetUsd: 0, spendUsd: 0 },
      { year: 2020, activities: 0, budgetUsd: 0, spendUsd: 0 },
    ]);
    expect(rows[2]?.cells[1]).toMatchObject({ activities: 3, budgetUsd: 250000 });
  });

  it('puts the sectors of all providers side by side, the most frequent first', () => {
    expect(sectorRows(comparison)).toEqual([
      { vocabulary: '1', code: '11220', activities: [0, 3], total: 3 },
      { vocabulary: '1', code: '12220', activities: [1, 1], total: 2 },
    ]);
  });

  it('shows the own programs first, a column group per provider, DAC sector names and the unconverted amounts', async () => {
    await setLanguage('en');
    render(<ComparisonTables c={comparison} />);
    const byYear = screen.getByRole('table', { name: 'By year' });
    const groups = within(byYear)
      .getAllByRole('columnheader')
      .filter((th) => th.getAttribute('scope') === 'colgroup');
    expect(groups.map((g) => g.textContent)).toEqual(['Indonesia (own programs)', 'Japan International Cooperation Agency (JP-8)']);
    expect(groups[0]?.getAttribute('title')).toBe('National Coordination Team for South-South and Triangular Cooperation');
    const y2021 = within(byYear).getByRole('rowheader', { name: '2021' }).closest('tr');
    expect([...(y2021?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['0', '0', '0', '3', '250,000', '120,001']);
    const sectors = screen.getByRole('table', { name: 'Sectors (activities)' });
    expect(
      within(sectors)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['11220 Primary education', '12220 Basic health care']);
    const unconverted = screen.getByRole('table', { name: 'Amounts not converted' });
    expect(
      within(unconverted)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Japan International Cooperation Agency (JP-8)', '2020', 'XOF', '1,234.56', '0.00']);
    expect(document.body.textContent).toContain('no exchange rate for their currency in that year');
  });

  it('speaks Indonesian, and has no unconverted section when every amount converts', async () => {
    await setLanguage('id');
    render(<ComparisonTables c={{ ...comparison, providers: comparison.providers.map((p) => ({ ...p, unconverted: [] })) }} />);
    // In the years' table (its column group) and in the sectors' table.
    expect(screen.getAllByRole('columnheader', { name: 'Indonesia (program sendiri)' })).toHaveLength(2);
    expect(screen.getByRole('table', { name: 'Per tahun' })).toBeDefined();
    expect(screen.queryByRole('table', { name: 'Jumlah yang tidak dikonversi' })).toBeNull();
    await setLanguage('en');
  });
});
