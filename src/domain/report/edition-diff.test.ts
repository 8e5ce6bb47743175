import { describe, expect, it } from 'vitest';
import { editionTitle, summaryBlockers, type ProgramSnapshot } from './edition.js';
import { changedFields, editionDifferences, figureDifferences, flattenFigures, hasDifferences, recordDifferences } from './edition-diff.js';
import { buildAnnualSummary, type SummaryAggregates } from './summary.js';

const aggregates = (over: Partial<SummaryAggregates> = {}): SummaryAggregates => ({
  programs: 2,
  countries: 2,
  participantsBySource: [{ source: 'totals', programs: 2, participants: 30 }],
  programsWithSplitTotals: 0,
  programsWithoutRecipients: 0,
  regions: [
    { region: 'asia', programs: 1, countries: 1 },
    { region: 'oceania', programs: 1, countries: 1 },
  ],
  regionParticipants: [
    { region: 'asia', participants: 20 },
    { region: 'oceania', participants: 10 },
  ],
  recipientPrograms: [
    { country: 'TL', programs: 1 },
    { country: 'PG', programs: 1 },
  ],
  recipientParticipants: [
    { country: 'TL', participants: 20 },
    { country: 'PG', participants: 10 },
  ],
  groups: [{ modality: 'training', flagshipArea: 'DEV-AGR', cooperationType: 'bilateral', programs: 2, participants: 30 }],
  partners: [],
  spending: [],
  groupings: [],
  ...over,
});

const program = (over: Partial<ProgramSnapshot> = {}): ProgramSnapshot => ({
  id: 1,
  version: 1,
  identifier: 'ID-KEMLU-2018-001',
  titleEn: 'Training on aquaculture',
  titleId: 'Pelatihan budidaya perikanan',
  lifecycleStage: 'completed',
  modality: 'training',
  flagshipArea: 'DEV-AGR',
  cooperationType: 'bilateral',
  implementingOrg: 'KEMLU',
  plannedStart: '2018-07-15',
  plannedEnd: '2018-07-21',
  actualStart: null,
  actualEnd: null,
  recipients: ['TL'],
  partners: [],
  participants: 20,
  participantsSource: 'totals',
  spending: [{ currency: 'IDR', amountMinor: 150_000_000_00, transactions: 1 }],
  budgets: [],
  updatedAt: '2019-01-10T08:00:00.000Z',
  ...over,
});

describe('flattenFigures', () => {
  it('keys rows of tables by their country or code, and keeps lists of plain values as one leaf', () => {
    const flat = flattenFigures({ a: { b: 1 }, rows: [{ country: 'PG', programs: 3 }], missing: ['usd', 'idr'], list: [{ x: 1 }] });
    expect([...flat.entries()]).toEqual([
      ['a.b', 1],
      ['rows[country=PG].country', 'PG'],
      ['rows[country=PG].programs', 3],
      ['missing', '["usd","idr"]'],
      ['list[0].x', 1],
    ]);
  });
});

describe('figureDifferences', () => {
  it('is empty for the same figures', () => {
    const s = buildAnnualSummary(2018, aggregates());
    expect(figureDifferences(s, buildAnnualSummary(2018, aggregates()))).toEqual([]);
  });

  it('lists each changed figure with both values when one program gains 5 participants in Papua New Guinea', () => {
    const before = buildAnnualSummary(2018, aggregates());
    const after = buildAnnualSummary(
      2018,
      aggregates({
        participantsBySource: [{ source: 'totals', programs: 2, participants: 35 }],
        regionParticipants: [
          { region: 'asia', participants: 20 },
          { region: 'oceania', participants: 15 },
        ],
        recipientParticipants: [
          { country: 'TL', participants: 20 },
          { country: 'PG', participants: 15 },
        ],
        groups: [{ modality: 'training', flagshipArea: 'DEV-AGR', cooperationType: 'bilateral', programs: 2, participants: 35 }],
      }),
    );
    // Hand-checked: total 30 → 35, its source, Oceania 10 → 15, PG 10 → 15, and the three
    // breakdown rows of the one (training, DEV-AGR, bilateral) group 30 → 35. Ranks stay
    // (TL 1 program 20 people before PG 1 program 15 people).
    expect(figureDifferences(before, after)).toEqual([
      { path: 'participants', before: 30, after: 35 },
      { path: 'participantSources.totals.participants', before: 30, after: 35 },
      { path: 'regions.oceania.participants', before: 10, after: 15 },
      { path: 'topRecipients[country=PG].participants', before: 10, after: 15 },
      { path: 'byModality[code=training].participants', before: 30, after: 35 },
      { path: 'byFlagshipArea[code=DEV-AGR].participants', before: 30, after: 35 },
      { path: 'byCooperationType[code=bilateral].participants', before: 30, after: 35 },
    ]);
  });

  it('shows a recipient that appears or disappears as figures without a value on one side', () => {
    const before = buildAnnualSummary(2018, aggregates());
    const after = buildAnnualSummary(
      2018,
      aggregates({
        countries: 1,
        recipientPrograms: [{ country: 'TL', programs: 1 }],
        recipientParticipants: [{ country: 'TL', participants: 20 }],
      }),
    );
    const diff = figureDifferences(before, after);
    expect(diff[0]).toEqual({ path: 'countries', before: 2, after: 1 });
    expect(diff.filter((d) => d.path.startsWith('topRecipients[country=PG]'))).toEqual([
      { path: 'topRecipients[country=PG].rank', before: 2, after: undefined },
      { path: 'topRecipients[country=PG].country', before: 'PG', after: undefined },
      { path: 'topRecipients[country=PG].nameEn', before: 'Papua New Guinea', after: undefined },
      { path: 'topRecipients[country=PG].nameId', before: 'Papua Nugini', after: undefined },
      { path: 'topRecipients[country=PG].region', before: 'oceania', after: undefined },
      { path: 'topRecipients[country=PG].programs', before: 1, after: undefined },
      { path: 'topRecipients[country=PG].participants', before: 10, after: undefined },
    ]);
    expect(diff).toHaveLength(8);
  });
});

