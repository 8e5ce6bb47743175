/**
 * SQL aggregates of the annual reports. Every figure is a GROUP BY over the year's programs;
 * nothing loads program rows into JavaScript. Participants come from activity_participant_counts
 * (kept on every write), money from transactions with the dated exchange rates.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SpendingGroup, SummaryAggregates } from '../domain/report/summary.js';
import type { ReportRepository, YearAggregates } from '../services/ports.js';
import { num, numOrNull } from './sql-helpers.js';
import type { Database } from './schema.js';

/** Disbursements and expenditure (IATI TransactionType 3 and 4) count as spending. */
const SPENT_TYPES = sql`('3', '4')`;

export class ReportRepo implements ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }

  async summary(year: number): Promise<SummaryAggregates> {
    const [totals, sources, split, regions, regionPeople, recipients, recipientPeople, groups, partners, spending] = await Promise.all([
      this.rows<{ programs: unknown; countries: unknown; without_recipients: unknown }>(sql`
        select count(*) as programs,
          (select count(distinct r.country_code) from activity_recipients r join activities a2 on a2.id = r.activity_id where a2.year = ${year}) as countries,
          sum(case when not exists (select 1 from activity_recipients r where r.activity_id = a.id) then 1 else 0 end) as without_recipients
        from activities a where a.year = ${year}`),
      this.rows<{ source: string; programs: unknown; participants: unknown }>(sql`
        select p.source, count(distinct p.activity_id) as programs, sum(p.participants) as participants
        from activity_participant_counts p join activities a on a.id = p.activity_id
        where a.year = ${year} group by p.source`),
      this.rows<{ n: unknown }>(sql`
        select count(*) as n from (
          select p.activity_id from activity_participant_counts p join activities a on a.id = p.activity_id
          where a.year = ${year} and p.source = 'totals' group by p.activity_id having count(*) > 1) x`),
      this.rows<{ region: string | null; programs: unknown; countries: unknown }>(sql`
        select c.region, count(distinct r.activity_id) as programs, count(distinct r.country_code) as countries
        from activity_recipients r join activities a on a.id = r.activity_id join countries c on c.iso2 = r.country_code
        where a.year = ${year} group by c.region`),
      this.rows<{ region: string | null; participants: unknown }>(sql`
        select c.region, sum(p.participants) as participants
        from activity_participant_counts p join activities a on a.id = p.activity_id
        left join countries c on c.iso2 = p.country_code
        where a.year = ${year} group by c.region`),
      this.rows<{ country: string; programs: unknown }>(sql`
        select r.country_code as country, count(*) as programs
        from activity_recipients r join activities a on a.id = r.activity_id
        where a.year = ${year} group by r.country_code`),
      this.rows<{ country: string | null; participants: unknown }>(sql`
        select p.country_code as country, sum(p.participants) as participants
        from activity_participant_counts p join activities a on a.id = p.activity_id
        where a.year = ${year} group by p.country_code`),
      this.rows<{ modality: string | null; flagship_area: string | null; cooperation_type: string; programs: unknown; participants: unknown }>(sql`
        select a.modality, a.flagship_area, a.cooperation_type, count(*) as programs, coalesce(sum(pc.n), 0) as participants
        from activities a
        left join (
          select p.activity_id, sum(p.participants) as n
          from activity_participant_counts p join activities a2 on a2.id = p.activity_id
          where a2.year = ${year} group by p.activity_id
        ) pc on pc.activity_id = a.id
        where a.year = ${year} group by a.modality, a.flagship_area, a.cooperation_type`),
      this.rows<{ code: string; acronym: string | null; name_en: string; name_id: string | null; programs: unknown }>(sql`
        select o.code, o.acronym, o.name_en, o.name_id, count(distinct a.id) as programs
        from activity_partners p join activities a on a.id = p.activity_id join organisations o on o.id = p.org_id
        where a.year = ${year} and a.cooperation_type = 'triangular' and p.ssc_role in ('second_provider', 'facilitator')
        group by o.code, o.acronym, o.name_en, o.name_id`),
      this.spending(sql`a.year = ${year}`),
    ]);
    const t = totals[0];
    return {
      programs: num(t?.programs),
      countries: num(t?.countries),
      programsWithoutRecipients: num(t?.without_recipients),
      participantsBySource: sources.map((s) => ({ source: s.source, programs: num(s.programs), participants: num(s.participants) })),
      programsWithSplitTotals: num(split[0]?.n),
      regions: regions.map((r) => ({ region: r.region, programs: num(r.programs), countries: num(r.countries) })),
      regionParticipants: regionPeople.map((r) => ({ region: r.region, participants: num(r.participants) })),
      recipientPrograms: recipients.map((r) => ({ country: r.country, programs: num(r.programs) })),
      recipientParticipants: recipientPeople.map((r) => ({ country: r.country, participants: num(r.participants) })),
      groups: groups.map((g) => ({
        modality: g.modality,
        flagshipArea: g.flagship_area,
        cooperationType: g.cooperation_type,
        programs: num(g.programs),
        participants: num(g.participants),
      })),
      partners: partners.map((p) => ({ org: p.code, acronym: p.acronym, nameEn: p.name_en, nameId: p.name_id, programs: num(p.programs) })),
      spending: spending.map((s) => s.group),
    };
  }

  async years(): Promise<YearAggregates[]> {
    const [programs, countries, people, spending] = await Promise.all([
      this.rows<{ year: number; programs: unknown }>(sql`
        select a.year, count(*) as programs from activities a where a.year is not null group by a.year`),
      this.rows<{ year: number; countries: unknown }>(sql`
        select a.year, count(distinct r.country_code) as countries
        from activity_recipients r join activities a on a.id = r.activity_id where a.year is not null group by a.year`),
      this.rows<{ year: number; participants: unknown }>(sql`
        select a.year, sum(p.participants) as participants
        from activity_participant_counts p join activities a on a.id = p.activity_id where a.year is not null group by a.year`),
      this.spending(sql`a.year is not null`, true),
    ]);
    const byYear = new Map<number, YearAggregates>();
    const row = (year: number) => {
      const y = Number(year);
      const existing = byYear.get(y) ?? { year: y, programs: 0, countries: 0, participants: 0, spending: [] as SpendingGroup[] };
      byYear.set(y, existing);
      return existing;
    };
    for (const p of programs) Object.assign(row(p.year), { programs: num(p.programs) });
    for (const c of countries) Object.assign(row(c.year), { countries: num(c.countries) });
    for (const p of people) Object.assign(row(p.year), { participants: num(p.participants) });
    for (const s of spending) {
      const y = row(num(s.year));
      Object.assign(y, { spending: [...y.spending, s.group] });
    }
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  /**
   * Spent amounts grouped by currency and by the exchange rates in force on each transaction's
   * value date (latest rate on or before it): exact integer sums, converted by the domain.
   */
  private async spending(where: RawBuilder<unknown>, byYear = false): Promise<{ year: number | null; group: SpendingGroup }[]> {
    const rows = await this.rows<{
      year: number | null;
      currency: string;
      currency_rate: string | number | null;
      idr_rate: string | number | null;
      amount_minor: unknown;
      transactions: unknown;
      first_date: string;
      last_date: string;
    }>(sql`
      select ${byYear ? sql`x.year` : sql`null`} as year, x.currency, x.currency_rate, x.idr_rate,
        sum(x.amount_minor) as amount_minor, count(*) as transactions, min(x.day) as first_date, max(x.day) as last_date
      from (
        select a.year, t.currency, t.amount_minor, coalesce(t.value_date, t.transaction_date) as day,
          (select r.units_per_usd from exchange_rates r
            where r.currency = t.currency and r.rate_date <= coalesce(t.value_date, t.transaction_date)
            order by r.rate_date desc limit 1) as currency_rate,
          (select r.units_per_usd from exchange_rates r
            where r.currency = 'IDR' and r.rate_date <= coalesce(t.value_date, t.transaction_date)
            order by r.rate_date desc limit 1) as idr_rate
        from transactions t join activities a on a.id = t.activity_id
        where ${where} and t.type in ${SPENT_TYPES}
      ) x
      group by ${byYear ? sql`x.year, ` : sql``}x.currency, x.currency_rate, x.idr_rate`);
    return rows.map((r) => ({
      year: r.year,
      group: {
        currency: r.currency,
        currencyRate: numOrNull(r.currency_rate),
        idrRate: numOrNull(r.idr_rate),
        amountMinor: num(r.amount_minor),
        transactions: num(r.transactions),
        firstDate: r.first_date,
        lastDate: r.last_date,
      },
    }));
  }
}
