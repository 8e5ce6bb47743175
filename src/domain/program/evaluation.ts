/**
 * A program's evaluation (issue 25, docs/completion-evaluation.md): who evaluated it and when, the
 * six OECD DAC criteria (2019 revision: relevance, coherence, effectiveness, efficiency, impact,
 * sustainability) each rated on a stated scale with the reason, the findings, the
 * recommendations and the management response to each, whose actions (an owner organisation and
 * a due day) become follow-ups.
 *
 * The scale is recorded on the evaluation: a later change of the default scale leaves old ratings
 * readable. The one scale today is the four-point scale JICA and ADB use for ex-post evaluations.
 */
import { z } from 'zod';
import { defineCodeSet } from '../code-set.js';
import type { FieldIssue } from '../errors.js';
import { LIMITS, calendarDate, codeOf, optionalText } from '../schema-helpers.js';

export const dacCriteria = defineCodeSet({
  relevance: { en: 'Relevance', id: 'Relevansi' },
  coherence: { en: 'Coherence', id: 'Koherensi' },
  effectiveness: { en: 'Effectiveness', id: 'Efektivitas' },
  efficiency: { en: 'Efficiency', id: 'Efisiensi' },
  impact: { en: 'Impact', id: 'Dampak' },
  sustainability: { en: 'Sustainability', id: 'Keberlanjutan' },
});
export type DacCriterion = (typeof dacCriteria.codes)[number];

export const evaluationScales = defineCodeSet({
  four_point: { en: 'Four-point scale (JICA, ADB)', id: 'Skala empat tingkat (JICA, ADB)' },
});
export type EvaluationScale = (typeof evaluationScales.codes)[number];

/** The ratings of the four-point scale, best first. */
export const fourPointRatings = defineCodeSet({
  highly_satisfactory: { en: 'Highly satisfactory', id: 'Sangat memuaskan' },
  satisfactory: { en: 'Satisfactory', id: 'Memuaskan' },
  partly_unsatisfactory: { en: 'Partly unsatisfactory', id: 'Kurang memuaskan' },
  unsatisfactory: { en: 'Unsatisfactory', id: 'Tidak memuaskan' },
});

/** The ratings each scale allows. */
export const RATINGS_OF_SCALE: Readonly<Record<EvaluationScale, readonly string[]>> = {
  four_point: fourPointRatings.codes,
};
export const DEFAULT_SCALE: EvaluationScale = 'four_point';

export const evaluatorKinds = defineCodeSet({
  internal: { en: 'Internal', id: 'Internal' },
  external: { en: 'External', id: 'Eksternal' },
  joint: { en: 'Joint', id: 'Gabungan' },
});
export type EvaluatorKind = (typeof evaluatorKinds.codes)[number];

export const managementResponses = defineCodeSet({
  accepted: { en: 'Accepted', id: 'Diterima' },
  partly_accepted: { en: 'Partly accepted', id: 'Diterima sebagian' },
  not_accepted: { en: 'Not accepted', id: 'Tidak diterima' },
});
export type ManagementResponse = (typeof managementResponses.codes)[number];

export const MAX_FINDINGS = 50;
export const MAX_RECOMMENDATIONS = 50;
export const MAX_ACTIONS = 20;
const TEXT = LIMITS.shortText * 10;

export const criterionInput = z.strictObject({
  criterion: codeOf(dacCriteria, 'DAC criterion'),
  /** A rating of the evaluation's scale; null when not assessed (or not yet rated). */
  rating: z.string().trim().max(50).nullable().optional(),
  notAssessed: z.boolean().default(false),
  reason: optionalText(TEXT),
});

export const responseActionInput = z.strictObject({
  /** The follow-up this action already is (to keep its status when the evaluation is saved again). */
  followUpId: z.number().int().positive().nullable().optional(),
  action: z.string().trim().min(1, { message: 'is required' }).max(TEXT),
  actionId: optionalText(TEXT),
  /** The organisation (its code) that answers for the action. */
  owner: z.string().trim().max(100).nullable().optional(),
  dueOn: calendarDate.nullable().optional(),
});

export const recommendationInput = z.strictObject({
  text: z.string().trim().min(1, { message: 'is required' }).max(TEXT),
  textId: optionalText(TEXT),
  response: codeOf(managementResponses, 'management response').nullable().optional(),
  responseReason: optionalText(TEXT),
  actions: z.array(responseActionInput).max(MAX_ACTIONS).default([]),
});

export const evaluationInput = z.strictObject({
  evaluatorName: optionalText(LIMITS.shortText),
  evaluatorOrg: optionalText(LIMITS.shortText),
  evaluatorKind: codeOf(evaluatorKinds, 'evaluator kind').nullable().optional(),
  evaluatedOn: calendarDate.nullable().optional(),
  scale: codeOf(evaluationScales, 'rating scale').default(DEFAULT_SCALE),
  criteria: z.array(criterionInput).max(dacCriteria.codes.length).default([]),
  findings: z.array(z.string().trim().min(1).max(TEXT)).max(MAX_FINDINGS).default([]),
  recommendations: z.array(recommendationInput).max(MAX_RECOMMENDATIONS).default([]),
  illustrative: z.boolean().optional(),
});
export type EvaluationInput = z.infer<typeof evaluationInput>;

