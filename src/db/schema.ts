/**
 * Table types for Kysely (snake_case as in SQL). Conventions, identical on both engines:
 * - calendar days are TEXT 'YYYY-MM-DD', instants TEXT ISO-8601 UTC ('2026-11-28T16:00:00.000Z');
 * - booleans are INTEGER 0/1; money is BIGINT hundredths of the currency unit;
 * - percentages and exchange rates are NUMERIC (PostgreSQL returns them as strings: the
 *   repositories convert).
 */
import type {
  BudgetsTable,
  ImportBatchesTable,
  ImportMappingsTable,
  OrganisationsTable,
  ProgramPartnersTable,
  ProgramRecipientsTable,
  ProgramSdgsTable,
  ProgramSectorsTable,
  ProgramTransitionsTable,
  ProgramsTable,
  TransactionsTable,
} from './schema/programs.js';
import type { SignOffRemindersTable, SignOffRulesTable, SignOffsTable } from './schema/sign-offs.js';
import type {
  AttendanceTable,
  CertificatesTable,
  CourseOffersTable,
  MailOutboxTable,
  OfferQuotasTable,
  ParticipantDocumentsTable,
  ParticipantEventsTable,
  ParticipantsTable,
  SurveyInvitationsTable,
  SurveysTable,
} from './schema/participants.js';
import type {
  AgreementAreasTable,
  AgreementDocumentsTable,
  AgreementPartiesTable,
  AgreementProgramsTable,
  AgreementRemindersTable,
  AgreementsTable,
  CooperationRequestsTable,
  EngagementItemsTable,
  EngagementsTable,
  FollowUpsTable,
  PartnerContactsTable,
} from './schema/partnerships.js';
import type {
  AnalyticsCubeTable,
  CountriesTable,
  CountryListMembersTable,
  CountryListsTable,
  ExchangeRatesTable,
  GroupMembershipsTable,
  PriorityTargetsTable,
  ProgramCountryFactsTable,
  ProgramFactsTable,
  SpendFactsTable,
  SpendingCubeTable,
  UnitCostsTable,
} from './schema/reports.js';
import type {
  ApiTokenUsesTable,
  ApiTokensTable,
  AuditLogTable,
  AuditScrubsTable,
  DataVersionsTable,
  JobLeasesTable,
  LoginFailuresTable,
  UnlockLinksTable,
  MetaTable,
  RecoveryCodesTable,
  SessionsTable,
  UserSecondFactorsTable,
  UsersTable,
} from './schema/system.js';
import type {
  IatiActivitiesTable,
  IatiActivityFactsTable,
  IatiActivitySectorsTable,
  IatiCountrySectorTotalsTable,
  IatiCountryTotalsTable,
  IatiDatasetsTable,
  IatiPublishersTable,
} from './schema/other-providers.js';
import type {
  EditionFiguresTable,
  EditionProgramsTable,
  EditionRecordsTable,
  EditionRoundsTable,
  EditionsTable,
} from './schema/editions.js';
import type { QualityRulesTable } from './schema/quality.js';
import type { ProgramDocumentsTable, ProgramDocumentVersionsTable } from './schema/program-documents.js';
import type { ProgramCompletionCostsTable, ProgramCompletionsTable, ProgramEvaluationsTable } from './schema/completion.js';
import type { OidcLoginsTable, OidcSessionsTable, UserIdentitiesTable } from './schema/sign-in.js';
import type { DataBreachesTable, RetentionRulesTable } from './schema/personal-data.js';
import type { ActivityResultsTable } from './schema/results.js';
import type { CollectionRoundPartsTable, CollectionRoundRemindersTable, CollectionRoundsTable } from './schema/rounds.js';

export type * from './schema/programs.js';
export type * from './schema/participants.js';
export type * from './schema/partnerships.js';
export type * from './schema/reports.js';
export type * from './schema/system.js';
export type * from './schema/other-providers.js';
export type * from './schema/editions.js';
export type * from './schema/quality.js';
export type * from './schema/rounds.js';
export type * from './schema/sign-in.js';
export type * from './schema/sign-offs.js';
export type * from './schema/personal-data.js';
export type * from './schema/program-documents.js';
export type * from './schema/completion.js';
export type * from './schema/results.js';

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
  activity_completions: ProgramCompletionsTable;
  activity_completion_costs: ProgramCompletionCostsTable;
  activity_evaluations: ProgramEvaluationsTable;
  activities: ProgramsTable;
  iati_publishers: IatiPublishersTable;
  iati_datasets: IatiDatasetsTable;
  iati_activities: IatiActivitiesTable;
  iati_activity_sectors: IatiActivitySectorsTable;
  iati_activity_facts: IatiActivityFactsTable;
  iati_country_totals: IatiCountryTotalsTable;
  iati_country_sector_totals: IatiCountrySectorTotalsTable;
  activity_recipients: ProgramRecipientsTable;
  activity_partners: ProgramPartnersTable;
  activity_sectors: ProgramSectorsTable;
  activity_sdgs: ProgramSdgsTable;
  program_documents: ProgramDocumentsTable;
  program_document_versions: ProgramDocumentVersionsTable;
  budgets: BudgetsTable;
  transactions: TransactionsTable;
  exchange_rates: ExchangeRatesTable;
  participants: ParticipantsTable;
  import_batches: ImportBatchesTable;
  import_mappings: ImportMappingsTable;
  countries: CountriesTable;
  group_memberships: GroupMembershipsTable;
  meta: MetaTable;
  activity_country_facts: ProgramCountryFactsTable;
  activity_facts: ProgramFactsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  unlock_links: UnlockLinksTable;
  user_identities: UserIdentitiesTable;
  oidc_logins: OidcLoginsTable;
  oidc_sessions: OidcSessionsTable;
  api_tokens: ApiTokensTable;
  api_token_uses: ApiTokenUsesTable;
  user_second_factors: UserSecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
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
  editions: EditionsTable;
  edition_figures: EditionFiguresTable;
  edition_records: EditionRecordsTable;
  edition_programs: EditionProgramsTable;
  edition_rounds: EditionRoundsTable;
  quality_rules: QualityRulesTable;
  collection_rounds: CollectionRoundsTable;
  collection_round_parts: CollectionRoundPartsTable;
  collection_round_reminders: CollectionRoundRemindersTable;
  retention_rules: RetentionRulesTable;
  data_breaches: DataBreachesTable;
  activity_results: ActivityResultsTable;
  sign_off_rules: SignOffRulesTable;
  sign_offs: SignOffsTable;
  sign_off_reminders: SignOffRemindersTable;
}
