// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedDetail } from '../../api/other-provider-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { ImportedFields, SourceBlock, WarningsTable } from './ImportedActivityView.js';

const activity: ImportedDetail = {
  id: 4,
  identifier: 'XM-DAC-7-1-2019/01',
  title: 'Rural clinics',
  year: 2019,
  activityStatus: 2,
  publisherId: 3,
  publisherRef: 'XM-DAC-7',
  publisherName: 'Netherlands MFA',
  datasetId: 9,
  fileName: 'nl-tl.xml',
  importedAt: '2026-12-03T08:15:00.000Z',
  warningCount: 1,
  prefixOk: true,
  promotedProgramId: null,
  line: 12,
  record: {
    data: {
      identifier: 'XM-DAC-7-1-2019/01',
      titleEn: 'Rural clinics',
      titleId: null,
      descriptionEn: 'Clinics in three districts.',
      descriptionId: null,
      activityStatus: 'implementation',
      plannedStart: '2019-02-01',
      plannedEnd: '2021-12-31',
      actualStart: null,
      actualEnd: null,
      recipients: [
        { country: 'TL', percentage: 60 },
        { country: 'PG', percentage: 40 },
      ],
      budgets: [
        { type: 1, status: 2, periodStart: '2019-01-01', periodEnd: '2020-06-30', amountMinor: 50000000, currency: 'EUR', valueDate: null },
      ],
      transactions: [
        { type: '3', date: '2019-05-02', amountMinor: 1250050, currency: 'EUR', valueDate: null, description: 'first tranche' },
      ],
      sectors: [],
      sdgs: [],
    },
    implementing: { ref: null, name: 'Health NGO', type: '22' },
    partners: [{ org: { ref: 'XM-DAC-7', name: 'Netherlands MFA', type: '10' }, iatiRole: 1, sscRole: 'provider' }],
    details: { reportingOrg: { ref: 'XM-DAC-7', type: '10', name: 'Netherlands MFA' } },
  },
  warnings: [
    {
      field: 'budget 1 / period-end',
      code: 'budget_period',
      rule: '7.5.3',
      message: 'the budget period must not be longer than a year',
    },
  ],
  sectors: [{ vocabulary: '1', code: '12220', percentage: 100 }],
};

describe('an imported activity', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('says where it came from: publisher, file, line and day', async () => {
    await setLanguage('en');
    render(<SourceBlock a={activity} />);
    expect(document.body.textContent).toBe('Imported from Netherlands MFA (XM-DAC-7), file nl-tl.xml, line 12, on 3 Dec 2026.');
  });

  it('lists its warnings with the IATI rule', () => {
    render(<WarningsTable warnings={activity.warnings} />);
    expect(screen.getByRole('heading', { name: '1 warning' })).toBeDefined();
    const table = screen.getByRole('table', { name: 'The IATI rules this activity breaks' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Element', 'IATI rule', 'Reason']);
    expect(
      within(table)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['budget 1 / period-end', '7.5.3', 'the budget period must not be longer than a year']);
  });

  it('shows its fields as published: recipients with shares, DAC sector names, money, organisations and roles', () => {
    render(<ImportedFields a={activity} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('Timor-Leste 60%, Papua New Guinea 40%');
    expect(text).toContain('12220 Basic health care');
    expect(text).toContain('1 Jan 2019 – 30 Jun 2020: EUR 500,000.00');
    expect(text).toContain('Disbursement: EUR 12,500.50 — first tranche');
    expect(text).toContain('Implementation');
    const orgs = screen.getByRole('table', { name: 'Participating organisations' });
    expect(
      within(orgs)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Health NGOImplementing', 'Netherlands MFA (XM-DAC-7)Funding']);
  });

  it('speaks Indonesian, with the Indonesian plural', async () => {
    await setLanguage('id');
    render(
      <>
        <SourceBlock a={activity} />
        <WarningsTable warnings={activity.warnings} />
      </>,
    );
    expect(document.body.textContent).toContain('Diimpor dari Netherlands MFA (XM-DAC-7), berkas nl-tl.xml, baris 12, pada 3 Des 2026.');
    expect(screen.getByRole('heading', { name: '1 peringatan' })).toBeDefined();
    await setLanguage('en');
  });
});
