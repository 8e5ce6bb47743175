/**
 * Programs (the `activities` tables: recipients, partners, sectors, SDG tags, budgets,
 * transactions, lifecycle transitions), organisations and import batches. Conventions: ../schema.ts.
 */
import type { Generated, GeneratedAlways } from 'kysely';
import type { TransitionAction } from '../../domain/program/lifecycle.js';
import type { Budget } from '../../domain/program/program.js';
import type { MappableKind } from '../../domain/import/column-suggestions.js';
import type {
  CooperationType,
  FlagshipArea,
  FundingSource,
  IatiOrgRole,
  LifecycleStage,
  Modality,
  OrganisationKind,
  SscRole,
} from '../../domain/codes.js';

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_id: string | null;
  acronym: string | null;
  type: string;
  country_code: string | null;
  kind: OrganisationKind;
  illustrative: number;
  website: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramsTable {
  id: Generated<number>;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  description_en: string | null;
  description_id: string | null;
  modality: Modality | null;
  flagship_area: FlagshipArea | null;
  cooperation_type: CooperationType;
  /** IATI ActivityStatus code 1–6. */
  activity_status: number;
  lifecycle_stage: LifecycleStage;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  /** Derived on every write: year of actual_start, else of planned_start. Indexed for reports. */
  year: number | null;
  venue_city: string | null;
  venue_country: string | null;
  implementing_org_id: number | null;
  funding_source: FundingSource | null;
  participants_planned: number | null;
  illustrative: number;
  /** Where the record came from: "mitra" (entered or imported CSV), "iati", "demo". */
  source: string;
  import_batch_id: number | null;
  iati_details: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** Generated: coalesce(actual_start, planned_start), the list's "start" order. */
  sort_start: GeneratedAlways<string | null>;
  /** Generated: coalesce(actual_end, planned_end). */
  sort_end: GeneratedAlways<string | null>;
  /** Generated: lower(coalesce(title_en, title_id, '')), the list's "title" order. */
  sort_title: GeneratedAlways<string>;
}

export interface ProgramRecipientsTable {
  activity_id: number;
  country_code: string;
  percentage: string | number | null;
  sort_order: number;
}

export interface ProgramPartnersTable {
  activity_id: number;
  org_id: number;
  iati_role: IatiOrgRole;
  ssc_role: SscRole;
  contribution_minor: number | null;
  currency: string | null;
  in_kind: number;
  sort_order: number;
}

export interface ProgramSectorsTable {
  activity_id: number;
  vocabulary: string;
  code: string;
  percentage: string | number | null;
  sort_order: number;
}

export interface ProgramSdgsTable {
  activity_id: number;
  goal: number;
  target: string | null;
  sort_order: number;
}

export interface BudgetsTable {
  id: Generated<number>;
  activity_id: number;
  type: Budget['type'];
  status: Budget['status'];
  period_start: string;
  period_end: string;
  amount_minor: number;
  currency: string;
  value_date: string | null;
  sort_order: number;
}

export interface TransactionsTable {
  id: Generated<number>;
  activity_id: number;
  type: string;
  transaction_date: string;
  amount_minor: number;
  currency: string;
  value_date: string | null;
  description: string | null;
  sort_order: number;
}

export interface ProgramTransitionsTable {
  id: Generated<number>;
  activity_id: number;
  action: TransitionAction;
  from_stage: LifecycleStage;
  to_stage: LifecycleStage;
  comment: string | null;
  actor_user_id: number | null;
  actor_label: string;
  at: string;
}

/** A column mapping an agency saved for its own spreadsheet layout (import-mapping.repo.ts). */
export interface ImportMappingsTable {
  id: Generated<number>;
  org_code: string;
  kind: MappableKind;
  header_key: string;
  /** JSON: the header names as the file wrote them. */
  headers: string;
  /** JSON: { header: field | null }. */
  mapping: string;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  kind: string;
  source_name: string;
  sha256: string | null;
  rows_total: number;
  rows_inserted: number;
  rows_updated: number;
  rows_rejected: number;
  status: string;
  /** JSON: warnings and the rejected rows' reasons. */
  details: string | null;
  started_at: string;
  finished_at: string | null;
  user_id: number | null;
  /** "host:pid" of the process running the import (null for batches of earlier versions). */
  runner: string | null;
}
