/** The new-request form's state, what it sends, and its checks (the API's own schema, so both agree). */
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { requestInputSchema } from '../../../../src/domain/request/request.schema.js';
import { addSchemaErrors, requireText, type FieldErrors } from '../../components/field-errors.js';
import type { CooperationRequest, RequestBody } from '../../api/request-queries.js';
import { codeOrNull, orNull } from '../../components/form-values.js';

export interface RequestFormState {
  country: string;
  topic: string;
  description: string;
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
    description: '',
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
    description: r.description ?? '',
    flagshipArea: r.flagshipArea ?? '',
    sectorCode: r.sectorCode ?? '',
    modality: r.modality ?? '',
    periodFrom: r.periodFrom ?? '',
    periodTo: r.periodTo ?? '',
    receivedOn: r.receivedOn,
    relayedBy: r.relayedBy ?? '',
  };
}

/** The body of POST /api/v1/requests: empty fields are left out or null. */
export function toRequestBody(s: RequestFormState): RequestBody {
  return {
    country: s.country,
    topic: s.topic,
    description: orNull(s.description),
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
