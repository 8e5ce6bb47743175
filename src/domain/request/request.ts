/**
 * A partner government's request for cooperation (docs/requests.md): what a government asks of
 * Indonesia (a topic, a flagship area or DAC sector, a preferred form and period), relayed by an
 * embassy or a focal point, assessed by the coordination team and then accepted (a program is
 * created in the `request` lifecycle stage and linked to it) or declined (with a reason).
 *
 *   registered ──► assessment ──► accepted
 *        │              │
 *        └──────────────┴──────► declined
 */
import { defineCodeSet } from '../code-set.js';
import type { FlagshipArea, Modality } from '../codes.js';
import { InvalidError, InvalidTransitionError } from '../errors.js';
import { yearlyNumber, yearlyReference } from '../yearly-reference.js';

export const REQUEST_PREFIX = 'REQ';

export const requestStatuses = defineCodeSet({
  registered: { en: 'Registered', id: 'Terdaftar' },
  assessment: { en: 'Under assessment', id: 'Dalam penilaian', aliases: ['assess', 'assessing', 'penilaian'] },
  accepted: { en: 'Accepted', id: 'Diterima' },
  declined: { en: 'Declined', id: 'Ditolak', aliases: ['rejected'] },
});
export type RequestStatus = (typeof requestStatuses.codes)[number];

export interface CooperationRequestData {
  /** ISO 3166-1 alpha-2 of the requesting government. */
  readonly country: string;
  readonly topic: string;
  readonly description: string | null;
  /** The topic and description in Indonesian, when given (the interface shows them in Indonesian). */
  readonly topicId: string | null;
  readonly descriptionId: string | null;
  readonly flagshipArea: FlagshipArea | null;
  /** DAC 5-digit sector code (IATI Sector vocabulary 1). */
  readonly sectorCode: string | null;
  readonly modality: Modality | null;
  /** The preferred period, calendar days (either may be open). */
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  /** When the request reached the registry (the letter's or note verbale's date). */
  readonly receivedOn: string;
  /** The organisation (an embassy or a focal point's institution) that relayed it. */
  readonly relayedBy: string | null;
}

export interface CooperationRequest extends CooperationRequestData {
  readonly id: number;
  /** REQ-YYYY-NNNN: year of registration and its number in that year. */
  readonly reference: string;
  readonly status: RequestStatus;
  /** The coordination team's latest note (the reason of a decline). */
  readonly assessmentNote: string | null;
  /** The note in Indonesian, when given with it. */
  readonly assessmentNoteId: string | null;
  /** The program created when the request was accepted. */
  readonly activityId: number | null;
  readonly activityIdentifier: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** The status changes the coordination team may make. */
const NEXT: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  registered: ['assessment', 'declined'],
  assessment: ['accepted', 'declined'],
  accepted: [],
  declined: [],
};

export function nextRequestStatuses(from: RequestStatus): readonly RequestStatus[] {
  return NEXT[from];
}

/**
 * Checks a status change: the step must follow the table above, and a decline needs a note
 * (the partner government is told why).
 */
export function checkRequestTransition(from: RequestStatus, to: RequestStatus, note: string | null): void {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from];
    throw new InvalidTransitionError(
      'cooperation_request.invalid_transition',
      `the request is ${from}: it cannot become ${to}${allowed.length ? ` (possible: ${allowed.join(', ')})` : ' (it is closed)'}`,
    );
  }
  if (to === 'declined' && !note) {
    throw new InvalidError('cooperation_request.note_required', 'a decline needs a note saying why', [
      { path: 'note', code: 'required', message: 'is required when declining: say why' },
    ]);
  }
}

/** The reference of the `n`-th request registered in `year`: REQ-2026-0001. */
export function requestReference(year: number, n: number): string {
  return yearlyReference(REQUEST_PREFIX, year, n);
}

/** The number of a reference of that year, or null for another year or shape. */
export function referenceNumber(reference: string, year: number): number | null {
  return yearlyNumber(REQUEST_PREFIX, reference, year);
}

/** The request's own fields, as registered (what a correction may change). */
export function requestData(r: CooperationRequest): { -readonly [K in keyof CooperationRequestData]: CooperationRequestData[K] } {
  return {
    country: r.country,
    topic: r.topic,
    description: r.description,
    topicId: r.topicId,
    descriptionId: r.descriptionId,
    flagshipArea: r.flagshipArea,
    sectorCode: r.sectorCode,
    modality: r.modality,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    receivedOn: r.receivedOn,
    relayedBy: r.relayedBy,
  };
}

/** The record as plain JSON for the audit log. */
export function plainRequest(r: CooperationRequest): Record<string, unknown> {
  return {
    reference: r.reference,
    ...requestData(r),
    status: r.status,
    assessmentNote: r.assessmentNote,
    assessmentNoteId: r.assessmentNoteId,
    activityId: r.activityId,
  };
}
