/**
 * The repositories the store offers (db/store.ts builds them over one database handle or one
 * transaction). Each capability declares its own in its `*.ports.ts`; this list only names them.
 */
import type { AgreementRepository } from './agreements.ports.js';
import type { AlumniRepository, PrivacyRepository, SurveyRepository } from './alumni.ports.js';
import type { EngagementRepository } from './engagements.ports.js';
import type { DocumentRepository, NominationRepository, OfferRepository } from './offer-ports.js';
import type { PartnerRepository } from './partners.ports.js';
import type {
  AnalyticsRepository,
  AttendanceRepository,
  AuditRepository,
  CertificateRepository,
  CooperationRequestRepository,
  ExchangeRateRepository,
  ImportBatchRepository,
  JobLeaseRepository,
  LoginFailureRepository,
  MailOutboxRepository,
  MoneyRepository,
  OrganisationRepository,
  ParticipantEventRepository,
  ParticipantRepository,
  PriorityRepository,
  ProgramRepository,
  ReportFactRepository,
  ReportRepository,
  SessionRepository,
  TransitionRepository,
  UnitCostRepository,
  UserRepository,
} from './ports.js';

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
}
