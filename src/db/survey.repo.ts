/** Follow-up surveys and their invitations (one per survey and alumnus, answered once through its token). */
import { sql, type Kysely, type Selectable } from 'kysely';
import { storedAnswersSchema, storedQuestionsSchema, type SurveyAnswers, type SurveyDefinition } from '../domain/alumni/survey.js';
import { ALUMNI_STATUSES } from '../domain/participant/journey.js';
import type { Survey, SurveyCandidate, SurveyInvitation, SurveyRepository } from '../services/alumni.ports.js';
import { insertInChunks, num, present } from './sql-helpers.js';
import type { Database, SurveyInvitationsTable, SurveysTable } from './schema.js';
import { STAGES_FOR } from '../domain/program/stage-status.js';

function toSurvey(r: Selectable<SurveysTable>): Survey {
  return {
    id: num(r.id),
    code: r.code,
    nameEn: r.name_en,
    nameId: r.name_id,
    monthsAfter: num(r.months_after),
    active: num(r.active) === 1,
    // Written by save() or the default-survey migration from definitions the domain schema accepted.
    questions: storedQuestionsSchema.parse(JSON.parse(r.questions)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toInvitation(r: Selectable<SurveyInvitationsTable>): SurveyInvitation {
  return {
    id: num(r.id),
    surveyId: num(r.survey_id),
    participantId: num(r.participant_id),
    token: r.token,
    dueOn: r.due_on,
    sentAt: r.sent_at,
    answeredAt: r.answered_at,
    // Written by answer() from answers validated against the survey (domain validateAnswers).
    answers: r.answers === null ? null : storedAnswersSchema.parse(JSON.parse(r.answers)),
  };
}

export class SurveyRepo implements SurveyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<Survey[]> {
    const rows = await this.db.selectFrom('surveys').selectAll().orderBy('months_after').orderBy('code').execute();
    return rows.map(toSurvey);
  }

  async findById(id: number): Promise<Survey | undefined> {
    const row = await this.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSurvey(row) : undefined;
  }

  async findByCode(code: string): Promise<Survey | undefined> {
    const row = await this.db.selectFrom('surveys').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toSurvey(row) : undefined;
  }

  async save(d: SurveyDefinition, now: string): Promise<{ survey: Survey; created: boolean; before?: Survey }> {
    const before = await this.findByCode(d.code);
    const values = {
      name_en: d.nameEn,
      name_id: d.nameId,
      months_after: d.monthsAfter,
      questions: JSON.stringify(d.questions),
      active: d.active ? 1 : 0,
      updated_at: now,
    };
    if (before) await this.db.updateTable('surveys').set(values).where('id', '=', before.id).execute();
    else
      await this.db
        .insertInto('surveys')
        .values({ ...values, code: d.code, created_at: now })
        .execute();
    const survey = present(await this.findByCode(d.code), 'the survey');
    return before ? { survey, created: false, before } : { survey, created: true };
  }

  async candidates(surveyId: number, endOnOrBefore: string, limit: number): Promise<SurveyCandidate[]> {
    const rows = await this.db
      .selectFrom('participants as p')
      .innerJoin('activities as a', 'a.id', 'p.activity_id')
      .select([
        'p.id',
        'p.full_name',
        'p.email',
        'p.activity_id',
        'a.identifier',
        'a.title_en',
        'a.title_id',
        'a.actual_end',
        'a.planned_end',
      ])
      .where('p.status', 'in', [...ALUMNI_STATUSES])
      .where('p.erased_at', 'is', null)
      .where('p.email', 'is not', null)
      .where(sql<string>`coalesce(a.actual_end, a.planned_end)`, '<=', endOnOrBefore)
      // Alumni of a program are surveyed once it is completed (issue 21), not when its dates pass.
      .where('a.lifecycle_stage', 'in', [...STAGES_FOR.surveys])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('survey_invitations as i')
              .select('i.id')
              .where('i.survey_id', '=', surveyId)
              .whereRef('i.participant_id', '=', 'p.id'),
          ),
        ),
      )
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      participantId: num(r.id),
      fullName: r.full_name,
      email: r.email ?? '',
      activityId: num(r.activity_id),
      identifier: r.identifier,
      titleEn: r.title_en,
      titleId: r.title_id,
      actualEnd: r.actual_end,
      plannedEnd: r.planned_end,
    }));
  }

  async insertInvitations(rows: readonly Omit<SurveyInvitation, 'id' | 'answeredAt' | 'answers'>[]): Promise<void> {
    await insertInChunks(
      this.db,
      'survey_invitations',
      rows.map((r) => ({
        survey_id: r.surveyId,
        participant_id: r.participantId,
        token: r.token,
        due_on: r.dueOn,
        sent_at: r.sentAt,
        answered_at: null,
        answers: null,
      })),
    );
  }

  async findByToken(
    token: string,
  ): Promise<(SurveyInvitation & { activityId: number; identifier: string; titleEn: string | null; titleId: string | null }) | undefined> {
    const row = await this.db
      .selectFrom('survey_invitations as i')
      .innerJoin('participants as p', 'p.id', 'i.participant_id')
      .innerJoin('activities as a', 'a.id', 'p.activity_id')
      .selectAll('i')
      .select(['p.activity_id', 'a.identifier', 'a.title_en', 'a.title_id'])
      .where('i.token', '=', token)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ...toInvitation(row),
      activityId: num(row.activity_id),
      identifier: row.identifier,
      titleEn: row.title_en,
      titleId: row.title_id,
    };
  }

  async answer(id: number, answers: SurveyAnswers, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('survey_invitations')
      .set({ answers: JSON.stringify(answers), answered_at: now })
      .where('id', '=', id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async invitationsOfProgram(activityId: number): Promise<SurveyInvitation[]> {
    const rows = await this.db
      .selectFrom('survey_invitations as i')
      .innerJoin('participants as p', 'p.id', 'i.participant_id')
      .selectAll('i')
      .where('p.activity_id', '=', activityId)
      .orderBy('i.id')
      .execute();
    return rows.map(toInvitation);
  }

  async invitationsOfParticipants(participantIds: readonly number[]): Promise<SurveyInvitation[]> {
    if (participantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('participant_id', 'in', [...participantIds])
      .orderBy('id')
      .execute();
    return rows.map(toInvitation);
  }

  async replaceAnswers(id: number, answers: SurveyAnswers): Promise<void> {
    await this.db
      .updateTable('survey_invitations')
      .set({ answers: JSON.stringify(answers) })
      .where('id', '=', id)
      .execute();
  }
}
