import { describe, expect, it } from 'vitest';
import { errorCountText, pickImportLanguage, problemMessage, rejectedSummary } from './problem-messages.js';
import { problemsCsv } from './problems-csv.js';

describe('import problem messages', () => {
  it('counts errors in the right form in each language', () => {
    expect([errorCountText(1, 'en'), errorCountText(10, 'en'), errorCountText(0, 'en')]).toEqual(['1 error', '10 errors', '0 errors']);
    expect([errorCountText(1, 'id'), errorCountText(10, 'id')]).toEqual(['1 kesalahan', '10 kesalahan']);
    const one = { errorCount: 1, rejectedRows: 1, source: 'a.csv', kind: 'activities' };
    expect(rejectedSummary(one, 'en')).toBe('1 error in 1 row of a.csv: nothing was written');
    expect(rejectedSummary({ ...one, errorCount: 3, rejectedRows: 2, kind: 'iati' }, 'en')).toBe(
      '3 errors in 2 activities of a.csv: nothing was written',
    );
    expect(rejectedSummary({ ...one, errorCount: 3, rejectedRows: 2, kind: 'iati' }, 'id')).toBe(
      '3 kesalahan pada 2 aktivitas a.csv: tidak ada yang ditulis',
    );
  });

  it('words a reason in Indonesian from its code and params, and keeps the check’s English otherwise', () => {
    const params = { what: 'sex', value: 'Q', expected: 'F, M, X' };
    expect(problemMessage('unknown_code', params, 'id', 'unknown sex "Q"; expected one of F, M, X')).toBe(
      'jenis kelamin "Q" tidak dikenal; gunakan salah satu dari F, M, X',
    );
    expect(problemMessage('unknown_code', params, 'en', 'unknown sex "Q"; expected one of F, M, X')).toBe(
      'unknown sex "Q"; expected one of F, M, X',
    );
    expect(problemMessage('date_order', { start: '2024-05-01' }, 'en', 'must not be before plannedStart (2024-05-01)')).toBe(
      'must not be before the start (2024-05-01)',
    );
    expect(problemMessage('required', { with: 'budget_amount' }, 'id', 'x')).toBe('wajib diisi bila budget_amount diisi');
    expect(problemMessage('import.file_syntax', { detail: 'line 2: a quoted field is not closed' }, 'id', 'x')).toBe(
      'CSV tidak dapat dibaca: line 2: a quoted field is not closed',
    );
    expect(problemMessage('import.file_syntax', { detail: 'line 2' }, 'en', 'line 2: a quoted field is not closed')).toBe(
      'line 2: a quoted field is not closed',
    );
    expect(problemMessage('some_new_code', undefined, 'id', 'the check’s English')).toBe('the check’s English');
  });

  it('picks the language from lang, else Accept-Language by weight, else English', () => {
    expect(pickImportLanguage('id', 'en')).toBe('id');
    expect(pickImportLanguage(undefined, 'id-ID,id;q=0.9,en;q=0.5')).toBe('id');
    expect(pickImportLanguage(undefined, 'en;q=0.5,id;q=0.9')).toBe('id');
    expect(pickImportLanguage(undefined, 'fr-FR,en;q=0.8,id;q=0.5')).toBe('en');
    expect(pickImportLanguage(undefined, 'fr-FR')).toBe('en');
    expect(pickImportLanguage(undefined, undefined)).toBe('en');
  });

  it('writes the problems as CSV with a BOM, by line, with formulas neutralised', () => {
    const csv = problemsCsv(
      [
        { line: 3, column: 'sex', value: 'Q', code: 'unknown_code', message: 'unknown sex "Q"' },
        { line: 2, column: 'title_en', value: '=HYPERLINK("x")', code: 'too_long', message: 'too long, really' },
      ],
      { line: 'Line', record: 'Record', column: 'Column', value: 'Value', code: 'Code', problem: 'Problem' },
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFLine,Column,Value,Code,Problem',
      `2,title_en,"'=HYPERLINK(""x"")",too_long,"too long, really"`,
      '3,sex,Q,unknown_code,"unknown sex ""Q"""',
      '',
    ]);
  });
});
