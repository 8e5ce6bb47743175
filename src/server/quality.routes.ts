/**
 * Data quality, scored (issue 23; docs/data-quality.md): the rules (the coordination team switches
 * them and changes weights and params), a year's scorecard per agency with its CSV and XLSX
 * downloads, an agency's programs with what to fix, and one program's findings. The coordination
 * team sees every agency; an agency's officer its own (policy.qualityAgencyScope).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lifecycleStages } from '../domain/codes.js';
import { qualityDimensions, qualityRuleChangeSchema, qualitySeverities, RULE_KINDS, type QualityRule } from '../domain/quality/rules.js';
import { tableCsv } from '../io/table-file.js';
import { xlsxBytes } from '../io/xlsx-write.js';
import { qualityScorecardTables } from '../io/quality-tables.js';
import type { ServiceDeps } from '../services/deps.js';
import { changeQualityRule, listQualityRules, programQualityOf, qualityPrograms, qualityScorecard } from '../services/quality.js';
import { depsFor } from './auth.js';
import { asAttachment, XLSX } from './downloads.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Data quality'];
const dimension = z.enum(qualityDimensions.codes);
const severity = z.enum(qualitySeverities.codes);
const year = z.coerce.number().int().min(1900).max(2200);
const agency = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .optional()
  .meta({ description: "an implementing agency's code; an agency's officer may give only their own" });

const ruleSchema = z
  .object({
    code: z.string(),
    kind: z.enum(RULE_KINDS as [string, ...string[]]),
    dimension,
    severity,
    weight: z.number().int(),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()).meta({ description: "the kind's params (docs/data-quality.md)" }),
    labelEn: z.string(),
    labelId: z.string(),
    sortOrder: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.number().int().nullable(),
  })
  .meta({ id: 'QualityRule' });

const presentRule = (r: QualityRule): z.output<typeof ruleSchema> => ({
  code: r.code,
  kind: r.definition.kind,
  dimension: r.dimension,
  severity: r.severity,
  weight: r.weight,
  enabled: r.enabled,
  params: { ...r.definition.params },
  labelEn: r.labelEn,
  labelId: r.labelId,
  sortOrder: r.sortOrder,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

const findingSchema = z
  .object({
    rule: z.string(),
    dimension,
    severity,
    weight: z.number().int(),
    labelEn: z.string(),
    labelId: z.string(),
    field: z.string().meta({ description: 'the field or topic to fix, e.g. actual_end, participants.sex, stage:completed' }),
    en: z.string().meta({ description: 'what to fix, in English' }),
    id: z.string().meta({ description: 'what to fix, in Indonesian' }),
  })
  .meta({ id: 'QualityFinding' });

const programBase = {
  programId: z.number().int(),
  identifier: z.string(),
  titleEn: z.string().nullable(),
  titleId: z.string().nullable(),
  implementingOrg: z.string().nullable(),
  lifecycleStage: z.enum(lifecycleStages.codes),
  score: z.number().nullable().meta({ description: '0–100; null when no rule applies' }),
  checks: z.number().int().meta({ description: 'rules that apply to the program' }),
  lostWeight: z.number().int().meta({ description: 'weight of the failed checks' }),
};

export const programQualitySchema = z.object({ ...programBase, findings: z.array(findingSchema) }).meta({ id: 'ProgramQuality' });

const scorecardSchema = z
  .object({
    programs: z.number().int(),
    programsWithFindings: z.number().int(),
    programsWithRequiredFindings: z.number().int(),
    passed: z.number().int().meta({ description: 'weight of the passed checks' }),
    applicable: z.number().int().meta({ description: 'weight of the applicable checks' }),
    score: z.number().nullable().meta({ description: '100 × passed / applicable, one decimal; null when no check applies' }),
    dimensions: z.array(z.object({ dimension, passed: z.number().int(), applicable: z.number().int(), score: z.number().nullable() })),
    rules: z.array(
      z.object({
        rule: z.string(),
        dimension,
        severity,
        weight: z.number().int(),
        labelEn: z.string(),
        labelId: z.string(),
        applicable: z.number().int().meta({ description: 'programs the rule applied to' }),
        passed: z.number().int(),
      }),
    ),
    mostToFix: z.array(z.object({ ...programBase, findings: z.number().int(), requiredFindings: z.number().int() })),
  })
  .meta({ id: 'QualityScorecardTotals' });

const qualityScorecardSchema = z
  .object({
    year: z.number().int(),
    implementingOrg: z.string().nullable(),
    evaluatedOn: z.string(),
    rulesEnabled: z.number().int(),
    total: scorecardSchema,
    agencies: z.array(
      scorecardSchema.extend({ implementingOrg: z.string().nullable(), nameEn: z.string().nullable(), nameId: z.string().nullable() }),
    ),
  })
  .meta({ id: 'QualityScorecard' });

const programsPageSchema = z
  .object({
    year: z.number().int(),
    evaluatedOn: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    rows: z.array(programQualitySchema),
  })
  .meta({ id: 'QualityProgramsPage' });

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export function registerQualityRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/quality/rules',
    {
      schema: {
        tags: TAG,
        summary: 'The data-quality rules (kind, params, dimension, severity, weight, on/off), in their order',
        response: { 200: z.object({ items: z.array(ruleSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listQualityRules(depsFor(deps, request))).map(presentRule) }),
  );

  app.patch(
    '/api/v1/quality/rules/:code',
    {
      schema: {
        tags: TAG,
        summary:
          'Switch a rule on or off, or change its weight, severity or params (checked against its kind): the coordination team; audited',
        params: z.object({ code: z.string().min(1).max(64) }),
        body: qualityRuleChangeSchema,
        response: { 200: ruleSchema, ...problemResponses },
      },
    },
    async (request) => presentRule(await changeQualityRule(depsFor(deps, request), request.params.code, request.body)),
  );

  app.get(
    '/api/v1/quality/scorecard',
    {
      schema: {
        tags: TAG,
        summary:
          "A year's data-quality scorecard per implementing agency (the programs the annual report counts in the year): scores per dimension, each rule's passes, the programs with the most to fix",
        querystring: z.object({ year, agency }),
        response: { 200: qualityScorecardSchema, ...problemResponses },
      },
    },
    async (request) => {
      const card = await qualityScorecard(depsFor(deps, request), request.query.year, request.query.agency);
      // The same shape: the service's lists are readonly, the response schema's types mutable.
      return card as z.input<typeof qualityScorecardSchema>;
    },
  );

  app.get(
    '/api/v1/quality/scorecard/export',
    {
      schema: {
        tags: TAG,
        summary: 'The scorecard as CSV (one row per agency) or XLSX (agencies, rules, programs most to fix)',
        querystring: z.object({
          year,
          agency,
          format: z.enum(['csv', 'xlsx']).default('csv'),
          lang: z.enum(['en', 'id']).default('en'),
        }),
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const card = await qualityScorecard(depsFor(deps, request), request.query.year, request.query.agency);
      const tables = qualityScorecardTables(card, lang);
      const name = `data-quality-${card.year}${card.implementingOrg ? `-${card.implementingOrg}` : ''}`;
      if (format === 'xlsx') return asAttachment(reply, XLSX, `${name}.xlsx`).send(await xlsxBytes(tables));
      const [first] = tables;
      return asAttachment(reply, 'text/csv; charset=utf-8', `${name}.csv`).send(first ? tableCsv(first) : '');
    },
  );

  app.get(
    '/api/v1/quality/programs',
    {
      schema: {
        tags: TAG,
        summary:
          "A year's programs with what to fix, most to fix first: one agency's (agency=CODE), the programs without an agency (agency empty), or all the actor may see",
        querystring: z.object({
          year,
          agency: z.string().trim().max(64).optional(),
          all: flag.meta({ description: 'true: every program, also those with nothing to fix' }),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: programsPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const { year: y, agency: a, all, page, pageSize } = request.query;
      const result = await qualityPrograms(depsFor(deps, request), {
        year: y,
        ...(a === undefined ? {} : { implementingOrg: a }),
        withFindingsOnly: !all,
        page,
        pageSize,
      });
      return { ...result, rows: result.rows.map((r) => ({ ...r, findings: [...r.findings] })) };
    },
  );

  app.get(
    '/api/v1/activities/:id/quality',
    {
      schema: {
        tags: TAG,
        summary: "A program's data-quality checks: its score and what to fix (the coordination team, and the program's agency)",
        params: idParams,
        response: { 200: programQualitySchema.extend({ evaluatedOn: z.string() }), ...problemResponses },
      },
    },
    async (request) => {
      const q = await programQualityOf(depsFor(deps, request), request.params.id);
      return { ...q, findings: [...q.findings] };
    },
  );
}
