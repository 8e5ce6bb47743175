/**
 * Use cases of money: budget against spending, the unit costs of the in-kind valuation helper
 * and the in-kind estimates. Figures follow the reports' access rule: the public counts
 * published programs only (reportStages); unit costs are reference data like exchange rates
 * (the government's standard input costs are public), set by the coordination team.
 */
import { authorizeUnitCostWrite } from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import {
  compareBudgetAndSpent,
  moneyFilterOf,
  type BudgetVsSpentQuery,
  type BudgetVsSpentReport,
  type MoneyFilter,
} from '../domain/finance/budget-vs-spent.js';
import { estimateInKind, SpendingAccumulator, type InKindEstimate, type InKindGap, type RateTable } from '../domain/finance/in-kind.js';
import { unitCostKey, type UnitCost, type UnitCostData, type UnitCostKind } from '../domain/finance/unit-costs.js';
import type { ReportRegion } from '../domain/reference/types.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { LifecycleStage } from '../domain/codes.js';
import type { Spending } from '../domain/report/summary.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';

/** What setting unit costs uses (listing them needs `unitCosts` only). */
export type UnitCostDeps = Deps<'unitCosts' | 'audit'>;
import { reportStages } from './reports.js';

/** The repository filter of a query: the public's stages narrowed to published ones, the agency checked. */
async function filterFor(
  deps: Deps<'organisations'>,
  q: { year?: number; yearFrom?: number; yearTo?: number; agency?: string; stage?: readonly LifecycleStage[] },
): Promise<MoneyFilter> {
  if (q.agency !== undefined && !(await deps.store.repos.organisations.findByCode(q.agency))) {
    throw new NotFoundError('organisation.not_found', `no organisation with code "${q.agency}"`, [
      { path: 'agency', message: 'no organisation with this code', code: 'unknown_organisation' },
    ]);
  }
  return moneyFilterOf(q, reportStages(deps, { stages: q.stage }));
}

/** Budget against spending, in US dollars and rupiah, per program, agency or year. */
export async function budgetVsSpent(deps: Deps<'organisations' | 'money'>, query: BudgetVsSpentQuery): Promise<BudgetVsSpentReport> {
  const filter = await filterFor(deps, query);
  const agg = await deps.store.repos.money.budgetVsSpent(filter, query.groupBy, query.page, query.pageSize);
  return {
    groupBy: query.groupBy,
    filter,
    rows: agg.rows.map((r) => ({ group: r.group, ...compareBudgetAndSpent(r) })),
    groups: agg.groups,
    page: query.page,
    pageSize: query.pageSize,
    total: { programs: agg.total.programs, ...compareBudgetAndSpent(agg.total) },
  };
}

export async function listUnitCosts(deps: Deps<'unitCosts'>): Promise<UnitCost[]> {
  return deps.store.repos.unitCosts.list();
}

function keyTaken(data: UnitCostData): ConflictError {
  return new ConflictError('unit_cost.exists', `a unit cost ${unitCostKey(data)} already exists; change that one`, [
    { path: 'validFrom', code: 'duplicate', message: `${unitCostKey(data)} already exists` },
  ]);
}

const notFound = (id: number) => new NotFoundError('unit_cost.not_found', `no unit cost with id ${id}`);

const auditable = (u: UnitCost) => ({
  key: unitCostKey(u),
  kind: u.kind,
  region: u.region,
  validFrom: u.validFrom,
  currency: u.currency,
  amountMinor: u.amountMinor,
  note: u.note,
});

export async function createUnitCost(deps: UnitCostDeps, data: UnitCostData): Promise<UnitCost> {
  authorizeUnitCostWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    if (await repos.unitCosts.findByKey(data)) throw keyTaken(data);
    const created = await saved(repos, await repos.unitCosts.insert(data, deps.clock.nowIso()));
    await audit(deps, repos, {
      action: 'create',
      entity: 'unit_cost',
      entityId: created.id,
      entityLabel: unitCostKey(created),
      changes: diffRecords(null, auditable(created)),
    });
    return created;
  });
}

/** Replaces a unit cost's fields (its kind, region and day too, unless another cost has them). */
export async function updateUnitCost(deps: UnitCostDeps, id: number, data: UnitCostData): Promise<UnitCost> {
  authorizeUnitCostWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    const current = await repos.unitCosts.findById(id);
    if (!current) throw notFound(id);
    const clash = await repos.unitCosts.findByKey(data);
    if (clash && clash.id !== id) throw keyTaken(data);
    await repos.unitCosts.update(id, data, deps.clock.nowIso());
    const updated = await saved(repos, id);
    await audit(deps, repos, {
      action: 'update',
      entity: 'unit_cost',
      entityId: id,
      entityLabel: unitCostKey(updated),
      changes: diffRecords(auditable(current), auditable(updated)),
    });
    return updated;
  });
}

export async function deleteUnitCost(deps: UnitCostDeps, id: number): Promise<void> {
  authorizeUnitCostWrite(deps.actor);
  await deps.store.transaction(async (repos) => {
    const current = await repos.unitCosts.findById(id);
    if (!current) throw notFound(id);
    await repos.unitCosts.delete(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'unit_cost',
      entityId: id,
      entityLabel: unitCostKey(current),
      changes: diffRecords(auditable(current), null),
    });
  });
}

/**
 * Sets unit costs by their key (kind, region, day): new ones are added, existing ones replaced;
 * all or nothing (the CLI's `set` and its CSV import).
 */
