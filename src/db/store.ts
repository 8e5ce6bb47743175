import type { Kysely } from 'kysely';
import type { Repositories, Store } from '../services/ports.js';
import { ActivityRepo } from './activity.repo.js';
import { OrganisationRepo } from './organisation.repo.js';
import { ExchangeRateRepo } from './exchange-rate.repo.js';
import { ImportBatchRepo } from './import-batch.repo.js';
import { ParticipantCountRepo } from './participant-count.repo.js';
import { ParticipantRepo } from './participant.repo.js';
import { ReportRepo } from './report.repo.js';
import type { Database } from './schema.js';

function repositoriesOn(db: Kysely<Database>): Repositories {
  return {
    activities: new ActivityRepo(db),
    organisations: new OrganisationRepo(db),
    participants: new ParticipantRepo(db),
    participantCounts: new ParticipantCountRepo(db),
    reports: new ReportRepo(db),
    importBatches: new ImportBatchRepo(db),
    exchangeRates: new ExchangeRateRepo(db),
  };
}

/** The services' view of the database: repositories, and transactions over them. */
export function createStore(db: Kysely<Database>): Store {
  return {
    repos: repositoriesOn(db),
    transaction: (work) => db.transaction().execute((trx) => work(repositoriesOn(trx))),
  };
}
