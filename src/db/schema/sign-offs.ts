/** The coordination ministries' sign-offs (migration 20261212090000_sign_offs). */
import type { Generated } from 'kysely';
import type { SignOffOpinion, SignOffStep } from '../../domain/sign-off/sign-off.js';

export interface SignOffRulesTable {
  id: Generated<number>;
  step: SignOffStep;
  org_code: string;
  required: number;
  days_allowed: number;
  updated_at: string;
}

/** A ministry's opinion at a step of a program's current round (one per ministry and step). */
export interface SignOffsTable {
  id: Generated<number>;
  activity_id: number;
  step: SignOffStep;
  org_code: string;
  opinion: SignOffOpinion;
  comment: string | null;
  signed_by_user_id: number | null;
  signed_by_label: string;
  signed_at: string;
}

/** A reminder mailed for a ministry's sign-off, once per kind and round. */
export interface SignOffRemindersTable {
  id: Generated<number>;
  activity_id: number;
  step: SignOffStep;
  org_code: string;
  kind: 'before' | 'after';
  round_started_at: string;
  sent_at: string;
}
