/**
 * Data quality: the rules table, and the facts the rules read of a page of programs in four
 * queries — the programs; their child rows' counts and dates, each child table grouped by
 * program over the page's id range; the currencies of budgets and of spending with no exchange
 * rate on their day — however many programs the page holds.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { CooperationType, FlagshipArea, FundingSource, LifecycleStage, Modality } from '../domain/codes.js';
import { COUNTED_STATUSES } from '../domain/participant/journey.js';
import type { QualityProgram } from '../domain/quality/facts.js';
import { parseRuleDefinition, type QualityRule } from '../domain/quality/rules.js';
import type { AgencyName, QualityRepository, QualityRuleUpdate, QualityScope } from '../services/quality.ports.js';
import { SPENT_TYPES } from './report.repo.js';
import { bool, num } from './sql-helpers.js';
import type { Database, QualityRulesTable } from './schema.js';

function toRule(row: Selectable<QualityRulesTable>): QualityRule {
  return {
    code: row.code,
    dimension: row.dimension,
    severity: row.severity,
    weight: num(row.weight),
    enabled: bool(row.enabled),
    labelEn: row.label_en,
    labelId: row.label_id,
    sortOrder: num(row.sort_order),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    // Written only through parseRuleDefinition (the migration's seed is checked by a test), so a
    // stored row that no longer parses is a bug worth failing on.
    definition: parseRuleDefinition(row.kind, JSON.parse(row.params)),
  };
}

interface ProgramRow {
  id: unknown;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  description_en: string | null;
  description_id: string | null;
  modality: Modality | null;
  flagship_area: FlagshipArea | null;
  cooperation_type: CooperationType;
  lifecycle_stage: LifecycleStage;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  venue_city: string | null;
  venue_country: string | null;
  org_code: string | null;
  funding_source: FundingSource | null;
  participants_planned: unknown;
  created_at: string;
}

interface ChildRow {
  id: unknown;
  recipients: unknown;
  partners: unknown;
  sectors: unknown;
  sdgs: unknown;
  budgets: unknown;
  spending: unknown;
  last_spending: string | null;
  participants: unknown;
  sex_unknown: unknown;
  last_transition_at: string | null;
  completed_at: string | null;
  evaluated_at: string | null;
}

interface Gap {
  activity_id: unknown;
  currency: string;
}

const COUNTED = sql.join([...COUNTED_STATUSES]);

/** The programs of a scope: the year's (as the annual reports count them) and, given one, the agency's. */
export function scopeWhere(scope: QualityScope): RawBuilder<SqlBool> {
  const agency = scope.implementingOrg
    ? sql` and a.implementing_org_id in (select id from organisations where lower(code) = lower(${scope.implementingOrg}))`
    : sql``;
  const half = scope.half
    ? sql` and coalesce(a.actual_start, a.planned_start, ${`${scope.year}-01-01`}) <= ${scope.half.lastDate}
        and coalesce(a.actual_end, a.planned_end, ${`${scope.year}-12-31`}) >= ${scope.half.firstDate}`
    : sql``;
  return sql<SqlBool>`a.year = ${scope.year}${agency}${half}`;
}

/** A page's programs are a range of ids: child rows are read by range on their activity_id indexes, grouped. */
interface IdRange {
  readonly first: number;
  readonly last: number;
}

