/**
 * The participant journey of a course offer: which status changes the workflow allows, and
 * which records count as participants in the reports.
 *
 *   nominated ─┬─ selected ── confirmed ── attended ── completed
 *              ├─ reserve ──── (selected when a place frees)
 *              └─ not_selected
 *   any status before completed ── withdrawn
 *
 * The agency's review may move a candidate between selected, reserve and not_selected while the
 * selection is open (before confirmation). Records entered or imported directly by the
 * coordination team or the agency may carry any status (historical data); this table governs
 * the nomination workflow's own steps.
 */
import type { ParticipantStatus } from '../codes.js';

/** Records that count as participants in reports, profiles and analytics. */
export const COUNTED_STATUSES: readonly ParticipantStatus[] = ['selected', 'confirmed', 'attended', 'completed'];

/** Candidates who have not (yet) got a place, or left: listed in the review, never counted. */
export const CANDIDATE_STATUSES: readonly ParticipantStatus[] = ['nominated', 'reserve', 'not_selected', 'withdrawn'];

/** Those who took part (alumni, certificates, surveys). */
export const ALUMNI_STATUSES: readonly ParticipantStatus[] = ['attended', 'completed'];

/** Statuses that hold a place in the quota. */
export const PLACE_HOLDING: readonly ParticipantStatus[] = ['selected', 'confirmed', 'attended', 'completed'];

const NEXT: Readonly<Record<ParticipantStatus, readonly ParticipantStatus[]>> = {
  nominated: ['selected', 'reserve', 'not_selected', 'withdrawn'],
  selected: ['confirmed', 'reserve', 'not_selected', 'withdrawn'],
  reserve: ['selected', 'not_selected', 'withdrawn'],
  not_selected: ['selected', 'reserve'],
  confirmed: ['attended', 'withdrawn'],
  attended: ['completed', 'withdrawn'],
  completed: [],
  withdrawn: [],
};

export function isCounted(status: ParticipantStatus): boolean {
  return COUNTED_STATUSES.includes(status);
}

/** The statuses the workflow may move a participant to from `from`. */
export function nextStatuses(from: ParticipantStatus): readonly ParticipantStatus[] {
  return NEXT[from];
}

export function canMove(from: ParticipantStatus, to: ParticipantStatus): boolean {
  return NEXT[from].includes(to);
}
