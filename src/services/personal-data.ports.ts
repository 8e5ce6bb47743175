/**
 * What the personal-data use cases need (docs/privacy.md): a person's records and everything
 * keyed to them (access requests), the retention rules and what they make due, and the breach
 * log. Types come from the domain (domain/personal-data/).
 */
import type { Participant } from '../domain/participant/participant.js';
import type { PersonalDataExport } from '../domain/personal-data/access.js';
import type { Breach } from '../domain/personal-data/breach.js';
import type { RetentionCategory, RetentionRule } from '../domain/personal-data/retention.js';
import type { SurveyAnswers } from '../domain/alumni/survey.js';

/** What an export gathers besides the participant records themselves. */
export type PersonalDataHoldings = Omit<PersonalDataExport, 'generatedAt' | 'law' | 'personKey' | 'participants' | 'consents'>;

export interface PersonalDataRepository {
  /** The person key of a participant record (undefined: no such record). */
  personKeyOf(participantId: number): Promise<string | undefined>;
  /** The person keys of the records with this email (case-insensitively). */
  personKeysOfEmail(email: string): Promise<string[]>;
  /** Every record of a person (any status; erased records have a key of their own). */
  participantsOf(personKey: string): Promise<Participant[]>;
  /**
   * Everything keyed to these records: their programs, documents (metadata), journey events,
   * attendance, certificates, mail addressed to them (linked to a record, or to one of `emails`
   * without a record), survey invitations and answers, and the audit entries about the records,
   * their documents and certificates.
   */
  holdingsOf(participantIds: readonly number[], emails: readonly string[]): Promise<PersonalDataHoldings>;
}

export type BreachWrite = Omit<Breach, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'version'>;

export interface BreachRepository {
  insert(b: BreachWrite, by: string, now: string): Promise<number>;
  findById(id: number): Promise<Breach | undefined>;
  /** Newest discovery first. */
  list(): Promise<Breach[]>;
  /** Writes the fields if the stored version is `version` (raising it); false when another change came first. */
  update(id: number, version: number, b: BreachWrite, now: string): Promise<boolean>;
}

/** A row a retention rule may make due, with the end of its program. */
export interface RetentionCandidate {
  readonly participantId: number;
  readonly targetId: number;
  readonly identifier: string;
  readonly programEnd: string;
  /** Survey invitations only: the survey and the answers given. */
  readonly surveyId?: number;
  readonly answers?: SurveyAnswers;
}

export interface RetentionRepository {
  listRules(): Promise<RetentionRule[]>;
  /** Writes the rule if the stored version is `version` (raising it); false when another change came first or no such rule. */
  updateRule(
    category: RetentionCategory,
    version: number,
    rule: { months: number; enabled: boolean },
    by: number | null,
    now: string,
  ): Promise<boolean>;
  /** What the category holds for records of programs that ended on or before `cutoff` (YYYY-MM-DD), in a stable order. */
  candidates(category: RetentionCategory, cutoff: string): Promise<RetentionCandidate[]>;
  deleteDocuments(ids: readonly number[]): Promise<number>;
  deleteMail(ids: readonly number[]): Promise<number>;
  /** Empties email and phone and sets the person key (which held the email). */
  clearContact(participantId: number, personKey: string, now: string): Promise<void>;
}