describe('recordDifferences', () => {
  it('lists programs added, removed and changed, with the fields that changed and not the version alone', () => {
    const kept = program({ id: 1 });
    const touched = program({ id: 2, identifier: 'ID-KEMLU-2018-002', version: 3 });
    const gone = program({ id: 3, identifier: 'ID-KEMLU-2018-003' });
    const before = [kept, touched, gone];
    const after = [
      { ...kept, version: 2, updatedAt: '2019-06-01T00:00:00.000Z' },
      { ...touched, version: 4, participants: 25, recipients: ['TL', 'PG'] },
      program({ id: 4, identifier: 'ID-KEMLU-2018-004' }),
    ];
    const d = recordDifferences(before, after);
    expect(d.added.map((r) => r.identifier)).toEqual(['ID-KEMLU-2018-004']);
    expect(d.removed.map((r) => r.identifier)).toEqual(['ID-KEMLU-2018-003']);
    expect(d.changed).toEqual([
      {
        id: 2,
        identifier: 'ID-KEMLU-2018-002',
        titleEn: 'Training on aquaculture',
        titleId: 'Pelatihan budidaya perikanan',
        versionBefore: 3,
        versionAfter: 4,
        fields: [
          { field: 'recipients', before: ['TL'], after: ['TL', 'PG'] },
          { field: 'participants', before: 20, after: 25 },
        ],
      },
    ]);
  });

  it('compares spending per currency', () => {
    const a = program();
    const b = program({ spending: [{ currency: 'IDR', amountMinor: 160_000_000_00, transactions: 2 }] });
    expect(changedFields(a, b).map((f) => f.field)).toEqual(['spending']);
  });
});

describe('editionDifferences', () => {
  it('has no differences for the same figures and records, and some when a record changed', () => {
    const s = buildAnnualSummary(2018, aggregates());
    const same = editionDifferences({ summary: s, records: [program()] }, { summary: s, records: [program()] });
    expect(hasDifferences(same)).toBe(false);
    const moved = editionDifferences({ summary: s, records: [program()] }, { summary: s, records: [program({ modality: 'seminar' })] });
    expect(hasDifferences(moved)).toBe(true);
  });
});

describe('editionTitle', () => {
  it('names the edition with its freeze date in Indonesian and English', () => {
    expect(editionTitle(2018, 1, '2019-03-15T02:30:00.000Z', 'id')).toBe('Laporan Tahunan 2018, edisi 1, 15 Maret 2019');
    expect(editionTitle(2018, 2, '2019-12-01T23:59:00.000Z', 'en')).toBe('Annual Report 2018, edition 2, 1 December 2019');
  });
});

describe('summaryBlockers', () => {
  it('names each currency whose spending has no exchange rate', () => {
    const s = buildAnnualSummary(
      2018,
      aggregates({
        spending: [
          {
            currency: 'JOD',
            currencyRate: null,
            idrRate: 14_000,
            amountMinor: 500_00,
            transactions: 2,
            firstDate: '2018-03-25',
            lastDate: '2018-03-29',
          },
        ],
      }),
    );
    expect(summaryBlockers(s)).toEqual([
      {
        kind: 'missing_exchange_rate',
        subject: 'JOD',
        message: 'no exchange rate for JOD between 2018-03-25 and 2018-03-29: 2 transaction(s) left out of IDR and USD',
      },
    ]);
  });
});
