/** A person's records and everything keyed to them, for access requests (services/personal-data.ts, docs/privacy.md). */
import type { Kysely } from 'kysely';
import { storedAnswersSchema } from '../domain/alumni/survey.js';
import type { Participant } from '../domain/participant/participant.js';
import type { PersonalDataHoldings, PersonalDataRepository } from '../services/personal-data.ports.js';
import { toAuditEntry } from './audit.repo.js';
import { toParticipant } from './participant.repo.js';
import type { Database } from './schema.js';
import { bool, num } from './sql-helpers.js';

export class PersonalDataRepo implements PersonalDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async personKeyOf(participantId: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('participants').select('person_key').where('id', '=', participantId).executeTakeFirst();
    return row?.person_key;
  }

  async personKeysOfEmail(email: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('participants')
      .select('person_key')
      .distinct()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
      .orderBy('person_key')
      .execute();
    return rows.map((r) => r.person_key);
  }

  async participantsOf(personKey: string): Promise<Participant[]> {
    const rows = await this.db.selectFrom('participants').selectAll().where('person_key', '=', personKey).orderBy('id').execute();
    return rows.map(toParticipant);
  }

  async holdingsOf(ids: readonly number[], emails: readonly string[]): Promise<PersonalDataHoldings> {
    if (ids.length === 0)
      return { programs: [], documents: [], events: [], attendance: [], certificates: [], mail: [], surveyAnswers: [], auditEntries: [] };
    const list = [...ids];
    const documents = await this.db
      .selectFrom('participant_documents')
      .select(['id', 'participant_id', 'kind', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'created_at'])
      .where('participant_id', 'in', list)
      .orderBy('id')
      .execute();
    const certificates = await this.db.selectFrom('certificates').selectAll().where('participant_id', 'in', list).orderBy('id').execute();
    return {
      programs: await this.programsOf(list),
      documents: documents.map((d) => ({
        id: num(d.id),
        participantId: num(d.participant_id),
        kind: d.kind,
        fileName: d.file_name,
        contentType: d.content_type,
        sizeBytes: num(d.size_bytes),
        sha256: d.sha256,
        uploadedBy: d.uploaded_by,
        createdAt: d.created_at,
        href: `/api/v1/documents/${d.id}`,
      })),
      events: (await this.db.selectFrom('participant_events').selectAll().where('participant_id', 'in', list).orderBy('id').execute()).map(
        (e) => ({
          id: num(e.id),
          participantId: num(e.participant_id),
          fromStatus: e.from_status,
          toStatus: e.to_status,
          at: e.at,
          byLabel: e.by_label,
          note: e.note,
        }),
      ),
      attendance: (
        await this.db
          .selectFrom('attendance')
          .selectAll()
          .where('participant_id', 'in', list)
          .orderBy('participant_id')
          .orderBy('day')
          .execute()
      ).map((a) => ({ participantId: num(a.participant_id), day: a.day, present: bool(a.present) })),
      certificates: certificates.map((c) => ({
        id: num(c.id),
        participantId: num(c.participant_id),
        number: c.number,
        issuedAt: c.issued_at,
        revokedAt: c.revoked_at,
      })),
      // Mail addressed to the person: linked to their records, or sent to their email without a
      // record. A nominator's list naming several people goes to the nominator and is theirs.
      mail: (
        await this.db
          .selectFrom('mail_outbox')
          .selectAll()
          .where((eb) =>
            eb.or([
              eb('participant_id', 'in', list),
              ...(emails.length ? [eb.and([eb('participant_id', 'is', null), eb(eb.fn('lower', ['to_address']), 'in', [...emails])])] : []),
            ]),
          )
          .orderBy('id')
          .execute()
      ).map((m) => ({
        id: num(m.id),
        participantId: m.participant_id === null ? null : num(m.participant_id),
        kind: m.kind,
        toAddress: m.to_address,
        subject: m.subject,
        bodyText: m.body_text,
        createdAt: m.created_at,
        sentAt: m.sent_at,
      })),
      surveyAnswers: await this.surveyAnswersOf(list),
      auditEntries: await this.auditOf(
        list,
        documents.map((d) => num(d.id)),
        certificates.map((c) => num(c.id)),
      ),
    };
  }

  private async programsOf(ids: number[]): Promise<PersonalDataHoldings['programs']> {
    const rows = await this.db
      .selectFrom('activities as a')
      .leftJoin('organisations as o', 'o.id', 'a.implementing_org_id')
      .select([
        'a.id',
        'a.identifier',
        'a.title_en',
        'a.title_id',
        'o.code',
        'a.planned_start',
        'a.planned_end',
        'a.actual_start',
        'a.actual_end',
      ])
      .where('a.id', 'in', this.db.selectFrom('participants').select('activity_id').where('id', 'in', ids))
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({
      id: num(r.id),
      identifier: r.identifier,
      titleEn: r.title_en,
      titleId: r.title_id,
      implementingOrg: r.code,
      startDate: r.actual_start ?? r.planned_start,
      endDate: r.actual_end ?? r.planned_end,
    }));
  }

  private async surveyAnswersOf(ids: number[]): Promise<PersonalDataHoldings['surveyAnswers']> {
    const rows = await this.db
      .selectFrom('survey_invitations as i')
      .innerJoin('surveys as s', 's.id', 'i.survey_id')
      .select(['i.id', 'i.participant_id', 's.code', 's.name_en', 'i.due_on', 'i.sent_at', 'i.answered_at', 'i.answers'])
      .where('i.participant_id', 'in', ids)
      .orderBy('i.id')
      .execute();
    return rows.map((r) => ({
      invitationId: num(r.id),
      participantId: num(r.participant_id),
      surveyCode: r.code,
      surveyNameEn: r.name_en,
      dueOn: r.due_on,
      sentAt: r.sent_at,
      answeredAt: r.answered_at,
      // Written by the survey repository from validated answers.
      answers: r.answers === null ? null : storedAnswersSchema.parse(JSON.parse(r.answers)),
    }));
  }

  /** Entries about the records, their documents and certificates, and the access requests about them. */
  private async auditOf(ids: number[], documentIds: number[], certificateIds: number[]): Promise<PersonalDataHoldings['auditEntries']> {
    const text = (xs: number[]) => xs.map(String);
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', 'in', ['participant', 'personal_data']), eb('entity_id', 'in', text(ids))]),
          ...(documentIds.length ? [eb.and([eb('entity', '=', 'participant_document'), eb('entity_id', 'in', text(documentIds))])] : []),
          ...(certificateIds.length ? [eb.and([eb('entity', '=', 'certificate'), eb('entity_id', 'in', text(certificateIds))])] : []),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map(toAuditEntry);
  }
}
