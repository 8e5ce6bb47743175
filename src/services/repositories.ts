/**
 * The repositories the store offers (db/store.ts builds them over one database handle or one
 * transaction). Each capability declares its own in its `*.ports.ts`; this list only names them.
 */
import type { AgreementRepository } from './agreements.ports.js';
import type { AlumniRepository, PrivacyRepository, SurveyRepository } from './alumni.ports.js';
import type { AnalyticsRepository } from './analytics.ports.js';
import type { AttendanceRepository, CertificateRepository } from './attendance.ports.js';
import type { AuditRepository } from './audit.ports.js';
import type { EditionRepository, FreezeBlockerRepository } from './editions.ports.js';
import type { EngagementRepository } from './engagements.ports.js';
import type { JobLeaseRepository } from './background-jobs.ports.js';
import type { ExchangeRateRepository } from './exchange-rates.ports.js';
import type { ImportBatchRepository } from './imports.ports.js';
import type { ImportMappingRepository } from './import-mappings.ports.js';
import type { MailOutboxRepository, ParticipantEventRepository } from './journey.ports.js';
import type { TransitionRepository } from './lifecycle.ports.js';
import type { MoneyRepository, UnitCostRepository } from './money.ports.js';
import type { DocumentRepository, NominationRepository, OfferRepository } from './offers.ports.js';
import type { OrganisationRepository } from './organisations.ports.js';
import type { OtherProviderRepository } from './other-providers.ports.js';
import type { ParticipantRepository } from './participants.ports.js';
import type { PartnerRepository } from './partners.ports.js';
import type { BreachRepository, PersonalDataRepository, RetentionRepository } from './personal-data.ports.js';
import type { PriorityRepository } from './priorities.ports.js';
import type { ProgramRepository } from './programs.ports.js';
import type { QualityRepository } from './quality.ports.js';
import type { RoundRepository } from './rounds.ports.js';
import type { ReportFactRepository, ReportRepository } from './reports.ports.js';
import type { CooperationRequestRepository } from './requests.ports.js';
import type { LoginFailureRepository, SessionRepository, UserRepository } from './users.ports.js';

export interface Repositories {
  readonly programs: ProgramRepository;
  readonly organisations: OrganisationRepository;
  readonly participants: ParticipantRepository;
  readonly participantEvents: ParticipantEventRepository;
  readonly mailOutbox: MailOutboxRepository;
  readonly offers: OfferRepository;
  readonly nominations: NominationRepository;
  readonly documents: DocumentRepository;
  readonly reportFacts: ReportFactRepository;
  readonly reports: ReportRepository;
  readonly importBatches: ImportBatchRepository;
  readonly importMappings: ImportMappingRepository;
  readonly exchangeRates: ExchangeRateRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly loginFailures: LoginFailureRepository;
  readonly audit: AuditRepository;
  readonly transitions: TransitionRepository;
  readonly money: MoneyRepository;
  readonly unitCosts: UnitCostRepository;
  readonly priorities: PriorityRepository;
  readonly analytics: AnalyticsRepository;
  readonly alumni: AlumniRepository;
  readonly surveys: SurveyRepository;
  readonly privacy: PrivacyRepository;
  readonly attendance: AttendanceRepository;
  readonly certificates: CertificateRepository;
  readonly requests: CooperationRequestRepository;
  readonly partners: PartnerRepository;
  readonly agreements: AgreementRepository;
  readonly engagements: EngagementRepository;
  readonly jobLeases: JobLeaseRepository;
  readonly otherProviders: OtherProviderRepository;
  readonly editions: EditionRepository;
  readonly freezeBlockers: FreezeBlockerRepository;
  readonly quality: QualityRepository;
  readonly rounds: RoundRepository;
  readonly personalData: PersonalDataRepository;
  readonly breaches: BreachRepository;
  readonly retention: RetentionRepository;
}
