/**
 * SQL aggregates of the annual reports. Every figure is a GROUP BY over the year's rows of
 * activities and activity_country_facts (report facts kept on every write, see
 * report-fact.repo.ts); money comes from transactions with the dated exchange rates. Nothing
 * loads program rows into JavaScript.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LifecycleStage } from '../domain/codes.js';
import type { GroupCode } from '../domain/reference/types.js';
import type { SpendingGroup, SummaryAggregates } from '../domain/report/summary.js';
import type { ReportRepository, YearAggregates } from '../services/ports.js';
import { num, numOrNull } from './sql-helpers.js';
import type { Database } from './schema.js';

/** Disbursements and expenditure (IATI TransactionType 3 and 4) count as spending. */
export const SPENT_TYPES = sql`('3', '4')`;

/** The latest rate of a currency on or before a day (units per US dollar), or null. */
export function rateOn(currency: RawBuilder<unknown>, day: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select r.units_per_usd from exchange_rates r where r.currency = ${currency} and r.rate_date <= ${day} order by r.rate_date desc limit 1)`;
}

/** A spending group from a row of sums (PostgreSQL gives numerics as strings). */
export function spendingGroupOf(r: {
  currency: string;
  currency_rate: unknown;
  idr_rate: unknown;
  amount_minor: unknown;
  transactions: unknown;
  first_date: string | null;
  last_date: string | null;
}): SpendingGroup {
  return {
    currency: r.currency,
    currencyRate: numOrNull(r.currency_rate),
    idrRate: numOrNull(r.idr_rate),
    amountMinor: num(r.amount_minor),
    transactions: num(r.transactions),
    firstDate: r.first_date ?? '',
    lastDate: r.last_date ?? '',
  };
}

/** ` and <column> in (…)` when stages are given, else nothing. */
export function stageFilter(column: RawBuilder<unknown>, stages: readonly LifecycleStage[] | undefined): RawBuilder<unknown> {
  if (!stages) return sql``;
  if (stages.length === 0) return sql` and 1 = 0`;
  return sql` and ${column} in (${sql.join([...stages])})`;
}

export class ReportRepo implements ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }

  async summary(
    year: number,
    groupings: readonly { group: GroupCode; members: readonly string[] }[],
    stages?: readonly LifecycleStage[],
  ): Promise<SummaryAggregates> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const af = stageFilter(sql`a.lifecycle_stage`, stages);
    // SQLite serialises these on its one connection; PostgreSQL runs them in parallel.
    const [programs, countries, regions, regionPeople, recipients, groups, partners, spending] = await Promise.all([
      this.rows<{ programs: unknown; without_recipients: unknown }>(sql`
        select count(*) as programs, sum(case when recipient_count = 0 then 1 else 0 end) as without_recipients
        from activity_facts where year = ${year}${f}`),
      this.rows<{ countries: unknown }>(sql`
        select count(distinct country_code) as countries from activity_country_facts where year = ${year}${f} and country_code is not null`),
      this.rows<{ region: string | null; programs: unknown; countries: unknown }>(sql`
        select region, count(distinct activity_id) as programs, count(distinct country_code) as countries
        from activity_country_facts where year = ${year}${f} and country_code is not null group by region`),
      this.rows<{ region: string | null; participants: unknown }>(sql`
        select region, sum(participants) as participants from activity_country_facts where year = ${year}${f} group by region`),
      this.rows<{ country: string; programs: unknown; participants: unknown }>(sql`
        select country_code as country, count(*) as programs, sum(participants) as participants
        from activity_country_facts where year = ${year}${f} and country_code is not null group by country_code`),
      this.rows<{
        modality: string | null;
        flagship_area: string | null;
        cooperation_type: string;
        participants_source: string | null;
        programs: unknown;
        participants: unknown;
        split: unknown;
      }>(sql`
        select modality, flagship_area, cooperation_type, participants_source, count(*) as programs,
          sum(participants_total) as participants, sum(participants_split) as split
        from activity_facts where year = ${year}${f}
        group by modality, flagship_area, cooperation_type, participants_source`),
      this.rows<{ code: string; acronym: string | null; name_en: string; name_id: string | null; programs: unknown }>(sql`
        select o.code, o.acronym, o.name_en, o.name_id, count(distinct a.id) as programs
        from activity_partners p join activities a on a.id = p.activity_id join organisations o on o.id = p.org_id
        where a.year = ${year}${af} and a.cooperation_type = 'triangular' and p.ssc_role in ('second_provider', 'facilitator')
        group by o.code, o.acronym, o.name_en, o.name_id`),
      spendingGroups(this.db, sql`a.year = ${year}${af}`),
    ]);
    const groupFigures = await Promise.all(
      groupings.map(async ({ group, members }) => {
        if (members.length === 0) return { group, programs: 0, countries: 0, participants: 0 };
        const [row] = await this.rows<{ programs: unknown; countries: unknown; participants: unknown }>(sql`
          select count(distinct activity_id) as programs, count(distinct country_code) as countries, coalesce(sum(participants), 0) as participants
          from activity_country_facts where year = ${year}${f} and country_code in (${sql.join([...members])})`);
        return { group, programs: num(row?.programs), countries: num(row?.countries), participants: num(row?.participants) };
      }),
    );
    const sources = new Map<string, { programs: number; participants: number }>();
    for (const g of groups) {
      if (!g.participants_source) continue;
      const s = sources.get(g.participants_source) ?? { programs: 0, participants: 0 };
      sources.set(g.participants_source, { programs: s.programs + num(g.programs), participants: s.participants + num(g.participants) });
    }
    const t = programs[0];
    return {
      programs: num(t?.programs),
      countries: num(countries[0]?.countries),
      programsWithoutRecipients: num(t?.without_recipients),
      participantsBySource: [...sources.entries()].map(([source, v]) => ({ source, ...v })),
      programsWithSplitTotals: groups.reduce((n, g) => n + num(g.split), 0),
      regions: regions.map((r) => ({ region: r.region, programs: num(r.programs), countries: num(r.countries) })),
      regionParticipants: regionPeople.map((r) => ({ region: r.region, participants: num(r.participants) })),
      recipientPrograms: recipients.map((r) => ({ country: r.country, programs: num(r.programs) })),
      recipientParticipants: recipients.map((r) => ({ country: r.country, participants: num(r.participants) })),
      groups: groups.map((g) => ({
        modality: g.modality,
        flagshipArea: g.flagship_area,
        cooperationType: g.cooperation_type,
        programs: num(g.programs),
        participants: num(g.participants),
      })),
      partners: partners.map((p) => ({ org: p.code, acronym: p.acronym, nameEn: p.name_en, nameId: p.name_id, programs: num(p.programs) })),
      spending: spending.map((s) => s.group),
      groupings: groupFigures,
    };
  }

  async years(stages?: readonly LifecycleStage[]): Promise<YearAggregates[]> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const [programs, countries, spending] = await Promise.all([
      this.rows<{ year: number; programs: unknown; participants: unknown }>(sql`
        select year, count(*) as programs, sum(participants_total) as participants from activity_facts where year is not null${f} group by year`),
      this.rows<{ year: number; countries: unknown }>(sql`
        select year, count(distinct country_code) as countries from activity_country_facts
        where year is not null${f} and country_code is not null group by year`),
      spendingGroups(this.db, sql`a.year is not null${stageFilter(sql`a.lifecycle_stage`, stages)}`, sql`a.year`),
    ]);
    const byYear = new Map<number, YearAggregates>();
    const row = (year: unknown) => {
      const y = num(year);
      const existing = byYear.get(y) ?? { year: y, programs: 0, countries: 0, participants: 0, spending: [] as SpendingGroup[] };
      byYear.set(y, existing);
      return existing;
    };
    for (const p of programs) Object.assign(row(p.year), { programs: num(p.programs), participants: num(p.participants) });
    for (const c of countries) Object.assign(row(c.year), { countries: num(c.countries) });
    for (const s of spending) {
      const y = row(s.key);
      Object.assign(y, { spending: [...y.spending, s.group] });
    }
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

}

/**
 * Spent amounts grouped by currency and by the exchange rates in force on each transaction's
 * value date (latest rate on or before it): exact integer sums, converted by the domain. `key`
 * groups them further (by year, program, modality, …); `from` may join more tables to the
 * transactions `t` and programs `a`.
 */
export async function spendingGroups(
  db: Kysely<Database>,
  where: RawBuilder<unknown>,
  key: RawBuilder<unknown> = sql`null`,
  from: RawBuilder<unknown> = sql`transactions t join activities a on a.id = t.activity_id`,
): Promise<{ key: string | number | null; group: SpendingGroup }[]> {
  const { rows } = await sql<{
    key: string | number | null;
    currency: string;
    currency_rate: string | number | null;
    idr_rate: string | number | null;
    amount_minor: unknown;
    transactions: unknown;
    first_date: string;
    last_date: string;
  }>`
    select x.key, x.currency, x.currency_rate, x.idr_rate,
      sum(x.amount_minor) as amount_minor, count(*) as transactions, min(x.day) as first_date, max(x.day) as last_date
    from (
      select ${key} as key, t.currency, t.amount_minor, coalesce(t.value_date, t.transaction_date) as day,
        ${rateOn(sql`t.currency`, sql`coalesce(t.value_date, t.transaction_date)`)} as currency_rate,
        ${rateOn(sql`'IDR'`, sql`coalesce(t.value_date, t.transaction_date)`)} as idr_rate
      from ${from}
      where ${where} and t.type in ${SPENT_TYPES}
    ) x
    group by x.key, x.currency, x.currency_rate, x.idr_rate`.execute(db);
  return rows.map((r) => ({ key: r.key, group: spendingGroupOf(r) }));
}
