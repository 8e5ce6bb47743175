/** Programs as the partnership pages list them (an agreement's programs, the program an engagement item became). */
import { sql } from 'kysely';
import type { CooperationType, LifecycleStage } from '../domain/codes.js';
import type { ProgramRef } from '../domain/partnership/partnership.js';
import { numOrNull } from './sql-helpers.js';

/** The columns PROGRAM_COLUMNS selects, as both engines return them (the year as text on PostgreSQL). */
export interface ProgramRefRow {
  id: number;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  year: unknown;
  start: string | null;
  lifecycle_stage: LifecycleStage;
  cooperation_type: CooperationType;
}

/** The columns of ProgramRefRow from `activities a`. */
export const PROGRAM_COLUMNS = sql`a.id, a.identifier, a.title_en, a.title_id, a.year, coalesce(a.actual_start, a.planned_start) as start, a.lifecycle_stage, a.cooperation_type`;

export function toProgramRef(r: ProgramRefRow): ProgramRef {
  return {
    id: r.id,
    identifier: r.identifier,
    titleEn: r.title_en,
    titleId: r.title_id,
    year: numOrNull(r.year),
    start: r.start,
    lifecycleStage: r.lifecycle_stage,
    cooperationType: r.cooperation_type,
  };
}
