/**
 * Aggregates behind the analytics (trends, concentration, priorities) and the country and
 * partner profiles. Every figure is a GROUP BY over the report facts (activity_facts and
 * activity_country_facts, kept on every write) or the program rows; money goes through
 * spendingGroups (dated exchange rates), and is converted by the domain.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { COUNTED_STATUSES } from '../domain/participant/journey.js';
import type { LifecycleStage } from '../domain/codes.js';
import type {
  AnalyticsRepository,
  CountryFigure,
  CountryProfileRows,
  DimFigure,
  NetworkLinks,
  PartnerProfileRows,
  ProgramRef,
  ProgramYear,
  RegionFigure,
  YearFigure,
} from '../services/analytics.ports.js';
import type { SpendingGroup } from '../domain/report/summary.js';
import { rateOn, spendingFromCube, spendingGroups, stageFilter } from './report.repo.js';
import { num, numOrNull } from './sql-helpers.js';
import type { Database } from './schema.js';

type Stages = readonly LifecycleStage[] | undefined;

const programRefOf = (p: {
  id: number;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  year: unknown;
}): ProgramRef => ({
  id: p.id,
  identifier: p.identifier,
  titleEn: p.title_en,
  titleId: p.title_id,
  year: numOrNull(p.year),
});

export class AnalyticsRepo implements AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }

  /** Sums of one dimension of the cube per year and key (stage filter applied). */
  private async cube(dim: string, from: number, to: number, stages: Stages, keys?: readonly string[]) {
    const f = stageFilter(sql`stage`, stages);
    const only = keys ? (keys.length ? sql` and key in (${sql.join([...keys])})` : sql` and 1 = 0`) : sql``;
    const rows = await this.rows<{ year: unknown; key: string; programs: unknown; participants: unknown }>(sql`
      select year, key, sum(programs) as programs, sum(participants) as participants
      from analytics_cube where dim = ${dim} and year between ${from} and ${to}${f}${only}
      group by year, key`);
    return rows
      .map((r) => ({ year: num(r.year), key: r.key, programs: num(r.programs), participants: num(r.participants) }))
      .filter((r) => r.programs > 0 || r.participants > 0);
  }

  /** Distinct recipient countries with programs per year (optionally among some countries, or per region). */
  private async countryCounts(years: readonly number[], stages: Stages, members?: readonly string[], byRegion = false) {
    if (years.length === 0) return [];
    const f = stageFilter(sql`c.stage`, stages);
    const only = members ? (members.length ? sql` and c.key in (${sql.join([...members])})` : sql` and 1 = 0`) : sql``;
    const rows = await this.rows<{ year: unknown; region: string | null; countries: unknown }>(sql`
      select c.year, ${byRegion ? sql`k.region` : sql`null`} as region, count(distinct c.key) as countries
      from analytics_cube c ${byRegion ? sql`join countries k on k.iso2 = c.key` : sql``}
      where c.dim = 'country' and c.programs > 0 and c.year in (${sql.join([...years])})${f}${only}
      group by c.year${byRegion ? sql`, k.region` : sql``}`);
    return rows.map((r) => ({ year: num(r.year), region: r.region, countries: num(r.countries) }));
  }

  async programYears(stages: Stages): Promise<ProgramYear[]> {
    // The cube's 'all' rows (a few per year, by the dim-year index), latest year first.
    return (await this.cube('all', 1900, 2200, stages))
      .filter((r) => r.programs > 0)
      .map((r) => ({ year: r.year, programs: r.programs }))
      .sort((a, b) => b.year - a.year);
  }

  async yearTotals(from: number, to: number, stages: Stages): Promise<YearFigure[]> {
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const [totals, countries] = await Promise.all([this.cube('all', from, to, stages), this.countryCounts(years, stages)]);
    const countriesOf = new Map(countries.map((c) => [c.year, c.countries]));
    return totals.map((t) => ({
      year: t.year,
      programs: t.programs,
      participants: t.participants,
      countries: countriesOf.get(t.year) ?? 0,
    }));
  }

  async subjectFigures(
    subject: { dim: string; key: string },
    sets: readonly { years: readonly number[]; members: readonly string[] }[],
    stages: Stages,
  ): Promise<YearFigure[]> {
    const years = sets.flatMap((s) => s.years);
    if (years.length === 0) return [];
    const [figures, ...counts] = await Promise.all([
      this.cube(subject.dim, Math.min(...years), Math.max(...years), stages, [subject.key]),
      ...sets.map((s) => this.countryCounts(s.years, stages, s.members)),
    ]);
    const countriesOf = new Map(counts.flat().map((c) => [c.year, c.countries]));
    const wanted = new Set(years);
    return figures
      .filter((r) => wanted.has(r.year))
      .map((r) => ({ year: r.year, programs: r.programs, participants: r.participants, countries: countriesOf.get(r.year) ?? 0 }));
  }

  async countryFigures(from: number, to: number, stages: Stages, countries?: readonly string[]): Promise<CountryFigure[]> {
    return (await this.cube('country', from, to, stages, countries)).map((r) => ({
      year: r.year,
      country: r.key,
      programs: r.programs,
      participants: r.participants,
    }));
  }

  async regionFigures(from: number, to: number, stages: Stages): Promise<RegionFigure[]> {
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const [figures, counts] = await Promise.all([
      this.cube('region', from, to, stages),
      this.countryCounts(years, stages, undefined, true),
    ]);
    const countriesOf = new Map(counts.map((c) => [`${c.year}|${c.region ?? ''}`, c.countries]));
    return figures.map((r) => ({
      year: r.year,
      region: r.key === '' ? null : r.key,
      programs: r.programs,
      participants: r.participants,
      countries: countriesOf.get(`${r.year}|${r.key}`) ?? 0,
    }));
  }

  async dimFigures(dim: 'modality' | 'area' | 'coop', from: number, to: number, stages: Stages): Promise<DimFigure[]> {
    return (await this.cube(dim, from, to, stages)).map((r) => ({
      year: r.year,
      code: r.key === '' ? null : r.key,
      programs: r.programs,
      participants: r.participants,
    }));
  }

  async spendingByYear(
    from: number,
    to: number,
    stages: Stages,
    by: 'total' | 'modality' | 'flagship',
  ): Promise<{ year: number; key: string | null; group: SpendingGroup }[]> {
    return spendingFromCube(this.db, by === 'modality' ? 'modality' : by === 'flagship' ? 'area' : 'all', from, to, stages);
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
        where p.country_code = ${iso2} and p.status in (${sql.join([...COUNTED_STATUSES])})${f} group by p.activity_id, p.sex`),
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
        ...programRefOf(p),
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
      partners: partners.map((p) => ({
        code: p.code,
        acronym: p.acronym,
        nameEn: p.name_en,
        nameId: p.name_id,
        role: p.ssc_role,
        programs: num(p.programs),
      })),
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
        ${rateOn(sql`x.currency`, sql`x.day`)} as currency_rate, ${rateOn(sql`'IDR'`, sql`x.day`)} as idr_rate
      from (
        select a.id, a.identifier, a.title_en, a.title_id, a.year, a.cooperation_type, a.lifecycle_stage,
          p.ssc_role, p.contribution_minor, p.currency, p.in_kind, coalesce(a.actual_start, a.planned_start) as day
        from activity_partners p join activities a on a.id = p.activity_id
        where p.org_id = ${orgId}${f}
      ) x
      order by x.year desc, x.id desc`);
    const ids = [...new Set(programs.map((p) => p.id))];
    const recipients = ids.length
      ? await this.db
          .selectFrom('activity_recipients')
          .select(['activity_id', 'country_code'])
          .where('activity_id', 'in', ids)
          .orderBy('activity_id')
          .orderBy('sort_order')
          .execute()
      : [];
    return {
      programs: programs.map((p) => ({
        ...programRefOf(p),
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
