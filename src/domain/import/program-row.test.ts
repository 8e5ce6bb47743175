import { describe, expect, it } from 'vitest';
import { programRowToRequest, columnOfProgramPath, parseLocation } from './program-row.js';
import { mapHeader, ACTIVITY_COLUMNS, type ProgramColumn } from './csv-columns.js';

const row = (cells: Partial<Record<ProgramColumn, string>>) =>
  programRowToRequest(new Map(Object.entries(cells)) as Map<ProgramColumn, string>);

describe('activity rows', () => {
  it('maps only the columns present, so a re-import keeps the others', () => {
    const { request } = row({ identifier: ' X-1 ', title_en: 'Title', participants_planned: '12' });
    expect(request).toEqual({ identifier: 'X-1', titleEn: 'Title', participantsPlanned: 12 });
  });

  it('reads dates as planned, and as actual once the program has started or ended', () => {
    expect(row({ identifier: 'A', status: 'direncanakan', start_date: '2018-01-01', end_date: '2018-01-05' }).request).toMatchObject({
      plannedStart: '2018-01-01',
      plannedEnd: '2018-01-05',
    });
    expect(row({ identifier: 'A', status: 'berjalan', start_date: '2018-01-01', end_date: '2018-01-05' }).request).toMatchObject({
      actualStart: '2018-01-01',
    });
    expect(row({ identifier: 'A', status: 'selesai', start_date: '2018-01-01', end_date: '2018-01-05' }).request).toMatchObject({
      actualStart: '2018-01-01',
      actualEnd: '2018-01-05',
    });
  });

  it('turns a budget into one budget of at most a year from the start', () => {
    const long = row({ identifier: 'A', start_date: '2018-07-01', end_date: '2019-12-31', budget_amount: '1000', budget_currency: 'IDR' });
    expect(long.request.budgets).toEqual([
      { type: 1, status: 1, periodStart: '2018-07-01', periodEnd: '2019-06-30', amount: '1000', currency: 'IDR', valueDate: '2018-07-01' },
    ]);
    const noDate = row({ identifier: 'A', budget_amount: '1000', budget_currency: 'IDR' });
    expect(noDate.issues).toEqual([
      { column: 'budget_amount', code: 'budget_needs_start', message: 'a budget needs start_date: its period starts then' },
    ]);
    expect(row({ identifier: 'A', start_date: '2018-07-01', budget_amount: '1000' }).issues[0]?.column).toBe('budget_currency');
  });

  it('reads a venue with its country', () => {
    expect(parseLocation('Amman, Jordan')).toEqual({ venueCity: 'Amman', venueCountry: 'JO' });
    expect(parseLocation('Bandung and Jakarta')).toEqual({ venueCity: 'Bandung and Jakarta', venueCountry: null });
    expect(parseLocation('Jalan Merdeka, 5')).toEqual({ venueCity: 'Jalan Merdeka, 5', venueCountry: null });
  });

  it('names the column of a field path', () => {
    expect(columnOfProgramPath('recipients.3.country')).toBe('recipient_countries');
    expect(columnOfProgramPath('budgets.0.currency')).toBe('budget_currency');
    expect(columnOfProgramPath('actualEnd')).toBe('end_date');
  });
});

describe('mapHeader', () => {
  it('reads headers in any case, with synonyms, warns on unknown ones and refuses duplicates', () => {
    const h = mapHeader(['ID', 'Judul', ' Start Date ', 'Colour', 'title'], ACTIVITY_COLUMNS, [['identifier'], ['title_en', 'title_id']]);
    expect([...h.index.entries()]).toEqual([
      ['identifier', 0],
      ['title_id', 1],
      ['start_date', 2],
      ['title_en', 4],
    ]);
    expect(h.warnings.map((w) => w.message)).toEqual(['unknown column "Colour" is ignored']);
    expect(mapHeader(['identifier', 'IDENTIFIER', 'title_en'], ACTIVITY_COLUMNS, []).errors[0]).toMatch(/appears twice/);
    expect(mapHeader(['identifer', 'modality'], ACTIVITY_COLUMNS, [['identifier']]).warnings[0]?.message).toMatch(
      /did you mean "identifier"/,
    );
  });
});
