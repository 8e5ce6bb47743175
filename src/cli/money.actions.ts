/**
 * The money commands (money.commands.ts): budget against spending, the in-kind estimates and
 * their unit costs, and `mitra export tossd`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import {
  budgetVsSpentQuerySchema,
  checkYears,
  moneyFilterShape,
  pagingShape,
  type BudgetVsSpentFigures,
  type BudgetVsSpentReport,
  type MoneyGroup,
} from '../domain/finance/budget-vs-spent.js';
import type { InKindEstimate } from '../domain/finance/in-kind.js';
import { unitCostInputSchema, unitCostKey, type UnitCost, type UnitCostData } from '../domain/finance/unit-costs.js';
import type { Spending } from '../domain/report/summary.js';
import { detectSeparator } from '../io/csv-read.js';
import { parseCsvText } from '../io/csv-parse.js';
import { tossdCsv } from '../io/tossd-csv.js';
import {
  budgetVsSpent,
  inKindEstimates,
  listUnitCosts,
  setUnitCosts,
  type InKindGapSummary,
  type InKindReport,
} from '../services/money.js';
import { tossdExport } from '../services/tossd-export.js';
import { CliInputError } from './exit-codes.js';
import { json, money, table } from './format.js';
import { parseInput, unreadable } from './input.js';
import type { CliContext, Flags } from './context.js';

const filterInput = (o: Flags) => ({
  year: o.year,
  yearFrom: o.from,
  yearTo: o.to,
  agency: o.agency,
  stage: o.stage,
  page: o.page,
  pageSize: o.pageSize,
});

const rate = (f: BudgetVsSpentFigures) =>
  f.executionRate === null ? '—' : `${(f.executionRate * 100).toFixed(1)}%${f.executionRateBasis === 'idr' ? ' (IDR)' : ''}`;

function groupLabel(g: MoneyGroup): string {
  if (g.program) return `${g.program.identifier} ${g.program.titleEn ?? g.program.titleId ?? ''}`.trim();
  if (g.groupBy === 'agency') return g.agency ? `${g.agency.acronym ?? g.agency.code} ${g.agency.nameEn}` : '(no agency recorded)';
  return g.year === null ? '(no dates)' : String(g.year);
}

/** One line per currency left out of a total for want of an exchange rate. */
function missingRateLines(what: string, s: Spending): string[] {
  return s.missingRates.map(
    (m) =>
      `  ${what}: no exchange rate for ${m.currency} (${m.firstDate}–${m.lastDate}): ${m.currency} ${money(m.amountMinor)} in ${m.transactions} line(s) left out of ${m.missing.join(' and ').toUpperCase()}`,
  );
}

export function describeBudgetVsSpent(r: BudgetVsSpentReport): string {
  const lines = [
    table(
      [r.groupBy, 'programs', 'budget USD', 'spent USD', 'budget IDR', 'spent IDR', 'execution'],
      r.rows.map((row) => [
        groupLabel(row.group),
        row.group.programs,
        money(row.budget.usdMinor),
        money(row.spent.usdMinor),
        money(row.budget.idrMinor),
        money(row.spent.idrMinor),
        rate(row),
      ]),
    ),
    '',
    `Total (${r.total.programs} programs): budget USD ${money(r.total.budget.usdMinor)} (IDR ${money(r.total.budget.idrMinor)}), spent USD ${money(r.total.spent.usdMinor)} (IDR ${money(r.total.spent.idrMinor)}), execution ${rate(r.total)}`,
    ...missingRateLines('budget', r.total.budget),
    ...missingRateLines('spent', r.total.spent),
  ];
  if (r.groups > r.rows.length)
    lines.push(
      `${r.groups} ${r.groupBy === 'program' ? 'programs' : 'groups'} in all; page ${r.page} shows ${r.rows.length} (--page, --page-size)`,
    );
  return lines.join('\n');
}

function gapText(g: { what: string; kind?: string | null; region?: string | null }): string {
  if (g.what === 'unit_cost') return `no ${g.kind}${g.region ? ` (${g.region})` : ''} unit cost`;
  return (
    { participants: 'no participants', dates: 'no dates', dates_order: 'end before start', region: 'no recipient country' }[g.what] ??
    g.what
  );
}

function estimateCells(e: InKindEstimate): (string | number)[] {
  const i = e.inputs;
  return [
    e.program.identifier,
    `${i.people}${i.peopleSource === 'planned' ? ' planned' : ''}${i.role === 'expert' ? ' experts' : ''}`,
    i.days ?? '—',
    e.value ? money(e.value.usdMinor) : '—',
    e.value ? money(e.value.idrMinor) : '—',
    e.gaps.length ? e.gaps.map(gapText).join('; ') : 'estimated',
  ];
}

export function describeInKind(r: InKindReport): string {
  const gap = (g: InKindGapSummary) =>
    `  ${gapText(g)}: ${g.programs} program(s)${g.firstDay ? ` (needed from ${g.firstDay} to ${g.lastDay})` : ''}`;
  return [
    'ESTIMATED in-kind values (unit costs × people × days; not recorded spending)',
    table(['program', 'people', 'days', 'estimate USD', 'estimate IDR', 'status'], r.items.map(estimateCells)),
    '',
    `${r.programs} program(s) without spending; ${r.estimatedPrograms} estimated, ${r.notEstimatedPrograms} not estimated`,
    `Estimated total (kept apart from spending): USD ${money(r.total.usdMinor)}   IDR ${money(r.total.idrMinor)}`,
    ...missingRateLines('estimate', r.total),
    ...(r.gaps.length ? ['Missing inputs:', ...r.gaps.map(gap)] : []),
  ].join('\n');
}

