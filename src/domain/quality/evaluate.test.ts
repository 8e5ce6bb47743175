import { describe, expect, it } from 'vitest';
import { InvalidError } from '../errors.js';
import { addMonths, evaluateProgram } from './evaluate.js';
import type { QualityProgram } from './facts.js';
import { parseRuleDefinition, type QualityDimension, type QualityRule, type QualitySeverity } from './rules.js';
import { programQuality, ScorecardTally } from './scorecard.js';

const TODAY = '2026-01-15';

function rule(
  code: string,
  kind: string,
  dimension: QualityDimension,
  severity: QualitySeverity,
  weight: number,
  params: Record<string, unknown>,
): QualityRule {
  return {
    code,
    dimension,
    severity,
    weight,
    enabled: true,
    labelEn: code,
    labelId: code,
    sortOrder: 0,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: null,
    definition: parseRuleDefinition(kind, params),
  };
}

/** Ten rules, one of each kind and three completeness fields; weights add up to 20 on a completed program. */
const RULES: readonly QualityRule[] = [
  rule('R1', 'field_present', 'completeness', 'required', 3, { field: 'title' }),
  rule('R2', 'field_present', 'completeness', 'required', 3, { field: 'actual_end', stages: ['completed', 'evaluated'] }),
  rule('R3', 'days_between', 'timeliness', 'required', 3, { from: 'end', to: 'completed', maxDays: 60 }),
  rule('R4', 'spending_after_end', 'consistency', 'required', 2, { graceDays: 90 }),
  rule('R5', 'participants_sex_missing', 'consistency', 'required', 2, { maxSharePercent: 0 }),
  rule('R6', 'budget_without_rate', 'consistency', 'required', 2, { amounts: ['budgets', 'spending'] }),
  rule('R7', 'stage_stale', 'consistency', 'recommended', 1, {
    months: 6,
    stages: ['request', 'assessment', 'approved', 'funded', 'implementation'],
  }),
  rule('R8', 'participant_totals_mismatch', 'consistency', 'recommended', 1, { tolerancePercent: 10, stages: ['completed', 'evaluated'] }),
  rule('R9', 'field_present', 'completeness', 'recommended', 1, { field: 'sdgs' }),
  rule('R10', 'dates_in_order', 'consistency', 'required', 3, {}),
];

/** A completed training with everything recorded and on time. */
function good(overrides: Partial<QualityProgram> = {}): QualityProgram {
  return {
    id: 1,
    identifier: 'ID-1-A',
    titleEn: 'Training A',
    titleId: 'Pelatihan A',
    descriptionEn: null,
    descriptionId: null,
    modality: 'training',
    flagshipArea: null,
    cooperationType: 'bilateral',
    lifecycleStage: 'completed',
    plannedStart: '2025-03-01',
    plannedEnd: '2025-03-10',
    actualStart: '2025-03-01',
    actualEnd: '2025-03-10',
    venueCity: null,
    venueCountry: null,
    implementingOrg: 'ID-KKP',
    fundingSource: 'apbn',
    participantsPlanned: 20,
    createdAt: '2025-01-05T08:00:00.000Z',
    recipients: 1,
    partners: 0,
    sectors: 0,
    sdgs: 1,
    budgets: 1,
    spendingTransactions: 1,
    lastSpendingDate: '2025-03-20',
    participants: 20,
    participantsSexUnknown: 0,
    budgetCurrenciesWithoutRate: [],
    spendingCurrenciesWithoutRate: [],
    lastTransitionAt: '2025-04-01T10:00:00.000Z',
    reachedAt: { completed: '2025-04-01T10:00:00.000Z' },
    ...overrides,
  };
}

/** Completed late, no actual end, spending long after, two participants of ten without sex, a budget in EUR without a rate, no SDG. */
const defective = good({
  id: 2,
  identifier: 'ID-2-B',
  plannedStart: '2025-05-01',
  plannedEnd: '2025-05-05',
  actualStart: '2025-05-01',
  actualEnd: null,
  reachedAt: { completed: '2025-08-03T09:00:00.000Z' },
  lastTransitionAt: '2025-08-03T09:00:00.000Z',
  lastSpendingDate: '2025-12-01',
  participants: 10,
  participantsSexUnknown: 2,
  budgetCurrenciesWithoutRate: ['EUR'],
  sdgs: 0,
});

