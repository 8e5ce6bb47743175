/**
 * What a stage needs before a program may enter it (issue 25): `complete` needs a completion
 * record, `evaluate` an evaluation, each with the content named below. Pure: the service loads
 * the records and passes them in; a requirement that needs more data (indicators without an
 * actual, a completion-report document) is one more field of the input and one more check here.
 *
 * Every missing thing is one field issue, so the refusal (422 `activity.stage_requirements`)
 * names them all at once. Paths start with the record they concern (`completion.…`,
 * `evaluation.…`), as the forms name their fields.
 */
import type { FieldIssue } from '../errors.js';
import type { CompletionData } from './completion.js';
import { dacCriteria, type EvaluationData } from './evaluation.js';
import type { TransitionAction } from './lifecycle.js';

export interface CompletionRequirementInput {
  readonly completion: CompletionData | null;
  /**
   * Whether a document of category "completion report" is linked to the program (the program
   * documents' capability): it stands for the report text.
   */
  readonly hasReportDocument?: boolean;
  /**
   * The outputs against their targets: the titles of the results framework's indicators that
   * have no actual value in any period (docs/results.md). A program without a framework has none.
   */
  readonly indicatorsWithoutActual?: readonly string[];
}

export interface EvaluationRequirementInput {
  readonly evaluation: EvaluationData | null;
}

const need = (path: string, message: string, code = 'required'): FieldIssue => ({ path, code, message });

export function completeRequirements({
  completion: c,
  hasReportDocument = false,
  indicatorsWithoutActual = [],
}: CompletionRequirementInput): FieldIssue[] {
  if (!c) return [need('completion', 'record the completion first: the actual dates, the actual cost and the completion report')];
  const issues: FieldIssue[] = [];
  if (!c.actualStart) issues.push(need('completion.actualStart', 'the actual start date is missing'));
  if (!c.actualEnd) issues.push(need('completion.actualEnd', 'the actual end date is missing'));
  if (c.costs.length === 0 && !(c.noCost && c.noCostReason))
    issues.push(need('completion.costs', 'record at least one actual cost line, or state that no cost was borne and why'));
  if (!c.reportEn && !c.reportId && !hasReportDocument)
    issues.push(
      need(
        'completion.report',
        'the completion report is missing (in English or Indonesian, or as a document of the kind completion report)',
      ),
    );
  for (const title of indicatorsWithoutActual)
    issues.push({
      ...need('results.actual', `the indicator "${title}" has no actual value: record what was achieved against its target`),
      params: { indicator: title },
    });
  return issues;
}

export function evaluateRequirements({ evaluation: e }: EvaluationRequirementInput): FieldIssue[] {
  if (!e) return [need('evaluation', 'record the evaluation first: the evaluator, the criteria, the findings and the management response')];
  const issues: FieldIssue[] = [];
  if (!e.evaluatorName && !e.evaluatorOrg)
    issues.push(need('evaluation.evaluator', 'say who evaluated the program (a name or an organisation)'));
  if (!e.evaluatorKind) issues.push(need('evaluation.evaluatorKind', 'say whether the evaluation was internal, external or joint'));
  if (!e.evaluatedOn) issues.push(need('evaluation.evaluatedOn', 'the date of the evaluation is missing'));
  for (const criterion of dacCriteria.codes) {
    const rated = e.criteria.find((c) => c.criterion === criterion);
    const path = `evaluation.criteria.${criterion}`;
    if (!rated || (!rated.notAssessed && !rated.rating))
      issues.push({ ...need(path, `${criterion} is neither rated nor marked not assessed`), params: { criterion } });
    else if (!rated.reason)
      issues.push({
        ...need(
          `${path}.reason`,
          rated.notAssessed ? `say why ${criterion} was not assessed` : `give the reason for the ${criterion} rating`,
        ),
        params: { criterion },
      });
  }
  if (e.findings.length === 0) issues.push(need('evaluation.findings', 'record at least one finding'));
  e.recommendations.forEach((r, i) => issues.push(...responseRequirements(r, `evaluation.recommendations.${i}`)));
  return issues;
}

/** Each recommendation answered: accepted ones with an action (owner, due day), the others with a reason. */
function responseRequirements(r: EvaluationData['recommendations'][number], path: string): FieldIssue[] {
  if (!r.response) return [need(`${path}.response`, 'the management response to this recommendation is missing')];
  const issues: FieldIssue[] = [];
  if (r.response !== 'accepted' && !r.responseReason)
    issues.push(need(`${path}.responseReason`, 'say why the recommendation is not (fully) accepted'));
  if (r.response !== 'not_accepted' && r.actions.length === 0)
    issues.push(need(`${path}.actions`, 'an accepted recommendation needs at least one action with an owner and a due date'));
  r.actions.forEach((a, j) => {
    if (!a.owner) issues.push(need(`${path}.actions.${j}.owner`, 'name the organisation that owns this action'));
    if (!a.dueOn) issues.push(need(`${path}.actions.${j}.dueOn`, 'give this action a due date'));
  });
  return issues;
}

/** What the stage a transition leads to needs and the program lacks; empty for transitions that need nothing. */
export function stageRequirements(action: TransitionAction, input: CompletionRequirementInput & EvaluationRequirementInput): FieldIssue[] {
  if (action === 'complete') return completeRequirements(input);
  if (action === 'evaluate') return evaluateRequirements(input);
  return [];
}
