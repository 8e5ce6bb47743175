/**
 * Money of the demo data set: the illustrative budget and expenditure of each 2018 program
 * (the sources give none), in rupiah per participant, and the rupiah's exchange rates that
 * convert them.
 */
import type { ProgramRequest } from '../../domain/program/program.schema.js';

/** A 2018 program's budget for the year and its expenditure at its end, from its participant count. */
export function money2018(participants: number, end: string): Pick<ProgramRequest, 'budgets' | 'transactions'> {
  return {
    budgets: [
      {
        type: 1,
        status: 2,
        periodStart: '2018-01-01',
        periodEnd: '2018-12-31',
        amount: String(participants * 15_000_000),
        currency: 'IDR',
        valueDate: '2018-01-01',
      },
    ],
    transactions: [
      {
        type: '4',
        date: end,
        amount: String(participants * 14_250_000),
        currency: 'IDR',
        valueDate: end,
        description: 'Program expenditure',
      },
    ],
  };
}

/**
 * Rupiah per US dollar, annual averages (World Bank, indicator PA.NUS.FCRF, "official exchange
 * rate, LCU per US$, period average"), dated 1 January of each year so that every transaction
 * of the year converts at that year's average.
 */
export const DEMO_EXCHANGE_RATES: readonly { currency: string; date: string; unitsPerUsd: number; source: string }[] = [
  { currency: 'IDR', date: '2016-01-01', unitsPerUsd: 13308.33, source: 'World Bank PA.NUS.FCRF, 2016 average' },
  { currency: 'IDR', date: '2017-01-01', unitsPerUsd: 13380.83, source: 'World Bank PA.NUS.FCRF, 2017 average' },
  { currency: 'IDR', date: '2018-01-01', unitsPerUsd: 14236.94, source: 'World Bank PA.NUS.FCRF, 2018 average' },
];
