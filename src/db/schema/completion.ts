/** Completion and evaluation records of programs (issue 25; migration 20261212110000). */
import type { Generated } from 'kysely';
import type { CostBearer, CostLine } from '../../domain/program/completion.js';
import type { EvaluationScale, EvaluatorKind } from '../../domain/program/evaluation.js';

export interface ProgramCompletionsTable {
  activity_id: number;
  actual_start: string | null;
  actual_end: string | null;
  no_cost: number;
  no_cost_reason: string | null;
  report_en: string | null;
  report_id: string | null;
  illustrative: number;
  version: Generated<number>;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProgramCompletionCostsTable {
  id: Generated<number>;
  activity_id: number;
  line: CostLine;
  amount_minor: number;
  currency: string;
  bearer: CostBearer;
  partner_org_id: number | null;
  note: string | null;
  sort_order: number;
}

export interface ProgramEvaluationsTable {
  activity_id: number;
  evaluator_name: string | null;
  evaluator_org: string | null;
  evaluator_kind: EvaluatorKind | null;
  evaluated_on: string | null;
  scale: EvaluationScale;
  /** JSON: the criteria, the findings, the recommendations (parsed with the domain's schemas). */
  criteria: string;
  findings: string;
  recommendations: string;
  illustrative: number;
  version: Generated<number>;
  updated_by: string;
  created_at: string;
  updated_at: string;
}
