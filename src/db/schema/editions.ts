/**
 * Frozen editions of a year's figures (migration 20261209100000_editions; docs/editions.md):
 * the edition, its figures per scope and the program records they were computed from.
 * Conventions: ../schema.ts.
 */
import type { Generated } from 'kysely';
import type { EditionScope, EditionStatus } from '../../domain/report/edition.js';

export interface EditionsTable {
  id: Generated<number>;
  year: number;
  number: number;
  status: EditionStatus;
  title_en: string;
  title_id: string;
  frozen_at: string;
  frozen_by_user_id: number | null;
  frozen_by_label: string;
  override_reason: string | null;
  /** JSON: the FreezeBlocker[] a coordinator overrode. */
  blockers: string | null;
  errata_reason: string | null;
  previous_id: number | null;
  /** JSON: EditionDifferences against the previous edition (errata). */
  changes: string | null;
  programs: number;
  countries: number;
  participants: number;
  published_at: string | null;
  published_by_user_id: number | null;
  published_by_label: string | null;
  narrative_en: string | null;
  narrative_id: string | null;
  narrative_updated_at: string | null;
}

export interface EditionFiguresTable {
  edition_id: number;
  scope: EditionScope;
  /** JSON: the AnnualSummary as services/reports.ts computed it. */
  summary: string;
}

export interface EditionRecordsTable {
  edition_id: number;
  activity_id: number;
  activity_version: number;
  identifier: string;
  /** JSON: the ProgramSnapshot. */
  record: string;
}

/** The whole records an edition froze (migration 20261210090000_edition_programs). */
export interface EditionProgramsTable {
  edition_id: number;
  activity_id: number;
  /** JSON: the FrozenProgram (domain/bundle/types.ts). */
  record: string;
}

/** The year's collection rounds as they stood at the freeze (migration 20261210090000_edition_programs). */
export interface EditionRoundsTable {
  edition_id: number;
  round_id: number;
  /** JSON: the EditionRound (domain/report/edition.ts). */
  record: string;
}
