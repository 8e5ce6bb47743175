import type { ParticipantStatus, Sex } from '../codes.js';
import type { FieldIssue } from '../errors.js';
import { normalizeName } from '../text.js';

export interface ParticipantData {
  readonly fullName: string;
  readonly sex: Sex;
  readonly country: string;
  readonly organisation: string | null;
  readonly position: string | null;
  readonly email: string | null;
  readonly status: ParticipantStatus;
  readonly illustrative: boolean;
}

export interface Participant extends ParticipantData {
  readonly id: number;
  readonly activityId: number;
  /** Follows one person across programs (alumni): the email, else name + country. */
  readonly personKey: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The key that identifies a person across programs: normalised email, else name + country. */
export function personKey(p: Pick<ParticipantData, 'email' | 'fullName' | 'country'>): string {
  if (p.email) return `email:${p.email.trim().toLowerCase()}`;
  const name = normalizeName(p.fullName).split(' ').sort().join(' ');
  return `name:${name}|${p.country}`;
}

/** A participant comes from one of the program's recipient countries. */
export function checkParticipantCountry(country: string, recipients: readonly string[]): FieldIssue[] {
  if (recipients.includes(country)) return [];
  const listed = recipients.length ? recipients.join(', ') : 'none recorded';
  return [
    {
      path: 'country',
      code: 'not_a_recipient',
      message: `${country} is not a recipient country of this program (recipients: ${listed})`,
    },
  ];
}
