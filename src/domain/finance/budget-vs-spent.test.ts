import { describe, expect, it } from 'vitest';
import type { SpendingGroup } from '../report/summary.js';
import { budgetVsSpentQuerySchema, compareBudgetAndSpent, executionRate, moneyFilterOf } from './budget-vs-spent.js';

const group = (
  currency: string,
  amountMinor: number,
  currencyRate: number | null,
  idrRate: number | null,
  day = '2031-03-01',
): SpendingGroup => ({
  currency,
  amountMinor,
  currencyRate,
  idrRate,
  transactions: 1,
  firstDate: day,
  lastDate: day,
});

describe('executionRate', () => {
  it('divides spent by budget to four decimals, and is null without a budget', () => {
    expect(executionRate(1_500_000, 2_000_000)).toBe(0.75);
    expect(executionRate(110_000, 100_000)).toBe(1.1);
    // 1 / 3 = 0.33333… → 0.3333
    expect(executionRate(100, 300)).toBe(0.3333);
    expect(executionRate(500, 0)).toBeNull();
  });
});

describe('compareBudgetAndSpent', () => {
  it('converts each amount at its own dated rate before comparing (hand-computed)', () => {
    // Budget IDR 300,000,000.00 at 15,000 IDR/USD = USD 20,000.00.
    // Spent IDR 150,000,000.00 at 15,000 = USD 10,000.00, and IDR 80,000,000.00 at 16,000 = USD 5,000.00.
    const r = compareBudgetAndSpent({
      budget: [group('IDR', 30_000_000_000, 15_000, 15_000)],
      spent: [group('IDR', 15_000_000_000, 15_000, 15_000), group('IDR', 8_000_000_000, 16_000, 16_000, '2031-08-01')],
    });
    expect(r.budget).toMatchObject({ usdMinor: 2_000_000, idrMinor: 30_000_000_000, missingRates: [] });
    expect(r.spent).toMatchObject({ usdMinor: 1_500_000, idrMinor: 23_000_000_000, transactions: 2, missingRates: [] });
    expect(r).toMatchObject({ executionRate: 0.75, executionRateBasis: 'usd' });
  });

  it('converts a third currency to rupiah through the dollar: EUR 5,000.00 at 0.5 EUR/USD = USD 10,000.00 = IDR 150,000,000.00', () => {
    const r = compareBudgetAndSpent({ budget: [group('EUR', 800_000, 0.8, 15_000)], spent: [group('EUR', 500_000, 0.5, 15_000)] });
    // EUR 8,000.00 at 0.8 = USD 10,000.00 = IDR 150,000,000.00.
    expect(r.budget).toMatchObject({ usdMinor: 1_000_000, idrMinor: 15_000_000_000 });
    expect(r.spent).toMatchObject({ usdMinor: 1_000_000, idrMinor: 15_000_000_000 });
    expect(r.executionRate).toBe(1);
  });

  it('lists a currency without a rate and compares in rupiah when only the dollar side misses one', () => {
    // IDR with no IDR rate recorded: no dollar value, but the rupiah total is exact.
    const r = compareBudgetAndSpent({ budget: [group('IDR', 10_000_000, null, null)], spent: [group('IDR', 2_500_000, null, null)] });
    expect(r.spent.missingRates).toEqual([
      { currency: 'IDR', transactions: 1, amountMinor: 2_500_000, firstDate: '2031-03-01', lastDate: '2031-03-01', missing: ['usd'] },
    ]);
    expect(r).toMatchObject({ executionRate: 0.25, executionRateBasis: 'idr' });
  });

  it('gives no execution rate when both totals miss a rate, and never drops the amount', () => {
    const r = compareBudgetAndSpent({
      budget: [group('EUR', 800_000, 0.8, 15_000)],
      spent: [group('EUR', 500_000, 0.5, 15_000), group('JPY', 10_000_000, null, 15_000)],
    });
    expect(r.spent.usdMinor).toBe(1_000_000);
    expect(r.spent.missingRates).toEqual([
      {
        currency: 'JPY',
        transactions: 1,
        amountMinor: 10_000_000,
        firstDate: '2031-03-01',
        lastDate: '2031-03-01',
        missing: ['idr', 'usd'],
      },
    ]);
    expect(r).toMatchObject({ executionRate: null, executionRateBasis: null });
  });

  it('has no execution rate without a budget', () => {
    expect(compareBudgetAndSpent({ budget: [], spent: [group('USD', 100, null, 15_000)] })).toMatchObject({
      executionRate: null,
      executionRateBasis: null,
    });
  });
});

describe('budgetVsSpentQuerySchema', () => {
  it('reads the query string with defaults', () => {
    expect(budgetVsSpentQuerySchema.parse({ year: '2031', stage: 'completed,funded' })).toEqual({
      groupBy: 'program',
      year: 2031,
      stage: ['completed', 'funded'],
      page: 1,
      pageSize: 50,
    });
  });

  it('refuses a reversed range, a year with a range, and an unknown grouping', () => {
    const issues = (q: Record<string, string>) => budgetVsSpentQuerySchema.safeParse(q).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ yearFrom: '2032', yearTo: '2031' })).toEqual(['yearTo']);
    expect(issues({ year: '2031', yearFrom: '2030' })).toEqual(['year']);
    expect(issues({ groupBy: 'country' })).toEqual(['groupBy']);
  });

  it('turns one year into a range', () => {
    expect(moneyFilterOf({ year: 2031, agency: 'X' }, undefined)).toEqual({ yearFrom: 2031, yearTo: 2031, agency: 'X', stages: undefined });
  });
});
