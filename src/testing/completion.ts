/**
 * Completion and evaluation records for tests (issue 25): what `complete` and `evaluate` need,
 * saved as the system (If-Match *), so that a test can move a program on as a signed-in user.
 */
import type { AppContext } from '../main.js';
import { completionInput, type CompletionInput } from '../domain/program/completion.js';
import { dacCriteria, evaluationInput, type EvaluationInput } from '../domain/program/evaluation.js';
import { saveCompletion, saveEvaluation } from '../services/completion.js';

/** A completion record that satisfies `complete` (the wire form, before parsing). */
export function aCompletion(overrides: Partial<Record<keyof CompletionInput, unknown>> = {}): Record<string, unknown> {
  return {
    actualStart: '2018-04-16',
    actualEnd: '2018-04-25',
    costs: [{ line: 'travel', amount: '15000000', currency: 'IDR', bearer: 'provider' }],
    reportEn: 'Held as planned; 24 participants completed the course.',
    ...overrides,
  };
}

/** An evaluation that satisfies `evaluate`; its one accepted recommendation's action is owned by `owner`. */
export function anEvaluation(owner: string, overrides: Partial<Record<keyof EvaluationInput, unknown>> = {}): Record<string, unknown> {
  return {
    evaluatorName: 'Evaluator One',
    evaluatorOrg: 'Bappenas',
    evaluatorKind: 'internal',
    evaluatedOn: '2019-01-15',
    criteria: dacCriteria.codes.map((criterion) => ({ criterion, rating: 'satisfactory', reason: `the ${criterion} seen in the report` })),
    findings: ['Participants applied the methods at home.'],
    recommendations: [
      { text: 'Add a follow-up webinar', response: 'accepted', actions: [{ action: 'Plan the webinar', owner, dueOn: '2019-06-30' }] },
    ],
    ...overrides,
  };
}

export async function recordCompletion(
  app: AppContext,
  programId: number,
  overrides: Parameters<typeof aCompletion>[0] = {},
): Promise<void> {
  await saveCompletion(app.deps, programId, completionInput.parse(aCompletion(overrides)));
}

export async function recordEvaluation(
  app: AppContext,
  programId: number,
  owner: string,
  overrides: Parameters<typeof anEvaluation>[1] = {},
): Promise<void> {
  await saveEvaluation(app.deps, programId, evaluationInput.parse(anEvaluation(owner, overrides)));
}
