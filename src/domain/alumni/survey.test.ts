import { describe, expect, it } from 'vitest';
import { InvalidError } from '../errors.js';
import {
  addMonths,
  latestDueEnd,
  aggregateWave,
  DEFAULT_SURVEYS,
  hundredths,
  share,
  surveyDefinitionSchema,
  surveyDueDate,
  validateAnswers,
  withoutTextAnswers,
  type SurveyQuestion,
} from './survey.js';
import { erasedPersonKey, ERASED, scrubChanges, secretsOf } from './privacy.js';

const questions: SurveyQuestion[] = DEFAULT_SURVEYS[0]?.questions ? [...DEFAULT_SURVEYS[0].questions] : [];

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidError) return [...error.issues];
    throw error;
  }
  throw new Error('expected an InvalidError');
}

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
  });
  it('crosses years and keeps ordinary days', () => {
    expect(addMonths('2026-07-15', 6)).toBe('2027-01-15');
    expect(addMonths('2026-01-31', 12)).toBe('2027-01-31');
    expect(addMonths('2026-12-01', -12)).toBe('2025-12-01');
  });
});

describe('latestDueEnd', () => {
  it('is the day as many months back, or the whole clamped month end on a last day', () => {
    expect(latestDueEnd('2027-02-28', 6)).toBe('2026-08-31');
    expect(latestDueEnd('2027-02-27', 6)).toBe('2026-08-27');
    expect(latestDueEnd('2027-03-30', 1)).toBe('2027-02-28');
    for (const end of ['2026-08-28', '2026-08-31']) expect(addMonths(end, 6) <= '2027-02-28').toBe(true);
    expect(addMonths('2026-08-28', 6) <= '2027-02-27').toBe(false);
  });
});

describe('surveyDueDate', () => {
  it('counts from the actual end, else the planned end', () => {
    expect(surveyDueDate({ actualEnd: '2026-08-31', plannedEnd: '2026-08-20' }, 6)).toBe('2027-02-28');
    expect(surveyDueDate({ actualEnd: null, plannedEnd: '2026-08-20' }, 12)).toBe('2027-08-20');
    expect(surveyDueDate({ actualEnd: null, plannedEnd: null }, 6)).toBeNull();
  });
});

describe('surveyDefinitionSchema', () => {
  const base = { code: 'x', nameEn: 'X', nameId: 'X', monthsAfter: 6 };
  it('accepts the default surveys', () => {
    for (const s of DEFAULT_SURVEYS) expect(surveyDefinitionSchema.parse(s)).toEqual(s);
  });
  it('refuses duplicate question ids and an empty survey', () => {
    const q = { id: 'a', kind: 'yes_no', labelEn: 'A?', labelId: 'A?' };
    const dup = surveyDefinitionSchema.safeParse({ ...base, questions: [q, q] });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues.map((i) => i.path.join('.'))).toEqual(['questions.1.id']);
    expect(surveyDefinitionSchema.safeParse({ ...base, questions: [] }).error?.issues[0]?.message).toMatch(/at least one question/);
  });
  it('needs options on a choice question and a yes/no question for a measure', () => {
    const r = surveyDefinitionSchema.safeParse({
      ...base,
      questions: [
        { id: 'c', kind: 'choice', labelEn: 'C', labelId: 'C', options: [{ value: 'a', labelEn: 'A', labelId: 'A' }] },
        { id: 's', kind: 'scale_1_5', labelEn: 'S', labelId: 'S', measure: 'knowledge_applied' },
      ],
    });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['questions.0.options', 'questions.1.measure']);
  });
});

