/**
 * Ports of the alumni directory, the follow-up surveys and erasure on request (services/alumni.ts,
 * surveys.ts, privacy.ts); src/db/alumni.repo.ts, survey.repo.ts and privacy.repo.ts implement them.
 */
import type { SurveyAnswers, SurveyDefinition } from '../domain/alumni/survey.js';
import type { AuditEntry, Changes } from '../domain/audit.js';
import type { ParticipantStatus } from '../domain/codes.js';
import type { Participant } from '../domain/participant/participant.js';
import type { Program } from '../domain/program/program.js';

/** Which records a list may hold: all (the coordination team), a program agency's, or a nominator's. */
export type AlumniScope =
  { readonly kind: 'all' } | { readonly kind: 'agency'; readonly org: string } | { readonly kind: 'nominator'; readonly org: string };

/** A participant record with its program, as the directory and the export show it. */
export type PersonRecord = { readonly participantId: Participant['id'] } & Pick<
  Participant,
  | 'personKey'
  | 'activityId'
  | 'status'
  | 'fullName'
  | 'sex'
  | 'country'
  | 'organisation'
  | 'position'
  | 'email'
  | 'phone'
  | 'nominatedBy'
  | 'consentAt'
  | 'erasedAt'
> &
  Pick<Program, 'identifier' | 'titleEn' | 'titleId' | 'year' | 'implementingOrg'>;

export interface AlumniFilter {
  readonly country?: string;
  /** Text in the name or the organisation. */
  readonly q?: string;
  readonly scope: AlumniScope;
}

export interface ParticipantExportFilter {
  readonly activityId?: number;
  readonly country?: string;
  readonly status?: ParticipantStatus;
  readonly year?: number;
  readonly scope: AlumniScope;
}

export interface AlumniRepository {
  /** One page of persons (by person key) with an attended or completed record in scope, and those records. */
  directory(
    filter: AlumniFilter,
    page: number,
    pageSize: number,
  ): Promise<{ persons: { personKey: string; records: PersonRecord[] }[]; total: number }>;
  /** A person's attended or completed records in scope, oldest program first. */
  personRecords(personKey: string, scope: AlumniScope): Promise<PersonRecord[]>;
  /** Records of any status in scope, by id after `afterId` (exports go through them in chunks). */
  exportPage(filter: ParticipantExportFilter, afterId: number, limit: number): Promise<PersonRecord[]>;
}

export interface Survey extends SurveyDefinition {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SurveyInvitation {
  readonly id: number;
  readonly surveyId: number;
  readonly participantId: number;
  readonly token: string;
  readonly dueOn: string;
  readonly sentAt: string | null;
  readonly answeredAt: string | null;
  readonly answers: SurveyAnswers | null;
}

/** An alumnus who may be invited to a survey: with an email, not erased, not yet invited. */
export type SurveyCandidate = { readonly participantId: Participant['id']; readonly email: string } & Pick<
  Participant,
  'fullName' | 'activityId'
> &
  Pick<Program, 'identifier' | 'titleEn' | 'titleId' | 'actualEnd' | 'plannedEnd'>;

export interface SurveyRepository {
  list(): Promise<Survey[]>;
  findById(id: number): Promise<Survey | undefined>;
  findByCode(code: string): Promise<Survey | undefined>;
  /** Creates or replaces the survey with this code. */
  save(definition: SurveyDefinition, now: string): Promise<{ survey: Survey; created: boolean; before?: Survey }>;
  /** Alumni of programs that ended on or before `endOnOrBefore`, not yet invited to the survey (at most `limit`). */
  candidates(surveyId: number, endOnOrBefore: string, limit: number): Promise<SurveyCandidate[]>;
  insertInvitations(rows: readonly Omit<SurveyInvitation, 'id' | 'answeredAt' | 'answers'>[]): Promise<void>;
  findByToken(
    token: string,
  ): Promise<(SurveyInvitation & { activityId: number; identifier: string; titleEn: string | null; titleId: string | null }) | undefined>;
  /** Records the answers if the invitation is still unanswered; false when it was answered meanwhile. */
  answer(id: number, answers: SurveyAnswers, now: string): Promise<boolean>;
  invitationsOfProgram(activityId: number): Promise<SurveyInvitation[]>;
  invitationsOfParticipants(participantIds: readonly number[]): Promise<SurveyInvitation[]>;
  replaceAnswers(id: number, answers: SurveyAnswers): Promise<void>;
}

export interface PrivacyRepository {
  /** Erases a record's personal fields, documents and mail, and revokes its certificate. */
  eraseRecord(
    participantId: number,
    erasedPersonKey: string,
    now: string,
  ): Promise<{ documents: number; certificates: number; mails: number }>;
  /** Ids of every record of a person (any status, not yet erased). */
  recordsOfPerson(personKey: string): Promise<number[]>;
  /** Audit entries of the participant record, and entries whose text holds one of `secrets` (case-insensitively). */
  auditEntriesOf(participantId: number, secrets: readonly string[]): Promise<AuditEntry[]>;
  /** Replaces the changes, label and comment of these audit entries (the log's guard lets only these through). */
  scrubAudit(
    participantId: number,
    entries: readonly { id: number; changes: Changes; entityLabel: string | null; comment: string | null }[],
    now: string,
  ): Promise<void>;
  /** Replaces `secrets` in the text of mail addressed to others (a nominator's status list). */
  scrubMail(secrets: readonly string[], replacement: string): Promise<number>;
}
