/** The coordination ministries' sign-off rules, opinions and reminders. */
import type { Kysely, Selectable } from 'kysely';
import type { SignOff, SignOffRule, SignOffRuleInput, SignOffStep } from '../domain/sign-off/sign-off.js';
import type { OpenRound, SignOffRepository } from '../services/sign-offs.ports.js';
import type { Database, SignOffRulesTable, SignOffsTable } from './schema.js';

function toRule(row: Selectable<SignOffRulesTable>): SignOffRule {
  return { step: row.step, orgCode: row.org_code, required: row.required === 1, daysAllowed: row.days_allowed };
}

function toSignOff(row: Selectable<SignOffsTable>): SignOff {
  return {
    activityId: row.activity_id,
    step: row.step,
    orgCode: row.org_code,
    opinion: row.opinion,
    comment: row.comment,
    signedByUserId: row.signed_by_user_id,
    signedByLabel: row.signed_by_label,
    signedAt: row.signed_at,
  };
}

const STAGE_OF_STEP = { assessment: 'assessment', funding: 'approved' } as const;

export class SignOffRepo implements SignOffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listRules(): Promise<SignOffRule[]> {
    const rows = await this.db.selectFrom('sign_off_rules').selectAll().orderBy('step').orderBy('id').execute();
    return rows.map(toRule);
  }

  async saveRule(rule: SignOffRuleInput, now: string): Promise<{ rule: SignOffRule; before?: SignOffRule }> {
    const existing = await this.db
      .selectFrom('sign_off_rules')
      .selectAll()
      .where('step', '=', rule.step)
      .where('org_code', '=', rule.orgCode)
      .executeTakeFirst();
    const values = { required: rule.required ? 1 : 0, days_allowed: rule.daysAllowed, updated_at: now };
    if (existing) {
      await this.db.updateTable('sign_off_rules').set(values).where('id', '=', existing.id).execute();
      return { rule: toRule({ ...existing, ...values }), before: toRule(existing) };
    }
    const row = await this.db
      .insertInto('sign_off_rules')
      .values({ step: rule.step, org_code: rule.orgCode, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { rule: toRule(row) };
  }

  async listByProgram(activityId: number): Promise<SignOff[]> {
    const rows = await this.db.selectFrom('sign_offs').selectAll().where('activity_id', '=', activityId).orderBy('id').execute();
    return rows.map(toSignOff);
  }

  async record(s: SignOff): Promise<SignOff | undefined> {
    const existing = await this.db
      .selectFrom('sign_offs')
      .selectAll()
      .where('activity_id', '=', s.activityId)
      .where('step', '=', s.step)
      .where('org_code', '=', s.orgCode)
      .executeTakeFirst();
    const values = {
      opinion: s.opinion,
      comment: s.comment,
      signed_by_user_id: s.signedByUserId,
      signed_by_label: s.signedByLabel,
      signed_at: s.signedAt,
    };
    if (existing) {
      await this.db.updateTable('sign_offs').set(values).where('id', '=', existing.id).execute();
      return toSignOff(existing);
    }
    await this.db
      .insertInto('sign_offs')
      .values({ activity_id: s.activityId, step: s.step, org_code: s.orgCode, ...values })
      .execute();
    return undefined;
  }

  async clearStep(activityId: number, step: SignOffStep): Promise<SignOff[]> {
    const rows = await this.db.selectFrom('sign_offs').selectAll().where('activity_id', '=', activityId).where('step', '=', step).execute();
    if (rows.length) await this.db.deleteFrom('sign_offs').where('activity_id', '=', activityId).where('step', '=', step).execute();
    return rows.map(toSignOff);
  }

  async openRounds(): Promise<OpenRound[]> {
    const rounds: OpenRound[] = [];
    for (const step of ['assessment', 'funding'] as const) {
      const stage = STAGE_OF_STEP[step];
      const rows = await this.db
        .selectFrom('activities as a')
        .select((eb) => [
          'a.id',
          'a.identifier',
          eb
            .selectFrom('activity_transitions as t')
            .select((t) => t.fn.max('t.at').as('at'))
            .whereRef('t.activity_id', '=', 'a.id')
            .where('t.to_stage', '=', stage)
            .as('started_at'),
        ])
        .where('a.lifecycle_stage', '=', stage)
        .orderBy('a.id')
        .execute();
      for (const r of rows) rounds.push({ activityId: r.id, identifier: r.identifier, step, startedAt: r.started_at ?? null });
    }
    return rounds;
  }

  async claimReminder(
    r: { activityId: number; step: SignOffStep; orgCode: string; kind: 'before' | 'after'; roundStartedAt: string },
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .insertInto('sign_off_reminders')
      .values({
        activity_id: r.activityId,
        step: r.step,
        org_code: r.orgCode,
        kind: r.kind,
        round_started_at: r.roundStartedAt,
        sent_at: now,
      })
      .onConflict((oc) => oc.columns(['activity_id', 'step', 'org_code', 'kind', 'round_started_at']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  }
}
