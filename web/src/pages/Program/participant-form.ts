/**
 * The form for one participant on the program page: its state, what it sends (POST to add, PATCH
 * to change), and its checks (the schemas the server parses with, so the messages match).
 */
import type { ParticipantStatus, Sex } from '../../../../src/domain/codes.js';
import { participantAddSchema, participantPatchSchema } from '../../../../src/domain/participant/participant.schema.js';
import type { ParticipantBody, ParticipantItem, ParticipantPatchBody } from '../../api/participant-queries.js';
import { addSchemaErrors, type FieldErrors } from '../../components/field-errors.js';
import { orNull } from '../../components/form-values.js';

export interface ParticipantFormState {
  fullName: string;
  sex: Sex;
  country: string;
  organisation: string;
  position: string;
  email: string;
  status: ParticipantStatus;
  /** The person consented to the processing of their data (required to add; recorded once). */
  consent: boolean;
}

/** A new participant: the only recipient country chosen when there is one; status attended (the API's default). */
export const emptyParticipant = (recipients: readonly string[]): ParticipantFormState => ({
  fullName: '',
  sex: 'X',
  country: recipients.length === 1 ? (recipients[0] ?? '') : '',
  organisation: '',
  position: '',
  email: '',
  status: 'attended',
  consent: false,
});

/** The form of a listed participant (one whose personal data the user sees). */
export const participantFormOf = (p: ParticipantItem): ParticipantFormState => ({
  fullName: p.fullName ?? '',
  sex: p.sex,
  country: p.country,
  organisation: p.organisation ?? '',
  position: p.position ?? '',
  email: p.email ?? '',
  status: p.status,
  consent: p.consentAt !== null,
});

const fields = (s: ParticipantFormState) => ({
  fullName: s.fullName.trim(),
  sex: s.sex,
  country: s.country,
  organisation: orNull(s.organisation),
  position: orNull(s.position),
  email: orNull(s.email),
  status: s.status,
});

/** The body of POST …/participants, or undefined without consent (the API requires it: the form shows the issue instead). */
export function toParticipantBody(s: ParticipantFormState): ParticipantBody | undefined {
  return s.consent ? { ...fields(s), consent: true } : undefined;
}

/** The body of PATCH …/participants/:id: every field of the form, and consent when newly given. */
export function toParticipantPatch(s: ParticipantFormState, consentRecorded: boolean): ParticipantPatchBody {
  return { ...fields(s), ...(s.consent && !consentRecorded ? { consent: true as const } : {}) };
}

/** Field errors by path, from the schema the server parses with (adding requires consent; a change does not). */
export function validateParticipant(s: ParticipantFormState, mode: 'add' | 'edit', consentRecorded = false): FieldErrors {
  const result =
    mode === 'add'
      ? participantAddSchema.safeParse({ ...fields(s), consent: s.consent })
      : participantPatchSchema.safeParse(toParticipantPatch(s, consentRecorded));
  return addSchemaErrors(new Map(), result);
}
