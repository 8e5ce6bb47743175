import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import {
  authorizeSignOff,
  authorizeSignOffRules,
  dueReminders,
  evaluateStep,
  refusalOf,
  signOffIssues,
  stepGating,
  stepOfStage,
  type SignOff,
  type SignOffRule,
} from './sign-off.js';

const rules: SignOffRule[] = [
  { step: 'assessment', orgCode: 'ID-KEMLU', required: true, daysAllowed: 14 },
  { step: 'assessment', orgCode: 'ID-BAPPENAS', required: true, daysAllowed: 10 },
  { step: 'assessment', orgCode: 'ID-KEMENKEU', required: false, daysAllowed: 14 },
  { step: 'funding', orgCode: 'ID-KEMENKEU', required: true, daysAllowed: 7 },
];
const signed = (orgCode: string, opinion: SignOff['opinion'], step: SignOff['step'] = 'assessment'): SignOff => ({
  activityId: 1,
  step,
  orgCode,
  opinion,
  comment: opinion === 'agree' ? null : 'why',
  signedByUserId: 1,
  signedByLabel: 'x@example.org',
  signedAt: '2026-11-03T10:00:00.000Z',
});
const START = '2026-11-01T08:00:00.000Z';
const user = (role: 'admin' | 'coordinator' | 'agency' | 'viewer', orgCode: string | null): Actor => ({
  kind: 'user',
  userId: 1,
  role,
  orgCode,
  label: 'u',
});

describe('evaluateStep', () => {
  it('waits on every required ministry before anyone signs, with deadlines from the round start', () => {
    const s = evaluateStep('assessment', rules, [], START, '2026-11-05');
    expect(s.ministries.map((m) => [m.orgCode, m.status, m.deadlineDate])).toEqual([
      ['ID-KEMLU', 'waiting', '2026-11-15'],
      ['ID-BAPPENAS', 'waiting', '2026-11-11'],
    ]);
    expect(s.waitingOn).toEqual(['ID-KEMLU', 'ID-BAPPENAS']);
    expect(s.mayProceed).toBe(false);
    expect(refusalOf(s)).toBe('the assessment sign-offs are not complete (still waiting on: ID-KEMLU, ID-BAPPENAS)');
  });

  it('marks a waiting ministry overdue after its deadline day', () => {
    const s = evaluateStep('assessment', rules, [signed('ID-KEMLU', 'agree')], START, '2026-11-12');
    expect(s.ministries.map((m) => m.status)).toEqual(['agree', 'overdue']);
    expect(evaluateStep('assessment', rules, [], START, '2026-11-11').ministries[1]?.status).toBe('waiting');
  });

  it('moves on when every required ministry agreed, with or without conditions', () => {
    const s = evaluateStep(
      'assessment',
      rules,
      [signed('ID-KEMLU', 'agree'), signed('ID-BAPPENAS', 'agree_with_conditions')],
      START,
      '2026-11-20',
    );
    expect(s.mayProceed).toBe(true);
    expect(refusalOf(s)).toBeNull();
  });

  it('blocks on a required disagreement and names it', () => {
    const s = evaluateStep('assessment', rules, [signed('ID-KEMLU', 'disagree'), signed('ID-BAPPENAS', 'agree')], START, '2026-11-20');
    expect(s.mayProceed).toBe(false);
    expect(s.disagreed).toEqual(['ID-KEMLU']);
    expect(refusalOf(s)).toBe('the assessment sign-offs are not complete (disagreed: ID-KEMLU)');
  });

  it('shows an optional ministry that signed, without letting its disagreement block', () => {
    const s = evaluateStep(
      'assessment',
      rules,
      [signed('ID-KEMLU', 'agree'), signed('ID-BAPPENAS', 'agree'), signed('ID-KEMENKEU', 'disagree')],
      START,
      '2026-11-20',
    );
    expect(s.ministries.map((m) => m.orgCode)).toEqual(['ID-KEMLU', 'ID-BAPPENAS', 'ID-KEMENKEU']);
    expect(s.mayProceed).toBe(true);
  });

  it('keeps the steps apart and matches organisation codes without regard to case', () => {
    const s = evaluateStep('funding', rules, [signed('id-kemenkeu', 'agree', 'funding'), signed('ID-KEMLU', 'agree')], START, '2026-11-02');
    expect(s.ministries).toHaveLength(1);
    expect(s.mayProceed).toBe(true);
  });

  it('moves on at once when the step requires nobody, and has no deadline before the round starts', () => {
    expect(evaluateStep('funding', [], [], null, '2026-11-02').mayProceed).toBe(true);
    expect(evaluateStep('funding', rules, [], null, '2026-11-02').ministries[0]?.deadlineDate).toBeNull();
  });
});

