import { CompletionRepo } from './completion.repo.js';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './sql-helpers.js';
import { deferAnalytics, flushAnalytics } from './analytics-cube.js';
import type { Repositories, Store } from '../services/deps.js';
import { ProgramRepo } from './program.repo.js';
import { OrganisationRepo } from './organisation.repo.js';
import { ExchangeRateRepo } from './exchange-rate.repo.js';
import { ImportBatchRepo } from './import-batch.repo.js';
import { ImportMappingRepo } from './import-mapping.repo.js';
import { ReportFactRepo } from './report-fact.repo.js';
import { ParticipantRepo } from './participant.repo.js';
import { MailOutboxRepo, ParticipantEventRepo } from './journey.repo.js';
import { OfferRepo } from './offer.repo.js';
import { NominationRepo } from './nomination.repo.js';
import { DocumentRepo } from './document.repo.js';
import { ReportRepo } from './report.repo.js';
import type { Database } from './schema.js';
import { CountCache, readDataVersions } from './data-version.js';
import { LoginFailureRepo, SessionRepo, UnlockLinkRepo, UserRepo } from './account.repo.js';
import { OidcRepo } from './oidc.repo.js';
import { AuditRepo, TransitionRepo } from './audit.repo.js';
import { ApiTokenRepo } from './api-token.repo.js';
import { SecondFactorRepo } from './second-factor.repo.js';
import { MoneyRepo } from './money.repo.js';
import { UnitCostRepo } from './unit-cost.repo.js';
import { PriorityRepo } from './priority.repo.js';
import { SignOffRepo } from './sign-off.repo.js';
import { AnalyticsRepo } from './analytics.repo.js';
import { AlumniRepo } from './alumni.repo.js';
import { SurveyRepo } from './survey.repo.js';
import { PrivacyRepo } from './privacy.repo.js';
import { CooperationRequestRepo } from './request.repo.js';
import { PartnerRepo } from './partner.repo.js';
import { AgreementRepo } from './agreement.repo.js';
import { ProgramDocumentRepo } from './program-document.repo.js';
import { EngagementRepo } from './engagement.repo.js';
import { AttendanceRepo } from './attendance.repo.js';
import { CertificateRepo } from './certificate.repo.js';
import { JobLeaseRepo } from './job-lease.repo.js';
import { OtherProviderRepo } from './other-provider.repo.js';
import { ResultRepo } from './result.repo.js';
import { EditionRepo } from './edition.repo.js';
import { FreezeBlockerRepo } from './edition-blockers.js';
import { QualityRepo } from './quality.repo.js';
import { RoundRepo } from './round.repo.js';
import { PersonalDataRepo } from './personal-data.repo.js';
import { BreachRepo } from './breach.repo.js';
import { RetentionRepo } from './retention.repo.js';

function repositoriesOn(db: Kysely<Database>, counts: CountCache): Repositories {
  return {
    programs: new ProgramRepo(db, counts),
    organisations: new OrganisationRepo(db),
    participants: new ParticipantRepo(db),
    participantEvents: new ParticipantEventRepo(db),
    mailOutbox: new MailOutboxRepo(db),
    offers: new OfferRepo(db),
    nominations: new NominationRepo(db),
    documents: new DocumentRepo(db),
    reportFacts: new ReportFactRepo(db),
    reports: new ReportRepo(db),
    importBatches: new ImportBatchRepo(db),
    importMappings: new ImportMappingRepo(db),
    exchangeRates: new ExchangeRateRepo(db),
    users: new UserRepo(db),
    sessions: new SessionRepo(db),
    loginFailures: new LoginFailureRepo(db),
    unlockLinks: new UnlockLinkRepo(db),
    oidc: new OidcRepo(db),
    apiTokens: new ApiTokenRepo(db),
    secondFactors: new SecondFactorRepo(db),
    audit: new AuditRepo(db),
    transitions: new TransitionRepo(db),
    money: new MoneyRepo(db),
    unitCosts: new UnitCostRepo(db),
    priorities: new PriorityRepo(db),
    signOffs: new SignOffRepo(db),
    analytics: new AnalyticsRepo(db),
    alumni: new AlumniRepo(db, counts),
    surveys: new SurveyRepo(db),
    privacy: new PrivacyRepo(db),
    requests: new CooperationRequestRepo(db),
    partners: new PartnerRepo(db),
    agreements: new AgreementRepo(db),
    programDocuments: new ProgramDocumentRepo(db),
    engagements: new EngagementRepo(db),
    attendance: new AttendanceRepo(db),
    certificates: new CertificateRepo(db),
    jobLeases: new JobLeaseRepo(db),
    otherProviders: new OtherProviderRepo(db),
    editions: new EditionRepo(db),
    freezeBlockers: new FreezeBlockerRepo(db),
    quality: new QualityRepo(db),
    rounds: new RoundRepo(db),
    personalData: new PersonalDataRepo(db),
    breaches: new BreachRepo(db),
    retention: new RetentionRepo(db),
    completions: new CompletionRepo(db),
    results: new ResultRepo(db),
  };
}

/** The services' view of the database: repositories, and transactions over them. */
export function createStore(db: Kysely<Database>): Store {
  // One per database handle: the lists' totals, kept against the data versions.
  const counts = new CountCache();
  return {
    repos: repositoriesOn(db, counts),
    transaction: (work) =>
      db.transaction().execute(async (trx) => {
        // Summary-table changes are summed over the transaction and written before the commit.
        deferAnalytics(trx);
        const result = await work(repositoriesOn(trx, counts));
        await flushAnalytics(trx);
        return result;
      }),
    afterBulkWrite: async () => {
      // Fresh statistics keep the report queries on their indexes after a large import.
      // VACUUM also sets the visibility map, so report queries stay index-only after an import.
      if (isPostgres(db))
        await sql`vacuum (analyze) activities, activity_recipients, activity_facts, activity_country_facts, participants`.execute(db);
      else await sql`pragma optimize`.execute(db);
    },
    dataVersions: (topics) => readDataVersions(db, topics),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
  };
}
