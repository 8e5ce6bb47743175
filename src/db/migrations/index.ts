/**
 * The ordered list of migrations. Names are `<UTC timestamp>_<snake_name>`; a migration is never
 * edited once merged, and each runs on both engines (it may branch on `engine` for a column type).
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../connection.js';
import type { MigrationContext } from './migration-context.js';

interface MigrationModule {
  up(db: Kysely<unknown>, context: MigrationContext): Promise<void>;
}

// Each module loads only when its migration runs: opening a current database compares the
// names below with the applied ones (migrate.ts) and imports none of them.
const MIGRATIONS: Record<string, () => Promise<MigrationModule>> = {
  '20261128160000_initial': () => import('./20261128160000_initial.js'),
  '20261128180000_report_facts': () => import('./20261128180000_report_facts.js'),
  '20261128200000_accounts': () => import('./20261128200000_accounts.js'),
  '20261129060000_iati_import': () => import('./20261129060000_iati_import.js'),
  '20261129090000_priorities': () => import('./20261129090000_priorities.js'),
  '20261129090100_unit_costs': () => import('./20261129090100_unit_costs.js'),
  '20261129093000_analytics_cube': () => import('./20261129093000_analytics_cube.js'),
  '20261129120000_participant_journey': () => import('./20261129120000_participant_journey.js'),
  '20261129131000_default_surveys': () => import('./20261129131000_default_surveys.js'),
  '20261129131100_audit_erasure': () => import('./20261129131100_audit_erasure.js'),
  '20261129131500_request_matching': () => import('./20261129131500_request_matching.js'),
  '20261129150000_partnerships': () => import('./20261129150000_partnerships.js'),
  '20261129160000_mail_claims': () => import('./20261129160000_mail_claims.js'),
  '20261207090000_list_indexes': () => import('./20261207090000_list_indexes.js'),
  '20261207110000_job_leases': () => import('./20261207110000_job_leases.js'),
  '20261207120000_other_list_indexes': () => import('./20261207120000_other_list_indexes.js'),
  '20261207130000_alumni_version': () => import('./20261207130000_alumni_version.js'),
  '20261207140000_import_mappings': () => import('./20261207140000_import_mappings.js'),
  '20261207140500_indonesian_texts': () => import('./20261207140500_indonesian_texts.js'),
  '20261207150000_embassy_kind': () => import('./20261207150000_embassy_kind.js'),
  '20261207150500_status_follows_stage': () => import('./20261207150500_status_follows_stage.js'),
  '20261208090000_other_providers': () => import('./20261208090000_other_providers.js'),
  '20261208130000_iati_country_totals': () => import('./20261208130000_iati_country_totals.js'),
  '20261209090000_quality_rules': () => import('./20261209090000_quality_rules.js'),
  '20261209100000_editions': () => import('./20261209100000_editions.js'),
  '20261209110000_collection_rounds': () => import('./20261209110000_collection_rounds.js'),
  '20261209110100_collection_round_reminders': () => import('./20261209110100_collection_round_reminders.js'),
  '20261210090000_edition_programs': () => import('./20261210090000_edition_programs.js'),
  '20261210100000_import_batch_runner': () => import('./20261210100000_import_batch_runner.js'),
  '20261211090000_second_factor': () => import('./20261211090000_second_factor.js'),
  '20261211100000_api_tokens': () => import('./20261211100000_api_tokens.js'),
  '20261211110000_personal_data_protection': () => import('./20261211110000_personal_data_protection.js'),
  '20261211120000_oidc_sign_in': () => import('./20261211120000_oidc_sign_in.js'),
  '20261211130000_participant_version': () => import('./20261211130000_participant_version.js'),
  '20261211140000_unlock_links': () => import('./20261211140000_unlock_links.js'),
  '20261212090000_sign_offs': () => import('./20261212090000_sign_offs.js'),
  '20261212100000_results': () => import('./20261212100000_results.js'),
  '20261212110000_completion_evaluation': () => import('./20261212110000_completion_evaluation.js'),
  '20261212120000_program_documents': () => import('./20261212120000_program_documents.js'),
};

/** The names of every migration, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

export function migrationsFor(engine: Engine): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, load]) => [name, { up: async (db: Kysely<unknown>) => (await load()).up(db, { engine }) }]),
  );
}
