/**
 * Table types for Kysely (snake_case as in SQL). Conventions, identical on both engines:
 * - calendar days are TEXT 'YYYY-MM-DD', instants TEXT ISO-8601 UTC ('2026-11-28T16:00:00.000Z');
 * - booleans are INTEGER 0/1; money is BIGINT hundredths of the currency unit;
 * - percentages and exchange rates are NUMERIC (PostgreSQL returns them as strings: the
 *   repositories convert).
 */
import type { Generated, GeneratedAlways } from 'kysely';
import type { FlagshipArea } from '../domain/codes.js';
import type { AgreementKind, AgreementStatus } from '../domain/partnership/agreement.js';
import type { EngagementKind, FollowUpStatus, ItemKind, ItemSide } from '../domain/partnership/engagement.js';

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_id: string | null;
  acronym: string | null;
  type: string;
  country_code: string | null;
  kind: string;
  illustrative: number;
  website: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramsTable {
  id: Generated<number>;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  description_en: string | null;
  description_id: string | null;
  modality: string | null;
  flagship_area: string | null;
  cooperation_type: string;
  /** IATI ActivityStatus code 1–6. */
  activity_status: number;
  lifecycle_stage: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  /** Derived on every write: year of actual_start, else of planned_start. Indexed for reports. */
  year: number | null;
  venue_city: string | null;
  venue_country: string | null;
  implementing_org_id: number | null;
  funding_source: string | null;
  participants_planned: number | null;
  illustrative: number;
  /** Where the record came from: "mitra" (entered or imported CSV), "iati", "demo". */
  source: string;
  import_batch_id: number | null;
  iati_details: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** Generated: coalesce(actual_start, planned_start), the list's "start" order. */
  sort_start: GeneratedAlways<string | null>;
  /** Generated: coalesce(actual_end, planned_end). */
  sort_end: GeneratedAlways<string | null>;
  /** Generated: lower(coalesce(title_en, title_id, '')), the list's "title" order. */
  sort_title: GeneratedAlways<string>;
}

export interface ProgramRecipientsTable {
  activity_id: number;
  country_code: string;
  percentage: string | number | null;
  sort_order: number;
}

export interface ProgramPartnersTable {
  activity_id: number;
  org_id: number;
  iati_role: number;
  ssc_role: string;
  contribution_minor: number | null;
  currency: string | null;
  in_kind: number;
  sort_order: number;
}

export interface ProgramSectorsTable {
  activity_id: number;
  vocabulary: string;
  code: string;
  percentage: string | number | null;
  sort_order: number;
}

export interface ProgramSdgsTable {
  activity_id: number;
  goal: number;
  target: string | null;
  sort_order: number;
}

export interface BudgetsTable {
  id: Generated<number>;
  activity_id: number;
  type: number;
  status: number;
  period_start: string;
  period_end: string;
  amount_minor: number;
  currency: string;
  value_date: string | null;
  sort_order: number;
}

export interface TransactionsTable {
  id: Generated<number>;
  activity_id: number;
  type: string;
  transaction_date: string;
  amount_minor: number;
  currency: string;
  value_date: string | null;
  description: string | null;
  sort_order: number;
}

export interface ExchangeRatesTable {
  currency: string;
  rate_date: string;
  /** How many units of the currency one US dollar buys on that day. */
  units_per_usd: string | number;
  source: string | null;
}

export interface ParticipantsTable {
  id: Generated<number>;
  activity_id: number;
  full_name: string;
  sex: string;
  country_code: string;
  organisation: string | null;
  position: string | null;
  email: string | null;
  status: string;
  person_key: string;
  illustrative: number;
  import_batch_id: number | null;
  /** The organisation (an embassy) that nominated the participant, when one did. */
  nominated_by: string | null;
  created_at: string;
  updated_at: string;
  phone: string | null;
  /** When the nomination was made (null for records entered or imported directly). */
  nominated_at: string | null;
  /** When the candidate's consent to the processing of their data was recorded. */
  consent_at: string | null;
  /** Order among the reserves (1 first), null unless the status is reserve. */
  reserve_rank: number | null;
  /** The implementing agency's note on its selection. */
  review_note: string | null;
  status_changed_at: string | null;
  /** Set when the personal data was erased on request (the counts are kept). */
  erased_at: string | null;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  kind: string;
  source_name: string;
  sha256: string | null;
  rows_total: number;
  rows_inserted: number;
  rows_updated: number;
  rows_rejected: number;
  status: string;
  /** JSON: warnings and the rejected rows' reasons. */
  details: string | null;
  started_at: string;
  finished_at: string | null;
  user_id: number | null;
}

/** Reference tables copied from the domain's tables so that reports can group in SQL. */
export interface CountriesTable {
  iso2: string;
  iso3: string;
  numeric_code: string;
  name_en: string;
  name_id: string;
  region: string | null;
  m49_subregion_code: string | null;
}

