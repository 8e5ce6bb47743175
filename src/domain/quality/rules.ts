/**
 * Data-quality rules as data (issue 23, "data quality, scored"): each row of `quality_rules` is
 * one of a few rule *kinds* with its parameters, a dimension, a severity, a weight and a switch.
 * The kinds are code (evaluate.ts); which rules exist, their weights, stages, fields, months and
 * days are rows the coordination team changes without a release. Modelled on AMP's performance
 * rules (a type with parameters, switched on and off) and IATI's publishing statistics
 * (completeness, timeliness, consistency).
 */
import { z } from 'zod';
import { defineCodeSet } from '../code-set.js';
import { cooperationTypes, lifecycleStages, modalities, type LifecycleStage } from '../codes.js';
import { InvalidError, type FieldIssue } from '../errors.js';
import { qualityFields } from './fields.js';

export const qualityDimensions = defineCodeSet({
  completeness: { en: 'Completeness', id: 'Kelengkapan' },
  timeliness: { en: 'Timeliness', id: 'Ketepatan waktu' },
  consistency: { en: 'Consistency', id: 'Konsistensi' },
});
export type QualityDimension = (typeof qualityDimensions.codes)[number];

export const qualitySeverities = defineCodeSet({
  required: { en: 'Required', id: 'Wajib' },
  recommended: { en: 'Recommended', id: 'Disarankan' },
});
export type QualitySeverity = (typeof qualitySeverities.codes)[number];

/** Stages a rule applies to when its params name none: every stage but rejected and cancelled. */
export const DEFAULT_RULE_STAGES: readonly LifecycleStage[] = lifecycleStages.codes.filter((s) => s !== 'rejected' && s !== 'cancelled');

export const MAX_RULE_WEIGHT = 100;

const codeEnum = <C extends string>(codes: readonly C[], what: string) =>
  // A code set is never empty (defineCodeSet over a literal record), as z.enum requires.
  z.enum(codes as [C, ...C[]], { error: () => `must be a ${what}: ${codes.join(', ')}` });

const nonEmptyList = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, { error: `list at least one ${what}, or leave the list out` });

/** Which programs a rule applies to; every kind takes these (all optional). */
const scope = {
  stages: nonEmptyList(codeEnum(lifecycleStages.codes, 'lifecycle stage'), 'stage').optional(),
  modalities: nonEmptyList(codeEnum(modalities.codes, 'modality'), 'modality').optional(),
  cooperationTypes: nonEmptyList(codeEnum(cooperationTypes.codes, 'cooperation type'), 'cooperation type').optional(),
};

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .number({ error: `must be a number of ${unit}` })
    .int({ error: `must be a whole number of ${unit}` })
    .min(min, { error: `must be at least ${min} ${unit}` })
    .max(max, { error: `must be at most ${max} ${unit}` });

/** The params of each kind, strict: an unknown key is a typo the coordination team should see. */
export const RULE_PARAMS = {
  /** A field recorded (fields.ts), for programs in the given stages (e.g. the actual end from completed on). */
  field_present: z.strictObject({ ...scope, field: codeEnum(qualityFields.codes, 'quality field') }),
  /**
   * Days from the program's end (actual, else planned; or the planned end) to its first transition into a stage
   * (`to`), at most `maxDays`. A program that reached the stage without a dated transition (entered
   * in it) is skipped, or fails with `undated: "fail"`.
   */
  days_between: z.strictObject({
    ...scope,
    // The completion transition fills a missing actual end with its own day (stage-status.ts), so
    // "planned_end" measures a late completion that "end" would see as on time.
    from: z.enum(['end', 'planned_end'], { error: 'must be "end" (the actual end, else the planned end) or "planned_end"' }),
    to: z.enum(['completed', 'evaluated'], { error: 'must be "completed" or "evaluated"' }),
    maxDays: wholeNumber(0, 3650, 'days'),
    undated: z.enum(['skip', 'fail'], { error: 'must be "skip" or "fail"' }).optional(),
  }),
  /** Spending dated more than `graceDays` after the program's end. */
  spending_after_end: z.strictObject({ ...scope, graceDays: wholeNumber(0, 3650, 'days') }),
  /** More than `maxSharePercent` of the counted participants with sex unknown (X). */
  participants_sex_missing: z.strictObject({ ...scope, maxSharePercent: wholeNumber(0, 100, 'percent') }),
  /** No lifecycle transition for `months` months (since the latest, else since the record was created). */
  stage_stale: z.strictObject({ ...scope, months: wholeNumber(1, 120, 'months') }),
  /** Budgets or spending in a currency with no exchange rate on or before their day (reports cannot convert them). */
  budget_without_rate: z.strictObject({
    ...scope,
    amounts: nonEmptyList(z.enum(['budgets', 'spending'], { error: 'must be "budgets" or "spending"' }), 'kind of amount'),
  }),
  /** Counted participants more than `tolerancePercent` away from the stated (planned) number. */
  participant_totals_mismatch: z.strictObject({ ...scope, tolerancePercent: wholeNumber(0, 1000, 'percent') }),
  /** The end (actual, else planned) before the start. */
  dates_in_order: z.strictObject({ ...scope }),
} as const;

export type RuleKind = keyof typeof RULE_PARAMS;
// Object.keys of a literal object: exactly its keys.
export const RULE_KINDS = Object.keys(RULE_PARAMS) as RuleKind[];
export type RuleParams<K extends RuleKind> = z.output<(typeof RULE_PARAMS)[K]>;

/** A kind with its params, checked together. */
export type RuleDefinition = { [K in RuleKind]: { readonly kind: K; readonly params: RuleParams<K> } }[RuleKind];

export interface QualityRule {
  readonly code: string;
  readonly dimension: QualityDimension;
  readonly severity: QualitySeverity;
  readonly weight: number;
  readonly enabled: boolean;
  readonly labelEn: string;
  readonly labelId: string;
  readonly sortOrder: number;
  readonly updatedAt: string;
  /** The user who last changed the rule; null for the seeded default. */
  readonly updatedBy: number | null;
  readonly definition: RuleDefinition;
}

export const isRuleKind = (value: string): value is RuleKind => Object.hasOwn(RULE_PARAMS, value);

function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    code: i.code,
    message: i.message,
  }));
}

/**
 * Reads a kind and its params (a stored row, or a change the coordination team asks for):
 * InvalidError listing every problem under `params.<key>`.
 */
export function parseRuleDefinition(kind: string, params: unknown): RuleDefinition {
  if (!isRuleKind(kind)) {
    throw new InvalidError('quality_rule.unknown_kind', `unknown rule kind "${kind}"`, [
      { path: 'kind', code: 'invalid_value', message: `must be one of ${RULE_KINDS.join(', ')}` },
    ]);
  }
  const parsed = RULE_PARAMS[kind].safeParse(params);
  if (!parsed.success) {
    throw new InvalidError('quality_rule.invalid_params', `the params of a ${kind} rule are not valid`, issuesOf(parsed.error, 'params'));
  }
  // The schema chosen by `kind` gave these params, so they are that kind's.
  return { kind, params: parsed.data } as RuleDefinition;
}

/** What the coordination team may change of a rule: its switch, weight, severity and params. */
export const qualityRuleChangeSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    weight: wholeNumber(0, MAX_RULE_WEIGHT, 'points').optional(),
    severity: codeEnum(qualitySeverities.codes, 'severity').optional(),
    params: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: "the rule's params, whole (replacing the stored ones), checked against its kind" }),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { error: 'change at least one of enabled, weight, severity, params' });
export type QualityRuleChange = z.output<typeof qualityRuleChangeSchema>;
