/**
 * A course offer: a program opened for nominations, with its public page in English and
 * Indonesian, a deadline (an instant, UTC), and places per recipient country (docs/participants.md).
 *
 *   draft ── open ── closed
 *             └───────┘ (reopen)
 */
import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { countryCode, LIMITS, optionalText } from '../schema-helpers.js';

export const OFFER_STATUSES = ['draft', 'open', 'closed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface CountryQuota {
  readonly country: string;
  readonly quota: number;
}

export interface CourseOffer {
  readonly id: number;
  readonly activityId: number;
  readonly status: OfferStatus;
  readonly summaryEn: string | null;
  readonly summaryId: string | null;
  readonly eligibilityEn: string | null;
  readonly eligibilityId: string | null;
  /** ISO 8601 instant, UTC: nominations at or after it are refused. */
  readonly deadlineAt: string;
  /** Places of a country without a quota of its own; null: no limit per country. */
  readonly quotaDefault: number | null;
  /** Places in all; null: no overall limit beyond the country quotas. */
  readonly quotaTotal: number | null;
  readonly completionPercent: number;
  readonly quotas: readonly CountryQuota[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Largest quota of one country or in all (a sanity bound, not a rule of the programme). */
export const MAX_QUOTA = 100_000;

const quota = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be 0 or more' })
  .max(MAX_QUOTA, { message: `must be at most ${MAX_QUOTA}` });

/** An instant with its offset (2026-12-01T23:59:59+07:00); stored as UTC. */
export const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be a date and time with its offset, e.g. 2026-12-01T23:59:59+07:00',
    params: { code: 'invalid_instant' },
  })
  .transform((s) => new Date(s).toISOString())
  .meta({ format: 'date-time', example: '2026-12-01T16:59:59Z' });

/** Opening or editing an offer (PUT: the whole offer). */
export const offerInputSchema = z.strictObject({
  summaryEn: optionalText(LIMITS.description),
  summaryId: optionalText(LIMITS.description),
  eligibilityEn: optionalText(LIMITS.description),
  eligibilityId: optionalText(LIMITS.description),
  deadline: instant,
  quotaDefault: quota.nullable().optional(),
  quotaTotal: quota.nullable().optional(),
  quotas: z
    .array(z.strictObject({ country: countryCode, quota }))
    .max(LIMITS.listItems)
    .optional()
    .meta({ description: 'places per recipient country (others get quotaDefault)' }),
  completionPercent: z
    .number()
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be between 1 and 100' })
    .max(100, { message: 'must be between 1 and 100' })
    .optional(),
  status: z
    .enum(['draft', 'open'])
    .optional()
    .meta({ description: 'draft (default for a new offer) or open; closing has its own endpoint' }),
});
export type OfferInput = z.output<typeof offerInputSchema>;
export type OfferRequest = z.input<typeof offerInputSchema>;

/** Rules that need the program: quotas only for its recipient countries, once each. */
export function checkOfferQuotas(quotas: readonly CountryQuota[], recipients: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  quotas.forEach((q, i) => {
    if (!recipients.includes(q.country)) {
      issues.push({
        path: `quotas.${i}.country`,
        code: 'not_a_recipient',
        message: `${q.country} is not a recipient country of this program (recipients: ${recipients.join(', ') || 'none recorded'})`,
      });
    }
    if (seen.has(q.country)) issues.push({ path: `quotas.${i}.country`, code: 'duplicate', message: `${q.country} has a quota already` });
    seen.add(q.country);
  });
  return issues;
}

const NEXT: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

export function canMoveOffer(from: OfferStatus, to: OfferStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** Nominations are taken while the offer is open and strictly before its deadline. */
export function isOpenForNominations(offer: Pick<CourseOffer, 'status' | 'deadlineAt'>, nowIso: string): boolean {
  return offer.status === 'open' && Date.parse(nowIso) < Date.parse(offer.deadlineAt);
}

/** Places of a country: its own quota, else the default, else null (no limit). */
export function quotaOf(offer: Pick<CourseOffer, 'quotas' | 'quotaDefault'>, country: string): number | null {
  return offer.quotas.find((q) => q.country === country)?.quota ?? offer.quotaDefault;
}
