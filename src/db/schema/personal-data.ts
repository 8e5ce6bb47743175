/** Personal data protection (docs/privacy.md): retention rules and the breach log. Conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface RetentionRulesTable {
  /** A category of domain/personal-data/retention.ts RETENTION_CATEGORIES. */
  category: string;
  months: number;
  enabled: number;
  label_en: string;
  label_id: string;
  sort_order: number;
  updated_at: string;
  updated_by: number | null;
  version: number;
}

export interface DataBreachesTable {
  id: Generated<number>;
  discovered_at: string;
  occurred_at: string | null;
  description: string;
  /** JSON: the categories affected. */
  categories: string;
  records_affected: number | null;
  persons_affected: number;
  measures: string | null;
  subjects_notified_at: string | null;
  authority_notified_at: string | null;
  notification_note: string | null;
  closed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}
