import { describe, expect, it } from 'vitest';
import { checkCompletion, completionDataOf, completionInput, completionWarnings, costShares, type CompletionData } from './completion.js';
import { checkEvaluation, dacCriteria, evaluationDataOf, evaluationInput, type EvaluationData } from './evaluation.js';
import { completeRequirements, evaluateRequirements, stageRequirements } from './stage-requirements.js';

const completion = (over: Partial<CompletionData> = {}): CompletionData => ({
  actualStart: '2018-04-16',
  actualEnd: '2018-04-25',
  costs: [{ line: 'travel', amountMinor: 100_00, currency: 'USD', bearer: 'provider', partnerOrg: null, note: null }],
  noCost: false,
  noCostReason: null,
  reportEn: 'Held as planned.',
  reportId: null,
  illustrative: false,
  ...over,
});

const allCriteria = dacCriteria.codes.map((criterion) => ({
  criterion,
  rating: 'satisfactory',
  notAssessed: false,
  reason: 'seen in the report',
}));

const evaluation = (over: Partial<EvaluationData> = {}): EvaluationData => ({
  evaluatorName: 'A. Evaluator',
  evaluatorOrg: 'Bappenas',
  evaluatorKind: 'external',
  evaluatedOn: '2019-02-01',
  scale: 'four_point',
  criteria: allCriteria,
  findings: ['Participants applied the methods at home.'],
  recommendations: [
    {
      text: 'Add a follow-up webinar',
      textId: null,
      response: 'accepted',
      responseReason: null,
      actions: [{ followUpId: null, action: 'Plan the webinar', actionId: null, owner: 'ID-KEMLU', dueOn: '2019-06-30' }],
    },
  ],
  illustrative: false,
  ...over,
});

const paths = (issues: readonly { path: string }[]) => issues.map((i) => i.path);

describe('completeRequirements', () => {
  it('passes a record with dates, a cost line and a report', () => {
    expect(completeRequirements({ completion: completion() })).toEqual([]);
  });

  it('names the whole record when there is none', () => {
    expect(paths(completeRequirements({ completion: null }))).toEqual(['completion']);
  });

  it('names each missing thing when the record is a bare draft', () => {
    const draft = completion({ actualStart: null, actualEnd: null, costs: [], reportEn: null });
    expect(paths(completeRequirements({ completion: draft }))).toEqual([
      'completion.actualStart',
      'completion.actualEnd',
      'completion.costs',
      'completion.report',
    ]);
  });

  it('accepts an explicit "no cost" statement with its reason instead of cost lines', () => {
    expect(completeRequirements({ completion: completion({ costs: [], noCost: true, noCostReason: 'hosted by JICA' }) })).toEqual([]);
    expect(paths(completeRequirements({ completion: completion({ costs: [], noCost: true, noCostReason: null }) }))).toEqual([
      'completion.costs',
    ]);
  });

  it('accepts the report in Indonesian only, or a linked report document instead of the text', () => {
    expect(completeRequirements({ completion: completion({ reportEn: null, reportId: 'Terlaksana.' }) })).toEqual([]);
    expect(completeRequirements({ completion: completion({ reportEn: null }), hasReportDocument: true })).toEqual([]);
  });
  it('names each indicator of the results framework that has no actual value (the outputs against their targets)', () => {
    const issues = completeRequirements({
      completion: completion(),
      indicatorsWithoutActual: ['Officers passing the test', 'Plans applied'],
    });
    expect(issues.map((i) => [i.path, i.params?.indicator])).toEqual([
      ['results.actual', 'Officers passing the test'],
      ['results.actual', 'Plans applied'],
    ]);
    expect(completeRequirements({ completion: completion(), indicatorsWithoutActual: [] })).toEqual([]);
  });

  it('does not ask for actuals before the completion record itself exists', () => {
    expect(completeRequirements({ completion: null, indicatorsWithoutActual: ['Plans applied'] }).map((i) => i.path)).toEqual([
      'completion',
    ]);
  });
});

