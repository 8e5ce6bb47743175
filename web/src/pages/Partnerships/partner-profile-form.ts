/** The partner profile form (website, notes, contacts): its state, what it sends, and its checks (the API's schema). */
import { partnerProfileSchema } from '../../../../src/domain/partnership/partnership.schema.js';
import type { PartnerDetail, PartnerProfileBody } from '../../api/partnership-queries.js';
import { addSchemaErrors, type FieldErrors } from '../../components/field-errors.js';
import { orNull } from '../../components/form-values.js';

export interface ContactState {
  name: string;
  position: string;
  email: string;
  phone: string;
}

export interface PartnerProfileState {
  website: string;
  notes: string;
  contacts: ContactState[];
}

export const emptyContact = (): ContactState => ({ name: '', position: '', email: '', phone: '' });

export function partnerProfileOf(d: PartnerDetail): PartnerProfileState {
  return {
    website: d.website ?? '',
    notes: d.notes ?? '',
    contacts: (d.contacts ?? []).map((c) => ({ name: c.name, position: c.position ?? '', email: c.email ?? '', phone: c.phone ?? '' })),
  };
}

const isBlank = (c: ContactState) => !c.name.trim() && !c.position.trim() && !c.email.trim() && !c.phone.trim();

/** The body of PUT /api/v1/partners/:code/contacts: the whole list of contacts (blank rows left out). */
export function toPartnerProfileBody(s: PartnerProfileState): PartnerProfileBody {
  return {
    website: orNull(s.website),
    notes: orNull(s.notes),
    contacts: s.contacts
      .filter((c) => !isBlank(c))
      .map((c) => ({ name: c.name.trim(), position: orNull(c.position), email: orNull(c.email), phone: orNull(c.phone) })),
  };
}

/** The form's path of an issue about the body sent (`contacts.0.email` of the first non-blank row). */
export function formPathOf(s: PartnerProfileState, path: string): string {
  const [head, index, ...rest] = path.split('.');
  if (head !== 'contacts' || index === undefined) return path;
  const rows = s.contacts.flatMap((c, i) => (isBlank(c) ? [] : [i]));
  return ['contacts', String(rows[Number(index)] ?? index), ...rest].join('.');
}

/**
 * Field errors by path (`website`, `contacts.1.email`), from the schema the server parses with.
 * Paths of contacts are the rows of the form, blank rows being left out of what is sent.
 */
export function validatePartnerProfile(s: PartnerProfileState): FieldErrors {
  return addSchemaErrors(new Map(), partnerProfileSchema.safeParse(toPartnerProfileBody(s)), { pathOf: (path) => formPathOf(s, path) });
}