describe('stage requirements', () => {
  it('gates approve with the assessment step and fund with the funding step, and nothing else', () => {
    expect(stepGating('approve')).toBe('assessment');
    expect(stepGating('fund')).toBe('funding');
    expect(stepGating('return')).toBeNull();
    expect(stepGating('reject')).toBeNull();
    expect(stepOfStage('assessment')).toBe('assessment');
    expect(stepOfStage('approved')).toBe('funding');
    expect(stepOfStage('request')).toBeNull();
  });
});

describe('signOffIssues', () => {
  it('needs conditions with a conditional agreement and a reason with a disagreement', () => {
    expect(signOffIssues({ step: 'assessment', orgCode: 'ID-KEMLU', opinion: 'agree' })).toEqual([]);
    expect(signOffIssues({ step: 'assessment', orgCode: 'ID-KEMLU', opinion: 'agree_with_conditions', comment: ' ' })[0]?.message).toMatch(
      /conditions/,
    );
    expect(signOffIssues({ step: 'assessment', orgCode: 'ID-KEMLU', opinion: 'disagree' })[0]?.message).toMatch(/reason/);
    expect(signOffIssues({ step: 'assessment', orgCode: 'ID-KEMLU', opinion: 'disagree', comment: 'Out of plan' })).toEqual([]);
  });
});

describe('dueReminders', () => {
  it('reminds a waiting ministry from two days before its deadline, and after it', () => {
    const s = (today: string) => evaluateStep('assessment', rules, [signed('ID-KEMLU', 'agree')], START, today);
    expect(dueReminders(s('2026-11-08'), '2026-11-08', 2)).toEqual([]);
    expect(dueReminders(s('2026-11-09'), '2026-11-09', 2)).toEqual([
      { orgCode: 'ID-BAPPENAS', kind: 'before', deadlineDate: '2026-11-11' },
    ]);
    expect(dueReminders(s('2026-11-12'), '2026-11-12', 2)).toEqual([{ orgCode: 'ID-BAPPENAS', kind: 'after', deadlineDate: '2026-11-11' }]);
  });
});

describe('authorizeSignOff', () => {
  it('lets a coordinator or administrator sign for their own ministry only', () => {
    expect(() => authorizeSignOff(user('coordinator', 'ID-BAPPENAS'), 'id-bappenas')).not.toThrow();
    expect(() => authorizeSignOff(user('admin', 'ID-KEMENSETNEG'), 'ID-KEMENSETNEG')).not.toThrow();
    expect(() => authorizeSignOff(user('coordinator', 'ID-BAPPENAS'), 'ID-KEMLU')).toThrow(/acts for ID-BAPPENAS/);
    expect(() => authorizeSignOff(user('admin', null), 'ID-KEMLU')).toThrow(/no ministry/);
    expect(() => authorizeSignOff(user('agency', 'ID-KEMLU'), 'ID-KEMLU')).toThrow(/coordination team/);
    expect(() => authorizeSignOff({ kind: 'system', label: 'cli' }, 'ID-KEMLU')).toThrow(/coordination team/);
    expect(() => authorizeSignOff({ kind: 'anonymous' }, 'ID-KEMLU')).toThrow(/sign in/);
  });

  it('lets the coordination team edit the rules', () => {
    expect(() => authorizeSignOffRules(user('coordinator', null))).not.toThrow();
    expect(() => authorizeSignOffRules(user('viewer', null))).toThrow();
  });
});
