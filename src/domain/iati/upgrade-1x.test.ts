import { describe, expect, it } from 'vitest';
import type { RawIatiActivity } from './raw-activity.js';
import {
  upgradeActivity1x,
  upgradeActivityDateType,
  upgradeOrganisationRole,
  upgradeSectorVocabulary,
  upgradeTransactionType,
} from './upgrade-1x.js';

describe('IATI 1.0x → 2.01 code upgrade', () => {
  it('turns the 1.0x word codes into the 2.01 numbers IATI published', () => {
    expect(['start-planned', 'start-actual', 'end-planned', 'end-actual'].map(upgradeActivityDateType)).toEqual(['1', '2', '3', '4']);
    expect(['Funding', 'Accountable', 'Extending', 'Implementing'].map(upgradeOrganisationRole)).toEqual(['1', '2', '3', '4']);
    expect(['IF', 'C', 'D', 'E', 'IR', 'LR', 'R', 'QP', 'QS', 'CG'].map(upgradeTransactionType)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  it('maps sector vocabularies by meaning, as the 2.01 SectorVocabulary codelist defines them', () => {
    expect(['DAC', 'DAC-3', 'COFOG', 'NACE', 'NTEE', 'ADT', 'RO', 'RO2'].map(upgradeSectorVocabulary)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '99',
      '98',
    ]);
  });

  it('ignores case and surrounding spaces, and keeps codes it does not know as written', () => {
    expect(upgradeOrganisationRole(' funding ')).toBe('1');
    expect(upgradeActivityDateType('Start-Planned')).toBe('1');
    expect(upgradeTransactionType('d')).toBe('3');
    expect(upgradeSectorVocabulary('dac-3')).toBe('2');
    // No 2.01 equivalent, already numeric, or unknown: unchanged.
    expect(upgradeSectorVocabulary('WB')).toBe('WB');
    expect(upgradeSectorVocabulary('ISO')).toBe('ISO');
    expect(upgradeTransactionType('Q3')).toBe('Q3');
    expect(upgradeOrganisationRole('4')).toBe('4');
    expect(upgradeOrganisationRole('Sponsoring')).toBe('Sponsoring');
    expect(upgradeActivityDateType(null)).toBeNull();
  });

  it('upgrades an activity as read into a new record and leaves the one read unchanged', () => {
    const raw: RawIatiActivity = {
      line: 4,
      identifier: 'XX-1-A',
      defaultLang: 'en',
      defaultCurrency: 'USD',
      lastUpdated: null,
      reportingOrg: null,
      titles: { en: 'T' },
      descriptions: [],
      participatingOrgs: [{ ref: 'XX-1', role: 'Funding', type: '10', names: { en: 'Ministry' } }],
      status: '2',
      dates: [{ type: 'start-actual', isoDate: '2012-03-01' }],
      recipientCountries: [],
      recipientRegions: [{ code: '289', vocabulary: '1', percentage: null }],
      sectors: [{ vocabulary: 'DAC', code: '11110', percentage: '100' }],
      tags: [],
      collaborationType: '1',
      defaultAidType: 'D02',
      budgets: [],
      transactions: [
        {
          type: 'D',
          date: '2012-04-01',
          value: '10',
          currency: null,
          valueDate: null,
          description: {},
          recipientCountry: null,
          sectors: [{ vocabulary: 'DAC-3', code: '111' }],
        },
      ],
    };
    const before = structuredClone(raw);
    const up = upgradeActivity1x(raw);
    expect(raw).toEqual(before);
    expect(up.participatingOrgs[0]?.role).toBe('1');
    expect(up.dates[0]).toEqual({ type: '2', isoDate: '2012-03-01' });
    expect(up.sectors[0]?.vocabulary).toBe('1');
    expect(up.transactions[0]).toMatchObject({ type: '3', sectors: [{ vocabulary: '2', code: '111' }] });
    expect(up.recipientRegions).toEqual(raw.recipientRegions);
  });
});
