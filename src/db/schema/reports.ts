/**
 * Report facts and the analytics summary tables, the reference tables copied for SQL, priority
 * targets and country lists, exchange rates and unit costs. Conventions: ../schema.ts.
 */
import type { Generated } from 'kysely';

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

export interface ExchangeRatesTable {
  currency: string;
  rate_date: string;
  /** How many units of the currency one US dollar buys on that day. */
  units_per_usd: string | number;
  source: string | null;
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
