/**
 * Ports of the course offers and nominations (services/offers.ts, nominations.ts, selection.ts,
 * participant-documents.ts); db/offer.repo.ts, nomination.repo.ts and document.repo.ts implement them.
 */
import type { Page } from '../domain/program/program-query.js';
import type { LifecycleStage, ParticipantStatus } from '../domain/codes.js';
import type { DocumentMeta } from '../domain/offer/documents.js';
import type { CourseOffer, OfferStatus } from '../domain/offer/offer.js';
import type { Participant } from '../domain/participant/participant.js';
import type { Program } from '../domain/program/program.js';

/** An offer's own fields, as the agency sets them (its id, program and times are the repository's). */
export type OfferWrite = Omit<CourseOffer, 'id' | 'activityId' | 'createdAt' | 'updatedAt' | 'version'>;

/** What the public page of an offer shows of its program. */
export type CatalogueProgram = Pick<
  Program,
  | 'id'
  | 'identifier'
  | 'titleEn'
  | 'titleId'
  | 'descriptionEn'
  | 'descriptionId'
  | 'modality'
  | 'flagshipArea'
  | 'lifecycleStage'
  | 'plannedStart'
  | 'plannedEnd'
  | 'venueCity'
  | 'venueCountry'
  | 'implementingOrg'
> & {
  /** The recipient countries' codes. */
  readonly recipients: readonly string[];
};

/** One offer of the catalogue, with what the public page shows of its program. */
export interface CatalogueEntry {
  readonly offer: CourseOffer;
  readonly program: CatalogueProgram;
}

export interface CatalogueFilter {
  /** Text in the titles, summaries and identifier. */
  readonly q?: string;
  /** Offers open to this recipient country. */
  readonly country?: string;
  readonly modality?: string;
  readonly flagshipArea?: string;
  readonly statuses: readonly OfferStatus[];
  /** Only offers whose deadline is after this instant. */
  readonly deadlineAfter?: string;
  /** Only programs in these stages (the public sees published ones). */
  readonly stages?: readonly LifecycleStage[];
  /** Drafts of these implementing agencies too (an agency's own). */
  readonly draftsOf?: string;
}

export interface OfferRepository {
  findById(id: number): Promise<CourseOffer | undefined>;
  findByProgram(activityId: number): Promise<CourseOffer | undefined>;
  /** Creates the program's offer or replaces its fields and quotas. */
  save(activityId: number, write: OfferWrite, now: string): Promise<CourseOffer>;
  setStatus(id: number, status: OfferStatus, now: string): Promise<void>;
  catalogue(filter: CatalogueFilter, page: number, pageSize: number): Promise<Page<CatalogueEntry>>;
}

/** A candidate as nominated, with their consent (the status defaults to nominated). */
export type NominationWrite = Pick<
  Participant,
  'fullName' | 'sex' | 'country' | 'organisation' | 'position' | 'phone' | 'personKey' | 'nominatedBy'
> & {
  /** Required of a nomination (the mail goes there). */
  readonly email: string;
  readonly nominatedAt: string;
  readonly consentAt: string;
  readonly status?: ParticipantStatus;
};

export interface ReviewFilter {
  readonly statuses?: readonly ParticipantStatus[];
  readonly country?: string;
  /** Text in the name, email or organisation. */
  readonly q?: string;
  /** Only the nominees of this organisation. */
  readonly nominatedBy?: string;
}

export interface ReviewCounts {
  readonly total: number;
  readonly byStatus: Readonly<Partial<Record<ParticipantStatus, number>>>;
  readonly byCountry: readonly { country: string; total: number; nominated: number; holding: number; reserve: number }[];
}

export interface NominationRepository {
  insert(activityId: number, write: NominationWrite, now: string): Promise<number>;
  /** Bulk insert (benchmarks, seed data). */
  insertMany(activityId: number, writes: readonly NominationWrite[], now: string): Promise<void>;
  /** A page of one program's nominations (records with a nomination time), by id. */
  review(activityId: number, filter: ReviewFilter, page: number, pageSize: number): Promise<Page<Participant>>;
  /** Nominations per status and per country (the whole program, whatever the filter of the page). */
  counts(activityId: number, nominatedBy?: string): Promise<ReviewCounts>;
  /** Places held (selected to completed) per country. */
  holders(activityId: number): Promise<Map<string, number>>;
  /** The program's records in these statuses, by nomination time then id. */
  inStatuses(activityId: number, statuses: readonly ParticipantStatus[]): Promise<Participant[]>;
  findMany(ids: readonly number[]): Promise<Participant[]>;
  /** The highest reserve rank of the program (0 without reserves). */
  maxReserveRank(activityId: number): Promise<number>;
  /** One organisation's nominees across programs, newest first. */
  byNominator(
    org: string,
    filter: { status?: ParticipantStatus; offerId?: number },
    page: number,
    pageSize: number,
  ): Promise<
    Page<Participant & { offerId: number | null; programIdentifier: string; programTitleEn: string | null; programTitleId: string | null }>
  >;
}

/** A document to store: the file and what it is. */
export type DocumentWrite = Pick<DocumentMeta, 'participantId' | 'kind' | 'fileName' | 'contentType' | 'uploadedBy'> & {
  readonly content: Uint8Array;
};

export interface DocumentRepository {
  insert(write: DocumentWrite, now: string): Promise<DocumentMeta>;
  listFor(participantId: number): Promise<DocumentMeta[]>;
  findMeta(id: number): Promise<DocumentMeta | undefined>;
  content(id: number): Promise<Uint8Array | undefined>;
}
