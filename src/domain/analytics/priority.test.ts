import { describe, expect, it } from 'vitest';
import { countryListInputSchema, evaluateTarget, priorityTargetInputSchema, subjectMembers, subjectName } from './priority.js';

const figures = { programs: 1, participants: 30, countries: 1, totalPrograms: 4, totalParticipants: 200 };

describe('evaluateTarget', () => {
  it('compares shares exactly, on integers', () => {
    // 1 of 4 programs = 25%: meets "at least 25%", not "at least 25.01%".
    expect(evaluateTarget('program_share', 'at_least', 25, figures)).toEqual({ actual: 25, met: true, gap: 0 });
    expect(evaluateTarget('program_share', 'at_least', 25.01, figures)).toEqual({ actual: 25, met: false, gap: -0.01 });
    // 30 of 200 participants = 15%: behind "at least 20%" by 5 points; within "at most 15%".
    expect(evaluateTarget('participant_share', 'at_least', 20, figures)).toEqual({ actual: 15, met: false, gap: -5 });
    expect(evaluateTarget('participant_share', 'at_most', 15, figures)).toEqual({ actual: 15, met: true, gap: 0 });
  });

  it('does not let rounding meet a target: 1 of 3 is 33.33% but short of 33.34%, above 33.33%', () => {
    const f = { ...figures, programs: 1, totalPrograms: 3 };
    expect(evaluateTarget('program_share', 'at_least', 33.33, f)).toMatchObject({ actual: 33.33, met: true });
    expect(evaluateTarget('program_share', 'at_least', 33.34, f)).toMatchObject({ actual: 33.33, met: false });
  });

  it('counts programs, participants and countries', () => {
    expect(evaluateTarget('programs', 'at_least', 3, figures)).toEqual({ actual: 1, met: false, gap: -2 });
    expect(evaluateTarget('participants', 'at_least', 30, figures)).toEqual({ actual: 30, met: true, gap: 0 });
    expect(evaluateTarget('countries', 'at_most', 0, figures)).toEqual({ actual: 1, met: false, gap: 1 });
  });

  it('treats a year without programs as 0%', () => {
    const none = { programs: 0, participants: 0, countries: 0, totalPrograms: 0, totalParticipants: 0 };
    expect(evaluateTarget('program_share', 'at_least', 25, none)).toEqual({ actual: 0, met: false, gap: -25 });
    expect(evaluateTarget('program_share', 'at_most', 10, none)).toEqual({ actual: 0, met: true, gap: -10 });
  });
});

describe('priorityTargetInputSchema', () => {
  it('normalises codes and defaults to "at least"', () => {
    const t = priorityTargetInputSchema.parse({
      year: 2016,
      subjectKind: 'group',
      subjectCode: 'pif',
      metric: 'program_share',
      target: 25,
    });
    expect(t).toMatchObject({ subjectCode: 'PIF', comparator: 'at_least', target: 25 });
  });

  it('refuses unknown subjects and impossible targets, naming the field', () => {
    const bad = (input: object) => priorityTargetInputSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(bad({ year: 2016, subjectKind: 'group', subjectCode: 'NATO', metric: 'programs', target: 1 })?.[0]).toMatch(
      /^subjectCode: unknown grouping "NATO"/,
    );
    expect(bad({ year: 2016, subjectKind: 'region', subjectCode: 'mars', metric: 'programs', target: 1 })?.[0]).toMatch(
      /^subjectCode: unknown region/,
    );
    expect(bad({ year: 2016, subjectKind: 'country', subjectCode: 'QQ', metric: 'programs', target: 1 })?.[0]).toMatch(
      /^subjectCode: "QQ" is not/,
    );
    expect(bad({ year: 2016, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 120 })).toEqual([
      'target: a share is a percentage between 0 and 100',
    ]);
    expect(bad({ year: 2016, subjectKind: 'group', subjectCode: 'PIF', metric: 'programs', target: 2.5 })).toEqual([
      'target: programs is a count: a whole number',
    ]);
    expect(bad({ year: 2016, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 12.345 })).toEqual([
      'target: a share has at most two decimals',
    ]);
  });
});

describe('subjects', () => {
  it('uses the membership of the year (New Caledonia joined PIF in 2016)', () => {
    expect(subjectMembers({ kind: 'group', code: 'PIF' }, 2015, new Map())).not.toContain('NC');
    expect(subjectMembers({ kind: 'group', code: 'PIF' }, 2016, new Map())).toContain('NC');
    expect(subjectMembers({ kind: 'list', code: 'melanesia' }, 2016, new Map([['melanesia', ['FJ', 'PG']]]))).toEqual(['FJ', 'PG']);
    expect(subjectMembers({ kind: 'country', code: 'PS' }, 2016, new Map())).toEqual(['PS']);
    expect(subjectMembers({ kind: 'region', code: 'oceania' }, 2016, new Map())).toContain('FJ');
  });

  it('names subjects in both languages', () => {
    expect(subjectName({ kind: 'region', code: 'africa' }, 'id', new Map())).toBe('Afrika');
    expect(subjectName({ kind: 'country', code: 'PS' }, 'en', new Map())).toMatch(/Palestin/);
  });
});

describe('countryListInputSchema', () => {
  it('sorts and checks the countries', () => {
    expect(
      countryListInputSchema.parse({ code: 'Melanesia', nameEn: 'Melanesia', nameId: 'Melanesia', countries: ['pg', 'FJ'] }),
    ).toMatchObject({ code: 'melanesia', countries: ['FJ', 'PG'] });
    const r = countryListInputSchema.safeParse({ code: 'x y', nameEn: '', nameId: 'a', countries: ['FJ', 'FJ', 'ZZ'] });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['code', 'countries.1', 'countries.2', 'nameEn']);
  });
});
