/**
 * Ports of agreements (services/agreements.ts, reminders.ts): agreements with their parties,
 * areas, programs, versioned documents and the renewal reminders sent; src/db/agreement.repo.ts
 * implements them. Organisations are stored by id and handed out by code.
 */
import type { Page } from '../domain/program/program-query.js';
import type { Agreement, AgreementData, AgreementDocumentMeta, ProgramRef } from '../domain/partnership/partnership.js';
import type { AgreementFilter } from '../domain/partnership/partnership.schema.js';

/** A list's filter as the service narrows it: the public sees signed agreements only; `today` dates "expiring within". */
export type AgreementScope = AgreementFilter & { readonly publicOnly?: boolean; readonly today?: string };

/** Who records a new agreement, and when; the reference is the next of its year. */
export type NewAgreementMeta = Pick<Agreement, 'reference' | 'createdBy'> & { readonly now: string };

/** The stored organisations of an agreement: its parties' (null for a country party) and its owner's. */
export interface AgreementOrgIds {
  readonly parties: readonly (number | null)[];
  readonly owner: number | null;
}

/** An agreement a program is carried out under, as the program's page lists it. */
export type ProgramAgreement = Pick<Agreement, 'id' | 'reference' | 'titleEn' | 'status'>;

/** A file to store as the next version of the agreement's document with its title. */
export type NewAgreementDocument = Pick<
  AgreementDocumentMeta,
  'agreementId' | 'title' | 'fileName' | 'contentType' | 'sha256' | 'isPublic' | 'uploadedBy'
> & {
  readonly content: Uint8Array;
  readonly now: string;
};

export interface AgreementDocumentFile {
  readonly meta: AgreementDocumentMeta;
  readonly content: Uint8Array;
}

export interface AgreementRepository {
  findById(id: number): Promise<Agreement | undefined>;
  list(scope: AgreementScope, page: number, pageSize: number): Promise<Page<Agreement>>;
  /** The next AGR-YEAR-NNNN; waits for concurrent registrations on PostgreSQL. */
  nextReference(year: number): Promise<string>;
  insert(data: AgreementData, orgIds: AgreementOrgIds, meta: NewAgreementMeta): Promise<number>;
  /** False when the stored version is not `expectedVersion`. */
  update(id: number, expectedVersion: number, data: AgreementData, orgIds: AgreementOrgIds, now: string): Promise<boolean>;
  /** Deletes the agreement with its parties, areas, program links, documents and reminders. */
  delete(id: number): Promise<void>;

  programs(id: number): Promise<ProgramRef[]>;
  /** Adds a program; false when it was already linked. */
  linkProgram(agreementId: number, activityId: number): Promise<boolean>;
  unlinkProgram(agreementId: number, activityId: number): Promise<boolean>;
  ofProgram(activityId: number): Promise<ProgramAgreement[]>;

  listDocuments(agreementId: number, publicOnly: boolean): Promise<AgreementDocumentMeta[]>;
  /** Stores the file as the next version of the document with this title. */
  insertDocument(doc: NewAgreementDocument): Promise<AgreementDocumentMeta>;
  findDocument(id: number): Promise<AgreementDocumentFile | undefined>;
  setDocumentPublic(id: number, isPublic: boolean): Promise<void>;

  /** Signed or in force, with an end of validity on or before `until` (reminders, the attention list). */
  liveEndingBy(until: string): Promise<(Agreement & { readonly validUntil: string })[]>;
  remindersSent(agreementId: number, validUntil: string): Promise<number[]>;
  recordReminders(agreementId: number, validUntil: string, daysBefore: readonly number[], now: string): Promise<void>;
}
