/**
 * The partnership ports, until they move beside their services (partners, agreements,
 * engagements); every other capability declares its ports in its own `<capability>.ports.ts`.
 */
import type { Page } from '../domain/program/program-query.js';
import type { LifecycleStage } from '../domain/codes.js';
import type { AgreementStatus } from '../domain/partnership/agreement.js';
import type { FollowUpStatus, ItemKind, ItemSide } from '../domain/partnership/engagement.js';
import type {
  Agreement,
  AgreementData,
  AgreementDocumentMeta,
  Engagement,
  EngagementData,
  EngagementItem,
  FollowUpRecord,
  PartnerContact,
  PartnerSummary,
  ProgramRef as PartnershipProgram,
  TimelineEntry,
} from '../domain/partnership/partnership.js';
import type { AgreementFilter, EngagementFilter, FollowUpListQuery, PartnerListQuery } from '../domain/partnership/partnership.schema.js';

// services/partnerships.ts imports OutgoingMail from here until the partnership split lands.
export type { OutgoingMail } from './journey.ports.js';

type AgreementScope = AgreementFilter & { publicOnly?: boolean; today?: string };
type ItemRecord = Omit<EngagementItem, 'id' | 'program'>;
type OrgIds = { partner: number | null; owner: number | null };

/** Agreements, engagements and partner organisations (db/partnership.repo.ts). */
export interface PartnershipRepository {
  findAgreement(id: number): Promise<Agreement | undefined>;
  listAgreements(filter: AgreementScope, page: number, pageSize: number): Promise<Page<Agreement>>;
  /** The next AGR-YEAR-NNNN; waits for concurrent registrations on PostgreSQL. */
  nextAgreementReference(year: number): Promise<string>;
  insertAgreement(data: AgreementData, partyOrgIds: readonly (number | null)[], ownerOrgId: number | null, meta: { reference: string; createdBy: string; now: string }): Promise<number>;
  /** False when the stored version is not `expectedVersion`. */
  updateAgreement(id: number, expectedVersion: number, data: AgreementData, partyOrgIds: readonly (number | null)[], ownerOrgId: number | null, now: string): Promise<boolean>;
  /** Deletes the agreement with its parties, areas, program links, documents and reminders. */
  deleteAgreement(id: number): Promise<void>;
  agreementPrograms(id: number): Promise<PartnershipProgram[]>;
  linkProgram(agreementId: number, activityId: number): Promise<boolean>;
  unlinkProgram(agreementId: number, activityId: number): Promise<boolean>;
  agreementsOfProgram(activityId: number): Promise<{ id: number; reference: string; titleEn: string; status: AgreementStatus }[]>;
  listDocuments(agreementId: number, publicOnly: boolean): Promise<AgreementDocumentMeta[]>;
  /** Stores the file as the next version of the document with this title. */
  insertDocument(doc: { agreementId: number; title: string; fileName: string; contentType: string; sha256: string; content: Uint8Array; isPublic: boolean; uploadedBy: string; now: string }): Promise<AgreementDocumentMeta>;
  findDocument(id: number): Promise<{ meta: AgreementDocumentMeta; content: Uint8Array } | undefined>;
  setDocumentPublic(id: number, isPublic: boolean): Promise<void>;
  liveAgreementsEndingBy(until: string): Promise<Agreement[]>;
  remindersSent(agreementId: number, validUntil: string): Promise<number[]>;
  recordReminders(agreementId: number, validUntil: string, daysBefore: readonly number[], now: string): Promise<void>;

  findEngagement(id: number, today: string): Promise<Engagement | undefined>;
  listEngagements(filter: EngagementFilter, page: number, pageSize: number, today: string): Promise<Page<Engagement>>;
  nextEngagementReference(year: number): Promise<string>;
  insertEngagement(data: EngagementData, orgIds: OrgIds, meta: { reference: string; createdBy: string; now: string }): Promise<number>;
  updateEngagement(id: number, expectedVersion: number, data: EngagementData, orgIds: OrgIds, now: string): Promise<boolean>;
  touchEngagement(id: number, now: string): Promise<void>;
  /** Deletes the engagement with its items and follow-ups. */
  deleteEngagement(id: number): Promise<void>;
  insertItem(engagementId: number, item: ItemRecord): Promise<number>;
  /** The item's engagement, program and 1-based position in its engagement. */
  findItem(id: number): Promise<{ engagementId: number; activityId: number | null; position: number } | undefined>;
  /** False when the item already became a program. */
  setItemProgram(id: number, activityId: number): Promise<boolean>;
  deleteItem(id: number): Promise<void>;
  itemsOfProgram(activityId: number): Promise<{ engagementId: number; reference: string; title: string; startsOn: string; itemId: number; side: ItemSide; kind: ItemKind }[]>;
  insertFollowUp(engagementId: number, f: { action: string; owner: string; dueOn: string | null }, now: string): Promise<number>;
  findFollowUp(id: number, today: string): Promise<FollowUpRecord | undefined>;
  updateFollowUp(id: number, f: { action: string; owner: string; dueOn: string | null; status: FollowUpStatus; doneOn: string | null }, now: string): Promise<void>;
  listFollowUps(
    filter: Omit<FollowUpListQuery, 'page' | 'pageSize'> & { ownerOrg?: string },
    page: number,
    pageSize: number,
    today: string,
  ): Promise<Page<FollowUpRecord & { engagementReference: string; engagementTitle: string; ownerOrg: string | null }>>;

  contacts(orgId: number): Promise<PartnerContact[]>;
  replaceContacts(orgId: number, contacts: readonly PartnerContact[]): Promise<void>;
  profile(orgId: number): Promise<{ website: string | null; notes: string | null }>;
  setProfile(orgId: number, profile: { website: string | null; notes: string | null }, now: string): Promise<void>;
  listPartners(query: PartnerListQuery, stages: readonly LifecycleStage[], shown?: { agreementStatuses: readonly AgreementStatus[] | null; engagements: boolean }): Promise<PartnerSummary[]>;
  triangularTotal(since: number, upTo: number, stages: readonly LifecycleStage[]): Promise<number>;
  timeline(
    scope: { orgId: number } | { country: string },
    options: { agreementStatuses: readonly AgreementStatus[] | null; stages: readonly LifecycleStage[] | null; engagements: boolean },
  ): Promise<TimelineEntry[]>;
}
