/**
 * What the personal-data use cases need (docs/privacy.md): a person's records and everything
 * keyed to them (access requests), the retention rules and what they make due, and the breach
 * log. Types come from the domain (domain/personal-data/).
 */
import type { Participant } from '../domain/participant/participant.js';
import type { PersonalDataExport } from '../domain/personal-data/access.js';
import type { Breach } from '../domain/personal-data/breach.js';

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
   * attendance, certificates, mail addressed to them, survey invitations and answers, and the
   * audit entries about the records, their documents and certificates.
   */
  holdingsOf(participantIds: readonly number[]): Promise<PersonalDataHoldings>;
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
