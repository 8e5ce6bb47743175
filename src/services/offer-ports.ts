/** What the offer and nomination use cases need from the database (db/offer.repo.ts implements it). */
import type { Page } from '../domain/program/program-query.js';
import type { FlagshipArea, LifecycleStage, Modality, ParticipantStatus, Sex } from '../domain/codes.js';
import type { DocumentKind, DocumentMeta } from '../domain/offer/documents.js';
import type { CountryQuota, CourseOffer, OfferStatus } from '../domain/offer/offer.js';
import type { Participant } from '../domain/participant/participant.js';

export interface OfferWrite {
  readonly summaryEn: string | null;
  readonly summaryId: string | null;
  readonly eligibilityEn: string | null;
  readonly eligibilityId: string | null;
  readonly deadlineAt: string;
  readonly quotaDefault: number | null;
  readonly quotaTotal: number | null;
  readonly completionPercent: number;
  readonly status: OfferStatus;
  readonly quotas: readonly CountryQuota[];
}

/** One offer of the catalogue, with what the public page shows of its program. */
export interface CatalogueEntry {
  readonly offer: CourseOffer;
  readonly program: {
    readonly id: number;
    readonly identifier: string;
    readonly titleEn: string | null;
    readonly titleId: string | null;
    readonly descriptionEn: string | null;
    readonly descriptionId: string | null;
    readonly modality: Modality | null;
    readonly flagshipArea: FlagshipArea | null;
    readonly lifecycleStage: LifecycleStage;
    readonly plannedStart: string | null;
    readonly plannedEnd: string | null;
    readonly venueCity: string | null;
    readonly venueCountry: string | null;
    readonly implementingOrg: string | null;
    readonly recipients: readonly string[];
  };
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

export interface NominationWrite {
  readonly fullName: string;
  readonly sex: Sex;
  readonly country: string;
  readonly organisation: string | null;
  readonly position: string | null;
  readonly email: string;
  readonly phone: string | null;
  readonly personKey: string;
  readonly nominatedBy: string | null;
  readonly nominatedAt: string;
  readonly consentAt: string;
  readonly status?: ParticipantStatus;
}

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
  byNominator(org: string, filter: { status?: ParticipantStatus; offerId?: number }, page: number, pageSize: number): Promise<Page<Participant & { offerId: number | null; programIdentifier: string; programTitleEn: string | null; programTitleId: string | null }>>;
}

export interface DocumentWrite {
  readonly participantId: number;
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly uploadedBy: string;
}

export interface DocumentRepository {
  insert(write: DocumentWrite, now: string): Promise<DocumentMeta>;
  listFor(participantId: number): Promise<DocumentMeta[]>;
  findMeta(id: number): Promise<DocumentMeta | undefined>;
  content(id: number): Promise<Uint8Array | undefined>;
}
