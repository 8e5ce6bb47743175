/**
 * The reporting organisation's figures for its IATI organisation file (organisation-xml.ts),
 * from its own programs, in one reporting currency:
 * - budgets per calendar year, attributed to the year their period starts in (IATI budget
 *   periods are at most a year, a rule on input, so a budget spans at most two calendar years;
 *   splitting it by days would invent a phasing nobody recorded). A program's revised budgets
 *   (BudgetType 2) replace its original ones when it has any, as in the money pages
 *   (db/money.repo.ts); budgets of rejected or cancelled programs are not the organisation's;
 * - the same budgets per recipient country, split by the recipients' percentages (equal shares
 *   when they are not all recorded, as the activity file publishes them);
 * - disbursements and expenditure (IATI TransactionType 3 and 4) per calendar year of their date.
 * Each amount converts at the exchange rate in force on its value date (else the period start or
 * the transaction date), as the money pages and reports do (report/summary.ts convertSpending).
 * An amount with no rate is left out and listed: never dropped silently, never guessed.
 */
import { z } from 'zod';
import type { LifecycleStage } from '../codes.js';
import { yearOf } from '../dates.js';
import { rateOn, type RateTable } from '../finance/in-kind.js';
import { recipientShares, SPENT_TRANSACTION_TYPES } from '../finance/tossd.js';
import { formatMinor } from '../money.js';
import type { Budget, Recipient, Transaction } from '../program/program.js';
import { programListQuerySchema } from '../program/program-query.js';

/** What the organisation file reads of one of the organisation's own programs. */
export interface ProgramMoney {
  readonly id: number;
  /** Year of the actual, else planned, start (the annual report's year of the program). */
  readonly year: number | null;
  readonly stage: LifecycleStage;
  readonly updatedAt: string;
  readonly recipients: readonly Recipient[];
  readonly budgets: readonly Budget[];
  readonly transactions: readonly Pick<Transaction, 'type' | 'date' | 'amountMinor' | 'currency' | 'valueDate'>[];
}

/** Programs turned down or called off: their budgets will not be spent (what they spent still counts). */
export const UNBUDGETED_STAGES: readonly LifecycleStage[] = ['rejected', 'cancelled'];

/** The reporting currencies offered (any currency with exchange rates would convert the same way). */
export const ORGANISATION_CURRENCIES = ['USD', 'IDR'] as const;

const year = z.coerce.number().int().min(1900).max(2200);

