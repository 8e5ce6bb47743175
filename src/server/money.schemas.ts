/**
 * What the money routes answer (money.routes.ts): the response schemas (validation and OpenAPI)
 * and the presenters that fill them. Amounts travel as exact decimal strings. The schemas with
 * an id register in this order, which the OpenAPI document follows.
 */
import { z } from 'zod';
import { lifecycleStages, modalities, cooperationTypes } from '../domain/codes.js';
import {
  BUDGET_GROUPINGS,
  checkYears,
  moneyFilterShape,
  pagingShape,
  type BudgetVsSpentFigures,
  type BudgetVsSpentReport,
  type MoneyFilter,
} from '../domain/finance/budget-vs-spent.js';
import type { InKindEstimate } from '../domain/finance/in-kind.js';
import { UNIT_COST_KINDS, type UnitCost } from '../domain/finance/unit-costs.js';
import { formatMinor } from '../domain/money.js';
import { REPORT_REGIONS } from '../domain/reference/types.js';
import type { InKindReport } from '../services/money.js';
import { presentSpending, spendingSchema } from './report.schemas.js';

const count = z.number().int();
const money = z.string().meta({ description: 'exact decimal amount', example: '1250000.00' });
const stage = z.enum(lifecycleStages.codes);
const region = z.enum(REPORT_REGIONS);

const filterSchema = z.object({
  yearFrom: count.nullable(),
  yearTo: count.nullable(),
  agency: z.string().nullable(),
  stages: z.array(stage).nullable().meta({ description: 'the stages counted; null: every stage (the public: published ones)' }),
});

/** `budget`: revised budgets when a program has any, else original ones (`transactions` counts budget lines); `spent`: disbursements and expenditure. */
const figures = {
  budget: spendingSchema,
  spent: spendingSchema,
  executionRate: z
    .number()
    .nullable()
    .meta({ description: 'spent ÷ budget (0.95 = 95 %); null without a budget or a complete currency to compare in' }),
  executionRateBasis: z
    .enum(['usd', 'idr'])
    .nullable()
    .meta({ description: 'the totals compared: USD, else IDR when only the USD totals miss a rate' }),
};

export const budgetVsSpentSchema = z
  .object({
    groupBy: z.enum(BUDGET_GROUPINGS),
    filter: filterSchema,
    groups: count.meta({ description: 'groups of the filter (rows holds one page)' }),
    page: count,
    pageSize: count,
    rows: z.array(
      z.object({
        group: z.object({
          groupBy: z.enum(BUDGET_GROUPINGS),
          program: z
            .object({ id: count, identifier: z.string(), titleEn: z.string().nullable(), titleId: z.string().nullable(), stage })
            .nullable(),
          agency: z
            .object({ code: z.string(), nameEn: z.string(), nameId: z.string().nullable(), acronym: z.string().nullable() })
            .nullable(),
          year: count.nullable(),
          programs: count,
        }),
        ...figures,
      }),
    ),
    total: z.object({ programs: count, ...figures }),
  })
  .meta({ id: 'BudgetVsSpent' });

export const unitCostSchema = z
  .object({
    id: count,
    kind: z.enum(UNIT_COST_KINDS),
    region: region.nullable().meta({ description: 'the recipient report region of a flight; null for day costs' }),
    validFrom: z.string().meta({ description: 'the cost applies from this day until the next cost of the same kind and region' }),
    currency: z.string(),
    amount: money,
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'UnitCost' });

export const presentUnitCost = (u: UnitCost): z.output<typeof unitCostSchema> => ({
  id: u.id,
  kind: u.kind,
  region: u.region,
  validFrom: u.validFrom,
  currency: u.currency,
  amount: formatMinor(u.amountMinor),
  note: u.note,
  updatedAt: u.updatedAt,
});