function describeUnitCosts(costs: readonly UnitCost[]): string {
  if (costs.length === 0) return 'no unit costs recorded (mitra money unit-costs set --help)';
  return table(
    ['id', 'kind', 'region', 'from', 'currency', 'amount', 'note'],
    costs.map((c) => [c.id, c.kind, c.region ?? '', c.validFrom, c.currency, money(c.amountMinor), c.note ?? '']),
  );
}

const CSV_FIELDS: Record<string, string> = {
  kind: 'kind',
  region: 'region',
  year: 'year',
  valid_from: 'validFrom',
  currency: 'currency',
  amount: 'amount',
  note: 'note',
};

/** Unit costs from a CSV (kind, region, year or valid_from, currency, amount, note); every bad row is reported. */
export function parseUnitCostCsv(text: string, file: string): UnitCostData[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header, ...records] = parseCsvText(text.replace(/^\uFEFF/, ''), detectSeparator(firstLine));
  if (!header) throw new CliInputError(`${file} is empty`);
  const names = header.fields.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const unknown = names.filter((n) => !(n in CSV_FIELDS));
  if (unknown.length)
    throw new CliInputError(`${file}: unknown column(s) ${unknown.join(', ')}; expected ${Object.keys(CSV_FIELDS).join(', ')}`);
  const rows: UnitCostData[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const input: Record<string, string> = {};
    names.forEach((n, i) => {
      const value = record.fields[i]?.trim() ?? '';
      if (value !== '') input[CSV_FIELDS[n] ?? n] = value;
    });
    const parsed = unitCostInputSchema.safeParse(input);
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues) problems.push(`line ${record.line}, ${issue.path.join('.') || '(row)'}: ${issue.message}`);
  }
  if (problems.length) throw new CliInputError(`${file} has ${problems.length} problem(s); nothing was written`, problems);
  return rows;
}

export async function moneyBudget(ctx: CliContext, o: Flags): Promise<void> {
  const query = parseInput(budgetVsSpentQuerySchema, { ...filterInput(o), groupBy: o.groupBy }, 'options');
  await ctx.withApp(async (app) => {
    const report = await budgetVsSpent(app.deps, query);
    ctx.io.out(o.json ? json(report) : describeBudgetVsSpent(report));
  });
}

export async function moneyInKind(ctx: CliContext, o: Flags): Promise<void> {
  const query = parseInput(z.object({ ...moneyFilterShape, ...pagingShape }).superRefine(checkYears), filterInput(o), 'options');
  await ctx.withApp(async (app) => {
    const report = await inKindEstimates(app.deps, query);
    ctx.io.out(o.json ? json(report) : describeInKind(report));
  });
}

export async function unitCostsList(ctx: CliContext, o: Flags): Promise<void> {
  await ctx.withApp(async (app) => {
    const list = await listUnitCosts(app.deps);
    ctx.io.out(o.json ? json(list) : describeUnitCosts(list));
  });
}

export async function unitCostsSet(ctx: CliContext, o: Flags): Promise<void> {
  const data = parseInput(
    unitCostInputSchema,
    { kind: o.kind, region: o.region, year: o.year, validFrom: o.validFrom, currency: o.currency, amount: o.amount, note: o.note },
    'options',
  );
  await ctx.withApp(async (app) => {
    const result = await setUnitCosts(app.deps, [data]);
    ctx.io.out(`${result.inserted ? 'added' : 'replaced'} ${unitCostKey(data)}`);
  });
}

export async function unitCostsImport(ctx: CliContext, file: string): Promise<void> {
  let text: string;
  try {
    text = await ctx.io.read(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  const rows = parseUnitCostCsv(text, file);
  await ctx.withApp(async (app) => {
    const result = await setUnitCosts(app.deps, rows);
    ctx.io.out(`${file}: ${result.inserted} unit cost(s) added, ${result.updated} replaced`);
  });
}

/** `mitra export tossd`. */
export async function exportTossd(ctx: CliContext, o: Flags): Promise<void> {
  const { year, stage } = parseInput(
    z.object({ year: z.coerce.number().int().min(1900).max(2200), stage: programListQuerySchema.shape.stage }),
    { year: o.year, stage: o.stage },
    'options',
  );
  await ctx.withApp(async (app) => {
    const lines = tossdCsv(
      tossdExport(app.deps, year, stage, { reportingCountry: app.config.providerCountry, publisherRef: app.config.iatiPublisher.ref }),
    );
    if (typeof o.out !== 'string') {
      // Line ends on a terminal are the platform's, not RFC 4180's CRLF.
      for await (const text of lines) ctx.io.out(text.replace(/\r\n/g, '\n').replace(/\n$/, ''));
      return;
    }
    const out = createWriteStream(o.out);
    let rows = -1;
    for await (const text of lines) {
      rows += text.split('\r\n').length - 1;
      if (!out.write(text)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    ctx.io.err(`wrote ${rows} row(s) to ${o.out}`);
  });
}
