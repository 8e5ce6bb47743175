/**
 * The agreement forms' state, what they send, and their checks: the API's own schema and the
 * domain's date rules (checkAgreement), so that the form and the server agree. The subject's
 * Indonesian variant is always sent with it: a subject changed without it would drop the stored one.
 */
import { agreementInputSchema, agreementPatchSchema } from '../../../../src/domain/partnership/partnership.schema.js';
import { agreementStatuses, checkAgreement, type AgreementStatus } from '../../../../src/domain/partnership/agreement.js';
import type { Agreement, AgreementBody, AgreementDocument, AgreementPatchBody, AgreementStepBody } from '../../api/partnership-queries.js';
import { addIssues, addSchemaErrors, type FieldErrors } from '../../components/field-errors.js';
import { orNull } from '../../components/form-values.js';

/** A party: an organisation (by code) or a country's government. */
export interface PartyState {
  type: 'org' | 'country';
  org: string;
  country: string;
}

export interface AgreementFormState {
  kind: string;
  titleEn: string;
  titleId: string;
  subject: string;
  subjectId: string;
  status: string;
  signedOn: string;
  validFrom: string;
  validUntil: string;
  ownerOrg: string;
  parties: PartyState[];
  areas: string[];
}

export const emptyParty = (type: PartyState['type'] = 'org'): PartyState => ({ type, org: '', country: '' });

export function emptyAgreementForm(): AgreementFormState {
  return {
    kind: '',
    titleEn: '',
    titleId: '',
    subject: '',
    subjectId: '',
    status: 'draft',
    signedOn: '',
    validFrom: '',
    validUntil: '',
    ownerOrg: '',
    parties: [emptyParty()],
    areas: [],
  };
}

/** The edit form of a stored agreement (its status moves with the status steps, not here). */
export function agreementFormOf(a: Agreement): AgreementFormState {
  return {
    kind: a.kind,
    titleEn: a.titleEn,
    titleId: a.titleId ?? '',
    subject: a.subject ?? '',
    subjectId: a.subjectId ?? '',
    status: a.status,
    signedOn: a.signedOn ?? '',
    validFrom: a.validFrom ?? '',
    validUntil: a.validUntil ?? '',
    ownerOrg: a.ownerOrg ?? '',
    parties: a.parties.map((p) =>
      p.org ? { type: 'org', org: p.org, country: '' } : { type: 'country', org: '', country: p.country ?? '' },
    ),
    areas: [...a.areas],
  };
}

const partyBody = (p: PartyState) => (p.type === 'org' ? { org: orNull(p.org) } : { country: orNull(p.country) });

/** The body of POST /api/v1/agreements; `withOwner` false leaves the owner to the server (an agency owns what it records). */
export function toAgreementBody(s: AgreementFormState, withOwner: boolean): AgreementBody {
  return {
    kind: s.kind,
    titleEn: s.titleEn,
    titleId: orNull(s.titleId),
    subject: orNull(s.subject),
    subjectId: orNull(s.subjectId),
    status: s.status || 'draft',
    signedOn: orNull(s.signedOn),
    validFrom: orNull(s.validFrom),
    validUntil: orNull(s.validUntil),
    ...(withOwner ? { ownerOrg: orNull(s.ownerOrg) } : {}),
    parties: s.parties.map(partyBody),
    areas: s.areas,
  } as AgreementBody; // a candidate: the kind may still be unchosen (""), and the codes are checked by validateAgreementForm() before it is sent
}

/** The body of PATCH /api/v1/agreements/:id: every field of the form (the status is not one). */
export function toAgreementPatch(s: AgreementFormState, withOwner: boolean): AgreementPatchBody {
  const { status: _status, ...body } = toAgreementBody(s, withOwner);
  return body;
}

/** A party names nothing yet: "required" at the field the user has to fill. */
function emptyParties(s: AgreementFormState, errors: FieldErrors): void {
  s.parties.forEach((p, i) => {
    const field = p.type === 'org' ? 'org' : 'country';
    if (!(p.type === 'org' ? p.org : p.country).trim()) {
      errors.delete(`parties.${i}`);
      errors.set(`parties.${i}.${field}`, { code: 'required', message: 'is required' });
    }
  });
}

