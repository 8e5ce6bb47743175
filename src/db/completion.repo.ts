/** Completion and evaluation records of programs, and the follow-ups of evaluations (issue 25). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CompletionData, CompletionRecord } from '../domain/program/completion.js';
import {
  storedCriteria,
  storedFindings,
  storedRecommendations,
  type EvaluationData,
  type EvaluationRecord,
} from '../domain/program/evaluation.js';
import { isOverdue } from '../domain/partnership/engagement.js';
import type { FollowUpRecord } from '../domain/partnership/partnership.js';
import type { CompletionRepository, Saved } from '../services/completion.ports.js';
import type { NewFollowUp } from '../services/engagements.ports.js';
import { bool } from './sql-helpers.js';
import type { Database, FollowUpsTable } from './schema.js';

function toFollowUp(r: Selectable<FollowUpsTable>, today: string): FollowUpRecord {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    programId: r.activity_id,
    action: r.action,
    actionId: r.action_id,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    doneOn: r.done_on,
    overdue: isOverdue({ status: r.status, dueOn: r.due_on }, today),
  };
}

export class CompletionRepo implements CompletionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findCompletion(activityId: number): Promise<CompletionRecord | undefined> {
    const row = await this.db.selectFrom('activity_completions').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
    if (!row) return undefined;
    const costs = await this.db
      .selectFrom('activity_completion_costs as c')
      .leftJoin('organisations as o', 'o.id', 'c.partner_org_id')
      .select(['c.line', 'c.amount_minor', 'c.currency', 'c.bearer', 'o.code as partner_org', 'c.note'])
      .where('c.activity_id', '=', activityId)
      .orderBy('c.sort_order')
      .execute();
    return {
      activityId,
      actualStart: row.actual_start,
      actualEnd: row.actual_end,
      costs: costs.map((c) => ({
        line: c.line,
        amountMinor: Number(c.amount_minor),
        currency: c.currency,
        bearer: c.bearer,
        partnerOrg: c.partner_org,
        note: c.note,
      })),
      noCost: bool(row.no_cost),
      noCostReason: row.no_cost_reason,
      reportEn: row.report_en,
      reportId: row.report_id,
      illustrative: bool(row.illustrative),
      version: row.version,
      updatedBy: row.updated_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async saveCompletion(activityId: number, d: CompletionData, expectedVersion: number | null, saved: Saved): Promise<boolean> {
    const values = {
      actual_start: d.actualStart,
      actual_end: d.actualEnd,
      no_cost: d.noCost ? 1 : 0,
      no_cost_reason: d.noCostReason,
      report_en: d.reportEn,
      report_id: d.reportId,
      illustrative: d.illustrative ? 1 : 0,
      updated_by: saved.by,
      updated_at: saved.at,
    };
    if (expectedVersion === null) {
      await this.db
        .insertInto('activity_completions')
        .values({ activity_id: activityId, ...values, version: 1, created_at: saved.at })
        .execute();
    } else {
      const result = await this.db
        .updateTable('activity_completions')
        .set({ ...values, version: expectedVersion + 1 })
        .where('activity_id', '=', activityId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await this.db.deleteFrom('activity_completion_costs').where('activity_id', '=', activityId).execute();
    }
    if (d.costs.length) {
      const codes = [...new Set(d.costs.flatMap((c) => (c.partnerOrg ? [c.partnerOrg] : [])))];
      const orgs = codes.length
        ? await this.db.selectFrom('organisations').select(['id', 'code']).where('code', 'in', codes).execute()
        : [];
      const idOf = new Map(orgs.map((o) => [o.code, o.id]));
      await this.db
        .insertInto('activity_completion_costs')
        .values(
          d.costs.map((c, i) => ({
            activity_id: activityId,
            line: c.line,
            amount_minor: c.amountMinor,
            currency: c.currency,
            bearer: c.bearer,
            partner_org_id: c.partnerOrg ? (idOf.get(c.partnerOrg) ?? null) : null,
            note: c.note,
            sort_order: i,
          })),
        )
        .execute();
    }
    return true;
  }

  async findEvaluation(activityId: number): Promise<EvaluationRecord | undefined> {
    const row = await this.db.selectFrom('activity_evaluations').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
    if (!row) return undefined;
    return {
      activityId,
      evaluatorName: row.evaluator_name,
      evaluatorOrg: row.evaluator_org,
      evaluatorKind: row.evaluator_kind,
      evaluatedOn: row.evaluated_on,
      scale: row.scale,
      criteria: storedCriteria.parse(JSON.parse(row.criteria)),
      findings: storedFindings.parse(JSON.parse(row.findings)),
      recommendations: storedRecommendations.parse(JSON.parse(row.recommendations)),
      illustrative: bool(row.illustrative),
      version: row.version,
      updatedBy: row.updated_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async saveEvaluation(activityId: number, d: EvaluationData, expectedVersion: number | null, saved: Saved): Promise<boolean> {
    const values = {
      evaluator_name: d.evaluatorName,
      evaluator_org: d.evaluatorOrg,
      evaluator_kind: d.evaluatorKind,
      evaluated_on: d.evaluatedOn,
      scale: d.scale,
      criteria: JSON.stringify(d.criteria),
      findings: JSON.stringify(d.findings),
      recommendations: JSON.stringify(d.recommendations),
      illustrative: d.illustrative ? 1 : 0,
      updated_by: saved.by,
      updated_at: saved.at,
    };
    if (expectedVersion === null) {
      await this.db
        .insertInto('activity_evaluations')
        .values({ activity_id: activityId, ...values, version: 1, created_at: saved.at })
        .execute();
      return true;
    }
    const result = await this.db
      .updateTable('activity_evaluations')
      .set({ ...values, version: expectedVersion + 1 })
      .where('activity_id', '=', activityId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listProgramFollowUps(activityId: number, today: string): Promise<FollowUpRecord[]> {
    const rows = await this.db
      .selectFrom('follow_ups')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy(sql`coalesce(due_on, '9999-12-31')`)
      .orderBy('id')
      .execute();
    return rows.map((r) => toFollowUp(r, today));
  }

  async insertProgramFollowUp(activityId: number, f: NewFollowUp, now: string): Promise<number> {
    const row = await this.db
      .insertInto('follow_ups')
      .values({
        engagement_id: null,
        activity_id: activityId,
        action: f.action,
        action_id: f.actionId,
        owner: f.owner,
        due_on: f.dueOn,
        status: 'open',
        done_on: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateProgramFollowUp(id: number, f: NewFollowUp, now: string): Promise<void> {
    await this.db
      .updateTable('follow_ups')
      .set({ action: f.action, action_id: f.actionId, owner: f.owner, due_on: f.dueOn, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async deleteProgramFollowUps(ids: readonly number[]): Promise<void> {
    if (!ids.length) return;
    await this.db
      .deleteFrom('follow_ups')
      .where('id', 'in', [...ids])
      .where('activity_id', 'is not', null)
      .execute();
  }
}
