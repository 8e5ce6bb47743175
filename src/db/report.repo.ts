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
import type { ReportRepository, YearAggregates } from '../services/reports.ports.js';
import { num, numOrNull } from './sql-helpers.js';
import type { Database, SpendingDim } from './schema.js';

/** Disbursements and expenditure (IATI TransactionType 3 and 4) count as spending. */
export const SPENT_TYPES = sql`('3', '4')`;

/** The latest rate of a currency on or before a day (units per US dollar), or null. */
export function rateOn(currency: RawBuilder<unknown>, day: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select r.units_per_usd from exchange_rates r where r.currency = ${currency} and r.rate_date <= ${day} order by r.rate_date desc limit 1)`;
}

/** A row of sums of spending in one currency, as the queries give it. */
interface SpendingSums {
  currency: string;
  currency_rate: unknown;
  idr_rate: unknown;
  amount_minor: unknown;
  transactions: unknown;
  first_date: string | null;
  last_date: string | null;
}

/** A spending group from a row of sums (PostgreSQL gives numerics as strings). */
export function spendingGroupOf(r: SpendingSums): SpendingGroup {
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
    const cf = stageFilter(sql`stage`, stages);
    // The per-country, per-region and per-grouping figures come from the summary tables
    // (analytics-cube.ts), the breakdowns and participant sources from the program facts.
    // SQLite serialises these on its one connection; PostgreSQL runs them in parallel.
    const [programs, cube, regionCountries, groups, partners, spending] = await Promise.all([
      this.rows<{ programs: unknown; without_recipients: unknown; participants: unknown }>(sql`
        select count(*) as programs, sum(case when recipient_count = 0 then 1 else 0 end) as without_recipients, sum(participants_total) as participants
        from activity_facts where year = ${year}${f}`),
      this.rows<{ dim: string; key: string; programs: unknown; participants: unknown }>(sql`
        select dim, key, sum(programs) as programs, sum(participants) as participants
        from analytics_cube where dim in ('region', 'country', 'group') and year = ${year}${cf}
        group by dim, key`),
      this.rows<{ region: string | null; countries: unknown }>(sql`
        select k.region, count(distinct c.key) as countries from analytics_cube c join countries k on k.iso2 = c.key
        where c.dim = 'country' and c.programs > 0 and c.year = ${year}${stageFilter(sql`c.stage`, stages)} group by k.region`),
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
        select o.code, o.acronym, o.name_en, o.name_id, x.programs from (
          select p.org_id, count(distinct p.activity_id) as programs
          from activity_facts a join activity_partners p on p.activity_id = a.activity_id
          where a.year = ${year}${af} and a.cooperation_type = 'triangular' and p.ssc_role in ('second_provider', 'facilitator')
          group by p.org_id
        ) x join organisations o on o.id = x.org_id`),
      spendingFromCube(this.db, 'all', year, year, stages),
    ]);
    const rowsOf = (dim: string) => cube.filter((c) => c.dim === dim && (num(c.programs) > 0 || num(c.participants) > 0));
    const countryRows = rowsOf('country').filter((c) => num(c.programs) > 0);
    const withPrograms = new Set(countryRows.map((c) => c.key));
    const regionRows = rowsOf('region');
    const inRegions = regionRows.reduce((n, r) => n + num(r.participants), 0);
    const totalParticipants = num(programs[0]?.participants);
    const groupFigures = groupings.map(({ group, members }) => {
      const row = rowsOf('group').find((g) => g.key === group);
      return {
        group,
        programs: num(row?.programs),
        countries: members.filter((m) => withPrograms.has(m)).length,
        participants: num(row?.participants),
      };
    });
    const regions = regionRows.map((r) => ({
      region: r.key === '' ? null : r.key,
      programs: num(r.programs),
      countries: num(regionCountries.find((c) => (c.region ?? '') === r.key)?.countries),
    }));
    const recipients = countryRows.map((r) => ({ country: r.key, programs: num(r.programs), participants: num(r.participants) }));
    const sources = new Map<string, { programs: number; participants: number }>();
    for (const g of groups) {
      if (!g.participants_source) continue;
      const s = sources.get(g.participants_source) ?? { programs: 0, participants: 0 };
      sources.set(g.participants_source, { programs: s.programs + num(g.programs), participants: s.participants + num(g.participants) });
    }
    const t = programs[0];
    return {
      programs: num(t?.programs),
      countries: withPrograms.size,
      programsWithoutRecipients: num(t?.without_recipients),
      participantsBySource: [...sources.entries()].map(([source, v]) => ({ source, ...v })),
      programsWithSplitTotals: groups.reduce((n, g) => n + num(g.split), 0),
      regions,
      // Participants without a recipient country (a recorded total of a program without one) are the rest.
      regionParticipants: [
        ...regions.map((r) => ({
          region: r.region,
          participants: num(regionRows.find((x) => (x.key === '' ? null : x.key) === r.region)?.participants),
        })),
        { region: null, participants: totalParticipants - inRegions },
      ],
      recipientPrograms: recipients.map((r) => ({ country: r.country, programs: r.programs })),
      recipientParticipants: recipients.map((r) => ({ country: r.country, participants: r.participants })),
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
    const f = stageFilter(sql`stage`, stages);
    // From the summary tables (analytics-cube.ts): a few rows per year.
    const [programs, countries, spending] = await Promise.all([
      this.rows<{ year: number; programs: unknown; participants: unknown }>(sql`
        select year, sum(programs) as programs, sum(participants) as participants from analytics_cube where dim = 'all'${f} group by year having sum(programs) > 0`),
      this.rows<{ year: number; countries: unknown }>(sql`
        select year, count(distinct key) as countries from analytics_cube where dim = 'country' and programs > 0${f} group by year`),
      spendingFromCube(this.db, 'all', 1900, 2200, stages),
    ]);
    const byYear = new Map<number, YearAggregates>();
    const row = (year: unknown) => {
      const y = num(year);
      const existing: YearAggregates = byYear.get(y) ?? { year: y, programs: 0, countries: 0, participants: 0, spending: [] };
      byYear.set(y, existing);
      return existing;
    };
    for (const p of programs) Object.assign(row(p.year), { programs: num(p.programs), participants: num(p.participants) });
    for (const c of countries) Object.assign(row(c.year), { countries: num(c.countries) });
    for (const s of spending) {
      const y = row(s.year);
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

/**
 * Spent amounts per year and key of one dimension (all, modality, area), grouped by currency and
 * by the values of the rates in force, as the annual summary groups transactions: the same
 * conversion to the cent, from a few hundred rows.
 */
export async function spendingFromCube(
  db: Kysely<Database>,
  dim: SpendingDim,
  from: number,
  to: number,
  stages: readonly LifecycleStage[] | undefined,
): Promise<{ year: number; key: string | null; group: SpendingGroup }[]> {
  const { rows } = await sql<SpendingSums & { year: unknown; key: string }>`
    select s.year, s.key, s.currency, cr.units_per_usd as currency_rate, ir.units_per_usd as idr_rate,
      sum(s.amount_minor) as amount_minor, sum(s.transactions) as transactions,
      min(case when s.missing_day <> '' then s.missing_day end) as first_date, max(case when s.missing_day <> '' then s.missing_day end) as last_date
    from spending_cube s
    left join exchange_rates cr on cr.currency = s.currency and cr.rate_date = s.currency_rate_date
    left join exchange_rates ir on ir.currency = 'IDR' and ir.rate_date = s.idr_rate_date
    where s.dim = ${dim} and s.year between ${from} and ${to}${stageFilter(sql`s.stage`, stages)}
    group by s.year, s.key, s.currency, cr.units_per_usd, ir.units_per_usd`.execute(db);
  return rows
    .filter((r) => num(r.transactions) !== 0)
    .map((r) => ({ year: num(r.year), key: r.key === '' ? null : r.key, group: spendingGroupOf(r) }));
}