export class QualityRepo implements QualityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listRules(): Promise<QualityRule[]> {
    const rows = await this.db.selectFrom('quality_rules').selectAll().orderBy('sort_order').orderBy('code').execute();
    return rows.map(toRule);
  }

  async findRule(code: string): Promise<QualityRule | undefined> {
    const row = await this.db.selectFrom('quality_rules').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toRule(row) : undefined;
  }

  async updateRule(code: string, update: QualityRuleUpdate, at: string, userId: number | null): Promise<void> {
    await this.db
      .updateTable('quality_rules')
      .set({
        enabled: update.enabled ? 1 : 0,
        weight: update.weight,
        severity: update.severity,
        params: JSON.stringify(update.definition.params),
        updated_at: at,
        updated_by: userId,
      })
      .where('code', '=', code)
      .execute();
  }

  async programPage(scope: QualityScope, afterId: number, limit: number): Promise<QualityProgram[]> {
    const rows = await this.programs(sql`${scopeWhere(scope)} and a.id > ${afterId}`, limit);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return [];
    return this.withChildren(rows, { first: num(first.id), last: num(last.id) }, scopeWhere(scope));
  }

  async program(id: number): Promise<QualityProgram | undefined> {
    const rows = await this.programs(sql`a.id = ${id}`, 1);
    return (await this.withChildren(rows, { first: id, last: id }, sql<SqlBool>`a.id = ${id}`))[0];
  }

  async agencyNames(codes: readonly string[]): Promise<AgencyName[]> {
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom('organisations')
      .select(['code', 'name_en', 'name_id'])
      .where('code', 'in', [...codes])
      .execute();
    return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameId: r.name_id }));
  }

  private async programs(where: RawBuilder<unknown>, limit: number): Promise<ProgramRow[]> {
    const { rows } = await sql<ProgramRow>`
      select a.id, a.identifier, a.title_en, a.title_id, a.description_en, a.description_id, a.modality, a.flagship_area,
        a.cooperation_type, a.lifecycle_stage, a.planned_start, a.planned_end, a.actual_start, a.actual_end,
        a.venue_city, a.venue_country, o.code as org_code, a.funding_source, a.participants_planned, a.created_at
      from activities a left join organisations o on o.id = a.implementing_org_id
      where ${where}
      order by a.id
      limit ${limit}`.execute(this.db);
    return rows;
  }

  /**
   * The counts, dates and missing rates of the programs' child rows, in three queries over the
   * page's id range: each child table grouped by activity_id within the range (an index range
   * scan, not one lookup per program), the currencies without a rate of budgets and of spending.
   */
  private async withChildren(rows: readonly ProgramRow[], range: IdRange, scope: RawBuilder<SqlBool>): Promise<QualityProgram[]> {
    if (rows.length === 0) return [];
    // The range, and within it the scope's programs only: an agency's programs are spread over
    // ids shared with other agencies, whose rows need not be read.
    const within = (column: RawBuilder<unknown>) =>
      sql`${column} between ${range.first} and ${range.last} and ${column} in (select a.id from activities a where ${scope} and a.id between ${range.first} and ${range.last})`;
    const count = (table: string) =>
      sql`(select x.activity_id, count(*) as n from ${sql.table(table)} x where ${within(sql`x.activity_id`)} group by x.activity_id)`;
    // USD needs no rate: rates are units per US dollar.
    const noRate = (currency: RawBuilder<unknown>, day: RawBuilder<unknown>) =>
      sql`${currency} <> 'USD' and not exists (select 1 from exchange_rates r where r.currency = ${currency} and r.rate_date <= ${day})`;
    const [children, budgets, spending] = await Promise.all([
      sql<ChildRow>`
        select a.id, r.n as recipients, p.n as partners, s.n as sectors, g.n as sdgs, b.n as budgets,
          t.n as spending, t.last_day as last_spending, pp.n as participants, pp.x as sex_unknown,
          tr.last_at as last_transition_at, tr.completed_at, tr.evaluated_at
        from activities a
        left join ${count('activity_recipients')} r on r.activity_id = a.id
        left join ${count('activity_partners')} p on p.activity_id = a.id
        left join ${count('activity_sectors')} s on s.activity_id = a.id
        left join ${count('activity_sdgs')} g on g.activity_id = a.id
        left join ${count('budgets')} b on b.activity_id = a.id
        left join (select x.activity_id, count(*) as n, max(x.transaction_date) as last_day from transactions x
          where ${within(sql`x.activity_id`)} and x.type in ${SPENT_TYPES} group by x.activity_id) t on t.activity_id = a.id
        left join (select x.activity_id, count(*) as n, sum(case when x.sex = 'X' then 1 else 0 end) as x from participants x
          where ${within(sql`x.activity_id`)} and x.status in (${COUNTED}) group by x.activity_id) pp on pp.activity_id = a.id
        left join (select x.activity_id, max(x.at) as last_at,
            min(case when x.to_stage = 'completed' then x.at end) as completed_at,
            min(case when x.to_stage = 'evaluated' then x.at end) as evaluated_at
          from activity_transitions x where ${within(sql`x.activity_id`)} group by x.activity_id) tr on tr.activity_id = a.id
        where a.id between ${range.first} and ${range.last} and ${scope}`.execute(this.db),
      sql<Gap>`
        select distinct b.activity_id, b.currency from budgets b
        where ${within(sql`b.activity_id`)} and ${noRate(sql`b.currency`, sql`coalesce(b.value_date, b.period_start)`)}`.execute(this.db),
      sql<Gap>`
        select distinct t.activity_id, t.currency from transactions t
        where ${within(sql`t.activity_id`)} and t.type in ${SPENT_TYPES}
          and ${noRate(sql`t.currency`, sql`coalesce(t.value_date, t.transaction_date)`)}`.execute(this.db),
    ]);
    const childOf = new Map(children.rows.map((c) => [num(c.id), c]));
    const budgetGaps = gapsByProgram(budgets.rows);
    const spendingGaps = gapsByProgram(spending.rows);
    return rows.map((r) => {
      const id = num(r.id);
      return toFacts(r, childOf.get(id), budgetGaps.get(id) ?? [], spendingGaps.get(id) ?? []);
    });
  }
}

function gapsByProgram(list: readonly Gap[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of list) map.set(num(r.activity_id), [...(map.get(num(r.activity_id)) ?? []), r.currency]);
  return map;
}

const count0 = (value: unknown) => (value === null || value === undefined ? 0 : num(value));

function toFacts(r: ProgramRow, c: ChildRow | undefined, budgetGaps: readonly string[], spendingGaps: readonly string[]): QualityProgram {
  const reachedAt: Partial<Record<LifecycleStage, string>> = {};
  if (c?.completed_at) reachedAt.completed = c.completed_at;
  if (c?.evaluated_at) reachedAt.evaluated = c.evaluated_at;
  return {
    id: num(r.id),
    identifier: r.identifier,
    titleEn: r.title_en,
    titleId: r.title_id,
    descriptionEn: r.description_en,
    descriptionId: r.description_id,
    modality: r.modality,
    flagshipArea: r.flagship_area,
    cooperationType: r.cooperation_type,
    lifecycleStage: r.lifecycle_stage,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    venueCity: r.venue_city,
    venueCountry: r.venue_country,
    implementingOrg: r.org_code,
    fundingSource: r.funding_source,
    participantsPlanned: r.participants_planned === null ? null : num(r.participants_planned),
    createdAt: r.created_at,
    recipients: count0(c?.recipients),
    partners: count0(c?.partners),
    sectors: count0(c?.sectors),
    sdgs: count0(c?.sdgs),
    budgets: count0(c?.budgets),
    spendingTransactions: count0(c?.spending),
    lastSpendingDate: c?.last_spending ?? null,
    participants: count0(c?.participants),
    participantsSexUnknown: count0(c?.sex_unknown),
    budgetCurrenciesWithoutRate: budgetGaps,
    spendingCurrenciesWithoutRate: spendingGaps,
    lastTransitionAt: c?.last_transition_at ?? null,
    reachedAt,
  };
}