export interface CriterionRating {
  readonly criterion: DacCriterion;
  readonly rating: string | null;
  readonly notAssessed: boolean;
  readonly reason: string | null;
}

export interface ResponseAction {
  readonly followUpId: number | null;
  readonly action: string;
  readonly actionId: string | null;
  readonly owner: string | null;
  readonly dueOn: string | null;
}

export interface Recommendation {
  readonly text: string;
  readonly textId: string | null;
  readonly response: ManagementResponse | null;
  readonly responseReason: string | null;
  readonly actions: readonly ResponseAction[];
}

export interface EvaluationData {
  readonly evaluatorName: string | null;
  readonly evaluatorOrg: string | null;
  readonly evaluatorKind: EvaluatorKind | null;
  readonly evaluatedOn: string | null;
  readonly scale: EvaluationScale;
  readonly criteria: readonly CriterionRating[];
  readonly findings: readonly string[];
  readonly recommendations: readonly Recommendation[];
  readonly illustrative: boolean;
}

export interface EvaluationRecord extends EvaluationData {
  readonly activityId: number;
  readonly version: number;
  readonly updatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function evaluationDataOf(input: EvaluationInput, illustrativeBefore = false): EvaluationData {
  return {
    evaluatorName: input.evaluatorName ?? null,
    evaluatorOrg: input.evaluatorOrg ?? null,
    evaluatorKind: input.evaluatorKind ?? null,
    evaluatedOn: input.evaluatedOn ?? null,
    scale: input.scale,
    // In the DAC order, whatever order they came in.
    criteria: [...input.criteria]
      .sort((a, b) => dacCriteria.codes.indexOf(a.criterion) - dacCriteria.codes.indexOf(b.criterion))
      .map((c) => ({
        criterion: c.criterion,
        rating: c.notAssessed ? null : (c.rating ?? null),
        notAssessed: c.notAssessed,
        reason: c.reason ?? null,
      })),
    findings: input.findings,
    recommendations: input.recommendations.map((r) => ({
      text: r.text,
      textId: r.textId ?? null,
      response: r.response ?? null,
      responseReason: r.responseReason ?? null,
      actions: r.actions.map((a) => ({
        followUpId: a.followUpId ?? null,
        action: a.action,
        actionId: a.actionId ?? null,
        owner: a.owner ?? null,
        dueOn: a.dueOn ?? null,
      })),
    })),
    illustrative: input.illustrative ?? illustrativeBefore,
  };
}

/** Whether a rating belongs to a scale (a record keeps its own scale, so old ratings stay valid). */
export function isRatingOf(scale: EvaluationScale, rating: string): boolean {
  return RATINGS_OF_SCALE[scale].includes(rating);
}

/**
 * Rules an evaluation keeps even as a draft (a save breaking one is refused): each criterion once,
 * ratings of the evaluation's scale, no rating on a criterion not assessed, the same action not
 * twice under one follow-up.
 */
export function checkEvaluation(d: EvaluationData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  d.criteria.forEach((c, i) => {
    if (seen.has(c.criterion))
      issues.push({
        path: `criteria.${i}.criterion`,
        code: 'duplicate',
        params: { value: c.criterion },
        message: `${c.criterion} is rated twice`,
      });
    seen.add(c.criterion);
    if (c.rating !== null && !isRatingOf(d.scale, c.rating))
      issues.push({
        path: `criteria.${i}.rating`,
        code: 'not_on_scale',
        params: { value: c.rating, expected: RATINGS_OF_SCALE[d.scale].join(', ') },
        message: `"${c.rating}" is not a rating of the ${d.scale} scale (${RATINGS_OF_SCALE[d.scale].join(', ')})`,
      });
  });
  const followUps = new Set<number>();
  d.recommendations.forEach((r, i) =>
    r.actions.forEach((a, j) => {
      if (a.followUpId === null) return;
      if (followUps.has(a.followUpId))
        issues.push({
          path: `recommendations.${i}.actions.${j}.followUpId`,
          code: 'duplicate',
          message: 'this follow-up is already another action',
        });
      followUps.add(a.followUpId);
    }),
  );
  return issues;
}

/** The evaluation's JSON columns as stored (db/completion.repo.ts parses them with these). */
export const storedCriteria = z.array(
  z.object({
    criterion: z.enum(dacCriteria.codes),
    rating: z.string().nullable(),
    notAssessed: z.boolean(),
    reason: z.string().nullable(),
  }),
);
export const storedFindings = z.array(z.string());
export const storedRecommendations = z.array(
  z.object({
    text: z.string(),
    textId: z.string().nullable(),
    response: z.enum(managementResponses.codes).nullable(),
    responseReason: z.string().nullable(),
    actions: z.array(
      z.object({
        followUpId: z.number().int().nullable(),
        action: z.string(),
        actionId: z.string().nullable(),
        owner: z.string().nullable(),
        dueOn: z.string().nullable(),
      }),
    ),
  }),
);
