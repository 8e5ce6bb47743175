/**
 * The request form's state, what it sends, and its checks (the API's own schema, so both agree);
 * and the coordination team's decision notes, in English and optionally in Indonesian.
 */
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import type { RequestStatus } from '../../../../src/domain/request/request.js';
import { requestInputSchema } from '../../../../src/domain/request/request.schema.js';
import { addSchemaErrors, requireText, type FieldErrors } from '../../components/field-errors.js';
import type { CooperationRequest, RequestBody, RequestStep } from '../../api/request-queries.js';
import { codeOrNull, orNull } from '../../components/form-values.js';

export interface RequestFormState {
  country: string;
  topic: string;
  /** The topic and description in Indonesian (optional): shown instead when the interface is Indonesian. */
  topicId: string;
  description: string;
  descriptionId: string;
  flagshipArea: string;
  sectorCode: string;
  modality: string;
  periodFrom: string;
  periodTo: string;
  receivedOn: string;
  relayedBy: string;
}

export function emptyRequestForm(today: string, country = ''): RequestFormState {
  return {
    country,
    topic: '',
    topicId: '',
    description: '',
    descriptionId: '',
    flagshipArea: '',
    sectorCode: '',
    modality: '',
    periodFrom: '',
    periodTo: '',
    receivedOn: today,
    relayedBy: '',
  };
}

/** The form filled with a registered request, to correct it. */
export function requestFormOf(r: CooperationRequest): RequestFormState {
  return {
    country: r.country,
    topic: r.topic,
    topicId: r.topicId ?? '',
    description: r.description ?? '',
    descriptionId: r.descriptionId ?? '',
    flagshipArea: r.flagshipArea ?? '',
    sectorCode: r.sectorCode ?? '',
    modality: r.modality ?? '',
    periodFrom: r.periodFrom ?? '',
    periodTo: r.periodTo ?? '',
    receivedOn: r.receivedOn,
    relayedBy: r.relayedBy ?? '',
  };
}

/**
 * The body of POST /api/v1/requests (and of a correction): empty fields are left out or null. The
 * Indonesian texts always go with the English ones: a correction that changes a text without its
 * Indonesian variant would drop the stored variant, so the form sends what it shows (emptied: null).
 */
export function toRequestBody(s: RequestFormState): RequestBody {
  return {
    country: s.country,
    topic: s.topic,
    topicId: orNull(s.topicId),
    description: orNull(s.description),
    descriptionId: orNull(s.descriptionId),
    flagshipArea: codeOrNull(flagshipAreas, s.flagshipArea),
    sectorCode: orNull(s.sectorCode),
    modality: codeOrNull(modalities, s.modality),
    periodFrom: orNull(s.periodFrom),
    periodTo: orNull(s.periodTo),
    ...(s.receivedOn.trim() ? { receivedOn: s.receivedOn.trim() } : {}),
    ...(s.relayedBy.trim() ? { relayedBy: s.relayedBy.trim() } : {}),
  };
}

/** Field errors by path, from the same schema the server parses with. */
export function validateRequestForm(s: RequestFormState): FieldErrors {
  const errors: FieldErrors = new Map();
  // No country chosen yet reads as "required", not as an unknown country.
  requireText(errors, 'country', s.country);
  return addSchemaErrors(errors, requestInputSchema.safeParse(toRequestBody(s)));
}

/** The decision's texts: the note of assess and accept, the reason of a decline, each with its Indonesian variant. */
export interface DecisionFormState {
  note: string;
  noteId: string;
  reason: string;
  reasonId: string;
  agency: string;
  identifier: string;
}

export const emptyDecision = (): DecisionFormState => ({ note: '', noteId: '', reason: '', reasonId: '', agency: '', identifier: '' });

/** The step as sent: the texts trimmed, empty ones left out; the Indonesian note goes only with its note. */
export function toRequestStep(to: RequestStatus, s: DecisionFormState): RequestStep {
  const [note, noteId] = to === 'declined' ? [s.reason, s.reasonId] : [s.note, s.noteId];
  const texts = orNull(note) ? { note: note.trim(), ...(orNull(noteId) ? { noteId: noteId.trim() } : {}) } : {};
  if (to === 'assessment') return { kind: 'assess', ...texts };
  if (to === 'declined') return { kind: 'decline', note: note.trim(), ...texts };
  return {
    kind: 'accept',
    ...texts,
    ...(orNull(s.agency) ? { implementingOrg: s.agency.trim() } : {}),
    ...(orNull(s.identifier) ? { identifier: s.identifier.trim() } : {}),
  };
}

/**
 * The step's errors at the server's paths (`note`, `noteId`): a decline needs its reason, and an
 * Indonesian note needs the note it translates (the server keeps a variant only beside its note).
 */
export function validateDecision(to: RequestStatus, s: DecisionFormState): FieldErrors {
  const errors: FieldErrors = new Map();
  const [note, noteId] = to === 'declined' ? [s.reason, s.reasonId] : [s.note, s.noteId];
  if (to === 'declined') requireText(errors, 'note', note);
  else if (!orNull(note) && orNull(noteId))
    errors.set('note', { code: 'english_required', message: 'write the note in English too: the Indonesian note goes beside it' });
  return errors;
}
