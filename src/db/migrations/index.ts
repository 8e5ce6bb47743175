/**
 * The ordered list of migrations. Names are `<UTC timestamp>_<snake_name>`; a migration is never
 * edited once merged, and each runs on both engines (it may branch on `engine` for a column type).
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../connection.js';
import * as initial from './20261128160000_initial.js';
import * as reportFacts from './20261128180000_report_facts.js';
import * as accounts from './20261128200000_accounts.js';
import * as iatiImport from './20261129060000_iati_import.js';
import * as priorities from './20261129090000_priorities.js';
import * as analyticsCube from './20261129093000_analytics_cube.js';
import * as unitCosts from './20261129090100_unit_costs.js';
import * as participantJourney from './20261129120000_participant_journey.js';
import * as defaultSurveys from './20261129131000_default_surveys.js';
import * as auditErasure from './20261129131100_audit_erasure.js';
import * as requestMatching from './20261129131500_request_matching.js';
import * as partnerships from './20261129150000_partnerships.js';
import * as mailClaims from './20261129160000_mail_claims.js';
import * as listIndexes from './20261207090000_list_indexes.js';

export interface MigrationContext {
  readonly engine: Engine;
}

interface MigrationModule {
  up(db: Kysely<unknown>, context: MigrationContext): Promise<void>;
}

const MIGRATIONS: Record<string, MigrationModule> = {
  '20261128160000_initial': initial,
  '20261128180000_report_facts': reportFacts,
  '20261128200000_accounts': accounts,
  '20261129060000_iati_import': iatiImport,
  '20261129090000_priorities': priorities,
  '20261129090100_unit_costs': unitCosts,
  '20261129093000_analytics_cube': analyticsCube,
  '20261129120000_participant_journey': participantJourney,
  '20261129131000_default_surveys': defaultSurveys,
  '20261129131100_audit_erasure': auditErasure,
  '20261129131500_request_matching': requestMatching,
  '20261129150000_partnerships': partnerships,
  '20261129160000_mail_claims': mailClaims,
  '20261207090000_list_indexes': listIndexes,
};

export function migrationsFor(engine: Engine): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, { engine }) }]),
  );
}
