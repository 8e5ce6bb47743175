/**
 * Aggregates behind the analytics (trends, concentration, priorities) and the country and
 * partner profiles. Every figure is a GROUP BY over the report facts (activity_facts and
 * activity_country_facts, kept on every write) or the program rows; money goes through
 * spendingGroups (dated exchange rates), and is converted by the domain.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LifecycleStage } from '../domain/codes.js';
import type {
  AnalyticsRepository,
  CodeFigure,
  CountryFigure,
  CountryProfileRows,
  NetworkLinks,
  PartnerProfileRows,
  RegionFigure,
  YearFigure,
} from '../services/ports.js';
import type { SpendingGroup } from '../domain/report/summary.js';
import { spendingGroups, stageFilter } from './report.repo.js';
import { num, numOrNull } from './sql-helpers.js';
import type { Database } from './schema.js';

type Stages = readonly LifecycleStage[] | undefined;

export class AnalyticsRepo implements AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }

  async yearTotals(from: number, to: number, stages: Stages): Promise<YearFigure[]> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const [programs, countries] = await Promise.all([
      this.rows<{ year: unknown; programs: unknown; participants: unknown }>(sql`
        select year, count(*) as programs, sum(participants_total) as participants
        from activity_facts where year between ${from} and ${to}${f} group by year`),
      this.rows<{ year: unknown; countries: unknown }>(sql`
        select year, count(distinct country_code) as countries from activity_country_facts
        where year between ${from} and ${to}${f} and country_code is not null group by year`),
    ]);
    const countriesOf = new Map(countries.map((c) => [num(c.year), num(c.countries)]));
    return programs.map((p) => ({ year: num(p.year), programs: num(p.programs), participants: num(p.participants), countries: countriesOf.get(num(p.year)) ?? 0 }));
  }

  async subjectFigures(sets: readonly { years: readonly number[]; members: readonly string[] }[], stages: Stages): Promise<YearFigure[]> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const results = await Promise.all(
      sets
        .filter((s) => s.years.length > 0 && s.members.length > 0)
        .map((s) =>
          this.rows<{ year: unknown; programs: unknown; countries: unknown; participants: unknown }>(sql`
            select year, count(distinct activity_id) as programs, count(distinct country_code) as countries, coalesce(sum(participants), 0) as participants
            from activity_country_facts
            where year in (${sql.join([...s.years])})${f} and country_code in (${sql.join([...s.members])})
            group by year`),
        ),
    );
    return results.flat().map((r) => ({ year: num(r.year), programs: num(r.programs), countries: num(r.countries), participants: num(r.participants) }));
  }

  async countryFigures(from: number, to: number, stages: Stages, countries?: readonly string[]): Promise<CountryFigure[]> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const only = countries ? (countries.length ? sql` and country_code in (${sql.join([...countries])})` : sql` and 1 = 0`) : sql``;
    const rows = await this.rows<{ year: unknown; country: string; programs: unknown; participants: unknown }>(sql`
      select year, country_code as country, count(*) as programs, sum(participants) as participants
      from activity_country_facts where year between ${from} and ${to}${f} and country_code is not null${only}
      group by year, country_code`);
    return rows.map((r) => ({ year: num(r.year), country: r.country, programs: num(r.programs), participants: num(r.participants) }));
  }

  async regionFigures(from: number, to: number, stages: Stages): Promise<RegionFigure[]> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const rows = await this.rows<{ year: unknown; region: string | null; programs: unknown; countries: unknown; participants: unknown }>(sql`
      select year, region, count(distinct activity_id) as programs, count(distinct country_code) as countries, sum(participants) as participants
      from activity_country_facts where year between ${from} and ${to}${f} and country_code is not null
      group by year, region`);
    return rows.map((r) => ({ year: num(r.year), region: r.region, programs: num(r.programs), countries: num(r.countries), participants: num(r.participants) }));
  }

  async codeFigures(from: number, to: number, stages: Stages): Promise<CodeFigure[]> {
    const f = stageFilter(sql`lifecycle_stage`, stages);
    const rows = await this.rows<{ year: unknown; modality: string | null; flagship_area: string | null; cooperation_type: string; programs: unknown; participants: unknown }>(sql`
      select year, modality, flagship_area, cooperation_type, count(*) as programs, sum(participants_total) as participants
      from activity_facts where year between ${from} and ${to}${f}
      group by year, modality, flagship_area, cooperation_type`);
    return rows.map((r) => ({
      year: num(r.year),
      modality: r.modality,
      flagshipArea: r.flagship_area,
      cooperationType: r.cooperation_type,
      programs: num(r.programs),
      participants: num(r.participants),
    }));
  }

  async spendingByYear(from: number, to: number, stages: Stages, by: 'total' | 'modality' | 'flagship'): Promise<{ year: number; key: string | null; group: SpendingGroup }[]> {
    const where = sql`a.year between ${from} and ${to}${stageFilter(sql`a.lifecycle_stage`, stages)}`;
    const column = by === 'modality' ? sql`a.modality` : by === 'flagship' ? sql`a.flagship_area` : sql`''`;
    // One text key "year|code" groups by both on either engine.
    const rows = await spendingGroups(this.db, where, sql`cast(a.year as text) || '|' || coalesce(${column}, '')`);
    return rows.map((r) => {
      const [year, code] = String(r.key).split('|');
      return { year: Number(year), key: code ? code : null, group: r.group };
    });
  }

  async countryProfile(iso2: string, stages: Stages): Promise<CountryProfileRows> {
    const f = stageFilter(sql`a.lifecycle_stage`, stages);
    const [programs, sexes, partners, spending] = await Promise.all([
      this.rows<{
        id: number;
        identifier: string;
        title_en: string | null;
        title_id: string | null;
        year: unknown;
        modality: string | null;
        flagship_area: string | null;
        cooperation_type: string;
        lifecycle_stage: string;
        implementing: string | null;
        participants: unknown;
        source: string | null;
        recipient_count: unknown;
        percentage: unknown;
      }>(sql`
        select a.id, a.identifier, a.title_en, a.title_id, a.year, a.modality, a.flagship_area, a.cooperation_type, a.lifecycle_stage,
          o.code as implementing, c.participants, c.source, af.recipient_count, r.percentage
        from activity_country_facts c
        join activities a on a.id = c.activity_id
        join activity_facts af on af.activity_id = a.id
        join activity_recipients r on r.activity_id = a.id and r.country_code = c.country_code
        left join organisations o on o.id = a.implementing_org_id
        where c.country_code = ${iso2}${f}
        order by a.year desc, a.id desc`),
      this.rows<{ activity_id: number; sex: string; n: unknown }>(sql`
        select p.activity_id, p.sex, count(*) as n from participants p join activities a on a.id = p.activity_id
        where p.country_code = ${iso2}${f} group by p.activity_id, p.sex`),
      this.rows<{ code: string; acronym: string | null; name_en: string; name_id: string | null; ssc_role: string; programs: unknown }>(sql`
        select o.code, o.acronym, o.name_en, o.name_id, p.ssc_role, count(distinct a.id) as programs
        from activity_partners p
        join activities a on a.id = p.activity_id
        join organisations o on o.id = p.org_id
        join activity_recipients r on r.activity_id = a.id and r.country_code = ${iso2}
        where 1 = 1${f}
        group by o.code, o.acronym, o.name_en, o.name_id, p.ssc_role`),
      spendingGroups(
        this.db,
        sql`r.country_code = ${iso2}${f}`,
        sql`a.id`,
        sql`transactions t join activities a on a.id = t.activity_id join activity_recipients r on r.activity_id = a.id`,
      ),
    ]);
    return {
      programs: programs.map((p) => ({
        id: p.id,
        identifier: p.identifier,
        titleEn: p.title_en,
        titleId: p.title_id,
        year: numOrNull(p.year),
        modality: p.modality,
        flagshipArea: p.flagship_area,
        cooperationType: p.cooperation_type,
        stage: p.lifecycle_stage,
        implementingOrg: p.implementing,
        participants: num(p.participants),
        participantsSource: p.source,
        recipientCount: num(p.recipient_count),
        percentage: numOrNull(p.percentage),
      })),
      sexes: sexes.map((s) => ({ activityId: s.activity_id, sex: s.sex, count: num(s.n) })),
      partners: partners.map((p) => ({ code: p.code, acronym: p.acronym, nameEn: p.name_en, nameId: p.name_id, role: p.ssc_role, programs: num(p.programs) })),
      spending: spending.map((s) => ({ activityId: num(s.key), group: s.group })),
    };
  }

  async partnerProfile(orgId: number, stages: Stages): Promise<PartnerProfileRows> {
    const f = stageFilter(sql`a.lifecycle_stage`, stages);
    const programs = await this.rows<{
      id: number;
      identifier: string;
      title_en: string | null;
      title_id: string | null;
      year: unknown;
      cooperation_type: string;
      lifecycle_stage: string;
      ssc_role: string;
      contribution_minor: unknown;
      currency: string | null;
      in_kind: unknown;
      day: string | null;
      currency_rate: unknown;
      idr_rate: unknown;
    }>(sql`
      select x.*,
        (select r.units_per_usd from exchange_rates r where r.currency = x.currency and r.rate_date <= x.day order by r.rate_date desc limit 1) as currency_rate,
        (select r.units_per_usd from exchange_rates r where r.currency = 'IDR' and r.rate_date <= x.day order by r.rate_date desc limit 1) as idr_rate
      from (
        select a.id, a.identifier, a.title_en, a.title_id, a.year, a.cooperation_type, a.lifecycle_stage,
          p.ssc_role, p.contribution_minor, p.currency, p.in_kind, coalesce(a.actual_start, a.planned_start) as day
        from activity_partners p join activities a on a.id = p.activity_id
        where p.org_id = ${orgId}${f}
      ) x
      order by x.year desc, x.id desc`);
    const ids = [...new Set(programs.map((p) => p.id))];
    const recipients = ids.length
      ? await this.db.selectFrom('activity_recipients').select(['activity_id', 'country_code']).where('activity_id', 'in', ids).orderBy('activity_id').orderBy('sort_order').execute()
      : [];
    return {
      programs: programs.map((p) => ({
        id: p.id,
        identifier: p.identifier,
        titleEn: p.title_en,
        titleId: p.title_id,
        year: numOrNull(p.year),
        cooperationType: p.cooperation_type,
        stage: p.lifecycle_stage,
        role: p.ssc_role,
        contributionMinor: numOrNull(p.contribution_minor),
        currency: p.currency,
        inKind: num(p.in_kind) === 1,
        day: p.day,
        currencyRate: numOrNull(p.currency_rate),
        idrRate: numOrNull(p.idr_rate),
      })),
      recipients: recipients.map((r) => ({ activityId: r.activity_id, country: r.country_code })),
    };
  }

  async triangularNetwork(from: number, to: number, stages: Stages): Promise<NetworkLinks> {
    const f = stageFilter(sql`a.lifecycle_stage`, stages);
    const triangular = sql`a.cooperation_type = 'triangular' and a.year between ${from} and ${to}${f}`;
    const partnerJoin = sql`join activity_partners p on p.activity_id = a.id and p.ssc_role in ('second_provider', 'facilitator') join organisations o on o.id = p.org_id`;
    const [providers, recipients] = await Promise.all([
      this.rows<{ provider: string | null; partner: string; programs: unknown }>(sql`
        select io.code as provider, o.code as partner, count(distinct a.id) as programs
        from activities a ${partnerJoin} left join organisations io on io.id = a.implementing_org_id
        where ${triangular} group by io.code, o.code`),
      this.rows<{ partner: string; country: string; programs: unknown }>(sql`
        select o.code as partner, r.country_code as country, count(distinct a.id) as programs
        from activities a ${partnerJoin} join activity_recipients r on r.activity_id = a.id
        where ${triangular} group by o.code, r.country_code`),
    ]);
    return {
      providerPartner: providers.map((r) => ({ provider: r.provider, partner: r.partner, programs: num(r.programs) })),
      partnerCountry: recipients.map((r) => ({ partner: r.partner, country: r.country, programs: num(r.programs) })),
    };
  }
}