function dateIssues(status: string, s: AgreementFormState, errors: FieldErrors): void {
  if (!agreementStatuses.is(status)) return;
  addIssues(
    errors,
    checkAgreement(status, { signedOn: orNull(s.signedOn), validFrom: orNull(s.validFrom), validUntil: orNull(s.validUntil) }),
  );
}

/** The new agreement's field errors, from the schema the server parses with and the domain's date rules. */
export function validateAgreementForm(s: AgreementFormState, withOwner: boolean): FieldErrors {
  const errors = addSchemaErrors(new Map(), agreementInputSchema.safeParse(toAgreementBody(s, withOwner)));
  if (!s.kind) errors.set('kind', { code: 'required', message: 'is required' });
  emptyParties(s, errors);
  dateIssues(s.status || 'draft', s, errors);
  return errors;
}

/** The edit's field errors; the dates are checked against the agreement's current status. */
export function validateAgreementPatch(s: AgreementFormState, status: AgreementStatus, withOwner: boolean): FieldErrors {
  const errors = addSchemaErrors(new Map(), agreementPatchSchema.safeParse(toAgreementPatch(s, withOwner)));
  emptyParties(s, errors);
  dateIssues(status, s, errors);
  return errors;
}

// ---- status steps ----

export type StepDate = 'signedOn' | 'validFrom' | 'validUntil';

/** The dates a status step records or depends on, asked in its form. */
export function stepDates(to: AgreementStatus): readonly StepDate[] {
  switch (to) {
    case 'signed':
      return ['signedOn', 'validFrom', 'validUntil'];
    case 'in_force':
      return ['validFrom', 'validUntil'];
    case 'expired':
      return ['validUntil'];
    default:
      return [];
  }
}

export interface StepFormState {
  signedOn: string;
  validFrom: string;
  validUntil: string;
  note: string;
}

/** The step form starts from the agreement's dates; taking effect defaults to the signature. */
export function stepFormOf(a: Agreement, to: AgreementStatus): StepFormState {
  return {
    signedOn: a.signedOn ?? '',
    validFrom: a.validFrom ?? (to === 'in_force' ? (a.signedOn ?? '') : ''),
    validUntil: a.validUntil ?? '',
    note: '',
  };
}

/** The body of POST /api/v1/agreements/:id/status: the dates this step asks (emptied ones as null) and the note. */
export function toStepBody(to: AgreementStatus, s: StepFormState): AgreementStepBody {
  const body: AgreementStepBody = { to };
  for (const field of stepDates(to)) body[field] = orNull(s[field]);
  const note = orNull(s.note);
  if (note) body.note = note;
  return body;
}

/** The step's field errors before it is sent: the dates the new status needs (the server also checks the day). */
export function validateStep(a: Agreement, to: AgreementStatus, s: StepFormState): FieldErrors {
  const body = toStepBody(to, s);
  const dates = {
    signedOn: body.signedOn !== undefined ? body.signedOn : a.signedOn,
    validFrom: body.validFrom !== undefined ? body.validFrom : a.validFrom,
    validUntil: body.validUntil !== undefined ? body.validUntil : a.validUntil,
  };
  return addIssues(new Map(), checkAgreement(to, dates));
}

// ---- documents ----

export interface DocumentGroup {
  readonly title: string;
  /** Latest version first. */
  readonly versions: readonly AgreementDocument[];
}

/**
 * The documents grouped by title (a title already used makes the next version), each group's
 * versions latest first, and the group with the latest upload first.
 */
export function groupDocuments(documents: readonly AgreementDocument[]): DocumentGroup[] {
  const byTitle = new Map<string, AgreementDocument[]>();
  for (const d of documents) {
    const list = byTitle.get(d.title);
    if (list) list.push(d);
    else byTitle.set(d.title, [d]);
  }
  const groups = [...byTitle].map(([title, versions]) => ({ title, versions: versions.sort((a, b) => b.versionNo - a.versionNo) }));
  const latest = (g: DocumentGroup) => g.versions.reduce((max, d) => (d.createdAt > max ? d.createdAt : max), '');
  return groups.sort((a, b) => (latest(a) === latest(b) ? a.title.localeCompare(b.title) : latest(a) < latest(b) ? 1 : -1));
}
