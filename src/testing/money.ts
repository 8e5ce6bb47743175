/**
 * A small registry with money in several currencies at dated rates, for the money tests of the
 * services, the API and the CLI. Every figure the tests expect is worked out by hand here.
 *
 * Rates: IDR 15,000 per USD from 2031-01-01 and 16,000 from 2031-07-01; EUR 0.8 per USD from
 * 2031-01-01 and 0.5 from 2031-06-01; no rate at all for JPY.
 *
 * | program | agency | year | stage | budget | spent | execution |
 * |---|---|---|---|---|---|---|
 * | MONEY-P1 | A | 2031 | completed | IDR 300,000,000.00 on 02-01 = USD 20,000.00 | IDR 150,000,000.00 on 03-01 (USD 10,000.00) + IDR 80,000,000.00 on 08-01 at 16,000 (USD 5,000.00) = USD 15,000.00, IDR 230,000,000.00 | 0.75 |
 * | MONEY-P2 (triangular) | A | 2031 | completed | original EUR 10,000.00 replaced by revised EUR 8,000.00 (period start 01-01, at 0.8) = USD 10,000.00, IDR 150,000,000.00 | EUR 5,000.00 on 06-15 at 0.5 = USD 10,000.00, IDR 150,000,000.00; JPY 100,000.00 without a rate | none (both totals miss JPY) |
 * | MONEY-P3 | B | 2032 | completed | USD 1,000.00 (01-01, IDR 16,000,000.00) | USD 1,100.00 on 02-01 = IDR 17,600,000.00 | 1.1 |
 * | MONEY-P4 | — | 2031 | request | — | — (in kind: 10 planned × 3 days × IDR 1,000,000.00 + 10 × USD 800.00 to Oceania = USD 10,000.00, IDR 150,000,000.00) | — |
 * | MONEY-P5 (expert dispatch) | B | 2031 | completed | — | — (in kind: 2 expert records × 5 days × USD 200.00 + 2 × USD 500.00 to Asia = USD 3,000.00, IDR 48,000,000.00 at 16,000) | — |
 * | MONEY-P6 | A | 2030 | completed | — | — (in kind: no unit cost before 2031: participant-day and flight to Africa missing) | — |
 */
import { programInputSchema } from '../domain/program/program.schema.js';
import { unitCostInputSchema, type UnitCostRequest } from '../domain/finance/unit-costs.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { createProgram } from '../services/programs.js';
import { setUnitCosts } from '../services/money.js';
import { createOrganisation } from '../services/organisations.js';
import { addParticipant } from '../services/participants.js';
import type { ServiceDeps } from '../services/deps.js';
import { aProgram, anOrganisation, aParticipant } from './builders.js';

export const AGENCY_A = 'ID-MONEY-A';
export const AGENCY_B = 'ID-MONEY-B';

export const MONEY_RATES = [
  { currency: 'IDR', date: '2031-01-01', unitsPerUsd: 15_000, source: 'test' },
  { currency: 'IDR', date: '2031-07-01', unitsPerUsd: 16_000, source: 'test' },
  { currency: 'EUR', date: '2031-01-01', unitsPerUsd: 0.8, source: 'test' },
  { currency: 'EUR', date: '2031-06-01', unitsPerUsd: 0.5, source: 'test' },
];

/** Participant-day IDR 1,000,000.00; expert-day USD 200.00; flights USD 800.00 to Oceania, USD 500.00 to Asia; all from 2031. */
export const MONEY_UNIT_COSTS: readonly UnitCostRequest[] = [
  { kind: 'participant_day', year: 2031, currency: 'IDR', amount: '1000000' },
  { kind: 'expert_day', year: 2031, currency: 'USD', amount: '200' },
  { kind: 'flight', region: 'oceania', year: 2031, currency: 'USD', amount: '800' },
  { kind: 'flight', region: 'asia', year: 2031, currency: 'USD', amount: '500' },
];

const tx = (type: string, amount: string, currency: string, date: string) => ({ type, date, amount, currency, valueDate: date });

