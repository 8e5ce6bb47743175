/** What the completion and evaluation routes answer (completion.routes.ts): response schemas and presenters. */
import { z } from 'zod';
import { formatMinor } from '../domain/money.js';
import { costBearers, costLines } from '../domain/program/completion.js';
import { dacCriteria, evaluationScales, evaluatorKinds, managementResponses } from '../domain/program/evaluation.js';
import type { FieldIssue } from '../domain/errors.js';
import type { CompletionView, EvaluationView } from '../services/completion.js';
import { followUpSchema } from './engagement.schemas.js';

const day = z.string().meta({ format: 'date' });
const amount = z.string().meta({ description: 'exact decimal amount', example: '1250000.00' });
const issueSchema = z.object({
  path: z.string(),
  code: z.string().optional(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const completionViewSchema = z
  .object({
    record: z
      .object({
        actualStart: day.nullable(),
        actualEnd: day.nullable(),
        costs: z.array(
          z.object({
            line: z.enum(costLines.codes),
            amount,
            currency: z.string(),
            bearer: z.enum(costBearers.codes),
            partnerOrg: z.string().nullable(),
            note: z.string().nullable(),
          }),
        ),
        noCost: z.boolean(),
        noCostReason: z.string().nullable(),
        reportEn: z.string().nullable(),
        reportId: z.string().nullable(),
        illustrative: z.boolean(),
        updatedAt: z.string(),
      })
      .nullable()
      .meta({ description: 'null when no completion is recorded (or the public may not see it yet)' }),
    version: z.number().int().meta({ description: 'the record’s version, sent as the ETag; 0 when none is recorded' }),
    costsShown: z.boolean().meta({ description: 'false for the public, who sees no costs' }),
    shares: z.array(
      z.object({
        currency: z.string(),
        bearer: z.enum(costBearers.codes),
        partnerOrg: z.string().nullable(),
        amount,
        sharePercent: z.number(),
      }),
    ),
    totals: z.array(z.object({ currency: z.string(), amount, partnerSharePercent: z.number() })),
    warnings: z.array(issueSchema).meta({ description: 'differences from the plan, never refusals' }),
    missing: z.array(issueSchema).meta({ description: 'what moving the program to completed still needs' }),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Completion' });

const actionSchema = z.object({
  followUpId: z.number().int().nullable(),
  action: z.string(),
  actionId: z.string().nullable(),
  owner: z.string().nullable(),
  dueOn: day.nullable(),
});

export const evaluationViewSchema = z
  .object({
    record: z
      .object({
        evaluatorName: z.string().nullable().meta({ description: 'personal data: null for the public' }),
        evaluatorOrg: z.string().nullable(),
        evaluatorKind: z.enum(evaluatorKinds.codes).nullable(),
        evaluatedOn: day.nullable(),
        scale: z.enum(evaluationScales.codes),
        criteria: z.array(
          z.object({
            criterion: z.enum(dacCriteria.codes),
            rating: z.string().nullable(),
            notAssessed: z.boolean(),
            reason: z.string().nullable(),
          }),
        ),
        findings: z.array(z.string()),
        recommendations: z
          .array(
            z.object({
              text: z.string(),
              textId: z.string().nullable(),
              response: z.enum(managementResponses.codes).nullable(),
              responseReason: z.string().nullable(),
              actions: z.array(actionSchema),
            }),
          )
          .meta({ description: 'with the management response; empty for the public' }),
        illustrative: z.boolean(),
        updatedAt: z.string(),
      })
      .nullable(),
    version: z.number().int(),
    followUps: z.array(followUpSchema).meta({ description: 'the management response’s actions as follow-ups, with their statuses' }),
    missing: z.array(issueSchema).meta({ description: 'what moving the program to evaluated still needs' }),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Evaluation' });

const issues = (list: readonly FieldIssue[]) => list.map((i) => ({ ...i, params: i.params ? { ...i.params } : undefined }));

export function presentCompletion(v: CompletionView): z.input<typeof completionViewSchema> {
  const r = v.record;
  return {
    record: r && {
      actualStart: r.actualStart,
      actualEnd: r.actualEnd,
      costs: r.costs.map((c) => ({
        line: c.line,
        amount: formatMinor(c.amountMinor),
        currency: c.currency,
        bearer: c.bearer,
        partnerOrg: c.partnerOrg,
        note: c.note,
      })),
      noCost: r.noCost,
      noCostReason: r.noCostReason,
      reportEn: r.reportEn,
      reportId: r.reportId,
      illustrative: r.illustrative,
      updatedAt: r.updatedAt,
    },
    version: v.version,
    costsShown: v.costsShown,
    shares: v.shares.map((s) => ({
      currency: s.currency,
      bearer: s.bearer,
      partnerOrg: s.partnerOrg,
      amount: formatMinor(s.amountMinor),
      sharePercent: s.sharePercent,
    })),
    totals: v.totals.map((t) => ({ currency: t.currency, amount: formatMinor(t.amountMinor), partnerSharePercent: t.partnerSharePercent })),
    warnings: issues(v.warnings),
    missing: issues(v.missing),
    canEdit: v.canEdit,
  };
}

export function presentEvaluation(v: EvaluationView): z.input<typeof evaluationViewSchema> {
  const r = v.record;
  return {
    record: r && {
      evaluatorName: r.evaluatorName,
      evaluatorOrg: r.evaluatorOrg,
      evaluatorKind: r.evaluatorKind,
      evaluatedOn: r.evaluatedOn,
      scale: r.scale,
      criteria: r.criteria.map((c) => ({ ...c })),
      findings: [...r.findings],
      recommendations: r.recommendations.map((x) => ({ ...x, actions: x.actions.map((a) => ({ ...a })) })),
      illustrative: r.illustrative,
      updatedAt: r.updatedAt,
    },
    version: v.version,
    followUps: v.followUps.map((f) => ({ ...f })),
    missing: issues(v.missing),
    canEdit: v.canEdit,
  };
}
