import { describe, expect, it } from 'vitest';
import { programFromInput, programYear, applyProgramPatch } from './program.js';
import { checkProgramRules } from './program.rules.js';
import { programInputSchema, programPatchSchema, type ProgramRequest } from './program.schema.js';

const base: ProgramRequest = {
  identifier: 'KSST-2018-01',
  titleEn: 'International seminar on microfinance for Palestine',
  modality: 'seminar',
  flagshipArea: 'ECO-MICRO',
  plannedStart: '2018-03-25',
  plannedEnd: '2018-03-29',
  recipients: [{ country: 'PS' }],
};

const parse = (input: unknown) => programInputSchema.safeParse(input);
const rules = (input: ProgramRequest) => checkProgramRules(programFromInput(programInputSchema.parse(input)));
const paths = (issues: readonly { path: string }[]) => issues.map((i) => i.path);

describe('activity input schema', () => {
  it('accepts a minimal program and applies the defaults', () => {
    const data = programFromInput(programInputSchema.parse(base));
    expect(data.cooperationType).toBe('bilateral');
    expect(data.activityStatus).toBe('pipeline');
    expect(data.lifecycleStage).toBe('request');
    expect(data.recipients).toEqual([{ country: 'PS', percentage: null }]);
  });

  it('reads Indonesian labels, country names and SDG targets', () => {
    const parsed = programInputSchema.parse({
      ...base,
      modality: 'lokakarya',
      activityStatus: 'selesai',
      recipients: [{ country: 'Papua Nugini' }, { country: 'Timor Leste' }],
      sdgs: ['8.3', 5, { goal: 16, target: '16.6' }],
    });
    expect(parsed.modality).toBe('workshop');
    expect(parsed.activityStatus).toBe('closed');
    expect(parsed.recipients?.map((r) => r.country)).toEqual(['PG', 'TL']);
    expect(parsed.sdgs).toEqual([
      { goal: 8, target: '8.3' },
      { goal: 5, target: null },
      { goal: 16, target: '16.6' },
    ]);
  });

  it('names every bad field at once', () => {
    const result = parse({
      ...base,
      identifier: 'has space',
      modality: 'dancing',
      flagshipArea: 'DEV-XYZ',
      plannedStart: '2018-02-30',
      recipients: [{ country: 'Narnia' }],
      budgets: [{ periodStart: '2018-01-01', periodEnd: '2018-12-31', amount: '-5', currency: 'XXQ' }],
      sdgs: ['18'],
      colour: 'blue',
    });
    expect(result.success).toBe(false);
    const issuePaths = result.error?.issues.map((i) => i.path.join('.'));
    expect(issuePaths).toEqual(
      expect.arrayContaining([
        'identifier',
        'modality',
        'flagshipArea',
        'plannedStart',
        'recipients.0.country',
        'budgets.0.amount',
        'budgets.0.currency',
        'sdgs.0',
      ]),
    );
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('refuses amounts with more than two decimals and unknown sector codes', () => {
    const result = parse({
      ...base,
      transactions: [{ type: '3', date: '2018-03-29', amount: '10.123', currency: 'IDR' }],
      sectors: [{ code: '99999' }],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['sectors.0.code', 'transactions.0.amount']);
  });

  it('does not apply defaults in a patch', () => {
    const patch = programPatchSchema.parse({ titleEn: 'New title' });
    expect(patch).toEqual({ titleEn: 'New title' });
  });
});

describe('activity rules', () => {
  it('passes a consistent program', () => {
    expect(rules(base)).toEqual([]);
  });

  it('needs a title in one of the two languages', () => {
    expect(paths(rules({ ...base, titleEn: null }))).toEqual(['titleEn']);
    expect(rules({ ...base, titleEn: null, titleId: 'Seminar' })).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(paths(rules({ ...base, plannedEnd: '2018-03-24' }))).toEqual(['plannedEnd']);
    expect(paths(rules({ ...base, actualStart: '2018-03-25', actualEnd: '2018-03-20' }))).toEqual(['actualEnd']);
  });

  it('checks that recipient percentages, when given, are all given and sum to 100', () => {
    const three = (a: number, b: number, c: number | null) => [
      { country: 'FJ', percentage: a },
      { country: 'PG', percentage: b },
      { country: 'SB', percentage: c },
    ];
    expect(rules({ ...base, recipients: three(33.33, 33.33, 33.34) })).toEqual([]);
    expect(rules({ ...base, recipients: three(50, 30, 10) })[0]?.code).toBe('percentage_sum');
    expect(rules({ ...base, recipients: three(50, 50, null) })[0]?.code).toBe('percentage_missing');
  });

  it('refuses the same recipient twice', () => {
    expect(rules({ ...base, recipients: [{ country: 'PS' }, { country: 'Palestina' }] })[0]?.code).toBe('duplicate');
  });

  it('checks sector percentages per vocabulary', () => {
    const issues = rules({
      ...base,
      sectors: [
        { vocabulary: '1', code: '24040', percentage: 60 },
        { vocabulary: '1', code: '32130', percentage: 40 },
        { vocabulary: '2', code: '240', percentage: 90 },
      ],
    });
    expect(issues.map((i) => i.code)).toEqual(['percentage_sum']);
  });

  it('needs a second provider or facilitator on a triangular program', () => {
    expect(rules({ ...base, cooperationType: 'triangular' })[0]?.code).toBe('triangular_partner_required');
    expect(rules({ ...base, cooperationType: 'triangular', partners: [{ org: 'JICA', iatiRole: 1, sscRole: 'second_provider' }] })).toEqual(
      [],
    );
  });

  it('needs a currency for a partner contribution', () => {
    const issues = rules({ ...base, partners: [{ org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionAmount: '100' }] });
    expect(paths(issues)).toEqual(['partners.0.currency']);
  });

  it('limits a budget period to one year (IATI rule 7.5.3)', () => {
    const budget = (periodEnd: string) => ({ periodStart: '2018-01-01', periodEnd, amount: '100', currency: 'IDR' });
    expect(rules({ ...base, budgets: [budget('2018-12-31')] })).toEqual([]);
    expect(rules({ ...base, budgets: [budget('2019-01-01')] })[0]?.code).toBe('budget_period');
    expect(rules({ ...base, budgets: [budget('2017-12-31')] })[0]?.code).toBe('date_order');
  });
});

describe('applyActivityPatch and activityYear', () => {
  it('changes only the fields given and replaces lists given', () => {
    const data = programFromInput(programInputSchema.parse(base));
    const next = applyProgramPatch(data, programPatchSchema.parse({ titleId: 'Seminar', recipients: [{ country: 'JO' }] }));
    expect(next.titleEn).toBe(base.titleEn);
    expect(next.titleId).toBe('Seminar');
    expect(next.recipients).toEqual([{ country: 'JO', percentage: null }]);
  });

  it('takes the year of the actual start, else of the planned start', () => {
    expect(programYear({ plannedStart: '2017-12-30', actualStart: '2018-01-02' })).toBe(2018);
    expect(programYear({ plannedStart: '2017-12-30', actualStart: null })).toBe(2017);
    expect(programYear({ plannedStart: null, actualStart: null })).toBeNull();
  });
});