/** Registers the programs, rates and (unless `withoutUnitCosts`) unit costs above; returns the programs' ids by identifier. */
export async function seedMoneyScenario(deps: ServiceDeps, options: { withoutUnitCosts?: boolean } = {}): Promise<Record<string, number>> {
  for (const code of [AGENCY_A, AGENCY_B])
    await createOrganisation(deps, organisationInputSchema.parse(anOrganisation({ code, nameEn: `Agency ${code.slice(-1)}` })));
  await createOrganisation(
    deps,
    organisationInputSchema.parse(
      anOrganisation({
        code: 'XI-MONEY-JICA',
        nameEn: 'Japan International Cooperation Agency',
        acronym: 'JICA',
        kind: 'partner',
        countryCode: 'JP',
      }),
    ),
  );
  await deps.store.repos.exchangeRates.upsert(MONEY_RATES);
  const create = async (identifier: string, fields: Parameters<typeof aProgram>[0]) =>
    (
      await createProgram(
        deps,
        programInputSchema.parse(aProgram({ identifier, lifecycleStage: 'completed', activityStatus: 'finalisation', ...fields })),
      )
    ).id;
  const ids: Record<string, number> = {};
  ids['MONEY-P1'] = await create('MONEY-P1', {
    implementingOrg: AGENCY_A,
    plannedStart: '2031-03-01',
    plannedEnd: '2031-03-05',
    recipients: [
      { country: 'KE', percentage: 60 },
      { country: 'TZ', percentage: 40 },
    ],
    budgets: [
      {
        type: 1,
        status: 2,
        periodStart: '2031-01-01',
        periodEnd: '2031-12-31',
        amount: '300000000',
        currency: 'IDR',
        valueDate: '2031-02-01',
      },
    ],
    transactions: [
      tx('3', '150000000', 'IDR', '2031-03-01'),
      tx('4', '80000000', 'IDR', '2031-08-01'),
      tx('2', '999', 'IDR', '2031-02-01'),
    ],
  });
  ids['MONEY-P2'] = await create('MONEY-P2', {
    implementingOrg: AGENCY_A,
    cooperationType: 'triangular',
    partners: [{ org: 'XI-MONEY-JICA', iatiRole: 1, sscRole: 'second_provider' }],
    plannedStart: '2031-06-10',
    plannedEnd: '2031-06-20',
    recipients: [{ country: 'FJ' }, { country: 'PG' }, { country: 'VU' }],
    budgets: [
      { type: 1, status: 2, periodStart: '2031-01-01', periodEnd: '2031-12-31', amount: '10000', currency: 'EUR' },
      { type: 2, status: 2, periodStart: '2031-01-01', periodEnd: '2031-12-31', amount: '8000', currency: 'EUR' },
    ],
    transactions: [tx('4', '5000', 'EUR', '2031-06-15'), tx('3', '100000', 'JPY', '2031-06-20')],
  });
  ids['MONEY-P3'] = await create('MONEY-P3', {
    implementingOrg: AGENCY_B,
    plannedStart: '2032-02-01',
    plannedEnd: '2032-02-03',
    recipients: [{ country: 'PS' }],
    budgets: [{ type: 1, status: 2, periodStart: '2032-01-01', periodEnd: '2032-12-31', amount: '1000', currency: 'USD' }],
    transactions: [tx('4', '1100', 'USD', '2032-02-01')],
  });
  ids['MONEY-P4'] = await create('MONEY-P4', {
    lifecycleStage: 'request',
    activityStatus: 'pipeline',
    plannedStart: '2031-05-01',
    plannedEnd: '2031-05-03',
    participantsPlanned: 10,
    recipients: [{ country: 'FJ' }],
  });
  ids['MONEY-P5'] = await create('MONEY-P5', {
    implementingOrg: AGENCY_B,
    modality: 'expert_dispatch',
    plannedStart: '2031-08-01',
    plannedEnd: '2031-08-02',
    actualStart: '2031-09-01',
    actualEnd: '2031-09-05',
    participantsPlanned: 4,
    recipients: [{ country: 'TL' }],
  });
  for (const name of ['Expert One', 'Expert Two'])
    await addParticipant(deps, ids['MONEY-P5'], participantInputSchema.parse(aParticipant({ fullName: name, country: 'TL' })));
  ids['MONEY-P6'] = await create('MONEY-P6', {
    implementingOrg: AGENCY_A,
    plannedStart: '2030-03-01',
    plannedEnd: '2030-03-02',
    participantsPlanned: 5,
    recipients: [{ country: 'KE' }],
  });
  if (!options.withoutUnitCosts)
    await setUnitCosts(
      deps,
      MONEY_UNIT_COSTS.map((u) => unitCostInputSchema.parse(u)),
    );
  return ids;
}
