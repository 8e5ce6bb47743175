/**
 * Unit costs of the in-kind valuation helper: what a participant-day, an expert-day and a flight
 * to each report region cost, from a date on (the ministry of finance's standard input costs,
 * "Standar Biaya Masukan", are set per fiscal year, so a year is written as its 1 January).
 * A cost applies from its `validFrom` day until the next one of the same kind and region.
 */
import { z } from 'zod';
import { REPORT_REGIONS, type ReportRegion } from '../reference/types.js';
import { amountMinor, calendarDate, currencyCode, optionalText } from '../schema-helpers.js';

export const UNIT_COST_KINDS = ['participant_day', 'expert_day', 'flight'] as const;
export type UnitCostKind = (typeof UNIT_COST_KINDS)[number];

/** Kinds priced per report region of the recipient (a return flight there); the others have no region. */
export const REGIONAL_KINDS: readonly UnitCostKind[] = ['flight'];

export interface UnitCost {
  readonly id: number;
  readonly kind: UnitCostKind;
  /** The recipient's report region for a flight; null for a participant-day or expert-day. */
  readonly region: ReportRegion | null;
  readonly validFrom: string;
  readonly currency: string;
  /** Hundredths of the currency unit, always positive. */
  readonly amountMinor: number;
  readonly note: string | null;
  readonly updatedAt: string;
}

export type UnitCostData = Omit<UnitCost, 'id' | 'updatedAt'>;

/**
 * A unit cost as the API, the CLI and the CSV import accept it: `year` (from 1 January) or
 * `validFrom` (a day), a positive amount with at most two decimals, an ISO 4217 currency, and a
 * region for flights only.
 */
export const unitCostInputSchema = z
  .strictObject({
    kind: z.enum(UNIT_COST_KINDS, { message: `must be one of ${UNIT_COST_KINDS.join(', ')}` }),
    region: z
      .enum(REPORT_REGIONS, { message: `must be one of ${REPORT_REGIONS.join(', ')}` })
      .nullable()
      .optional(),
    year: z.coerce.number().int().min(1900).max(2200).optional().meta({ description: 'the cost applies from 1 January of this year' }),
    validFrom: calendarDate.optional().meta({ description: 'the cost applies from this day (instead of year)' }),
    currency: currencyCode,
    amount: amountMinor,
    note: optionalText(200),
  })
  .superRefine((u, ctx) => {
    if (u.amount === 0)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must be greater than 0', params: { code: 'not_positive' } });
    const regional = REGIONAL_KINDS.includes(u.kind);
    if (regional && !u.region)
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: `a ${u.kind} cost needs the recipient region (${REPORT_REGIONS.join(', ')})`,
        params: { code: 'required' },
      });
    if (!regional && u.region)
      ctx.addIssue({ code: 'custom', path: ['region'], message: `a ${u.kind} cost has no region`, params: { code: 'unknown_field' } });
    if (u.year === undefined && u.validFrom === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['validFrom'],
        message: 'give the year or the day the cost applies from',
        params: { code: 'required' },
      });
    if (u.year !== undefined && u.validFrom !== undefined && !u.validFrom.startsWith(`${u.year}-`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['validFrom'],
        message: `is not in ${u.year}; give the year or the day, not both`,
        params: { code: 'date_order' },
      });
    }
  })
  .transform((u): UnitCostData => ({
    kind: u.kind,
    region: u.region ?? null,
    validFrom: u.validFrom ?? `${u.year}-01-01`,
    currency: u.currency,
    amountMinor: u.amount,
    note: u.note ?? null,
  }));

export type UnitCostRequest = z.input<typeof unitCostInputSchema>;

/** The key a unit cost is known by: one cost per kind, region and day. */
export function unitCostKey(u: Pick<UnitCost, 'kind' | 'region' | 'validFrom'>): string {
  return `${u.kind}${u.region ? `/${u.region}` : ''}@${u.validFrom}`;
}

/**
 * The cost of a kind (and region) in force on a day: the one with the latest `validFrom` on or
 * before it, or undefined when none applies yet (never a later one: a missing cost is reported).
 */
export function unitCostOn(costs: readonly UnitCost[], kind: UnitCostKind, region: ReportRegion | null, day: string): UnitCost | undefined {
  let found: UnitCost | undefined;
  for (const c of costs) {
    if (c.kind !== kind || c.region !== region || c.validFrom > day) continue;
    if (!found || c.validFrom > found.validFrom) found = c;
  }
  return found;
}

/** Orders unit costs for lists: kind, region (report order), then day. */
export function sortUnitCosts<T extends Pick<UnitCost, 'kind' | 'region' | 'validFrom'>>(costs: readonly T[]): T[] {
  const regionIndex = (r: ReportRegion | null) => (r === null ? -1 : REPORT_REGIONS.indexOf(r));
  return [...costs].sort(
    (a, b) =>
      UNIT_COST_KINDS.indexOf(a.kind) - UNIT_COST_KINDS.indexOf(b.kind) ||
      regionIndex(a.region) - regionIndex(b.region) ||
      a.validFrom.localeCompare(b.validFrom),
  );
}
