/**
 * What the report routes answer (report.routes.ts), and spending as every answer with money
 * shows it (lifecycle.routes.ts, money.schemas.ts): the response schemas (validation and
 * OpenAPI) and their presenters. The schemas with an id register in this order, which the
 * OpenAPI document follows.
 */
import { z } from 'zod';
import { formatMinor } from '../domain/money.js';
import type { AnnualSummary, Spending } from '../domain/report/summary.js';
import type { ReportRegion } from '../domain/reference/types.js';
import type { YearRow } from '../services/reports.js';

const count = z.number().int();
const money = z.string().meta({ description: 'exact decimal amount', example: '38435225.61' });

/** The amounts left out of a total for want of an exchange rate (each answer gives its own example amount). */
export const missingRatesSchema = (amount: z.ZodString) =>
  z.array(
    z.object({
      currency: z.string(),
      transactions: count,
      amount,
      firstDate: z.string(),
      lastDate: z.string(),
      missing: z.array(z.enum(['usd', 'idr'])),
    }),
  );

export const spendingSchema = z
  .object({
    usd: money.meta({ description: 'spent (disbursements and expenditure) in US dollars, at the rate of each value date' }),
    idr: money.meta({ description: 'the same in rupiah' }),
    transactions: count,
    byCurrency: z.array(z.object({ currency: z.string(), amount: money, transactions: count })),
    missingRates: missingRatesSchema(money).meta({
      description: 'amounts left out of a total because no exchange rate is recorded on or before their value date',
    }),
  })
  .meta({ id: 'Spending' });

const breakdownSchema = z.array(
  z.object({ code: z.string().nullable(), labelEn: z.string(), labelId: z.string(), programs: count, participants: count }),
);
const regionFigures = z.object({ programs: count, countries: count, participants: count });

export const summarySchema = z
  .object({
    year: count,
    programs: count,
    countries: count.meta({ description: 'distinct recipient countries' }),
    participants: count,
    participantSources: z.object({
      records: z.object({ programs: count, participants: count }),
      totals: z.object({ programs: count, participants: count, splitAcrossCountries: count }),
      none: z.object({ programs: count }),
    }),
    // Written out in the order of REPORT_REGIONS, as the OpenAPI document lists them.
    regions: z.object({
      asia: regionFigures,
      oceania: regionFigures,
      africa: regionFigures,
      americas: regionFigures,
      europe: regionFigures,
    } satisfies Record<ReportRegion, typeof regionFigures>),
    unassigned: z.object({ programs: count, participants: count }),
    topRecipients: z.array(
      z.object({
        rank: count,
        country: z.string(),
        nameEn: z.string(),
        nameId: z.string(),
        region: z.string().nullable(),
        programs: count,
        participants: count,
      }),
    ),
    byModality: breakdownSchema,
    byFlagshipArea: breakdownSchema,
    byCooperationType: breakdownSchema,
    partners: z.array(
      z.object({ org: z.string(), acronym: z.string().nullable(), nameEn: z.string(), nameId: z.string().nullable(), programs: count }),
    ),
    spending: spendingSchema,
    groupings: z.array(
      z.object({
        group: z.string(),
        nameEn: z.string(),
        nameId: z.string(),
        programs: count,
        countries: count,
        participants: count,
        programShare: z.number().meta({ description: "share of the year's programs, 0–1" }),
        participantShare: z.number().meta({ description: "share of the year's participants, 0–1" }),
      }),
    ),
  })
  .meta({ id: 'AnnualSummary' });

export function presentSpending(s: Spending): z.output<typeof spendingSchema> {
  return {
    usd: formatMinor(s.usdMinor),
    idr: formatMinor(s.idrMinor),
    transactions: s.transactions,
    byCurrency: s.byCurrency.map((c) => ({ currency: c.currency, amount: formatMinor(c.amountMinor), transactions: c.transactions })),
    missingRates: s.missingRates.map((m) => ({ ...m, amount: formatMinor(m.amountMinor), missing: [...m.missing] })),
  };
}

export function presentSummary(s: AnnualSummary): z.output<typeof summarySchema> {
  return {
    ...s,
    topRecipients: [...s.topRecipients],
    byModality: [...s.byModality],
    byFlagshipArea: [...s.byFlagshipArea],
    byCooperationType: [...s.byCooperationType],
    partners: [...s.partners],
    spending: presentSpending(s.spending),
    groupings: [...s.groupings],
  };
}

export const yearlyTotalsSchema = z.object({
  items: z.array(
    z.object({ year: count, programs: count, countries: count, participants: count, usd: money, idr: money, spending: spendingSchema }),
  ),
});

export const presentYearlyTotals = (years: readonly YearRow[]): z.output<typeof yearlyTotalsSchema> => ({
  items: years.map((y) => ({
    year: y.year,
    programs: y.programs,
    countries: y.countries,
    participants: y.participants,
    usd: formatMinor(y.spending.usdMinor),
    idr: formatMinor(y.spending.idrMinor),
    spending: presentSpending(y.spending),
  })),
});

export const programYearsSchema = z.object({
  items: z.array(z.object({ year: count, programs: count })).meta({ description: 'the years that have programs, latest first' }),
});