describe('evaluateRequirements', () => {
  it('passes a full evaluation', () => {
    expect(evaluateRequirements({ evaluation: evaluation() })).toEqual([]);
  });

  it('names the whole record when there is none', () => {
    expect(paths(evaluateRequirements({ evaluation: null }))).toEqual(['evaluation']);
  });

  it('names every criterion neither rated nor marked not assessed, and every missing reason', () => {
    const criteria = [
      { criterion: 'relevance' as const, rating: 'satisfactory', notAssessed: false, reason: null },
      { criterion: 'impact' as const, rating: null, notAssessed: true, reason: null },
      { criterion: 'coherence' as const, rating: 'satisfactory', notAssessed: false, reason: 'ok' },
    ];
    expect(paths(evaluateRequirements({ evaluation: evaluation({ criteria }) }))).toEqual([
      'evaluation.criteria.relevance.reason',
      'evaluation.criteria.effectiveness',
      'evaluation.criteria.efficiency',
      'evaluation.criteria.impact.reason',
      'evaluation.criteria.sustainability',
    ]);
  });

  it('accepts a criterion not assessed with its reason', () => {
    const criteria = allCriteria.map((c) =>
      c.criterion === 'impact' ? { ...c, rating: null, notAssessed: true, reason: 'too early' } : c,
    );
    expect(evaluateRequirements({ evaluation: evaluation({ criteria }) })).toEqual([]);
  });

  it('needs the evaluator, its kind, the date and at least one finding', () => {
    const bare = evaluation({ evaluatorName: null, evaluatorOrg: null, evaluatorKind: null, evaluatedOn: null, findings: [] });
    expect(paths(evaluateRequirements({ evaluation: bare }))).toEqual([
      'evaluation.evaluator',
      'evaluation.evaluatorKind',
      'evaluation.evaluatedOn',
      'evaluation.findings',
    ]);
  });

  it('needs every recommendation answered: accepted with an owned, dated action; the others with a reason', () => {
    const recommendations = [
      { text: 'a', textId: null, response: null, responseReason: null, actions: [] },
      { text: 'b', textId: null, response: 'accepted' as const, responseReason: null, actions: [] },
      { text: 'c', textId: null, response: 'not_accepted' as const, responseReason: null, actions: [] },
      {
        text: 'd',
        textId: null,
        response: 'partly_accepted' as const,
        responseReason: 'budget',
        actions: [{ followUpId: null, action: 'x', actionId: null, owner: null, dueOn: null }],
      },
      { text: 'e', textId: null, response: 'not_accepted' as const, responseReason: 'out of scope', actions: [] },
    ];
    expect(paths(evaluateRequirements({ evaluation: evaluation({ recommendations }) }))).toEqual([
      'evaluation.recommendations.0.response',
      'evaluation.recommendations.1.actions',
      'evaluation.recommendations.2.responseReason',
      'evaluation.recommendations.3.actions.0.owner',
      'evaluation.recommendations.3.actions.0.dueOn',
    ]);
  });
});

describe('stageRequirements', () => {
  it('asks nothing of transitions other than complete and evaluate', () => {
    expect(stageRequirements('start', { completion: null, evaluation: null })).toEqual([]);
    expect(stageRequirements('cancel', { completion: null, evaluation: null })).toEqual([]);
    expect(paths(stageRequirements('complete', { completion: null, evaluation: null }))).toEqual(['completion']);
    expect(paths(stageRequirements('evaluate', { completion: null, evaluation: null }))).toEqual(['evaluation']);
  });
});

