/** Retention rules and what they make due (services/retention.ts, docs/privacy.md). */
import { sql, type Kysely } from 'kysely';
import { storedAnswersSchema } from '../domain/alumni/survey.js';
import { isOneOf } from '../domain/guards.js';
import { RETENTION_CATEGORIES, type RetentionCategory, type RetentionRule } from '../domain/personal-data/retention.js';
import type { RetentionCandidate, RetentionRepository } from '../services/personal-data.ports.js';
import type { Database } from './schema.js';
import { bool, num } from './sql-helpers.js';

/** The end of a program: its actual end, else its planned end. */
const PROGRAM_END = sql<string>`coalesce(a.actual_end, a.planned_end)`;

export class RetentionRepo implements RetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listRules(): Promise<RetentionRule[]> {
    const rows = await this.db.selectFrom('retention_rules').selectAll().orderBy('sort_order').execute();
    // Categories the code no longer knows are left out rather than guessed at.
    return rows.flatMap((r) =>
      isOneOf(RETENTION_CATEGORIES, r.category)
        ? [
            {
              category: r.category,
              months: num(r.months),
              enabled: bool(r.enabled),
              labelEn: r.label_en,
              labelId: r.label_id,
              sortOrder: num(r.sort_order),
              updatedAt: r.updated_at,
              updatedBy: r.updated_by,
              version: num(r.version),
            },
          ]
        : [],
    );
  }

  async updateRule(
    category: RetentionCategory,
    version: number,
    rule: { months: number; enabled: boolean },
    by: number | null,
    now: string,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('retention_rules')
      .set({ months: rule.months, enabled: rule.enabled ? 1 : 0, updated_at: now, updated_by: by, version: version + 1 })
      .where('category', '=', category)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async candidates(category: RetentionCategory, cutoff: string): Promise<RetentionCandidate[]> {
    const base = this.db
      .selectFrom('participants as p')
      .innerJoin('activities as a', 'a.id', 'p.activity_id')
      .where(PROGRAM_END, 'is not', null)
      .where(PROGRAM_END, '<=', cutoff);
    const end = (r: { participant_id: number; identifier: string; program_end: string | null }) => ({
      participantId: num(r.participant_id),
      identifier: r.identifier,
      programEnd: r.program_end ?? '',
    });
    switch (category) {
      case 'cv':
      case 'letter': {
        const rows = await base
          .innerJoin('participant_documents as d', 'd.participant_id', 'p.id')
          .select(['p.id as participant_id', 'a.identifier', PROGRAM_END.as('program_end'), 'd.id as target_id'])
          .where('d.kind', '=', category)
          .orderBy('d.id')
          .execute();
        return rows.map((r) => ({ ...end(r), targetId: num(r.target_id) }));
      }
      case 'mail': {
        // Mail still waiting to be sent is left to be delivered.
        const rows = await base
          .innerJoin('mail_outbox as m', 'm.participant_id', 'p.id')
          .select(['p.id as participant_id', 'a.identifier', PROGRAM_END.as('program_end'), 'm.id as target_id'])
          .where('m.sent_at', 'is not', null)
          .orderBy('m.id')
          .execute();
        return rows.map((r) => ({ ...end(r), targetId: num(r.target_id) }));
      }
      case 'survey_text': {
        const rows = await base
          .innerJoin('survey_invitations as i', 'i.participant_id', 'p.id')
          .select([
            'p.id as participant_id',
            'a.identifier',
            PROGRAM_END.as('program_end'),
            'i.id as target_id',
            'i.survey_id',
            'i.answers',
          ])
          .where('i.answers', 'is not', null)
          .orderBy('i.id')
          .execute();
        return rows.map((r) => ({
          ...end(r),
          targetId: num(r.target_id),
          surveyId: num(r.survey_id),
          // Written by the survey repository from validated answers.
          answers: storedAnswersSchema.parse(JSON.parse(r.answers ?? '{}')),
        }));
      }
      case 'contact':
      case 'identity': {
        let q = base.select(['p.id as participant_id', 'a.identifier', PROGRAM_END.as('program_end')]).where('p.erased_at', 'is', null);
        if (category === 'contact') q = q.where((eb) => eb.or([eb('p.email', 'is not', null), eb('p.phone', 'is not', null)]));
        const rows = await q.orderBy('p.id').execute();
        return rows.map((r) => ({ ...end(r), targetId: num(r.participant_id) }));
      }
    }
  }

  async deleteDocuments(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await this.db
      .deleteFrom('participant_documents')
      .where('id', 'in', [...ids])
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deleteMail(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await this.db
      .deleteFrom('mail_outbox')
      .where('id', 'in', [...ids])
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async clearContact(participantId: number, personKey: string, now: string): Promise<void> {
    await this.db
      .updateTable('participants')
      .set({ email: null, phone: null, person_key: personKey, updated_at: now })
      .where('id', '=', participantId)
      .execute();
  }
}
