/**
 * What the use cases need from the outside world. src/db implements the repositories;
 * tests may pass fakes. Repositories return `undefined` for "absent"; services decide whether
 * that is an error.
 */
import type { Program, ProgramData } from '../domain/program/program.js';
import type { ProgramFilter, ProgramSortKey, Page } from '../domain/program/program-query.js';
import type {
  ActivityStatus,
  CooperationType,
  FlagshipArea,
  LifecycleStage,
  Modality,
  ParticipantStatus,
} from '../domain/codes.js';
import type { Organisation, OrganisationData } from '../domain/organisation/organisation.js';
import type { Participant, ParticipantData } from '../domain/participant/participant.js';
import type { SpendingGroup, SummaryAggregates } from '../domain/report/summary.js';
import type { ExchangeRate } from '../domain/exchange-rate.js';
import type { GroupCode } from '../domain/reference/types.js';
import type { IatiDetails } from '../domain/iati/iati-details.js';
import type { User } from '../domain/account/user.js';
import type { AuditAction, AuditEntity, AuditEntry, NewAuditEntry } from '../domain/audit.js';
import type { TransitionAction } from '../domain/program/lifecycle.js';
import type { BudgetGrouping, BudgetSpentAggregate, MoneyFilter, MoneyGroup } from '../domain/finance/budget-vs-spent.js';
import type { InKindProgramFacts } from '../domain/finance/in-kind.js';
import type { UnitCost, UnitCostData } from '../domain/finance/unit-costs.js';
import type { CountryList, CountryListInput, PriorityTarget, PriorityTargetInput } from '../domain/analytics/priority.js';
import type { AgencyCandidate, AlumnusCandidate, MatchCandidates, MatchQuery, ProgramCandidate } from '../domain/request/matching.js';
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
import type { CooperationRequest, CooperationRequestData, RequestStatus } from '../domain/request/request.js';
import type { RequestFilter } from '../domain/request/request.schema.js';


/** One row of the program list: the fields a list shows, without the child collections. */
export interface ProgramSummary {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly modality: Modality | null;
  readonly flagshipArea: FlagshipArea | null;
  readonly cooperationType: CooperationType;
  readonly activityStatus: ActivityStatus;
  readonly lifecycleStage: LifecycleStage;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly year: number | null;
  readonly venueCity: string | null;
  readonly venueCountry: string | null;
  readonly implementingOrg: string | null;
  readonly participantsPlanned: number | null;
  readonly illustrative: boolean;
  readonly recipients: readonly string[];
  readonly updatedAt: string;
}

export interface ProgramWrite {
  readonly data: ProgramData;
  readonly now: string;
  readonly source?: string;
  readonly importBatchId?: number | null;
  /** An IATI import's details of the program; left as stored when undefined. */
  readonly iatiDetails?: IatiDetails | null;
}

/** What an IATI import needs to know of a stored program with the same identifier. */
export interface ProgramImportState {
  readonly id: number;
  readonly version: number;
  readonly source: string;
  readonly fingerprint: string | null;
}

