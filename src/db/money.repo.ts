/**
 * Money figures: budgets and spending summed in SQL per group (program, implementing agency or
 * year), by currency and by the exchange rates in force on each amount's day, and the facts the
 * in-kind estimates need. Conversion and comparison are the domain's (domain/finance/); nothing
 * here loads the programs of a filter into JavaScript beyond one page of them.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { BudgetGrouping, MoneyFilter, MoneyGroup } from '../domain/finance/budget-vs-spent.js';
import type { InKindProgramFacts } from '../domain/finance/in-kind.js';
import type { CooperationType, LifecycleStage, Modality } from '../domain/codes.js';
import type { ParticipantSource } from '../domain/report/participant-allocation.js';
import type { SpendingGroup } from '../domain/report/summary.js';
import type { BudgetVsSpentAggregates, MoneyRepository, OwnProgramFilter } from '../services/money.ports.js';
import type { ProgramMoney } from '../domain/iati/organisation-figures.js';
import { isPostgres, num, numOrNull } from './sql-helpers.js';
import { rateOn, SPENT_TYPES, spendingGroups } from './report.repo.js';
import type { Database } from './schema.js';
import { budgetOf, byActivity, transactionOf } from './program-rows.js';

/** The conditions of a filter on programs (alias `a`). */
function whereOf(f: MoneyFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (f.yearFrom !== undefined) parts.push(sql`a.year >= ${f.yearFrom}`);
  if (f.yearTo !== undefined) parts.push(sql`a.year <= ${f.yearTo}`);
  if (f.agency !== undefined)
    parts.push(sql`a.implementing_org_id in (select o2.id from organisations o2 where lower(o2.code) = ${f.agency.toLowerCase()})`);
  if (f.stages) parts.push(f.stages.length ? sql`a.lifecycle_stage in (${sql.join([...f.stages])})` : sql`1 = 0`);
  return sql.join(parts, sql` and `);
}

const KEY: Record<BudgetGrouping, RawBuilder<unknown>> = {
  program: sql`a.id`,
  agency: sql`a.implementing_org_id`,
  year: sql`a.year`,
};

/** Nulls last on both engines (SQLite sorts them first, PostgreSQL last). */
const nullsLast = (column: RawBuilder<unknown>) => sql`case when ${column} is null then 1 else 0 end, ${column}`;

interface AmountRow {
  k: unknown;
  currency: string;
  currency_rate: unknown;
  idr_rate: unknown;
  amount_minor: unknown;
  n: unknown;
  first_date: string;
  last_date: string;
}

interface OrgColumns {
  org_code: string | null;
  org_name_en: string | null;
  org_name_id: string | null;
  org_acronym: string | null;
}

const agencyOf = (r: OrgColumns): MoneyGroup['agency'] =>
  r.org_code === null ? null : { code: r.org_code, nameEn: r.org_name_en ?? r.org_code, nameId: r.org_name_id, acronym: r.org_acronym };

const keyOf = (value: unknown): string => (value === null || value === undefined ? '' : String(num(value)));

