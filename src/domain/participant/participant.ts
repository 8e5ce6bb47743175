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
  /** The organisation (an embassy) that nominated the participant, when one did. */
  readonly nominatedBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Moves on with every change of the record (If-Match). */
  readonly version: number;
  readonly phone: string | null;
  /** When the candidate was nominated through an offer (null for records entered directly). */
  readonly nominatedAt: string | null;
  /** When the candidate's consent to the processing of their data was recorded. */
  readonly consentAt: string | null;
  /** Order among the reserves (1 first), while the status is reserve. */
  readonly reserveRank: number | null;
  /** The implementing agency's note on its selection. */
  readonly reviewNote: string | null;
  readonly statusChangedAt: string | null;
  /** When the personal data was erased on request (name, contact and documents gone; counts kept). */
  readonly erasedAt: string | null;
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
      params: { country, recipients: recipients.join(', ') },
      message: `${country} is not a recipient country of this program (recipients: ${listed})`,
    },
  ];
}

export interface ParticipantBreakdown {
  readonly total: number;
  readonly bySex: Readonly<Record<Sex, number>>;
  /** Per country, most participants first. */
  readonly byCountry: readonly { country: string; total: number; F: number; M: number; X: number }[];
}

/** Counts a program's participants by country and sex. */
export function breakdownParticipants(participants: readonly Pick<ParticipantData, 'country' | 'sex'>[]): ParticipantBreakdown {
  const bySex: Record<Sex, number> = { F: 0, M: 0, X: 0 };
  const countries = new Map<string, { country: string; total: number; F: number; M: number; X: number }>();
  for (const p of participants) {
    bySex[p.sex]++;
    const row = countries.get(p.country) ?? { country: p.country, total: 0, F: 0, M: 0, X: 0 };
    row.total++;
    row[p.sex]++;
    countries.set(p.country, row);
  }
  return {
    total: participants.length,
    bySex,
    byCountry: [...countries.values()].sort((a, b) => b.total - a.total || a.country.localeCompare(b.country)),
  };
}
