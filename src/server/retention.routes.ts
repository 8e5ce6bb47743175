/**
 * Retention rules per category of personal data (docs/privacy.md): the rules (an administrator
 * changes months and on/off, If-Match), the dry run (what a run today would delete: record,
 * category, reason, due date) and the run itself. Audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RETENTION_CATEGORIES, retentionRuleChangeSchema, type RetentionRule } from '../domain/personal-data/retention.js';
import type { ServiceDeps } from '../services/deps.js';
import { LEGAL_BASES, type RegisterEntry } from '../domain/personal-data/register.js';
import { personalDataCategories } from '../domain/personal-data/categories.js';
import { roles } from '../domain/access/actor.js';
import { tableCsv } from '../io/table-file.js';
import { processingRegister, registerTable } from '../services/processing-register.js';
import { asAttachment } from './downloads.js';
import { applyRetention, changeRetentionRule, listRetentionRules, retentionDue, type RetentionReport } from '../services/retention.js';
import { depsFor } from './auth.js';
import { ifMatch, withEtag } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Personal data'];
const category = z.enum(RETENTION_CATEGORIES);

const ruleSchema = z
  .object({
    category,
    months: z.number().int().meta({ description: 'months after the end of the program' }),
    enabled: z.boolean(),
    labelEn: z.string(),
    labelId: z.string(),
    sortOrder: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RetentionRule' });

const reportSchema = z
  .object({
    today: z.string(),
    items: z.array(
      z.object({
        category,
        participantId: z.number().int(),
        targetId: z
          .number()
          .int()
          .meta({ description: 'the document, mail or survey invitation; the participant record for contact and identity' }),
        record: z.string(),
        programEnd: z.string(),
        dueDate: z.string(),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: 'RetentionReport' });

const registerEntrySchema = z
  .object({
    category: z.enum(personalDataCategories.codes),
    labelEn: z.string(),
    labelId: z.string(),
    fields: z.array(z.string()).meta({ description: 'table.column of every personal column of the category' }),
    purposeEn: z.string(),
    purposeId: z.string(),
    legalBasis: z.enum(Object.keys(LEGAL_BASES) as [keyof typeof LEGAL_BASES, ...(keyof typeof LEGAL_BASES)[]]),
    legalBasisEn: z.string(),
    legalBasisId: z.string(),
    seenBy: z
      .array(z.object({ role: z.enum(roles.codes), sees: z.enum(['all', 'own', 'none']) }))
      .meta({ description: 'read off the access policy' }),
    retention: z.object({ months: z.number().int(), enabled: z.boolean() }).nullable(),
  })
  .meta({ id: 'RegisterEntry' });

const presentEntry = (e: RegisterEntry): z.output<typeof registerEntrySchema> => ({
  ...e,
  fields: [...e.fields],
  seenBy: e.seenBy.map((s) => ({ ...s })),
  retention: e.retention ? { ...e.retention } : null,
});

const presentRule = (r: RetentionRule): z.output<typeof ruleSchema> => ({ ...r });
const presentReport = (r: RetentionReport): z.output<typeof reportSchema> => ({ today: r.today, items: [...r.items] });

export function registerRetentionRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/personal-data/retention-rules',
    {
      schema: {
        tags: TAG,
        summary: 'The retention rules per category of personal data (coordination team)',
        response: { 200: z.object({ items: z.array(ruleSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listRetentionRules(depsFor(deps, request))).map(presentRule) }),
  );

  app.patch(
    '/api/v1/personal-data/retention-rules/:category',
    {
      schema: {
        tags: TAG,
        summary: "Change a rule's months or switch it on or off: administrators; If-Match; audited",
        params: z.object({ category }),
        body: retentionRuleChangeSchema,
        response: { 200: ruleSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await changeRetentionRule(depsFor(deps, request), request.params.category, request.body, check), presentRule),
      ),
  );

  app.get(
    '/api/v1/personal-data/retention/due',
    {
      schema: {
        tags: TAG,
        summary: 'Dry run: what the enabled rules would delete today (record, category, reason, due date): coordination team',
        querystring: z.object({ today: z.iso.date().optional().meta({ description: 'the day to evaluate (default: today)' }) }),
        response: { 200: reportSchema, ...problemResponses },
      },
    },
    async (request) => presentReport(await retentionDue(depsFor(deps, request), request.query.today)),
  );

  app.post(
    '/api/v1/personal-data/retention/run',
    {
      schema: {
        tags: TAG,
        summary: 'Apply the rules now (the background jobs do it daily): deletes exactly the dry run’s list; administrators; audited',
        response: { 200: reportSchema, ...problemResponses },
      },
    },
    async (request) => presentReport(await applyRetention(depsFor(deps, request))),
  );

  app.get(
    '/api/v1/personal-data/register',
    {
      schema: {
        tags: TAG,
        summary:
          'The register of processing activities, generated from the data model: per category its fields, purpose, legal basis, who sees it (from the access policy) and retention: coordination team',
        response: { 200: z.object({ items: z.array(registerEntrySchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await processingRegister(depsFor(deps, request))).map(presentEntry) }),
  );

  app.get(
    '/api/v1/personal-data/register.csv',
    {
      schema: {
        tags: TAG,
        summary: 'The register of processing activities as CSV (one row per category)',
        querystring: z.object({ lang: z.enum(['en', 'id']).default('en') }),
      },
    },
    async (request, reply) => {
      const t = registerTable(await processingRegister(depsFor(deps, request)), request.query.lang);
      return asAttachment(reply, 'text/csv; charset=utf-8', 'processing-register.csv').send(tableCsv(t));
    },
  );
}