export interface GroupMembershipsTable {
  group_code: string;
  iso2: string;
  status: string;
  since: string | null;
  until: string | null;
}

export interface ProgramCountryFactsTable {
  activity_id: number;
  year: number | null;
  /** null for a recorded total of a program that has no recipient country. */
  country_code: string | null;
  region: string | null;
  participants: number;
  /** "records" (participant records counted), "totals" (the recorded total, split) or null (no figure). */
  source: string | null;
  lifecycle_stage: string | null;
}

export interface ProgramFactsTable {
  activity_id: number;
  year: number | null;
  modality: string | null;
  flagship_area: string | null;
  cooperation_type: string;
  participants_total: number;
  participants_source: string | null;
  /** 1 when a recorded total is split over several countries. */
  participants_split: number;
  recipient_count: number;
  lifecycle_stage: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  org_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  password_changed_at: string;
  version: number;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  entity_label: string | null;
  entity_version: number | null;
  /** JSON: { field: { before, after } }. */
  changes: string;
  comment: string | null;
}

export interface ProgramTransitionsTable {
  id: Generated<number>;
  activity_id: number;
  action: string;
  from_stage: string;
  to_stage: string;
  comment: string | null;
  actor_user_id: number | null;
  actor_label: string;
  at: string;
}

export interface CountryListsTable {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_id: string;
  created_at: string;
  updated_at: string;
}

export interface CountryListMembersTable {
  list_id: number;
  iso2: string;
}

