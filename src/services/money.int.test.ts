import { beforeAll, expect, it } from 'vitest';
import { ANONYMOUS } from '../domain/access/actor.js';
import { budgetVsSpentQuerySchema } from '../domain/finance/budget-vs-spent.js';
import { TOSSD_COLUMNS } from '../domain/finance/tossd.js';
import { unitCostInputSchema } from '../domain/finance/unit-costs.js';
import { describeEachEngine } from '../testing/engines.js';
import { AGENCY_A, AGENCY_B, seedMoneyScenario } from '../testing/money.js';
import { budgetVsSpent, inKindEstimates, listUnitCosts, setUnitCosts } from './money.js';
import { actingAs, type ServiceDeps } from './deps.js';
import { tossdExport } from './tossd-export.js';

const query = (q: Record<string, unknown>) => budgetVsSpentQuerySchema.parse(q);
const publicDeps = (deps: ServiceDeps) => actingAs(deps, ANONYMOUS);

describeEachEngine('money: budget against spending, in-kind estimates, TOSSD rows (hand-computed, src/testing/money.ts)', (app) => {
  const deps = () => app().deps;
  let ids: Record<string, number> = {};
  beforeAll(async () => {
    ids = await seedMoneyScenario(deps());
  });

  it('compares budget and spending per program at the rates of each day', async () => {
    const r = await budgetVsSpent(deps(), query({ groupBy: 'program', year: '2031' }));
    expect(r.groups).toBe(4);
    expect(
      r.rows.map((row) => [
        row.group.program?.identifier,
        row.group.agency?.code ?? null,
        row.budget.usdMinor,
        row.budget.idrMinor,
        row.spent.usdMinor,
        row.spent.idrMinor,
        row.executionRate,
      ]),
    ).toEqual([
      ['MONEY-P1', AGENCY_A, 2_000_000, 30_000_000_000, 1_500_000, 23_000_000_000, 0.75],
      ['MONEY-P2', AGENCY_A, 1_000_000, 15_000_000_000, 1_000_000, 15_000_000_000, null],
      ['MONEY-P4', null, 0, 0, 0, 0, null],
      ['MONEY-P5', AGENCY_B, 0, 0, 0, 0, null],
    ]);
    // The JPY disbursement has no rate: it is listed with its amount and count, never dropped.
    const p2 = r.rows[1];
    expect(p2?.spent.missingRates).toEqual([
      {
        currency: 'JPY',
        transactions: 1,
        amountMinor: 10_000_000,
        firstDate: '2031-06-20',
        lastDate: '2031-06-20',
        missing: ['idr', 'usd'],
      },
    ]);
    expect(p2?.spent.byCurrency).toEqual([
      { currency: 'EUR', amountMinor: 500_000, transactions: 1 },
      { currency: 'JPY', amountMinor: 10_000_000, transactions: 1 },
    ]);
    // The revised budget replaces the original one: one budget line counted.
    expect(p2?.budget.byCurrency).toEqual([{ currency: 'EUR', amountMinor: 800_000, transactions: 1 }]);
    expect(r.total).toMatchObject({ programs: 4, executionRate: null, executionRateBasis: null });
    expect(r.total.budget).toMatchObject({ usdMinor: 3_000_000, idrMinor: 45_000_000_000, missingRates: [] });
    expect(r.total.spent).toMatchObject({ usdMinor: 2_500_000, idrMinor: 38_000_000_000, transactions: 4 });
    expect(r.total.spent.missingRates.map((m) => m.currency)).toEqual(['JPY']);
  });

  it('groups by year and by agency', async () => {
    const years = await budgetVsSpent(deps(), query({ groupBy: 'year' }));
    expect(
      years.rows.map((row) => [
        row.group.year,
        row.group.programs,
        row.budget.usdMinor,
        row.spent.usdMinor,
        row.spent.idrMinor,
        row.executionRate,
        row.executionRateBasis,
      ]),
    ).toEqual([
      [2030, 1, 0, 0, 0, null, null],
      [2031, 4, 3_000_000, 2_500_000, 38_000_000_000, null, null],
      [2032, 1, 100_000, 110_000, 1_760_000_000, 1.1, 'usd'],
    ]);
    const agencies = await budgetVsSpent(deps(), query({ groupBy: 'agency', yearFrom: '2030', yearTo: '2032' }));
    expect(
      agencies.rows.map((row) => [row.group.agency?.code ?? null, row.group.programs, row.budget.usdMinor, row.spent.usdMinor]),
    ).toEqual([
      [AGENCY_A, 3, 3_000_000, 2_500_000],
      [AGENCY_B, 2, 100_000, 110_000],
      [null, 1, 0, 0],
    ]);
    expect(agencies.total).toMatchObject({ programs: 6 });
  });

  it('filters by agency and pages the programs', async () => {
    const b = await budgetVsSpent(deps(), query({ agency: AGENCY_B.toLowerCase() }));
    expect(b.rows.map((row) => row.group.program?.identifier)).toEqual(['MONEY-P5', 'MONEY-P3']);
    expect(b.total.spent.usdMinor).toBe(110_000);
    const page2 = await budgetVsSpent(deps(), query({ pageSize: '2', page: '2' }));
    expect(page2).toMatchObject({ groups: 6, page: 2, pageSize: 2 });
    expect(page2.rows.map((row) => row.group.program?.identifier)).toEqual(['MONEY-P2', 'MONEY-P4']);
    await expect(budgetVsSpent(deps(), query({ agency: 'NO-SUCH-AGENCY' }))).rejects.toMatchObject({ code: 'organisation.not_found' });
  });

  it('counts only published programs for the public', async () => {
    const r = await budgetVsSpent(publicDeps(deps()), query({ year: '2031', stage: 'request,completed' }));
    expect(r.rows.map((row) => row.group.program?.identifier)).toEqual(['MONEY-P1', 'MONEY-P2', 'MONEY-P5']);
    expect(r.filter.stages).toEqual(['completed']);
  });

  it('estimates programs with no spending, labelled as estimates, with their inputs', async () => {
    const r = await inKindEstimates(deps(), { year: 2031, page: 1, pageSize: 50 });
    expect(r).toMatchObject({ programs: 2, estimatedPrograms: 2, notEstimatedPrograms: 0, gaps: [] });
    expect(
      r.items.map((e) => [
        e.estimated,
        e.program.identifier,
        e.inputs.people,
        e.inputs.peopleSource,
        e.inputs.role,
        e.inputs.days,
        e.value?.usdMinor,
        e.value?.idrMinor,
      ]),
    ).toEqual([
      [true, 'MONEY-P4', 10, 'planned', 'participant', 3, 1_000_000, 15_000_000_000],
      [true, 'MONEY-P5', 2, 'records', 'expert', 5, 300_000, 4_800_000_000],
    ]);
    expect(r.items[1]?.inputs.byRegion).toEqual([{ region: 'asia', people: 2 }]);
    // USD 10,000.00 + 3,000.00; IDR 150,000,000.00 + 48,000,000.00: apart from spending.
    expect(r.total).toMatchObject({ usdMinor: 1_300_000, idrMinor: 19_800_000_000, missingRates: [] });
  });

  it('reports a missing unit cost rather than guessing it', async () => {
    const r = await inKindEstimates(deps(), { page: 1, pageSize: 1 });
    expect(r).toMatchObject({ programs: 3, estimatedPrograms: 2, notEstimatedPrograms: 1 });
    expect(r.items.map((e) => e.program.identifier)).toEqual(['MONEY-P6']);
    expect(r.items[0]?.value).toBeNull();
    expect(r.gaps).toEqual([
      { what: 'unit_cost', kind: 'participant_day', region: null, programs: 1, firstDay: '2030-03-01', lastDay: '2030-03-01' },
      { what: 'unit_cost', kind: 'flight', region: 'africa', programs: 1, firstDay: '2030-03-01', lastDay: '2030-03-01' },
    ]);
    const published = await inKindEstimates(publicDeps(deps()), { year: 2031, page: 1, pageSize: 50 });
    expect(published.items.map((e) => e.program.identifier)).toEqual(['MONEY-P5']);
  });

  it('exports TOSSD rows that add up exactly to each program’s total', async () => {
    const rows: string[][] = [];
    for await (const chunk of tossdExport(deps(), 2031, undefined, { reportingCountry: 'ID', publisherRef: 'ID-NCT-SSTC' }))
      rows.push(...chunk);
    const c = (name: (typeof TOSSD_COLUMNS)[number]) => TOSSD_COLUMNS.indexOf(name);
    // MONEY-P4 is a request: not exported by default.
    expect(
      rows.map((r) => [
        r[c('Project number')],
        r[c('Recipient (ISO3)')],
        r[c('Collaboration type (code)')],
        r[c('Amount (USD)')],
        r[c('Estimated in-kind (USD, estimate)')],
        r[c('Currencies without exchange rate')],
      ]),
    ).toEqual([
      ['ID-NCT-SSTC-MONEY-P1', 'KEN', '1', '9000.00', '', ''],
      ['ID-NCT-SSTC-MONEY-P1', 'TZA', '1', '6000.00', '', ''],
      ['ID-NCT-SSTC-MONEY-P2', 'FJI', '8', '3333.34', '', 'JPY'],
      ['ID-NCT-SSTC-MONEY-P2', 'PNG', '8', '3333.33', '', 'JPY'],
      ['ID-NCT-SSTC-MONEY-P2', 'VUT', '8', '3333.33', '', 'JPY'],
      ['ID-NCT-SSTC-MONEY-P5', 'TLS', '1', '0.00', '3000.00', ''],
    ]);
    expect(rows[0]?.slice(0, 5)).toEqual(['2031', 'IDN', 'Indonesia', AGENCY_A, 'Agency A']);
    const withRequests: string[][] = [];
    for await (const chunk of tossdExport(deps(), 2031, ['request'], { reportingCountry: 'ID', publisherRef: 'ID-NCT-SSTC' }))
      withRequests.push(...chunk);
    expect(withRequests.map((r) => [r[c('Project number')], r[c('Estimated in-kind (USD, estimate)')]])).toEqual([
      ['ID-NCT-SSTC-MONEY-P4', '10000.00'],
    ]);
    expect(ids['MONEY-P4']).toBeGreaterThan(0);
  });

  it('sets unit costs by kind, region and day: a second set replaces, and is audited', async () => {
    const before = (await listUnitCosts(deps())).length;
    const result = await setUnitCosts(deps(), [
      unitCostInputSchema.parse({ kind: 'flight', region: 'africa', year: 2030, currency: 'USD', amount: '900' }),
      unitCostInputSchema.parse({ kind: 'expert_day', year: 2031, currency: 'USD', amount: '250' }),
    ]);
    expect(result).toMatchObject({ inserted: 1, updated: 1 });
    const costs = await listUnitCosts(deps());
    expect(costs).toHaveLength(before + 1);
    expect(costs.find((u) => u.kind === 'expert_day')).toMatchObject({ amountMinor: 25_000, validFrom: '2031-01-01' });
    const log = await deps().store.repos.audit.search({ entity: 'unit_cost', page: 1, pageSize: 50 });
    expect(log.items.some((e) => e.action === 'update' && e.entityLabel === 'expert_day@2031-01-01')).toBe(true);
    await expect(setUnitCosts(publicDeps(deps()), [])).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
