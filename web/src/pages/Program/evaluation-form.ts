/** The evaluation form's state, its mapping to and from the API, and its checks (issue 25). */
import { dacCriteria, evaluationInput, type DacCriterion } from '../../../../src/domain/program/evaluation.js';
import type { Schemas } from '../../api/client.js';
import type { EvaluationBody } from '../../api/completion-queries.js';
import { addSchemaErrors, type FieldErrors } from '../../components/field-errors.js';

export interface CriterionRow {
  criterion: DacCriterion;
  rating: string;
  notAssessed: boolean;
  reason: string;
}

export interface ActionRow {
  followUpId: number | null;
  action: string;
  owner: string;
  dueOn: string;
}

export interface RecommendationRow {
  text: string;
  response: '' | 'accepted' | 'partly_accepted' | 'not_accepted';
  responseReason: string;
  actions: ActionRow[];
}

export interface EvaluationForm {
  evaluatorName: string;
  evaluatorOrg: string;
  evaluatorKind: '' | 'internal' | 'external' | 'joint';
  evaluatedOn: string;
  scale: 'four_point';
  criteria: CriterionRow[];
  findings: string[];
  recommendations: RecommendationRow[];
}

type Record = NonNullable<Schemas['Evaluation']['record']>;

export const emptyAction = (): ActionRow => ({ followUpId: null, action: '', owner: '', dueOn: '' });
export const emptyRecommendation = (): RecommendationRow => ({ text: '', response: '', responseReason: '', actions: [] });

/** The form for a stored evaluation, or a first one with the six criteria to rate and one finding to write. */
export function evaluationFormOf(record: Record | null): EvaluationForm {
  const rated = new Map((record?.criteria ?? []).map((c) => [c.criterion, c]));
  return {
    evaluatorName: record?.evaluatorName ?? '',
    evaluatorOrg: record?.evaluatorOrg ?? '',
    evaluatorKind: record?.evaluatorKind ?? '',
    evaluatedOn: record?.evaluatedOn ?? '',
    scale: record?.scale ?? 'four_point',
    criteria: dacCriteria.codes.map((criterion) => {
      const c = rated.get(criterion);
      return { criterion, rating: c?.rating ?? '', notAssessed: c?.notAssessed ?? false, reason: c?.reason ?? '' };
    }),
    findings: record?.findings.length ? [...record.findings] : [''],
    recommendations: (record?.recommendations ?? []).map((r) => ({
      text: r.text,
      response: r.response ?? '',
      responseReason: r.responseReason ?? '',
      actions: r.actions.map((a) => ({ followUpId: a.followUpId, action: a.action, owner: a.owner ?? '', dueOn: a.dueOn ?? '' })),
    })),
  };
}

export function evaluationBody(form: EvaluationForm): EvaluationBody {
  return {
    evaluatorName: form.evaluatorName,
    evaluatorOrg: form.evaluatorOrg,
    evaluatorKind: form.evaluatorKind || null,
    evaluatedOn: form.evaluatedOn || null,
    scale: form.scale,
    // Criteria left blank are not sent: the stage's requirements name them, a draft may lack them.
    criteria: form.criteria
      .filter((c) => c.notAssessed || c.rating || c.reason.trim())
      .map((c) => ({
        criterion: c.criterion,
        rating: c.notAssessed ? null : c.rating || null,
        notAssessed: c.notAssessed,
        reason: c.reason,
      })),
    findings: form.findings.map((x) => x.trim()).filter(Boolean),
    recommendations: form.recommendations.map((r) => ({
      text: r.text,
      response: r.response || null,
      responseReason: r.responseReason,
      actions: r.actions.map((a) => ({
        followUpId: a.followUpId,
        action: a.action,
        owner: a.owner.trim() || null,
        dueOn: a.dueOn || null,
      })),
    })),
  };
}

export function evaluationErrors(form: EvaluationForm): FieldErrors {
  return addSchemaErrors(new Map(), evaluationInput.safeParse(evaluationBody(form)));
}