describe('validateAnswers', () => {
  it('accepts complete answers and drops an empty comment', () => {
    expect(
      validateAnswers(questions, { knowledge_applied: true, position_change: false, still_in_contact: true, usefulness: 4, comment: '  ' }),
    ).toEqual({
      knowledge_applied: true,
      position_change: false,
      still_in_contact: true,
      usefulness: 4,
    });
  });
  it('names each question that is missing, of the wrong kind or unknown', () => {
    const issues = issuesOf(() =>
      validateAnswers(questions, { knowledge_applied: 'yes', usefulness: 6, still_in_contact: false, extra: 1 }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'answers.extra',
      'answers.knowledge_applied',
      'answers.position_change',
      'answers.usefulness',
    ]);
    expect(issues[1]?.message).toBe('"Have you applied the knowledge from the program in your work?": answer yes (true) or no (false)');
    expect(issues[2]?.message).toBe('"Has your position changed since the program?" needs an answer');
  });
  it('refuses a value that is not an object', () => {
    expect(issuesOf(() => validateAnswers(questions, [1]))[0]?.path).toBe('answers');
  });
});

describe('aggregateWave', () => {
  it('counts the response rate, the yes shares and the scale mean (5 invited, 4 answered)', () => {
    const a = (k: boolean, p: boolean, c: boolean, u: number) => ({
      answers: { knowledge_applied: k, position_change: p, still_in_contact: c, usefulness: u },
    });
    const agg = aggregateWave(questions, [
      a(true, false, true, 5),
      a(true, true, true, 4),
      a(false, false, true, 4),
      a(true, false, false, 2),
      { answers: null },
    ]);
    expect(agg.invited).toBe(5);
    expect(agg.answered).toBe(4);
    expect(agg.responseRate).toEqual({ numerator: 4, denominator: 5, percent: '80.00' });
    expect(agg.measures).toEqual([
      { measure: 'knowledge_applied', questionId: 'knowledge_applied', yes: { numerator: 3, denominator: 4, percent: '75.00' } },
      { measure: 'position_change', questionId: 'position_change', yes: { numerator: 1, denominator: 4, percent: '25.00' } },
      { measure: 'still_in_contact', questionId: 'still_in_contact', yes: { numerator: 3, denominator: 4, percent: '75.00' } },
    ]);
    // (5 + 4 + 4 + 2) / 4 = 3.75
    expect(agg.scales[0]).toMatchObject({ questionId: 'usefulness', answers: 4, sum: 15, average: '3.75', distribution: [0, 1, 0, 2, 1] });
  });
  it('has no rate without invitations', () => {
    expect(aggregateWave(questions, []).responseRate.percent).toBeNull();
  });
});

describe('hundredths and share', () => {
  it('rounds half up in integers', () => {
    expect(share(1, 3).percent).toBe('33.33');
    expect(share(2, 3).percent).toBe('66.67');
    expect(share(1, 8).percent).toBe('12.50');
    expect(hundredths(1, 200)).toBe('0.01');
    expect(hundredths(1, 201)).toBe('0.00');
  });
});

describe('withoutTextAnswers', () => {
  it('drops the comment and keeps the counted answers', () => {
    expect(withoutTextAnswers(questions, { knowledge_applied: true, usefulness: 3, comment: 'I am Ana from Suva' })).toEqual({
      knowledge_applied: true,
      usefulness: 3,
    });
  });
});

describe('scrubChanges', () => {
  it('erases personal fields and the name elsewhere, keeps the counted fields', () => {
    const secrets = secretsOf({ fullName: 'Ana Tuilagi', email: 'ana@gov.fj', phone: null });
    const out = scrubChanges(
      {
        fullName: { before: null, after: 'Ana Tuilagi' },
        status: { before: 'selected', after: 'attended' },
        note: { before: null, after: 'Called ANA TUILAGI at ana@gov.fj' },
      },
      secrets,
    );
    expect(out).toEqual({
      fullName: { before: null, after: ERASED },
      status: { before: 'selected', after: 'attended' },
      note: { before: null, after: `Called ${ERASED} at ${ERASED}` },
    });
    expect(erasedPersonKey(7)).toBe('erased:7');
  });
});