/** The options of `mitra export iati-organisation` and GET /api/v1/export/iati-organisation.xml. */
export const organisationFileQuerySchema = z
  .object({
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(ORGANISATION_CURRENCIES))
      .default('USD')
      .meta({ description: 'reporting currency: USD (default) or IDR; amounts convert at the exchange rates of their value dates' }),
    from: year.optional().meta({ description: 'first calendar year (with `to`); default: every year with programs or figures' }),
    to: year.optional().meta({ description: 'last calendar year (with `from`)' }),
    stage: programListQuerySchema.shape.stage.meta({
      description: 'lifecycle stages counted, comma-separated (the public: published stages only)',
    }),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined))
      ctx.addIssue({ code: 'custom', path: [q.from === undefined ? 'from' : 'to'], message: 'give both from and to, or neither' });
    else if (q.from !== undefined && q.to !== undefined && q.from > q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${q.from})` });
  });

export type OrganisationFileQuery = z.output<typeof organisationFileQuerySchema>;

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** Amounts are in hundredths of the reporting currency, rounded to the cent once summed. */
export interface YearBudget {
  readonly year: number;
  /** IATI BudgetStatus: 2 (committed) when every budget of the year is, else 1 (indicative). */
  readonly status: 1 | 2;
  readonly valueMinor: number;
  readonly committedMinor: number;
  readonly indicativeMinor: number;
  readonly budgets: number;
}

export interface CountryBudget {
  readonly year: number;
  readonly country: string;
  readonly status: 1 | 2;
  readonly valueMinor: number;
}

export interface YearExpenditure {
  readonly year: number;
  readonly valueMinor: number;
  readonly disbursementMinor: number;
  readonly expenditureMinor: number;
  readonly transactions: number;
}

/** Amounts left out because their currency had no rate on their day. */
export interface MissingRate {
  readonly what: 'budget' | 'transaction';
  readonly currency: string;
  readonly count: number;
  readonly amountMinor: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly years: readonly number[];
}

export interface OrganisationTotals {
  readonly currency: string;
  readonly budgets: readonly YearBudget[];
  /** By year, then country code. */
  readonly countryBudgets: readonly CountryBudget[];
  readonly expenditure: readonly YearExpenditure[];
  readonly missingRates: readonly MissingRate[];
  /** Years (in the range) of the programs read: the annual reports that exist for them. */
  readonly programYears: readonly number[];
  readonly programs: number;
  /** The latest change to a program read; null when there is none. */
  readonly lastUpdatedAt: string | null;
}

/**
 * An amount in hundredths converted to another currency at the rates in force on a day (rates
 * are units per US dollar); null when a rate is missing.
 */
export function convertMinor(rates: RateTable, amountMinor: number, currency: string, day: string, target: string): number | null {
  if (currency === target) return amountMinor;
  const perUsd = currency === 'USD' ? 1 : rateOn(rates, currency, day);
  const targetPerUsd = target === 'USD' ? 1 : rateOn(rates, target, day);
  return perUsd && targetPerUsd ? (amountMinor / perUsd) * targetPerUsd : null;
}

interface Sum {
  value: number;
  first: number;
  second: number;
  count: number;
  allCommitted: boolean;
}

const newSum = (): Sum => ({ value: 0, first: 0, second: 0, count: 0, allCommitted: true });

/** Adds up programs a page at a time (memory holds the sums, not the programs). */
export class OrganisationFigures {
  private readonly budgetSums = new Map<number, Sum>();
  private readonly countrySums = new Map<string, Sum & { year: number; country: string }>();
  private readonly spentSums = new Map<number, Sum>();
  private readonly missing = new Map<string, { -readonly [K in keyof MissingRate]: MissingRate[K] } & { yearSet: Set<number> }>();
  private readonly years = new Set<number>();
  private programs = 0;
  private lastUpdatedAt: string | null = null;

  constructor(
    private readonly currency: string,
    private readonly range?: YearRange,
  ) {}

  private inRange(y: number): boolean {
    return !this.range || (y >= this.range.from && y <= this.range.to);
  }

  private noRate(what: MissingRate['what'], currency: string, amountMinor: number, day: string, y: number): void {
    const key = `${what}|${currency}`;
    const m = this.missing.get(key) ?? {
      what,
      currency,
      count: 0,
      amountMinor: 0,
      firstDate: day,
      lastDate: day,
      years: [],
      yearSet: new Set(),
    };
    m.count++;
    m.amountMinor += amountMinor;
    if (day < m.firstDate) m.firstDate = day;
    if (day > m.lastDate) m.lastDate = day;
    m.yearSet.add(y);
    this.missing.set(key, m);
  }

  /** Adds a program; `rates` must hold the rates of its currencies and of the reporting currency. */
  add(p: ProgramMoney, rates: RateTable): void {
    this.programs++;
    if (this.lastUpdatedAt === null || p.updatedAt > this.lastUpdatedAt) this.lastUpdatedAt = p.updatedAt;
    if (p.year !== null && this.inRange(p.year)) this.years.add(p.year);
    if (!UNBUDGETED_STAGES.includes(p.stage)) this.addBudgets(p, rates);
    for (const t of p.transactions) {
      const y = yearOf(t.date);
      if (!SPENT_TRANSACTION_TYPES.includes(t.type) || !this.inRange(y)) continue;
      const day = t.valueDate ?? t.date;
      const value = convertMinor(rates, t.amountMinor, t.currency, day, this.currency);
      if (value === null) {
        this.noRate('transaction', t.currency, t.amountMinor, day, y);
        continue;
      }
      const sum = this.spentSums.get(y) ?? newSum();
      sum.value += value;
      if (t.type === '3') sum.first += value;
      else sum.second += value;
      sum.count++;
      this.spentSums.set(y, sum);
    }
  }

  private addBudgets(p: ProgramMoney, rates: RateTable): void {
    const budgets = p.budgets.some((b) => b.type === 2) ? p.budgets.filter((b) => b.type === 2) : p.budgets;
    const shares = recipientShares(p.recipients);
    for (const b of budgets) {
      const y = yearOf(b.periodStart);
      if (!this.inRange(y)) continue;
      const day = b.valueDate ?? b.periodStart;
      const value = convertMinor(rates, b.amountMinor, b.currency, day, this.currency);
      if (value === null) {
        this.noRate('budget', b.currency, b.amountMinor, day, y);
        continue;
      }
      const committed = b.status === 2;
      const sum = this.budgetSums.get(y) ?? newSum();
      sum.value += value;
      if (committed) sum.first += value;
      else sum.second += value;
      sum.count++;
      sum.allCommitted &&= committed;
      this.budgetSums.set(y, sum);
      p.recipients.forEach((r, i) => {
        const key = `${y}|${r.country}`;
        const c = this.countrySums.get(key) ?? { ...newSum(), year: y, country: r.country };
        c.value += (value * (shares[i] ?? 0)) / 100;
        c.count++;
        c.allCommitted &&= committed;
        this.countrySums.set(key, c);
      });
    }
  }

  totals(): OrganisationTotals {
    const byYear = <T>(map: Map<number, Sum>, row: (y: number, s: Sum) => T) =>
      [...map.entries()].sort(([a], [b]) => a - b).map(([y, s]) => row(y, s));
    return {
      currency: this.currency,
      budgets: byYear(this.budgetSums, (y, s) => ({
        year: y,
        status: s.allCommitted ? 2 : 1,
        valueMinor: Math.round(s.value),
        committedMinor: Math.round(s.first),
        indicativeMinor: Math.round(s.second),
        budgets: s.count,
      })),
      countryBudgets: [...this.countrySums.values()]
        .sort((a, b) => a.year - b.year || a.country.localeCompare(b.country))
        .map((c) => ({ year: c.year, country: c.country, status: c.allCommitted ? 2 : 1, valueMinor: Math.round(c.value) })),
      expenditure: byYear(this.spentSums, (y, s) => ({
        year: y,
        valueMinor: Math.round(s.value),
        disbursementMinor: Math.round(s.first),
        expenditureMinor: Math.round(s.second),
        transactions: s.count,
      })),
      missingRates: [...this.missing.values()]
        .map(({ yearSet, ...m }) => ({ ...m, years: [...yearSet].sort((a, b) => a - b) }))
        .sort((a, b) => a.what.localeCompare(b.what) || a.currency.localeCompare(b.currency)),
      programYears: [...this.years].sort((a, b) => a - b),
      programs: this.programs,
      lastUpdatedAt: this.lastUpdatedAt,
    };
  }
}

/** The figures of a list of programs (tests, small sets); the service adds pages as they come. */
export function organisationTotals(
  programs: Iterable<ProgramMoney>,
  rates: RateTable,
  currency: string,
  range?: YearRange,
): OrganisationTotals {
  const figures = new OrganisationFigures(currency, range);
  for (const p of programs) figures.add(p, rates);
  return figures.totals();
}

/** What the file leaves out for want of a rate, one sentence per kind and currency. */
export function missingRateWarnings(totals: Pick<OrganisationTotals, 'currency' | 'missingRates'>): string[] {
  return totals.missingRates.map((m) => {
    const what = m.what === 'budget' ? 'budget(s)' : 'disbursement(s) or expenditure(s)';
    const days = m.firstDate === m.lastDate ? m.firstDate : `${m.firstDate} to ${m.lastDate}`;
    const into = m.what === 'budget' ? 'total-budget and recipient-country-budget' : 'total-expenditure';
    return `${m.count} ${what} in ${m.currency} (${formatMinor(m.amountMinor)} ${m.currency}, value dates ${days}) have no exchange rate to ${totals.currency} on or before their value date: left out of ${into} of ${m.years.join(', ')}`;
  });
}
