/**
 * Agreements with partners and recipient countries (issue 9): MoUs, technical cooperation
 * agreements, joint frameworks and annual work plans, and their life:
 *
 *   draft → negotiation → signed → in_force → expired | terminated
 *
 * (a draft may be signed without a negotiation step, a signed agreement may be terminated before
 * it enters into force, and a negotiation may go back to draft). The rules are pure: the day is
 * given, never read from a clock, so that tests fix it.
 */
import { defineCodeSet } from '../code-set.js';
import { addDays, daysBetween, isCalendarDate } from '../dates.js';
import type { FieldIssue } from '../errors.js';

export const agreementKinds = defineCodeSet({
  mou: { en: 'Memorandum of understanding', id: 'Nota kesepahaman (MoU)', aliases: ['memorandum of understanding', 'nota kesepahaman'] },
  technical_cooperation: { en: 'Technical cooperation agreement', id: 'Perjanjian kerja sama teknik', aliases: ['tca'] },
  joint_framework: { en: 'Joint framework', id: 'Kerangka kerja bersama' },
  work_plan: { en: 'Annual work plan', id: 'Rencana kerja tahunan', aliases: ['annual work plan', 'awp'] },
});
export type AgreementKind = (typeof agreementKinds.codes)[number];

export const agreementStatuses = defineCodeSet({
  draft: { en: 'Draft', id: 'Rancangan' },
  negotiation: { en: 'Under negotiation', id: 'Dalam negosiasi' },
  signed: { en: 'Signed', id: 'Ditandatangani' },
  in_force: { en: 'In force', id: 'Berlaku' },
  expired: { en: 'Expired', id: 'Berakhir' },
  terminated: { en: 'Terminated', id: 'Diakhiri' },
});
export type AgreementStatus = (typeof agreementStatuses.codes)[number];

/** Statuses the public (and recipient governments' focal points) see: an agreement once signed. */
export const PUBLIC_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['signed', 'in_force', 'expired', 'terminated'];

const NEXT: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ['negotiation', 'signed'],
  negotiation: ['draft', 'signed'],
  signed: ['in_force', 'terminated'],
  in_force: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

export function nextAgreementStatuses(from: AgreementStatus): readonly AgreementStatus[] {
  return NEXT[from];
}

/** The dates an agreement carries (calendar days, YYYY-MM-DD, or null). */
export interface AgreementDates {
  readonly signedOn: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** What is wrong with the dates of an agreement in a status, each issue naming its field. */
export function checkAgreement(status: AgreementStatus, dates: AgreementDates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['signedOn', 'validFrom', 'validUntil'] as const) {
    const value = dates[field];
    if (value !== null && !isCalendarDate(value))
      issues.push({ path: field, code: 'invalid_date', message: `${value} is not a calendar day (YYYY-MM-DD)` });
  }
  if (issues.length) return issues;
  const signed = ['signed', 'in_force', 'expired'].includes(status);
  if (signed && !dates.signedOn) {
    issues.push({
      path: 'signedOn',
      code: 'required_when_signed',
      message: `an agreement that is ${agreementStatuses.label(status, 'en').toLowerCase()} needs its signature date`,
    });
  }
  if (!signed && status !== 'terminated' && dates.signedOn) {
    issues.push({
      path: 'signedOn',
      code: 'not_signed_yet',
      message: `an agreement in ${agreementStatuses.label(status, 'en').toLowerCase()} has no signature date yet`,
    });
  }
  if ((status === 'in_force' || status === 'expired') && !dates.validFrom && !dates.signedOn) {
    issues.push({ path: 'validFrom', code: 'required_in_force', message: 'an agreement in force needs the day it took effect' });
  }
  if (dates.validUntil && dates.signedOn && dates.validUntil < dates.signedOn) {
    issues.push({
      path: 'validUntil',
      code: 'before_signature',
      message: `the validity ends (${dates.validUntil}) before the signature (${dates.signedOn})`,
    });
  }
  if (dates.validUntil && dates.validFrom && dates.validUntil < dates.validFrom) {
    issues.push({
      path: 'validUntil',
      code: 'date_order',
      message: `the validity ends (${dates.validUntil}) before it starts (${dates.validFrom})`,
    });
  }
  if (dates.validFrom && dates.signedOn && dates.validFrom < dates.signedOn) {
    issues.push({
      path: 'validFrom',
      code: 'before_signature',
      message: `the validity starts (${dates.validFrom}) before the signature (${dates.signedOn})`,
    });
  }
  return issues;
}

/** Why a status change is refused (empty when allowed): the step itself, then the dates it needs. */
export function checkAgreementTransition(from: AgreementStatus, to: AgreementStatus, dates: AgreementDates, today: string): FieldIssue[] {
  if (!NEXT[from].includes(to)) {
    return [
      {
        path: 'status',
        code: 'bad_transition',
        message: `${agreementStatuses.label(from, 'en')} → ${agreementStatuses.label(to, 'en')} is not a step of an agreement's life`,
      },
    ];
  }
  const issues = checkAgreement(to, dates);
  if (to === 'in_force' && (dates.validFrom ?? dates.signedOn ?? today) > today) {
    issues.push({
      path: 'validFrom',
      code: 'not_yet',
      message: `the agreement takes effect on ${dates.validFrom ?? dates.signedOn}: it is not in force before`,
    });
  }
  if (to === 'expired' && (!dates.validUntil || dates.validUntil >= today)) {
    issues.push({
      path: 'validUntil',
      code: 'not_ended',
      message: dates.validUntil
        ? `the agreement is valid until ${dates.validUntil}`
        : 'an agreement without an end of validity does not expire',
    });
  }
  return issues;
}

/** Days before the end of validity when the owner is reminded to renew (or let it lapse). */
export const RENEWAL_REMINDER_DAYS: readonly number[] = [180, 90, 30];

export interface RenewalState {
  /** Days left until the end of validity (negative once it has passed); null without an end. */
  readonly daysLeft: number | null;
  /** The reminder days already reached, most recent last (180, 90, 30). */
  readonly remindersDue: readonly number[];
  /** The next reminder's day, when one is still to come. */
  readonly nextReminder: string | null;
  /** In force (or signed) and its validity ends within the first reminder window. */
  readonly expiringSoon: boolean;
  /** Still marked in force after its end of validity: to be renewed or marked expired. */
  readonly overdue: boolean;
}

/** Where an agreement stands against its end of validity on `today`. */
export function renewalState(status: AgreementStatus, validUntil: string | null, today: string): RenewalState {
  const live = status === 'signed' || status === 'in_force';
  if (!validUntil || !live)
    return {
      daysLeft: validUntil ? daysBetween(today, validUntil) : null,
      remindersDue: [],
      nextReminder: null,
      expiringSoon: false,
      overdue: false,
    };
  const daysLeft = daysBetween(today, validUntil);
  const remindersDue = RENEWAL_REMINDER_DAYS.filter((d) => daysLeft <= d && daysLeft >= 0);
  const upcoming = RENEWAL_REMINDER_DAYS.filter((d) => daysLeft > d);
  const next = upcoming.length ? Math.min(...upcoming.map((d) => daysLeft - d)) : null;
  return {
    daysLeft,
    remindersDue,
    nextReminder: next === null ? null : addDays(today, next),
    expiringSoon: daysLeft >= 0 && daysLeft <= (RENEWAL_REMINDER_DAYS[0] ?? 0),
    overdue: daysLeft < 0,
  };
}