/** A request without a title, not moved since it was registered a year ago. */
const staleRequest = good({
  id: 3,
  identifier: 'ID-3-C',
  titleEn: null,
  titleId: null,
  lifecycleStage: 'request',
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  createdAt: '2025-01-10T08:00:00.000Z',
  lastTransitionAt: null,
  reachedAt: {},
  sdgs: 0,
  budgets: 0,
  spendingTransactions: 0,
  lastSpendingDate: null,
  participants: 0,
  participantsPlanned: null,
});

const quality = (p: QualityProgram, rules: readonly QualityRule[] = RULES) => programQuality(p, evaluateProgram(rules, p, TODAY));

describe('evaluateProgram', () => {
  it('passes every applicable check of a complete program when nothing is wrong', () => {
    const q = quality(good());
    // R7 (stale stage) does not apply to a completed program: nine checks, weight 20.
    expect(q.checks).toBe(9);
    expect(q.findings).toEqual([]);
    expect(q.score).toBe(100);
    expect(q.lostWeight).toBe(0);
  });

  it('lists each defect with its field and what to fix, required first, when a program has seven', () => {
    const q = quality(defective);
    expect(q.findings.map((f) => [f.rule, f.field])).toEqual([
      ['R2', 'actual_end'],
      ['R3', 'stage:completed'],
      ['R4', 'transactions'],
      ['R5', 'participants.sex'],
      ['R6', 'exchangeRates'],
      ['R8', 'participants'],
      ['R9', 'sdgs'],
    ]);
    // Applicable 20 (R1 3, R2 3, R3 3, R4 2, R5 2, R6 2, R8 1, R9 1, R10 3); passed R1 + R10 = 6.
    expect(q.lostWeight).toBe(14);
    expect(q.score).toBe(30);
    const byRule = new Map(q.findings.map((f) => [f.rule, f]));
    expect(byRule.get('R3')?.en).toBe('The program was recorded as completed 90 days after it ended (2025-05-05); the limit is 60 days.');
    expect(byRule.get('R3')?.id).toBe('Kegiatan dicatat selesai 90 hari setelah berakhir (2025-05-05); batasnya 60 hari.');
    expect(byRule.get('R4')?.en).toBe(
      'Spending is dated 2025-12-01, more than 90 days after the end (2025-05-05): check the transaction dates or the end date.',
    );
    expect(byRule.get('R5')?.en).toBe('2 of 10 participants have no sex recorded: record female or male.');
    expect(byRule.get('R6')?.id).toContain('EUR');
    expect(byRule.get('R8')?.en).toContain('10 participants are recorded against 20 stated');
    expect(byRule.get('R2')?.id).toBe('Lengkapi tanggal selesai sebenarnya.');
  });

  it('flags a request that has not moved for six months, and scores it 0, when it also has no title', () => {
    const q = quality(staleRequest);
    expect(q.findings.map((f) => f.rule)).toEqual(['R1', 'R7', 'R9']);
    expect(q.findings[1]?.en).toBe('The program has been in stage "Request" since 2025-01-10, 6 months or more: move it on, or cancel it.');
    expect(q.checks).toBe(3);
    expect(q.score).toBe(0);
  });

  it('changes the result with no code change when a rule is switched off, reweighted or given other params', () => {
    const off = RULES.map((r) => (r.code === 'R2' ? { ...r, enabled: false } : r));
    expect(quality(defective, off).score).toBe(35.3); // 6 / 17
    const heavier = RULES.map((r) => (r.code === 'R3' ? { ...r, weight: 10 } : r));
    expect(quality(defective, heavier).score).toBe(22.2); // 6 / 27
    const lenient = RULES.map((r) =>
      r.code === 'R4' ? { ...r, definition: parseRuleDefinition('spending_after_end', { graceDays: 365 }) } : r,
    );
    expect(quality(defective, lenient).findings.map((f) => f.rule)).not.toContain('R4');
    expect(quality(defective, lenient).score).toBe(40); // 8 / 20
  });

  it('does not yet count timeliness when the end is recent, and fails it once the limit has passed', () => {
    const recent = good({ lifecycleStage: 'implementation', actualEnd: '2025-12-20', reachedAt: {} });
    expect(quality(recent).findings.map((f) => f.rule)).not.toContain('R3');
    const overdue = good({ lifecycleStage: 'implementation', actualEnd: '2025-10-01', reachedAt: {} });
    const finding = quality(overdue).findings.find((f) => f.rule === 'R3');
    expect(finding?.en).toBe(
      'The program ended on 2025-10-01, 106 days ago, and is not yet recorded as completed (limit 60 days): record it.',
    );
  });

  it('measures from the planned end when the rule says so, since completing fills a missing actual end with its own day', () => {
    const filled = good({ plannedEnd: '2025-03-10', actualEnd: '2025-05-20', reachedAt: { completed: '2025-05-20T08:00:00Z' } });
    expect(quality(filled).findings.map((f) => f.rule)).not.toContain('R3');
    const planned = [rule('T', 'days_between', 'timeliness', 'required', 3, { from: 'planned_end', to: 'completed', maxDays: 60 })];
    expect(quality(filled, planned).findings.map((f) => f.en)).toEqual([
      'The program was recorded as completed 71 days after it ended (2025-03-10); the limit is 60 days.',
    ]);
  });

  it('skips a completion entered without a dated transition, unless the rule says undated: fail', () => {
    const entered = good({ reachedAt: {}, lastTransitionAt: null });
    expect(quality(entered).checks).toBe(8);
    const strict = [rule('T', 'days_between', 'timeliness', 'required', 3, { from: 'end', to: 'completed', maxDays: 60, undated: 'fail' })];
    expect(quality(entered, strict).findings.map((f) => f.field)).toEqual(['stage:completed']);
  });

  it('applies a rule only to the modalities and cooperation types its params name', () => {
    const rules = [
      rule('P', 'field_present', 'completeness', 'required', 3, { field: 'participants', modalities: ['training'] }),
      rule('T', 'field_present', 'completeness', 'required', 3, { field: 'partners', cooperationTypes: ['triangular'] }),
    ];
    expect(quality(good({ modality: 'equipment_grant', participants: 0 }), rules).checks).toBe(0);
    expect(quality(good({ participants: 0 }), rules).findings.map((f) => f.rule)).toEqual(['P']);
    expect(quality(good({ cooperationType: 'triangular' }), rules).findings.map((f) => f.rule)).toEqual(['T']);
  });

  it('finds an end before the start', () => {
    const q = quality(good({ actualStart: '2025-03-12', actualEnd: '2025-03-10' }));
    expect(q.findings.map((f) => f.en)).toContain('The end (2025-03-10) is before the start (2025-03-12): correct the dates.');
  });
});