export interface PriorityTargetsTable {
  id: Generated<number>;
  year: number;
  subject_kind: string;
  subject_code: string;
  metric: string;
  comparator: string;
  /** The target × 100 (percent with two decimals, or a count). */
  target_hundredths: number | string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Unit costs of the in-kind valuation helper; region '' when the kind has none. */
export interface UnitCostsTable {
  id: Generated<number>;
  kind: string;
  region: string;
  valid_from: string;
  currency: string;
  amount_minor: number | string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface AnalyticsCubeTable {
  year: number;
  stage: string;
  /** all, modality, area, coop, region, country, group, list. */
  dim: string;
  key: string;
  programs: number;
  participants: number | string;
}

export interface SpendFactsTable {
  activity_id: number;
  year: number;
  stage: string;
  modality: string;
  area: string;
  currency: string;
  /** The date of the currency's rate in force on the value date; '' when none. */
  currency_rate_date: string;
  idr_rate_date: string;
  /** The value date when a rate is missing (to date the amount left out), else ''. */
  missing_day: string;
  amount_minor: number | string;
  transactions: number;
}

export interface SpendingCubeTable extends Omit<SpendFactsTable, 'activity_id' | 'modality' | 'area'> {
  dim: string;
  key: string;
}

export interface CourseOffersTable {
  id: Generated<number>;
  activity_id: number;
  /** draft, open, closed. */
  status: string;
  summary_en: string | null;
  summary_id: string | null;
  eligibility_en: string | null;
  eligibility_id: string | null;
  /** ISO 8601 instant (UTC). */
  deadline: string;
  quota_default: number | null;
  quota_total: number | null;
  completion_percent: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OfferQuotasTable {
  offer_id: number;
  country_code: string;
  quota: number;
}

export interface ParticipantDocumentsTable {
  id: Generated<number>;
  participant_id: number;
  /** cv, letter. */
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | Uint8Array;
  uploaded_by: string;
  created_at: string;
}

export interface ParticipantEventsTable {
  id: Generated<number>;
  participant_id: number;
  from_status: string | null;
  to_status: string;
  at: string;
  by_label: string;
  note: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  participant_id: number | null;
  created_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Claimed by a sending process until this instant (migration 20261129160000_mail_claims). */
  claimed_until: string | null;
}

export interface AttendanceTable {
  participant_id: number;
  day: string;
  present: number;
  recorded_by: string;
  recorded_at: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  participant_id: number;
  number: string;
  verify_token: string;
  issued_at: string;
  revoked_at: string | null;
}

export interface SurveysTable {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_id: string;
  months_after: number;
  /** JSON (domain/alumni/survey.ts). */
  questions: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** Audit entries an erasure took personal data out of (migration 20261129131100_audit_erasure). */
export interface AuditScrubsTable {
  audit_id: number;
  participant_id: number;
  at: string;
}

export interface SurveyInvitationsTable {
  id: Generated<number>;
  survey_id: number;
  participant_id: number;
  token: string;
  due_on: string;
  sent_at: string | null;
  answered_at: string | null;
  /** JSON: question id → answer. */
  answers: string | null;
}

export interface CooperationRequestsTable {
  id: Generated<number>;
  reference: string;
  country_code: string;
  topic: string;
  description: string | null;
  flagship_area: string | null;
  sector_code: string | null;
  modality: string | null;
  period_from: string | null;
  period_to: string | null;
  received_on: string;
  relayed_by: string | null;
  /** registered, assessment, accepted, declined. */
  status: string;
  assessment_note: string | null;
  activity_id: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PartnerContactsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  sort_order: number;
}

/**
 * Partnerships (agreement.repo.ts, engagement.repo.ts): a column of codes is typed with the
 * domain's code set, as only those repositories write it and only from checked input.
 */
export interface AgreementsTable {
  id: Generated<number>;
  reference: string;
  kind: AgreementKind;
  title_en: string;
  title_id: string | null;
  subject: string | null;
  status: AgreementStatus;
  signed_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  owner_org_id: number | null;
  illustrative: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** Generated: coalesce(signed_on, the day created), the list's order. */
  sort_on: GeneratedAlways<string>;
}

export interface AgreementPartiesTable {
  agreement_id: number;
  sort_order: number;
  org_id: number | null;
  country_code: string | null;
}

export interface AgreementAreasTable {
  agreement_id: number;
  area: FlagshipArea;
}

export interface AgreementProgramsTable {
  agreement_id: number;
  activity_id: number;
}

export interface AgreementDocumentsTable {
  id: Generated<number>;
  agreement_id: number;
  title: string;
  title_key: string;
  version_no: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | Uint8Array;
  is_public: number;
  uploaded_by: string;
  created_at: string;
}

export interface AgreementRemindersTable {
  agreement_id: number;
  valid_until: string;
  days_before: number;
  sent_at: string;
}

export interface EngagementsTable {
  id: Generated<number>;
  reference: string;
  kind: EngagementKind;
  title: string;
  starts_on: string;
  ends_on: string | null;
  place: string | null;
  country_code: string | null;
  partner_org_id: number | null;
  counterpart: string | null;
  delegation: string | null;
  purpose: string | null;
  outcome: string | null;
  owner_org_id: number | null;
  illustrative: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EngagementItemsTable {
  id: Generated<number>;
  engagement_id: number;
  side: ItemSide;
  kind: ItemKind;
  description: string;
  flagship_area: FlagshipArea | null;
  country_code: string | null;
  illustrative: number;
  activity_id: number | null;
  sort_order: number;
}

export interface FollowUpsTable {
  id: Generated<number>;
  engagement_id: number;
  action: string;
  owner: string;
  due_on: string | null;
  status: FollowUpStatus;
  done_on: string | null;
  created_at: string;
  updated_at: string;
  /** Generated: coalesce(due_on, '9999-12-31'), the list's order (no due day last). */
  sort_due: GeneratedAlways<string>;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** One counter per topic, raised by triggers on every write to the topic's tables. */
export interface DataVersionsTable {
  topic: string;
  version: number | string;
}

/** Who runs the background jobs, until when (renewed while it runs). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database {
  organisations: OrganisationsTable;
  partner_contacts: PartnerContactsTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_areas: AgreementAreasTable;
  agreement_activities: AgreementProgramsTable;
  agreement_documents: AgreementDocumentsTable;
  agreement_reminders: AgreementRemindersTable;
  engagements: EngagementsTable;
  engagement_items: EngagementItemsTable;
  follow_ups: FollowUpsTable;
  activities: ProgramsTable;
  activity_recipients: ProgramRecipientsTable;
  activity_partners: ProgramPartnersTable;
  activity_sectors: ProgramSectorsTable;
  activity_sdgs: ProgramSdgsTable;
  budgets: BudgetsTable;
  transactions: TransactionsTable;
  exchange_rates: ExchangeRatesTable;
  participants: ParticipantsTable;
  import_batches: ImportBatchesTable;
  countries: CountriesTable;
  group_memberships: GroupMembershipsTable;
  meta: MetaTable;
  activity_country_facts: ProgramCountryFactsTable;
  activity_facts: ProgramFactsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  activity_transitions: ProgramTransitionsTable;
  unit_costs: UnitCostsTable;
  country_lists: CountryListsTable;
  country_list_members: CountryListMembersTable;
  priority_targets: PriorityTargetsTable;
  analytics_cube: AnalyticsCubeTable;
  spend_facts: SpendFactsTable;
  spending_cube: SpendingCubeTable;
  course_offers: CourseOffersTable;
  offer_quotas: OfferQuotasTable;
  participant_documents: ParticipantDocumentsTable;
  participant_events: ParticipantEventsTable;
  mail_outbox: MailOutboxTable;
  attendance: AttendanceTable;
  certificates: CertificatesTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  audit_scrubs: AuditScrubsTable;
  cooperation_requests: CooperationRequestsTable;
  data_versions: DataVersionsTable;
  job_leases: JobLeasesTable;
}