export interface ProgramRepository {
  findById(id: number): Promise<Program | undefined>;
  findByIdentifier(identifier: string): Promise<Program | undefined>;
  /** Whole programs in the order of the ids given (absent ids are skipped). */
  findManyByIds(ids: readonly number[]): Promise<Program[]>;
  /** Ids of the given identifiers that exist (for bulk checks). */
  idsByIdentifier(identifiers: readonly string[]): Promise<Map<string, number>>;
  list(filter: ProgramFilter, sort: { key: ProgramSortKey; desc: boolean }, page: number, pageSize: number): Promise<Page<ProgramSummary>>;
  /** The ids of every program of a filter, in the list's order (exports read them in chunks). */
  idsInOrder(filter: ProgramFilter, sort: { key: ProgramSortKey; desc: boolean }): Promise<number[]>;
  insert(write: ProgramWrite): Promise<number>;
  /** Inserts many new programs at once; returns their ids by identifier. */
  insertMany(writes: readonly ProgramWrite[]): Promise<Map<string, number>>;
  /** Id, version, source and IATI fingerprint of the given identifiers that exist. */
  importStates(identifiers: readonly string[]): Promise<Map<string, ProgramImportState>>;
  /** Ids and recipient countries of the given identifiers that exist (for participant imports). */
  importTargets(identifiers: readonly string[]): Promise<Map<string, { id: number; recipients: string[] }>>;
  /** Replaces the program's data if its version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, write: ProgramWrite): Promise<boolean>;
  /** Moves the program to a lifecycle stage if its version is still `expectedVersion`. */
  setStage(id: number, expectedVersion: number, stage: LifecycleStage, now: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  count(): Promise<number>;
}

export interface OrganisationRepository {
  findByCode(code: string): Promise<Organisation | undefined>;
  /** By code, acronym or English/Indonesian name, case-insensitively (a code match first). */
  findByName(text: string): Promise<Organisation | undefined>;
  /** The stored codes (as stored) of those given, matched case-insensitively. */
  existingCodes(codes: readonly string[]): Promise<Map<string, string>>;
  list(filter: { kind?: string; q?: string }): Promise<Organisation[]>;
  insert(data: OrganisationData, now: string): Promise<number>;
  update(code: string, data: OrganisationData, now: string): Promise<boolean>;
  delete(code: string): Promise<boolean>;
  /** How many programs name the organisation (as implementer or partner). */
  usageCount(code: string): Promise<number>;
}

export interface ParticipantWrite {
  readonly data: ParticipantData;
  readonly personKey: string;
  readonly now: string;
  readonly importBatchId?: number | null;
  /** Set when the participant is added (an embassy's nomination); kept on later changes. */
  readonly nominatedBy?: string | null;
}

export interface ParticipantRepository {
  findById(id: number): Promise<Participant | undefined>;
  findByPersonKey(activityId: number, personKey: string): Promise<Participant | undefined>;
  listByProgram(activityId: number): Promise<Participant[]>;
  countByProgram(activityId: number): Promise<number>;
  /** The distinct countries the program's participants come from. */
  countriesOf(activityId: number): Promise<string[]>;
  /** Participant records that count (selected to completed) and those who attended or completed, per program (programs without records are absent). */
  attendanceCounts(activityIds: readonly number[]): Promise<Map<number, { records: number; attended: number }>>;
  insert(activityId: number, write: ParticipantWrite): Promise<number>;
  /** Inserts new participants and updates those already there (same program and person key). */
  upsertMany(rows: readonly { activityId: number; write: ParticipantWrite }[]): Promise<void>;
  /** Existing participants by "activityId|personKey", with the import batch that last wrote them. */
  findKeys(pairs: readonly { activityId: number; personKey: string }[]): Promise<Map<string, { id: number; importBatchId: number | null }>>;
  update(id: number, write: ParticipantWrite): Promise<boolean>;
  /** Sets the journey status of these participants (the reserve rank is kept only for reserves). */
  /** Marks records as demo values without a source (demo data only). */
  markIllustrative(ids: readonly number[]): Promise<void>;
  setStatuses(rows: readonly { id: number; status: ParticipantStatus; reserveRank: number | null }[], change: { now: string; reviewNote?: string | null }): Promise<void>;
  delete(id: number): Promise<boolean>;
}

/** One step of a participant's journey, as the nominating organisation sees it. */
export interface ParticipantEvent {
  readonly id: number;
  readonly participantId: number;
  readonly fromStatus: ParticipantStatus | null;
  readonly toStatus: ParticipantStatus;
  readonly at: string;
  readonly byLabel: string;
  readonly note: string | null;
}

export interface ParticipantEventRepository {
  addMany(events: readonly Omit<ParticipantEvent, 'id'>[]): Promise<void>;
  listFor(participantId: number): Promise<ParticipantEvent[]>;
}

export interface OutgoingMail {
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly participantId?: number | null;
}

export interface QueuedMail extends OutgoingMail {
  readonly id: number;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
}

/** Mail written in the transaction of the change it reports; sent after the commit (services/mail.ts). */
export interface MailOutboxRepository {
  enqueue(mails: readonly OutgoingMail[], now: string): Promise<void>;
  /** Unsent mail, oldest first, with fewer than `maxAttempts` failed attempts. */
  unsent(limit: number, maxAttempts: number): Promise<QueuedMail[]>;
  /**
   * Claims up to `limit` unsent mails not claimed by anyone else (or whose claim ran out before
   * `now`) until `leaseUntil`, oldest first: what one sending process sends, and no other.
   */
  claim(limit: number, maxAttempts: number, now: string, leaseUntil: string): Promise<QueuedMail[]>;
  markSent(id: number, now: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Mail sent to one address (newest first): the captured outbox of tests, the admin's view. */
  list(filter: { to?: string; participantId?: number; limit?: number }): Promise<QueuedMail[]>;
}

/** Participants per program and country, derived on every write (report/participant-allocation.ts). */
export interface ReportFactRepository {
  /** Recomputes the counts of these programs from their records or recorded totals. */
  /** `participantsOnly`: only participants changed (their money needs no refresh). */
  refresh(activityIds: readonly number[], options?: { participantsOnly?: boolean }): Promise<void>;
  /** Takes programs about to be deleted out of the facts and summary tables. */
  remove(activityIds: readonly number[]): Promise<void>;
}

export interface YearAggregates {
  readonly year: number;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  readonly spending: readonly SpendingGroup[];
}

export interface ReportRepository {
  /** `groupings`: the member countries of each grouping to count (membership of that year). */
  /** `stages`: count only programs in these lifecycle stages (all when absent). */
  summary(year: number, groupings: readonly { group: GroupCode; members: readonly string[] }[], stages?: readonly LifecycleStage[]): Promise<SummaryAggregates>;
  years(stages?: readonly LifecycleStage[]): Promise<YearAggregates[]>;
}

export interface PriorityRepository {
  listTargets(filter?: { from?: number; to?: number }): Promise<PriorityTarget[]>;
  findTarget(id: number): Promise<PriorityTarget | undefined>;
  /** Sets the target of a year, subject and metric, replacing the one there (returned as `before`). */
  saveTarget(target: PriorityTargetInput, now: string): Promise<{ target: PriorityTarget; created: boolean; before?: PriorityTarget }>;
  deleteTarget(id: number): Promise<boolean>;
  countTargetsOfList(code: string): Promise<number>;
  listLists(): Promise<CountryList[]>;
  findList(code: string): Promise<CountryList | undefined>;
  saveList(list: CountryListInput, now: string): Promise<{ list: CountryList; created: boolean; before?: CountryList }>;
  deleteList(code: string): Promise<boolean>;
}

export interface YearFigure {
  readonly year: number;
  readonly programs: number;
  readonly participants: number;
  readonly countries: number;
}

export interface CountryFigure {
  readonly year: number;
  readonly country: string;
  readonly programs: number;
  readonly participants: number;
}

export interface RegionFigure {
  readonly year: number;
  readonly region: string | null;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
}

export interface DimFigure {
  readonly year: number;
  /** The modality, area or cooperation type; null for programs where it is not recorded. */
  readonly code: string | null;
  readonly programs: number;
  readonly participants: number;
}

/** What identifies a program in a profile's list. */
export interface ProgramRef {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly year: number | null;
}

export interface CountryProfileRows {
  readonly programs: readonly (ProgramRef & {
    modality: string | null;
    flagshipArea: string | null;
    cooperationType: string;
    stage: string;
    implementingOrg: string | null;
    /** Participants counted for this country (records, or its part of a recorded total). */
    participants: number;
    participantsSource: string | null;
    recipientCount: number;
    /** The country's recipient percentage, null when none is recorded. */
    percentage: number | null;
  })[];
  /** Participant records from the country, per program and sex. */
  readonly sexes: readonly { activityId: number; sex: string; count: number }[];
  readonly partners: readonly { code: string; acronym: string | null; nameEn: string; nameId: string | null; role: string; programs: number }[];
  /** Spent amounts of the programs going to the country (whole programs; the service takes the country's part). */
  readonly spending: readonly { activityId: number; group: SpendingGroup }[];
}

export interface PartnerProfileRows {
  readonly programs: readonly (ProgramRef & {
    cooperationType: string;
    stage: string;
    role: string;
    contributionMinor: number | null;
    currency: string | null;
    inKind: boolean;
    /** The program's start (actual, else planned): contributions convert at the rates of that day. */
    day: string | null;
    currencyRate: number | null;
    idrRate: number | null;
  })[];
  readonly recipients: readonly { activityId: number; country: string }[];
}

export interface NetworkLinks {
  /** Triangular programs per implementing agency and partner (second provider or facilitator). */
  readonly providerPartner: readonly { provider: string | null; partner: string; programs: number }[];
  /** Triangular programs per partner and recipient country. */
  readonly partnerCountry: readonly { partner: string; country: string; programs: number }[];
}

type Stages = readonly LifecycleStage[] | undefined;

export interface AnalyticsRepository {
  /** Programs, participants and recipient countries per year (years with programs only). */
  yearTotals(from: number, to: number, stages: Stages): Promise<YearFigure[]>;
  /**
   * The same figures for programs going to a subject (dim group, region, list or country of the
   * summary tables), with its member countries per set of years (for the country count).
   */
  subjectFigures(subject: { dim: string; key: string }, sets: readonly { years: readonly number[]; members: readonly string[] }[], stages: Stages): Promise<YearFigure[]>;
  countryFigures(from: number, to: number, stages: Stages, countries?: readonly string[]): Promise<CountryFigure[]>;
  regionFigures(from: number, to: number, stages: Stages): Promise<RegionFigure[]>;
  dimFigures(dim: 'modality' | 'area' | 'coop', from: number, to: number, stages: Stages): Promise<DimFigure[]>;
  spendingByYear(from: number, to: number, stages: Stages, by: 'total' | 'modality' | 'flagship'): Promise<{ year: number; key: string | null; group: SpendingGroup }[]>;
  countryProfile(iso2: string, stages: Stages): Promise<CountryProfileRows>;
  partnerProfile(orgId: number, stages: Stages): Promise<PartnerProfileRows>;
  triangularNetwork(from: number, to: number, stages: Stages): Promise<NetworkLinks>;
}

export interface ImportBatch {
  readonly id: number;
  readonly kind: string;
  readonly sourceName: string;
  readonly sha256: string | null;
  readonly rowsTotal: number;
  readonly rowsInserted: number;
  readonly rowsUpdated: number;
  readonly rowsRejected: number;
  /** running, committed, rejected, dry_run, failed */
  readonly status: string;
  readonly details: unknown;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly userId: number | null;
}

export interface ImportBatchResult {
  readonly status: 'committed' | 'rejected' | 'dry_run' | 'failed';
  readonly sha256: string | null;
  readonly rowsTotal: number;
  readonly rowsInserted: number;
  readonly rowsUpdated: number;
  readonly rowsRejected: number;
  readonly details: unknown;
  readonly finishedAt: string;
}

export interface ImportBatchRepository {
  start(kind: string, sourceName: string, now: string, userId?: number | null): Promise<number>;
  finish(id: number, result: ImportBatchResult): Promise<void>;
  findById(id: number): Promise<ImportBatch | undefined>;
  list(limit: number): Promise<ImportBatch[]>;
}

export interface ExchangeRateRepository {
  upsert(rates: readonly ExchangeRate[]): Promise<{ inserted: number; updated: number }>;
  list(filter: { currency?: string }): Promise<ExchangeRate[]>;
}

export interface BudgetVsSpentAggregates {
  /** How many groups the filter has (rows hold one page of them). */
  readonly groups: number;
  readonly rows: readonly (BudgetSpentAggregate & { readonly group: MoneyGroup })[];
  readonly total: BudgetSpentAggregate & { readonly programs: number };
}

/** Money figures summed in SQL (db/money.repo.ts). */
export interface MoneyRepository {
  /** Budgets and spending of one page of groups, and of the whole filter, by currency and dated rates. */
  budgetVsSpent(filter: MoneyFilter, groupBy: BudgetGrouping, page: number, pageSize: number): Promise<BudgetVsSpentAggregates>;
  /**
   * Programs of the filter with no disbursement or expenditure: a page by year and identifier
   * (`offset`), or the next ones by id (`afterId`, to go through them all).
   */
  inKindFacts(filter: MoneyFilter, slice: { offset: number; limit: number } | { afterId: number; limit: number }): Promise<InKindProgramFacts[]>;
  /** The same facts of the given programs. */
  inKindFactsOf(ids: readonly number[]): Promise<InKindProgramFacts[]>;
}

export interface UnitCostRepository {
  list(): Promise<UnitCost[]>;
  findById(id: number): Promise<UnitCost | undefined>;
  findByKey(key: Pick<UnitCostData, 'kind' | 'region' | 'validFrom'>): Promise<UnitCost | undefined>;
  insert(data: UnitCostData, now: string): Promise<number>;
  update(id: number, data: UnitCostData, now: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
}

export interface UserWrite {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly orgCode: string | null;
  readonly disabled: boolean;
}

export interface UserRepository {
  findById(id: number): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** The stored password hash of an enabled or disabled account. */
  passwordHash(id: number): Promise<string | undefined>;
  /** Active accounts unless includeDisabled; `orgCode`: the accounts acting for that organisation (any case). */
  list(filter: { q?: string; role?: string; orgCode?: string; includeDisabled?: boolean }): Promise<User[]>;
  count(): Promise<number>;
  insert(write: UserWrite, passwordHash: string, now: string): Promise<number>;
  /** Changes the account if its version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, write: UserWrite, now: string): Promise<boolean>;
  setPassword(id: number, passwordHash: string, now: string): Promise<void>;
  touchLogin(id: number, now: string): Promise<void>;
}

export interface SessionRecord {
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of a user (password change, account disabled); `except` keeps one. */
  deleteForUser(userId: number, except?: string): Promise<void>;
  deleteExpired(now: string, idleBefore: string): Promise<number>;
}

export interface LoginFailureRepository {
  record(email: string, ip: string, at: string): Promise<void>;
  /** Failures since `since` for the email and for the address. */
  count(email: string, ip: string, since: string): Promise<{ byEmail: number; byIp: number }>;
  clear(email: string): Promise<void>;
  prune(before: string): Promise<void>;
}

export interface AuditQuery {
  readonly entity?: AuditEntity;
  readonly entityId?: string;
  readonly action?: AuditAction;
  readonly actorUserId?: number;
  /** Text in the actor, the record's label or the changed values. */
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  /** Only entries of the record after this version (what changed since a user loaded it). */
  readonly afterVersion?: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<void>;
  appendMany(entries: readonly NewAuditEntry[]): Promise<void>;
  search(query: AuditQuery): Promise<Page<AuditEntry>>;
}

export interface Transition {
  readonly id: number;
  readonly activityId: number;
  readonly action: TransitionAction;
  readonly fromStage: LifecycleStage;
  readonly toStage: LifecycleStage;
  readonly comment: string | null;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly at: string;
}

export interface TransitionRepository {
  append(transition: Omit<Transition, 'id'>): Promise<void>;
  listByProgram(activityId: number): Promise<Transition[]>;
}

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

/** Partner governments' requests (db/request.repo.ts). */
export interface CooperationRequestRepository {
  findById(id: number): Promise<CooperationRequest | undefined>;
  /** The requests a program was created from (accepting a request links it). */
  findByProgram(activityId: number): Promise<CooperationRequest[]>;
  /** Latest received first. */
  list(filter: RequestFilter, page: number, pageSize: number): Promise<Page<CooperationRequest>>;
  /** The next free reference of a year; on PostgreSQL it locks the numbering until the transaction ends. */
  nextReference(year: number): Promise<string>;
  insert(record: CooperationRequestData & { reference: string; status: RequestStatus; createdBy: string; now: string }): Promise<number>;
  /** Changes the status, note and program link if the version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, change: { status: RequestStatus; assessmentNote: string | null; activityId: number | null }, now: string): Promise<boolean>;
  /** Replaces the request's own fields; false when the stored version is not `expectedVersion`. */
  updateFields(id: number, expectedVersion: number, data: CooperationRequestData, now: string): Promise<boolean>;
  delete(id: number): Promise<void>;
  /** Candidates for the ranking, aggregated in SQL: at most `limit` of each kind, best first. */
  matchCandidates(q: MatchQuery, limit: number): Promise<MatchCandidates<AgencyCandidate, ProgramCandidate, AlumnusCandidate>>;
}

/** A source of records (a CSV file being read): line numbers are the file's. */
export interface RecordSource {
  readonly name: string;
  readonly batches: AsyncIterable<readonly { readonly line: number; readonly fields: readonly string[] }[]>;
  /** The sha256 of the bytes, once the batches are consumed. */
  sha256(): string | null;
}

/** One cell of the attendance sheet: a participant on a course day. */
export interface AttendanceMark {
  readonly participantId: number;
  /** YYYY-MM-DD */
  readonly day: string;
  readonly present: boolean;
}

export interface AttendanceRepository {
  /** Records (or corrects) many marks in one statement per few thousand. */
  record(marks: readonly AttendanceMark[], by: string, now: string): Promise<void>;
  /** Every mark of the program's participants, by participant and day. */
  listByProgram(activityId: number): Promise<AttendanceMark[]>;
  /** Days present between `from` and `to` (inclusive) per participant of the program (absent ones: 0, left out). */
  presentDays(activityId: number, from: string, to: string): Promise<Map<number, number>>;
  /** The course offer's completion percent; undefined when the program has no offer. */
  completionPercent(activityId: number): Promise<number | undefined>;
  /** Serialises the attendance writes of one program until the transaction ends. */
  lockProgram(activityId: number): Promise<void>;
}

export interface Certificate {
  readonly id: number;
  readonly participantId: number;
  readonly number: string;
  readonly verifyToken: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

export interface CertificateRepository {
  insert(c: Omit<Certificate, 'id' | 'revokedAt'>): Promise<Certificate>;
  findById(id: number): Promise<Certificate | undefined>;
  findByToken(token: string): Promise<Certificate | undefined>;
  findByParticipant(participantId: number): Promise<Certificate | undefined>;
  /** The certificates of a program's participants. */
  listByProgram(activityId: number): Promise<Certificate[]>;
  revoke(id: number, now: string): Promise<boolean>;
}


/** Leases that make a job run in one process at a time, however many serve the database. */
export interface JobLeaseRepository {
  /** Takes or renews the lease until `until` unless another holder's lease runs past `now`; true when held. */
  acquire(name: string, holder: string, until: string, now: string): Promise<boolean>;
  /** Gives the lease up (another process may take it at once). */
  release(name: string, holder: string): Promise<void>;
}
