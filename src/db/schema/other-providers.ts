/**
 * Other providers' IATI data (migration 20261208090000_other_providers): publishers, datasets,
 * activities as published, their sectors and comparison facts. Conventions: ../schema.ts.
 */
import type { Generated } from 'kysely';

export interface IatiPublishersTable {
  id: Generated<number>;
  key: string;
  ref: string | null;
  name: string | null;
  created_at: string;
  updated_at: string;
}

export interface IatiDatasetsTable {
  id: Generated<number>;
  publisher_id: number;
  file_name: string;
  sha256: string | null;
  iati_version: string | null;
  generated_at: string | null;
  imported_at: string;
  imported_by: number | null;
  import_batch_id: number | null;
  activities: Generated<number>;
  warnings: Generated<number>;
  refused: Generated<number>;
}

export interface IatiActivitiesTable {
  id: Generated<number>;
  dataset_id: number;
  publisher_id: number;
  identifier: string;
  title: string | null;
  activity_status: number | null;
  year: number | null;
  line: number;
  prefix_ok: number;
  fingerprint: string;
  data: string;
  warnings: string;
  warning_count: number;
  promoted_program_id: number | null;
  imported_at: string;
  updated_at: string;
}

export interface IatiActivitySectorsTable {
  activity_id: number;
  vocabulary: string;
  code: string;
  percentage: number | null;
}

export interface IatiActivityFactsTable {
  activity_id: number;
  publisher_id: number;
  country_code: string;
  year: number;
  currency: string;
  starts: number;
  budget_minor: number | string;
  spend_minor: number | string;
}

/** Sums of the facts per recipient country, year, publisher and currency (migration 20261208130000). */
export interface IatiCountryTotalsTable {
  country_code: string;
  year: number;
  publisher_id: number;
  currency: string;
  fact_rows: number;
  starts: number;
  budget_minor: number | string;
  spend_minor: number | string;
}

/** Activities starting in a recipient country and year, per publisher and sector (migration 20261208130000). */
export interface IatiCountrySectorTotalsTable {
  country_code: string;
  year: number;
  publisher_id: number;
  vocabulary: string;
  code: string;
  activities: number;
}
