/**
 * The records of partnerships as the services hand them out (docs/partnerships.md): partner
 * organisations with their contacts, agreements with their parties and documents, engagements
 * with their offers, requests and follow-ups, and the timeline that puts them on one axis.
 */
import type { CooperationType, FlagshipArea, LifecycleStage, OrganisationKind } from '../codes.js';
import type { Program } from '../program/program.js';
import { renewalState, type AgreementKind, type AgreementStatus, type RenewalState } from './agreement.js';
import type { EngagementKind, FollowUpStatus, ItemKind, ItemSide } from './engagement.js';

/** What a partner organisation's page adds to its record in the registry. */
export interface PartnerProfile {
  readonly website: string | null;
  readonly notes: string | null;
}

export interface PartnerContact {
  readonly name: string;
  readonly position: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** A party to an agreement: an organisation or a country's government (exactly one of the two). */
export interface AgreementParty {
  readonly org: string | null;
  readonly orgName: string | null;
  readonly country: string | null;
}

export interface AgreementData {
  readonly kind: AgreementKind;
  readonly titleEn: string;
  readonly titleId: string | null;
  readonly subject: string | null;
  /** The subject in Indonesian, when given (the interface shows it in Indonesian). */
  readonly subjectId: string | null;
  readonly status: AgreementStatus;
  readonly signedOn: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly ownerOrg: string | null;
  readonly parties: readonly AgreementParty[];
  readonly areas: readonly FlagshipArea[];
  readonly illustrative: boolean;
}

export interface Agreement extends AgreementData {
  readonly id: number;
  readonly reference: string;
  readonly programCount: number;
  readonly documentCount: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface AgreementWithRenewal extends Agreement {
  readonly renewal: RenewalState;
}

/** Where the agreement stands against its end of validity on `day`. */
export function withRenewal(a: Agreement, day: string): AgreementWithRenewal {
  return { ...a, renewal: renewalState(a.status, a.validUntil, day) };
}

export interface AgreementDocumentMeta {
  readonly id: number;
  readonly agreementId: number;
  readonly title: string;
  readonly versionNo: number;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly isPublic: boolean;
  readonly uploadedBy: string;
  readonly createdAt: string;
}

/** A program as the partnership pages list it. */
export interface ProgramRef {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly year: number | null;
  readonly start: string | null;
  readonly lifecycleStage: LifecycleStage;
  readonly cooperationType: CooperationType;
}

/** A program just created, as the partnership pages list it (it has not started: its planned start). */
export function programRefOf(p: Program): ProgramRef {
  return {
    id: p.id,
    identifier: p.identifier,
    titleEn: p.titleEn,
    titleId: p.titleId,
    year: p.year,
    start: p.plannedStart,
    lifecycleStage: p.lifecycleStage,
    cooperationType: p.cooperationType,
  };
}

export interface EngagementItem {
  readonly id: number;
  readonly side: ItemSide;
  readonly kind: ItemKind;
  readonly description: string;
  /** The description in Indonesian, when given (the interface shows it in Indonesian). */
  readonly descriptionId: string | null;
  readonly flagshipArea: FlagshipArea | null;
  readonly country: string | null;
  readonly illustrative: boolean;
  /** The program request it became. */
  readonly program: ProgramRef | null;
}

export interface FollowUpRecord {
  readonly id: number;
  /** The engagement it came from; null for an action of a program's evaluation (`programId`). */
  readonly engagementId: number | null;
  /** The program whose evaluation's management response it comes from; null for an engagement's. */
  readonly programId: number | null;
  readonly action: string;
  /** The action in Indonesian, when given (the interface shows it in Indonesian). */
  readonly actionId: string | null;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly status: FollowUpStatus;
  readonly doneOn: string | null;
  readonly overdue: boolean;
}

/** A follow-up as the follow-up list gives it, with its engagement or its program (one of the two). */
export interface FollowUpRow extends FollowUpRecord {
  readonly engagementReference: string | null;
  readonly engagementTitle: string | null;
  readonly engagementTitleId: string | null;
  /** The engagement's owning agency, or the program's implementing agency. */
  readonly ownerOrg: string | null;
  readonly programIdentifier: string | null;
  readonly programTitleEn: string | null;
  readonly programTitleId: string | null;
}

export interface EngagementData {
  readonly kind: EngagementKind;
  readonly title: string;
  /** The title and purpose in Indonesian, when given (the interface shows them in Indonesian). */
  readonly titleId: string | null;
  readonly purposeId: string | null;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly place: string | null;
  readonly country: string | null;
  readonly partnerOrg: string | null;
  readonly counterpart: string | null;
  readonly delegation: string | null;
  readonly purpose: string | null;
  readonly outcome: string | null;
  readonly ownerOrg: string | null;
  readonly illustrative: boolean;
}

export interface Engagement extends EngagementData {
  readonly id: number;
  readonly reference: string;
  readonly partnerName: string | null;
  readonly items: readonly EngagementItem[];
  readonly followUps: readonly FollowUpRecord[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface PartnerSummary {
  readonly code: string;
  readonly nameEn: string;
  readonly nameId: string | null;
  readonly acronym: string | null;
  readonly kind: OrganisationKind;
  readonly country: string | null;
  readonly programs: number;
  readonly triangular: number;
  /** Triangular programs in the chosen years (since … up to …). */
  readonly triangularInRange: number;
  readonly agreements: number;
  readonly engagements: number;
  readonly lastEngagement: string | null;
}

export const TIMELINE_KINDS = ['engagement', 'agreement', 'program'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  readonly date: string;
  readonly kind: TimelineKind;
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly titleId: string | null;
  /** Engagement kind, agreement status, or program stage. */
  readonly status: string;
  readonly partner: string | null;
  readonly country: string | null;
  /** For a program: the engagement item it came from. */
  readonly fromEngagement: string | null;
}

/** Puts entries on one time axis: latest first, a stable order within a day. */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const rank: Record<TimelineKind, number> = { engagement: 0, agreement: 1, program: 2 };
  return [...entries].sort((a, b) => (a.date === b.date ? rank[a.kind] - rank[b.kind] || b.id - a.id : a.date < b.date ? 1 : -1));
}