describe('ScorecardTally', () => {
  it('sums weights over every check of every program when three programs of one agency are added', () => {
    const tally = new ScorecardTally(RULES, 10);
    for (const p of [good(), defective, staleRequest]) {
      const checks = evaluateProgram(RULES, p, TODAY);
      tally.add(programQuality(p, checks), checks);
    }
    const card = tally.scorecard();
    expect(card.programs).toBe(3);
    expect([card.passed, card.applicable, card.score]).toEqual([26, 45, 57.8]);
    expect(card.dimensions.map((d) => [d.dimension, d.passed, d.applicable, d.score])).toEqual([
      ['completeness', 10, 18, 55.6],
      ['timeliness', 3, 6, 50],
      ['consistency', 13, 21, 61.9],
    ]);
    expect(card.programsWithFindings).toBe(2);
    expect(card.programsWithRequiredFindings).toBe(2);
    expect(card.mostToFix.map((p) => [p.identifier, p.lostWeight, p.findings, p.requiredFindings])).toEqual([
      ['ID-2-B', 14, 7, 5],
      ['ID-3-C', 5, 3, 1],
    ]);
    const r1 = card.rules.find((r) => r.rule === 'R1');
    expect([r1?.applicable, r1?.passed]).toEqual([3, 2]);
    const r7 = card.rules.find((r) => r.rule === 'R7');
    expect([r7?.applicable, r7?.passed]).toEqual([1, 0]);
  });

  it('gives no score (null, not 100) when no check applies', () => {
    const card = new ScorecardTally(RULES, 5).scorecard();
    expect(card.score).toBeNull();
    expect(card.dimensions.every((d) => d.score === null)).toBe(true);
  });
});

describe('parseRuleDefinition', () => {
  it('names each bad param with a clear message when the params do not fit the kind', () => {
    const error = (() => {
      try {
        parseRuleDefinition('stage_stale', { months: 0, stages: ['someday'], extra: 1 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidError);
    const issues = (error as InvalidError).issues.map((i) => [i.path, i.message]);
    expect(issues).toContainEqual(['params.months', 'must be at least 1 months']);
    expect(issues.find(([path]) => path === 'params.stages.0')?.[1]).toContain('must be a lifecycle stage');
    expect(issues.some(([path, message]) => path === 'params' && String(message).includes('extra'))).toBe(true);
  });

  it('refuses an unknown kind', () => {
    expect(() => parseRuleDefinition('vibes', {})).toThrow(/unknown rule kind "vibes"/);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, clamped to the month, when adding months', () => {
    expect(addMonths('2025-01-10', 6)).toBe('2025-07-10');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });
});
