/**
 * Report facts and the analytics summary tables, the reference tables copied for SQL, priority
 * targets and country lists, exchange rates and unit costs. Conventions: ../schema.ts.
 */
import type { Generated } from 'kysely';
import type { Comparator, PriorityMetric, SubjectKind } from '../../domain/analytics/priority.js';
import type { CooperationType, FlagshipArea, LifecycleStage, Modality } from '../../domain/codes.js';
import type { UnitCostKind } from '../../domain/finance/unit-costs.js';
import type { GroupCode, MembershipStatus, ReportRegion } from '../../domain/reference/types.js';
import type { ParticipantSource } from '../../domain/report/participant-allocation.js';

/** Reference tables copied from the domain's tables so that reports can group in SQL. */
export interface CountriesTable {
  iso2: string;
  iso3: string;
  numeric_code: string;
  name_en: string;
  name_id: string;
  region: ReportRegion | null;
  m49_subregion_code: string | null;
}

export interface GroupMembershipsTable {
  group_code: GroupCode;
  iso2: string;
  status: MembershipStatus;
  since: string | null;
  until: string | null;
}

export interface ProgramCountryFactsTable {
  activity_id: number;
  year: number | null;
  /** null for a recorded total of a program that has no recipient country. */
  country_code: string | null;
  region: ReportRegion | null;
  participants: number;
  /** "records" (participant records counted), "totals" (the recorded total, split) or null (no figure). */
  source: ParticipantSource | null;
  lifecycle_stage: LifecycleStage | null;
}

export interface ProgramFactsTable {
  activity_id: number;
  year: number | null;
  modality: Modality | null;
  flagship_area: FlagshipArea | null;
  cooperation_type: CooperationType;
  participants_total: number;
  participants_source: ParticipantSource | null;
  /** 1 when a recorded total is split over several countries. */
  participants_split: number;
  recipient_count: number;
  lifecycle_stage: LifecycleStage | null;
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
  subject_kind: SubjectKind;
  subject_code: string;
  metric: PriorityMetric;
  comparator: Comparator;
  /** The target × 100 (percent with two decimals, or a count). */
  target_hundredths: number | string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The dimensions of the analytics cube (db/analytics-cube.ts): all programs (key ''), modality,
 * flagship area, cooperation type, report region, country, built-in grouping, custom country list.
 */
export type CubeDim = 'all' | 'modality' | 'area' | 'coop' | 'region' | 'country' | 'group' | 'list';
/** The dimensions of the spending cube: all programs, modality, flagship area. */
export type SpendingDim = Extract<CubeDim, 'all' | 'modality' | 'area'>;

/** Programs and participants per year, stage ('' when none), dimension and key ('' for none). */
export interface AnalyticsCubeTable {
  year: number;
  stage: LifecycleStage | '';
  dim: CubeDim;
  key: string;
  programs: number;
  participants: number | string;
}

export interface SpendFactsTable {
  activity_id: number;
  year: number;
  stage: LifecycleStage | '';
  modality: Modality | '';
  area: FlagshipArea | '';
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
  dim: SpendingDim;
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
  kind: UnitCostKind;
  region: ReportRegion | '';
  valid_from: string;
  currency: string;
  amount_minor: number | string;
  note: string | null;
  created_at: string;
  updated_at: string;
}