describe('checkCompletion', () => {
  it('refuses an end before the start, a partner line without its partner, and "no cost" beside lines or without a reason', () => {
    const bad = completion({
      actualEnd: '2018-04-01',
      costs: [{ line: 'other', amountMinor: 1, currency: 'IDR', bearer: 'partner', partnerOrg: null, note: null }],
      noCost: true,
    });
    expect(paths(checkCompletion(bad))).toEqual(['actualEnd', 'costs.0.partnerOrg', 'noCost', 'noCostReason']);
    expect(checkCompletion(completion())).toEqual([]);
  });

  it('warns, without refusing, when the actual dates differ from the plan', () => {
    const warnings = completionWarnings(completion(), { plannedStart: '2018-04-16', plannedEnd: '2018-04-24' });
    expect(warnings.map((w) => [w.path, w.code])).toEqual([['actualEnd', 'differs_from_plan']]);
  });

  it('reads amounts as decimals into hundredths and drops the partner of a provider line', () => {
    const input = completionInput.parse({
      costs: [{ line: 'per diem', amount: '1250000.5', currency: 'idr', bearer: 'provider', partnerOrg: 'XX' }],
    });
    expect(completionDataOf(input).costs).toEqual([
      { line: 'per_diem', amountMinor: 125000050, currency: 'IDR', bearer: 'provider', partnerOrg: null, note: null },
    ]);
  });
});

describe('costShares', () => {
  it('sums per bearer and currency with each share of its currency total', () => {
    const { shares, totals } = costShares([
      { line: 'travel', amountMinor: 300, currency: 'USD', bearer: 'provider', partnerOrg: null, note: null },
      { line: 'accommodation', amountMinor: 600, currency: 'USD', bearer: 'partner', partnerOrg: 'JICA', note: null },
      { line: 'per_diem', amountMinor: 100, currency: 'USD', bearer: 'provider', partnerOrg: null, note: null },
      { line: 'venue', amountMinor: 5000, currency: 'IDR', bearer: 'partner', partnerOrg: 'AMEXCID', note: null },
    ]);
    expect(shares).toEqual([
      { currency: 'IDR', bearer: 'partner', partnerOrg: 'AMEXCID', amountMinor: 5000, sharePercent: 100 },
      { currency: 'USD', bearer: 'provider', partnerOrg: null, amountMinor: 400, sharePercent: 40 },
      { currency: 'USD', bearer: 'partner', partnerOrg: 'JICA', amountMinor: 600, sharePercent: 60 },
    ]);
    expect(totals).toEqual([
      { currency: 'IDR', amountMinor: 5000, partnerSharePercent: 100 },
      { currency: 'USD', amountMinor: 1000, partnerSharePercent: 60 },
    ]);
  });

  it('gives nothing for no costs, and rounds shares to two decimals', () => {
    expect(costShares([])).toEqual({ shares: [], totals: [] });
    const { shares } = costShares([
      { line: 'travel', amountMinor: 1, currency: 'USD', bearer: 'provider', partnerOrg: null, note: null },
      { line: 'travel', amountMinor: 2, currency: 'USD', bearer: 'partner', partnerOrg: 'P', note: null },
    ]);
    expect(shares.map((s) => s.sharePercent)).toEqual([33.33, 66.67]);
  });
});

describe('checkEvaluation', () => {
  it('refuses a criterion rated twice and a rating off the scale', () => {
    const criteria = [
      { criterion: 'relevance' as const, rating: 'good', notAssessed: false, reason: 'x' },
      { criterion: 'relevance' as const, rating: 'satisfactory', notAssessed: false, reason: 'x' },
    ];
    expect(checkEvaluation(evaluation({ criteria })).map((i) => [i.path, i.code])).toEqual([
      ['criteria.0.rating', 'not_on_scale'],
      ['criteria.1.criterion', 'duplicate'],
    ]);
  });

  it('keeps the DAC order, drops the rating of a criterion not assessed and records the default scale', () => {
    const input = evaluationInput.parse({
      criteria: [
        { criterion: 'impact', rating: 'satisfactory', notAssessed: true, reason: 'too early' },
        { criterion: 'relevance', rating: 'highly_satisfactory', reason: 'asked for' },
      ],
    });
    const data = evaluationDataOf(input);
    expect(data.scale).toBe('four_point');
    expect(data.criteria).toEqual([
      { criterion: 'relevance', rating: 'highly_satisfactory', notAssessed: false, reason: 'asked for' },
      { criterion: 'impact', rating: null, notAssessed: true, reason: 'too early' },
    ]);
  });
});
