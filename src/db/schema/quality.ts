/** Data-quality rules as data (issue 23; domain/quality/rules.ts). Conventions: ../schema.ts. */
import type { QualityDimension, QualitySeverity } from '../../domain/quality/rules.js';

export interface QualityRulesTable {
  code: string;
  /** A kind of domain/quality/rules.ts RULE_PARAMS; read through parseRuleDefinition. */
  kind: string;
  dimension: QualityDimension;
  severity: QualitySeverity;
  weight: number;
  enabled: number;
  /** JSON: the kind's params. */
  params: string;
  label_en: string;
  label_id: string;
  sort_order: number;
  updated_at: string;
  updated_by: number | null;
}
