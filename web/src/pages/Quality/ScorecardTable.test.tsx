// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QualityScorecard } from '../../api/quality-queries.js';
import { initI18n, setLanguage } from '../../i18n/index.js';
import { ScorecardTable } from './ScorecardTable.js';

const dims = (c: number | null, t: number | null, k: number | null) => [
  { dimension: 'completeness' as const, passed: 0, applicable: 0, score: c },
  { dimension: 'timeliness' as const, passed: 0, applicable: 0, score: t },
  { dimension: 'consistency' as const, passed: 0, applicable: 0, score: k },
];
const base = { passed: 0, applicable: 0, programsWithRequiredFindings: 0, rules: [], mostToFix: [] };
const card: QualityScorecard = {
  year: 2017,
  implementingOrg: null,
  evaluatedOn: '2026-12-07',
  rulesEnabled: 27,
  total: { ...base, programs: 3, programsWithFindings: 2, score: 57.8, dimensions: dims(55.6, 50, 61.9) },
  agencies: [
    {
      ...base,
      implementingOrg: 'ID-KKP',
      nameEn: 'Ministry of Marine Affairs and Fisheries',
      nameId: 'Kementerian Kelautan dan Perikanan',
      programs: 2,
      programsWithFindings: 2,
      score: 42.5,
      dimensions: dims(40, null, 45),
    },
    {
      ...base,
      implementingOrg: null,
      nameEn: null,
      nameId: null,
      programs: 1,
      programsWithFindings: 0,
      score: null,
      dimensions: dims(null, null, null),
    },
  ],
};

describe('ScorecardTable', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('shows each agency with its scores, no score where no rule applies, and opens an agency when its name is chosen', async () => {
    await setLanguage('id');
    const chosen: string[] = [];
    render(<ScorecardTable card={card} selected={undefined} onSelect={(a) => chosen.push(a)} />);
    expect(screen.getByRole('columnheader', { name: 'Ketepatan waktu' })).toBeDefined();
    const kkp = screen.getByRole('row', { name: /Kementerian Kelautan dan Perikanan/ });
    expect(kkp.textContent).toContain('42,5');
    expect(kkp.textContent).toContain('tidak ada aturan yang berlaku'); // timeliness: no score
    expect(screen.getByRole('row', { name: /Semua K\/L/ }).textContent).toContain('57,8');
    fireEvent.click(screen.getByRole('button', { name: 'Kementerian Kelautan dan Perikanan' }));
    fireEvent.click(screen.getByRole('button', { name: '(tanpa K/L pelaksana)' }));
    expect(chosen).toEqual(['ID-KKP', '']);
  });
});
