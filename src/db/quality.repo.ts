/**
 * Data quality: the rules table, and the facts the rules read of a page of programs in three
 * queries — the programs with their row counts and dates (correlated subqueries on the child
 * tables' activity_id indexes), and the currencies of budgets and of spending with no exchange
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

const COUNTED = sql.join([...COUNTED_STATUSES]);
const count = (table: string, extra: RawBuilder<unknown> = sql``) =>
  sql`(select count(*) from ${sql.table(table)} x where x.activity_id = a.id${extra})`;
const firstReached = (stage: LifecycleStage) =>
  sql`(select min(t.at) from activity_transitions t where t.activity_id = a.id and t.to_stage = ${stage})`;

/** The programs of a scope: the year's (as the annual reports count them) and, given one, the agency's. */
function scopeWhere(scope: QualityScope): RawBuilder<SqlBool> {
  const agency = scope.implementingOrg
    ? sql` and a.implementing_org_id in (select id from organisations where lower(code) = lower(${scope.implementingOrg}))`
    : sql``;
  return sql<SqlBool>`a.year = ${scope.year}${agency}`;
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
    // The page's programs again, by their id range, for the child-row queries.
    const range = sql<SqlBool>`${scopeWhere(scope)} and a.id between ${num(first.id)} and ${num(last.id)}`;
    return this.withRates(rows, range);
  }

  async program(id: number): Promise<QualityProgram | undefined> {
    const rows = await this.programs(sql`a.id = ${id}`, 1);
    return (await this.withRates(rows, sql<SqlBool>`a.id = ${id}`))[0];
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
        a.venue_city, a.venue_country, o.code as org_code, a.funding_source, a.participants_planned, a.created_at,
        ${count('activity_recipients')} as recipients,
        ${count('activity_partners')} as partners,
        ${count('activity_sectors')} as sectors,
        ${count('activity_sdgs')} as sdgs,
        ${count('budgets')} as budgets,
        ${count('transactions', sql` and x.type in ${SPENT_TYPES}`)} as spending,
        (select max(x.transaction_date) from transactions x where x.activity_id = a.id and x.type in ${SPENT_TYPES}) as last_spending,
        ${count('participants', sql` and x.status in (${COUNTED})`)} as participants,
        ${count('participants', sql` and x.status in (${COUNTED}) and x.sex = 'X'`)} as sex_unknown,
        (select max(t.at) from activity_transitions t where t.activity_id = a.id) as last_transition_at,
        ${firstReached('completed')} as completed_at,
        ${firstReached('evaluated')} as evaluated_at
      from activities a left join organisations o on o.id = a.implementing_org_id
      where ${where}
      order by a.id
      limit ${limit}`.execute(this.db);
    return rows;
  }

  /** The rows as quality facts, with the currencies that have no rate on their amounts' day. */
  private async withRates(rows: readonly ProgramRow[], where: RawBuilder<SqlBool>): Promise<QualityProgram[]> {
    if (rows.length === 0) return [];
    // USD needs no rate: rates are units per US dollar.
    const noRate = (day: RawBuilder<unknown>, currency: RawBuilder<unknown>) =>
      sql`${currency} <> 'USD' and not exists (select 1 from exchange_rates r where r.currency = ${currency} and r.rate_date <= ${day})`;
    const [budgets, spending] = await Promise.all([
      sql<{ activity_id: unknown; currency: string }>`
        select distinct b.activity_id, b.currency from budgets b join activities a on a.id = b.activity_id
        where ${where} and ${noRate(sql`coalesce(b.value_date, b.period_start)`, sql`b.currency`)}`.execute(this.db),
      sql<{ activity_id: unknown; currency: string }>`
        select distinct t.activity_id, t.currency from transactions t join activities a on a.id = t.activity_id
        where ${where} and t.type in ${SPENT_TYPES} and ${noRate(sql`coalesce(t.value_date, t.transaction_date)`, sql`t.currency`)}`.execute(
        this.db,
      ),
    ]);
    const byProgram = (list: readonly { activity_id: unknown; currency: string }[]) => {
      const map = new Map<number, string[]>();
      for (const r of list) map.set(num(r.activity_id), [...(map.get(num(r.activity_id)) ?? []), r.currency]);
      return map;
    };
    const budgetGaps = byProgram(budgets.rows);
    const spendingGaps = byProgram(spending.rows);
    return rows.map((r) => toFacts(r, budgetGaps.get(num(r.id)) ?? [], spendingGaps.get(num(r.id)) ?? []));
  }
}

function toFacts(r: ProgramRow, budgetGaps: readonly string[], spendingGaps: readonly string[]): QualityProgram {
  const reachedAt: Partial<Record<LifecycleStage, string>> = {};
  if (r.completed_at) reachedAt.completed = r.completed_at;
  if (r.evaluated_at) reachedAt.evaluated = r.evaluated_at;
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
    recipients: num(r.recipients),
    partners: num(r.partners),
    sectors: num(r.sectors),
    sdgs: num(r.sdgs),
    budgets: num(r.budgets),
    spendingTransactions: num(r.spending),
    lastSpendingDate: r.last_spending,
    participants: num(r.participants),
    participantsSexUnknown: num(r.sex_unknown),
    budgetCurrenciesWithoutRate: budgetGaps,
    spendingCurrenciesWithoutRate: spendingGaps,
    lastTransitionAt: r.last_transition_at,
    reachedAt,
  };
}