const inKindEstimateSchema = z
  .object({
    estimated: z.literal(true).meta({ description: 'always true: computed from unit costs, not recorded' }),
    program: z.object({
      id: count,
      identifier: z.string(),
      titleEn: z.string().nullable(),
      titleId: z.string().nullable(),
      year: count.nullable(),
      modality: z.enum(modalities.codes).nullable(),
      cooperationType: z.enum(cooperationTypes.codes),
      stage,
      implementingOrg: z.string().nullable(),
    }),
    inputs: z.object({
      people: count,
      peopleSource: z
        .enum(['records', 'planned'])
        .nullable()
        .meta({ description: 'participant records, else the planned (recorded) total' }),
      role: z
        .enum(['participant', 'expert'])
        .meta({ description: 'expert for an expert dispatch: its people are taken to be the experts sent' }),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      dateSource: z.enum(['actual', 'planned', 'mixed']).nullable(),
      days: count.nullable().meta({ description: 'start to end, both included' }),
      byRegion: z.array(z.object({ region: region.nullable(), people: count })),
    }),
    components: z.array(
      z.object({
        kind: z.enum(UNIT_COST_KINDS),
        region: region.nullable(),
        quantity: count.meta({ description: 'person-days, or persons (one return flight each)' }),
        unitCost: z.object({ id: count, amount: money, currency: z.string(), validFrom: z.string() }).nullable(),
        amount: money.nullable(),
        currency: z.string().nullable(),
      }),
    ),
    gaps: z.array(
      z.object({
        what: z.enum(['participants', 'dates', 'dates_order', 'region', 'unit_cost']),
        kind: z.enum(UNIT_COST_KINDS).nullable(),
        region: region.nullable(),
        day: z.string().nullable(),
      }),
    ),
    /** The estimate in USD and IDR; null when an input or a unit cost is missing. */
    value: spendingSchema.nullable(),
  })
  .meta({ id: 'InKindEstimate' });

export const inKindReportSchema = z
  .object({
    estimated: z.literal(true),
    filter: filterSchema,
    programs: count.meta({ description: 'programs of the filter with no disbursement or expenditure' }),
    estimatedPrograms: count,
    notEstimatedPrograms: count,
    /** The estimates added up: an estimate, never part of spending. */
    total: spendingSchema,
    gaps: z.array(
      z.object({
        what: z.enum(['participants', 'dates', 'dates_order', 'region', 'unit_cost']),
        kind: z.enum(UNIT_COST_KINDS).nullable(),
        region: region.nullable(),
        programs: count,
        firstDay: z.string().nullable(),
        lastDay: z.string().nullable(),
      }),
    ),
    page: count,
    pageSize: count,
    items: z.array(inKindEstimateSchema),
  })
  .meta({ id: 'InKindReport' });

const presentFilter = (f: MoneyFilter): z.output<typeof filterSchema> => ({
  yearFrom: f.yearFrom ?? null,
  yearTo: f.yearTo ?? null,
  agency: f.agency ?? null,
  stages: f.stages ? [...f.stages] : null,
});

const presentFigures = (f: BudgetVsSpentFigures) => ({
  budget: presentSpending(f.budget),
  spent: presentSpending(f.spent),
  executionRate: f.executionRate,
  executionRateBasis: f.executionRateBasis,
});

function presentEstimate(e: InKindEstimate): z.output<typeof inKindEstimateSchema> {
  return {
    estimated: true,
    program: e.program,
    inputs: { ...e.inputs, byRegion: [...e.inputs.byRegion] },
    components: e.components.map((c) => ({
      kind: c.kind,
      region: c.region,
      quantity: c.quantity,
      unitCost: c.unitCost
        ? { id: c.unitCost.id, amount: formatMinor(c.unitCost.amountMinor), currency: c.unitCost.currency, validFrom: c.unitCost.validFrom }
        : null,
      amount: c.amountMinor === null ? null : formatMinor(c.amountMinor),
      currency: c.currency,
    })),
    gaps: e.gaps.map((g) =>
      g.what === 'unit_cost'
        ? { what: g.what, kind: g.kind, region: g.region, day: g.day }
        : { what: g.what, kind: null, region: null, day: null },
    ),
    value: e.value ? presentSpending(e.value) : null,
  };
}

export const inKindQuery = z.object({ ...moneyFilterShape, ...pagingShape }).superRefine(checkYears);

export const presentBudgetVsSpent = (r: BudgetVsSpentReport): z.output<typeof budgetVsSpentSchema> => ({
  groupBy: r.groupBy,
  filter: presentFilter(r.filter),
  groups: r.groups,
  page: r.page,
  pageSize: r.pageSize,
  rows: r.rows.map((row) => ({ group: row.group, ...presentFigures(row) })),
  total: { programs: r.total.programs, ...presentFigures(r.total) },
});

export const presentInKindReport = (r: InKindReport): z.output<typeof inKindReportSchema> => ({
  estimated: true,
  filter: presentFilter(r.filter),
  programs: r.programs,
  estimatedPrograms: r.estimatedPrograms,
  notEstimatedPrograms: r.notEstimatedPrograms,
  total: presentSpending(r.total),
  gaps: [...r.gaps],
  page: r.page,
  pageSize: r.pageSize,
  items: r.items.map(presentEstimate),
});