export class MoneyRepo implements MoneyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }

  async budgetVsSpent(filter: MoneyFilter, groupBy: BudgetGrouping, page: number, pageSize: number): Promise<BudgetVsSpentAggregates> {
    const where = whereOf(filter);
    const [groups, count, totalBudget, totalSpent] = await Promise.all([
      this.groups(where, groupBy, page, pageSize),
      this.rows<{ n: unknown }>(sql`select count(*) as n from activities a where ${where}`),
      this.budgets(where, sql`0`),
      spendingGroups(this.db, where, sql`0`),
    ]);
    // The amounts of the page's groups only (one page of programs; every agency or year).
    const keys = groups.rows.map((g) => g.key);
    const within = groupBy === 'program' ? (keys.length ? sql`${where} and a.id in (${sql.join(keys.map(Number))})` : sql`1 = 0`) : where;
    const [budgets, spent] = await Promise.all([this.budgets(within, KEY[groupBy]), spendingGroups(this.db, within, KEY[groupBy])]);
    const byKey = (rows: readonly { key: unknown; group: SpendingGroup }[]) => {
      const map = new Map<string, SpendingGroup[]>();
      for (const r of rows) map.set(keyOf(r.key), [...(map.get(keyOf(r.key)) ?? []), r.group]);
      return map;
    };
    const budgetOf = byKey(budgets.map((r) => ({ key: r.k, group: toGroup(r) })));
    const spentOf = byKey(spent);
    return {
      groups: groups.count,
      rows: groups.rows.map((g) => ({ group: g.group, budget: budgetOf.get(g.key) ?? [], spent: spentOf.get(g.key) ?? [] })),
      total: { programs: num(count[0]?.n), budget: totalBudget.map(toGroup), spent: totalSpent.map((r) => r.group) },
    };
  }

  /** The groups of one page, with their keys ('' for a null agency or year). */
  private async groups(
    where: RawBuilder<unknown>,
    groupBy: BudgetGrouping,
    page: number,
    pageSize: number,
  ): Promise<{ count: number; rows: { key: string; group: MoneyGroup }[] }> {
    const offset = (page - 1) * pageSize;
    const org = sql`o.code as org_code, o.name_en as org_name_en, o.name_id as org_name_id, o.acronym as org_acronym`;
    if (groupBy === 'program') {
      const [rows, count] = await Promise.all([
        this.rows<
          OrgColumns & {
            id: number;
            identifier: string;
            title_en: string | null;
            title_id: string | null;
            lifecycle_stage: LifecycleStage;
            year: number | null;
          }
        >(sql`
          select a.id, a.identifier, a.title_en, a.title_id, a.lifecycle_stage, a.year, ${org}
          from activities a left join organisations o on o.id = a.implementing_org_id
          where ${where} order by ${nullsLast(sql`a.year`)}, a.identifier limit ${pageSize} offset ${offset}`),
        this.rows<{ n: unknown }>(sql`select count(*) as n from activities a where ${where}`),
      ]);
      return {
        count: num(count[0]?.n),
        rows: rows.map((r) => ({
          key: String(r.id),
          group: {
            groupBy,
            program: { id: num(r.id), identifier: r.identifier, titleEn: r.title_en, titleId: r.title_id, stage: r.lifecycle_stage },
            agency: agencyOf(r),
            year: numOrNull(r.year),
            programs: 1,
          },
        })),
      };
    }
    // Agencies and years are few: all of them are read, the page is cut here.
    const all =
      groupBy === 'agency'
        ? (
            await this.rows<OrgColumns & { k: unknown; programs: unknown }>(sql`
              select a.implementing_org_id as k, ${org}, count(*) as programs
              from activities a left join organisations o on o.id = a.implementing_org_id
              where ${where} group by a.implementing_org_id, o.code, o.name_en, o.name_id, o.acronym
              order by ${nullsLast(sql`lower(o.code)`)}`)
          ).map((r) => ({ key: keyOf(r.k), group: { groupBy, program: null, agency: agencyOf(r), year: null, programs: num(r.programs) } }))
        : (
            await this.rows<{ k: unknown; programs: unknown }>(sql`
              select a.year as k, count(*) as programs from activities a where ${where} group by a.year order by ${nullsLast(sql`a.year`)}`)
          ).map((r) => ({
            key: keyOf(r.k),
            group: { groupBy, program: null, agency: null, year: numOrNull(r.k), programs: num(r.programs) },
          }));
    return { count: all.length, rows: all.slice(offset, offset + pageSize) };
  }

  /**
   * Budgets per key, currency and rates. A program's revised budgets (IATI BudgetType 2) replace
   * its original ones when it has any (as in the annual plan); each converts at its value date,
   * else the start of its period.
   */
  private budgets(where: RawBuilder<unknown>, key: RawBuilder<unknown>): Promise<AmountRow[]> {
    const day = sql`coalesce(b.value_date, b.period_start)`;
    return this.rows<AmountRow>(sql`
      select x.k, x.currency, x.currency_rate, x.idr_rate, sum(x.amount_minor) as amount_minor, count(*) as n, min(x.day) as first_date, max(x.day) as last_date
      from (
        select ${key} as k, b.currency, b.amount_minor, ${day} as day, ${rateOn(sql`b.currency`, day)} as currency_rate, ${rateOn(sql`'IDR'`, day)} as idr_rate
        from budgets b join activities a on a.id = b.activity_id
        where ${where} and (b.type = 2 or not exists (select 1 from budgets rb where rb.activity_id = b.activity_id and rb.type = 2))
      ) x
      group by x.k, x.currency, x.currency_rate, x.idr_rate`);
  }

  async inKindFacts(
    filter: MoneyFilter,
    slice: { offset: number; limit: number } | { afterId: number; limit: number },
  ): Promise<InKindProgramFacts[]> {
    const where = sql`${whereOf(filter)} and not exists (select 1 from transactions t where t.activity_id = a.id and t.type in ${SPENT_TYPES})`;
    // A page of the list in its order; or, to add up every program, the next ids (linear, no sort).
    return 'offset' in slice
      ? this.facts(where, sql`${nullsLast(sql`a.year`)}, a.identifier`, sql` limit ${slice.limit} offset ${slice.offset}`)
      : this.facts(sql`${where} and a.id > ${slice.afterId}`, sql`a.id`, sql` limit ${slice.limit}`);
  }

  async ownProgramMoney(filter: OwnProgramFilter, slice: { afterId: number; limit: number }): Promise<ProgramMoney[]> {
    // A program imported from another publisher's IATI file is that publisher's (activity-xml.ts
    // publishes it under its reporting-org); one with no reporting-org, or ours, is ours.
    const publisherOf = isPostgres(this.db)
      ? sql`(a.iati_details::jsonb #>> '{reportingOrg,ref}')`
      : sql`json_extract(a.iati_details, '$.reportingOrg.ref')`;
    const ref = filter.publisherRef.toLowerCase();
    const own = sql`(a.source <> 'iati' or coalesce(nullif(lower(${publisherOf}), ''), ${ref}) = ${ref})`;
    const stages = filter.stages
      ? filter.stages.length
        ? sql`a.lifecycle_stage in (${sql.join([...filter.stages])})`
        : sql`1 = 0`
      : sql`1 = 1`;
    const programs = await this.rows<{ id: number; year: number | null; lifecycle_stage: LifecycleStage; updated_at: string }>(sql`
      select a.id, a.year, a.lifecycle_stage, a.updated_at from activities a
      where ${own} and ${stages} and a.id > ${slice.afterId} order by a.id limit ${slice.limit}`);
    const ids = programs.map((p) => num(p.id));
    if (ids.length === 0) return [];
    const [recipients, budgets, transactions] = await Promise.all([
      this.db.selectFrom('activity_recipients').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
      this.db.selectFrom('budgets').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
      this.db
        .selectFrom('transactions')
        .selectAll()
        .where('activity_id', 'in', ids)
        .where('type', 'in', ['3', '4'])
        .orderBy('sort_order')
        .execute(),
    ]);
    const recipientsOf = byActivity(recipients);
    const budgetsOf = byActivity(budgets);
    const transactionsOf = byActivity(transactions);
    return programs.map((p) => {
      const id = num(p.id);
      return {
        id,
        year: numOrNull(p.year),
        stage: p.lifecycle_stage,
        updatedAt: p.updated_at,
        recipients: recipientsOf(id).map((r) => ({ country: r.country_code, percentage: numOrNull(r.percentage) })),
        budgets: budgetsOf(id).map(budgetOf),
        transactions: transactionsOf(id).map(transactionOf),
      };
    });
  }

  async inKindFactsOf(ids: readonly number[]): Promise<InKindProgramFacts[]> {
    if (ids.length === 0) return [];
    return this.facts(sql`a.id in (${sql.join([...ids])})`, sql`a.id`, sql``);
  }

  private async facts(where: RawBuilder<unknown>, order: RawBuilder<unknown>, paging: RawBuilder<unknown>): Promise<InKindProgramFacts[]> {
    const programs = await this.rows<{
      id: number;
      identifier: string;
      title_en: string | null;
      title_id: string | null;
      year: number | null;
      modality: Modality | null;
      cooperation_type: CooperationType;
      lifecycle_stage: LifecycleStage;
      org_code: string | null;
      planned_start: string | null;
      planned_end: string | null;
      actual_start: string | null;
      actual_end: string | null;
      participants_total: unknown;
      participants_source: ParticipantSource | null;
    }>(sql`
      select a.id, a.identifier, a.title_en, a.title_id, a.year, a.modality, a.cooperation_type, a.lifecycle_stage, o.code as org_code,
        a.planned_start, a.planned_end, a.actual_start, a.actual_end, f.participants_total, f.participants_source
      from activities a
        left join organisations o on o.id = a.implementing_org_id
        left join activity_facts f on f.activity_id = a.id
      where ${where}
      order by ${order}${paging}`);
    if (programs.length === 0) return [];
    const regions = await this.rows<{ activity_id: number; region: string | null; participants: unknown }>(sql`
      select activity_id, region, sum(participants) as participants from activity_country_facts
      where activity_id in (${sql.join(programs.map((p) => p.id))}) group by activity_id, region`);
    const byProgram = new Map<number, { region: string | null; participants: number }[]>();
    for (const r of regions) {
      const id = num(r.activity_id);
      byProgram.set(id, [...(byProgram.get(id) ?? []), { region: r.region, participants: num(r.participants) }]);
    }
    return programs.map((p) => ({
      id: num(p.id),
      identifier: p.identifier,
      titleEn: p.title_en,
      titleId: p.title_id,
      year: numOrNull(p.year),
      modality: p.modality,
      cooperationType: p.cooperation_type,
      stage: p.lifecycle_stage,
      implementingOrg: p.org_code,
      plannedStart: p.planned_start,
      plannedEnd: p.planned_end,
      actualStart: p.actual_start,
      actualEnd: p.actual_end,
      participants: num(p.participants_total),
      participantsSource: p.participants_source,
      participantsByRegion: byProgram.get(num(p.id)) ?? [],
    }));
  }
}

function toGroup(r: AmountRow): SpendingGroup {
  return {
    currency: r.currency,
    currencyRate: numOrNull(r.currency_rate),
    idrRate: numOrNull(r.idr_rate),
    amountMinor: num(r.amount_minor),
    transactions: num(r.n),
    firstDate: r.first_date,
    lastDate: r.last_date,
  };
}
