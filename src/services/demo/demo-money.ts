/**
 * Money of the demo data set: the illustrative budget and expenditure of each 2018 program
 * (the sources give none), in rupiah per participant, the rupiah's exchange rates that convert
 * them, and the unit costs that give the programs without recorded money (2016, 2017) an in-kind
 * estimate.
 */
import type { UnitCostRequest } from '../../domain/finance/unit-costs.js';
import type { ProgramRequest } from '../../domain/program/program.schema.js';
import { REPORT_REGIONS, type ReportRegion } from '../../domain/reference/types.js';

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

/** Why the demo's unit costs are what they are (the note each one carries). */
const UNIT_COST_NOTE = 'Illustrative (demo), not the Standar Biaya Masukan / Ilustratif (demo), bukan Standar Biaya Masukan';

/**
 * Rupiah per day and per return flight, by fiscal year. The sources give no unit cost, so the
 * amounts are illustrative, of the order of the ministry of finance's standard input costs: a
 * participant-day (lodging, meals, allowance, venue) of IDR 2.2–2.4 million, an expert-day of
 * IDR 3.5–3.8 million, and a return economy flight from each report region to Indonesia.
 */
const DAY_COSTS: Readonly<Record<number, { participant: number; expert: number }>> = {
  2016: { participant: 2_200_000, expert: 3_500_000 },
  2017: { participant: 2_300_000, expert: 3_600_000 },
  2018: { participant: 2_400_000, expert: 3_800_000 },
};
const FLIGHTS: Readonly<Record<ReportRegion, number>> = {
  asia: 8_000_000,
  oceania: 14_000_000,
  africa: 22_000_000,
  americas: 30_000_000,
  europe: 20_000_000,
};

/** The demo's unit costs for 2016–2018 (each from 1 January of its year), as the API would take them. */
export const DEMO_UNIT_COSTS: readonly UnitCostRequest[] = Object.entries(DAY_COSTS).flatMap(([year, day]) => [
  { kind: 'participant_day' as const, year: Number(year), currency: 'IDR', amount: String(day.participant), note: UNIT_COST_NOTE },
  { kind: 'expert_day' as const, year: Number(year), currency: 'IDR', amount: String(day.expert), note: UNIT_COST_NOTE },
  ...REPORT_REGIONS.map((region) => ({
    kind: 'flight' as const,
    region,
    year: Number(year),
    currency: 'IDR',
    amount: String(FLIGHTS[region]),
    note: UNIT_COST_NOTE,
  })),
]);
