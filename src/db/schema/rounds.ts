/** Collection rounds (migration 20261209110000_collection_rounds; docs/rounds.md). Conventions: ../schema.ts. */
import type { Generated } from 'kysely';
import type { PartStatus, RoundPeriod, RoundStatus } from '../../domain/rounds/round.js';

export interface CollectionRoundsTable {
  id: Generated<number>;
  year: number;
  period: RoundPeriod;
  deadline_date: string;
  status: RoundStatus;
  opened_at: string;
  opened_by_user_id: number | null;
  opened_by_label: string;
  closed_at: string | null;
  closed_by_user_id: number | null;
  closed_by_label: string | null;
}

export interface CollectionRoundPartsTable {
  round_id: number;
  org_code: string;
  status: PartStatus;
  confirmed_at: string | null;
  confirmed_by_user_id: number | null;
  confirmed_by_label: string | null;
  confirm_note: string | null;
  reopened_at: string | null;
  reopened_by_label: string | null;
  reopen_reason: string | null;
}

export interface CollectionRoundRemindersTable {
  round_id: number;
  org_code: string;
  /** 'before-7', 'before-1', 'after-1', 'after-8'… (domain/rounds/round.ts reminderDue). */
  reminder: string;
  recipients: number;
  sent_at: string;
}