export async function setUnitCosts(
  deps: UnitCostDeps,
  rows: readonly UnitCostData[],
): Promise<{ inserted: number; updated: number; costs: UnitCost[] }> {
  authorizeUnitCostWrite(deps.actor);
  const keys = new Set<string>();
  for (const r of rows) {
    if (keys.has(unitCostKey(r))) throw new ConflictError('unit_cost.duplicate', `${unitCostKey(r)} is given twice`);
    keys.add(unitCostKey(r));
  }
  return deps.store.transaction(async (repos) => {
    let inserted = 0;
    const costs: UnitCost[] = [];
    for (const data of rows) {
      const current = await repos.unitCosts.findByKey(data);
      const now = deps.clock.nowIso();
      let id: number;
      if (current) {
        await repos.unitCosts.update(current.id, data, now);
        id = current.id;
      } else {
        id = await repos.unitCosts.insert(data, now);
        inserted++;
      }
      const after = await saved(repos, id);
      costs.push(after);
      await audit(deps, repos, {
        action: current ? 'update' : 'create',
        entity: 'unit_cost',
        entityId: id,
        entityLabel: unitCostKey(after),
        changes: diffRecords(current ? auditable(current) : null, auditable(after)),
      });
    }
    return { inserted, updated: rows.length - inserted, costs };
  });
}

async function saved(repos: Repos<'unitCosts'>, id: number): Promise<UnitCost> {
  return readBack(await repos.unitCosts.findById(id), `unit cost ${id}`);
}

/** Exchange rates of the given currencies (and IDR), each sorted by day. */
export async function rateTable(repos: Repos<'exchangeRates'>, currencies: Iterable<string>): Promise<RateTable> {
  const table = new Map<string, { date: string; unitsPerUsd: number }[]>();
  for (const currency of new Set([...currencies, 'IDR'])) {
    table.set(
      currency,
      (await repos.exchangeRates.list({ currency })).map((r) => ({ date: r.date, unitsPerUsd: r.unitsPerUsd })),
    );
  }
  return table;
}

export interface InKindQuery {
  readonly year?: number;
  readonly yearFrom?: number;
  readonly yearTo?: number;
  readonly agency?: string;
  readonly stage?: readonly LifecycleStage[];
  readonly page: number;
  readonly pageSize: number;
}

/** One reason programs have no estimate; for a missing unit cost, the days it was needed for. */
export interface InKindGapSummary {
  readonly what: InKindGap['what'];
  readonly kind: UnitCostKind | null;
  readonly region: ReportRegion | null;
  readonly programs: number;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
}

export interface InKindReport {
  readonly filter: MoneyFilter;
  /** Programs of the filter with no disbursement or expenditure recorded. */
  readonly programs: number;
  /** Of those, how many have an estimate, and how many lack an input or a unit cost. */
  readonly estimatedPrograms: number;
  readonly notEstimatedPrograms: number;
  /** The estimates added up (programs with an estimate only): always an estimate, never spending. */
  readonly total: Spending;
  /** What kept programs from an estimate, with how many programs each. */
  readonly gaps: readonly InKindGapSummary[];
  readonly page: number;
  readonly pageSize: number;
  /** One page of the programs, with their inputs. */
  readonly items: readonly InKindEstimate[];
}

/** Programs read per query while adding up the estimates. */
const CHUNK = 1_000;

function countGap(gaps: Map<string, { -readonly [K in keyof InKindGapSummary]: InKindGapSummary[K] }>, g: InKindGap): void {
  const key = g.what === 'unit_cost' ? `unit_cost|${g.kind}|${g.region ?? ''}` : g.what;
  const day = g.what === 'unit_cost' ? g.day : null;
  const seen = gaps.get(key);
  if (!seen) {
    gaps.set(key, {
      what: g.what,
      kind: g.what === 'unit_cost' ? g.kind : null,
      region: g.what === 'unit_cost' ? g.region : null,
      programs: 1,
      firstDay: day,
      lastDay: day,
    });
    return;
  }
  seen.programs++;
  if (day && (!seen.firstDay || day < seen.firstDay)) seen.firstDay = day;
  if (day && (!seen.lastDay || day > seen.lastDay)) seen.lastDay = day;
}

/** Estimated in-kind values of the programs with no money recorded, a page of them with their inputs and the totals. */
export async function inKindEstimates(
  deps: Deps<'organisations' | 'unitCosts' | 'exchangeRates' | 'money'>,
  query: InKindQuery,
): Promise<InKindReport> {
  const filter = await filterFor(deps, query);
  const repos = deps.store.repos;
  const costs = await repos.unitCosts.list();
  const rates = await rateTable(
    repos,
    costs.map((c) => c.currency),
  );
  const total = new SpendingAccumulator();
  const gaps = new Map<string, { -readonly [K in keyof InKindGapSummary]: InKindGapSummary[K] }>();
  const page = await repos.money.inKindFacts(filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const items = page.map((facts) => estimateInKind(facts, costs, rates));
  // The totals go through every program of the filter, a chunk at a time (bounded memory).
  let programs = 0;
  let estimated = 0;
  for (let afterId = 0; ;) {
    const chunk = await repos.money.inKindFacts(filter, { afterId, limit: CHUNK });
    for (const facts of chunk) {
      const e = estimateInKind(facts, costs, rates);
      programs++;
      if (e.value) {
        estimated++;
        total.add(e.groups);
      }
      for (const g of e.gaps) countGap(gaps, g);
    }
    const last = chunk.at(-1);
    if (!last || chunk.length < CHUNK) break;
    afterId = last.id;
  }
  return {
    filter,
    programs,
    estimatedPrograms: estimated,
    notEstimatedPrograms: programs - estimated,
    total: total.total(),
    gaps: [...gaps.values()],
    page: query.page,
    pageSize: query.pageSize,
    items,
  };
}
