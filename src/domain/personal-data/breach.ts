/**
 * The breach log (UU PDP, UU No. 27/2022, Art. 46: when personal data protection fails, the
 * controller notifies the data subjects and the authority in writing within 3 × 24 hours at the
 * latest). The clock starts when the failure is discovered; the deadline and whether it was
 * missed are computed here, never stored.
 */
import { z } from 'zod';
import { personalDataCategories, type PersonalDataCategory } from './categories.js';

/** UU PDP Art. 46(1): "paling lambat 3 x 24 (tiga kali dua puluh empat) jam". */
export const BREACH_NOTIFY_HOURS = 3 * 24;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const category = z.enum(personalDataCategories.codes);

export const breachInputSchema = z
  .object({
    discoveredAt: instant.meta({ description: 'when the failure was discovered (the clock starts here)' }),
    occurredAt: instant.nullable().default(null),
    description: z.string().trim().min(1).max(4000),
    categories: z.array(category).min(1).max(personalDataCategories.codes.length),
    recordsAffected: z.number().int().min(0).nullable().default(null),
    personsAffected: z.number().int().min(0),
    measures: z.string().trim().max(4000).nullable().default(null),
  })
  .meta({ id: 'BreachInput' });
export type BreachInput = z.output<typeof breachInputSchema>;

export const breachChangeSchema = z
  .object({
    description: z.string().trim().min(1).max(4000),
    categories: z.array(category).min(1).max(personalDataCategories.codes.length),
    recordsAffected: z.number().int().min(0).nullable(),
    personsAffected: z.number().int().min(0),
    measures: z.string().trim().max(4000).nullable(),
    subjectsNotifiedAt: instant.nullable(),
    authorityNotifiedAt: instant.nullable(),
    notificationNote: z.string().trim().max(4000).nullable(),
    closedAt: instant.nullable(),
  })
  .partial()
  .meta({ id: 'BreachChange' });
export type BreachChange = z.output<typeof breachChangeSchema>;

export interface Breach {
  readonly id: number;
  readonly discoveredAt: string;
  readonly occurredAt: string | null;
  readonly description: string;
  readonly categories: readonly PersonalDataCategory[];
  readonly recordsAffected: number | null;
  readonly personsAffected: number;
  readonly measures: string | null;
  readonly subjectsNotifiedAt: string | null;
  readonly authorityNotifiedAt: string | null;
  readonly notificationNote: string | null;
  readonly closedAt: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface BreachClock {
  /** discoveredAt + 72 hours. */
  readonly deadlineAt: string;
  /** The deadline has passed and the subjects or the authority were not yet notified. */
  readonly overdue: boolean;
  /** A notification was made after the deadline. */
  readonly notifiedLate: boolean;
  /** Whole hours left before the deadline (negative once passed); null once both are notified. */
  readonly hoursLeft: number | null;
}

export function breachDeadline(discoveredAt: string): string {
  return new Date(Date.parse(discoveredAt) + BREACH_NOTIFY_HOURS * 3_600_000).toISOString();
}

/** The 3 × 24-hour clock of a breach at `now`. */
export function breachClock(b: Pick<Breach, 'discoveredAt' | 'subjectsNotifiedAt' | 'authorityNotifiedAt'>, now: string): BreachClock {
  const deadlineAt = breachDeadline(b.discoveredAt);
  const deadline = Date.parse(deadlineAt);
  const notified = [b.subjectsNotifiedAt, b.authorityNotifiedAt];
  const pending = notified.some((n) => n === null);
  return {
    deadlineAt,
    overdue: pending && Date.parse(now) > deadline,
    notifiedLate: notified.some((n) => n !== null && Date.parse(n) > deadline),
    hoursLeft: pending ? Math.floor((deadline - Date.parse(now)) / 3_600_000) : null,
  };
}
