/**
 * Partner organisations (docs/partnerships.md): their profile and contacts, their programs and
 * yearly counts, and the timeline of a partner or a country (engagements, agreements and programs
 * on one axis).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { LifecycleStage, OrganisationKind } from '../domain/codes.js';
import type { PartnerContact, PartnerProfile, PartnerSummary, TimelineEntry } from '../domain/partnership/partnership.js';
import type { PartnerListQuery } from '../domain/partnership/partnership.schema.js';
import type { PartnerRepository, PartnershipView, TimelineScope } from '../services/partners.ports.js';
import { allOf, likePattern, num } from './sql-helpers.js';
import type { Database } from './schema.js';

interface PartnerRow {
  code: string;
  name_en: string;
  name_id: string | null;
  acronym: string | null;
  kind: OrganisationKind;
  country_code: string | null;
  programs: unknown;
  triangular: unknown;
  in_range: unknown;
  agreements: unknown;
  engagements: unknown;
  last_engagement: string | null;
}

function toSummary(r: PartnerRow): PartnerSummary {
  return {
    code: r.code,
    nameEn: r.name_en,
    nameId: r.name_id,
    acronym: r.acronym,
    kind: r.kind,
    country: r.country_code,
    programs: num(r.programs),
    triangular: num(r.triangular),
    triangularInRange: num(r.in_range),
    agreements: num(r.agreements),
    engagements: num(r.engagements),
    lastEngagement: r.last_engagement,
  };
}

export class PartnerRepo implements PartnerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async contacts(orgId: number): Promise<PartnerContact[]> {
    const rows = await this.db.selectFrom('partner_contacts').selectAll().where('org_id', '=', orgId).orderBy('sort_order').execute();
    return rows.map((r) => ({ name: r.name, position: r.position, email: r.email, phone: r.phone }));
  }

  async replaceContacts(orgId: number, contacts: readonly PartnerContact[]): Promise<void> {
    await this.db.deleteFrom('partner_contacts').where('org_id', '=', orgId).execute();
    if (contacts.length) {
      await this.db
        .insertInto('partner_contacts')
        .values(
          contacts.map((c, i) => ({ org_id: orgId, name: c.name, position: c.position, email: c.email, phone: c.phone, sort_order: i })),
        )
        .execute();
    }
  }

  async profile(orgId: number): Promise<PartnerProfile> {
    const row = await this.db.selectFrom('organisations').select(['website', 'notes']).where('id', '=', orgId).executeTakeFirst();
    return { website: row?.website ?? null, notes: row?.notes ?? null };
  }

  async setProfile(orgId: number, profile: PartnerProfile, now: string): Promise<void> {
    await this.db
      .updateTable('organisations')
      .set({ website: profile.website, notes: profile.notes, updated_at: now })
      .where('id', '=', orgId)
      .execute();
  }

  /**
   * Partner organisations (kinds partner and multilateral, and any organisation in a program as
   * second provider or facilitator, or party to an agreement, or counterpart of an engagement),
   * with their counts. Programs count in the published stages, as the reports count them; the
   * agreements in the statuses given (all when null), engagements only when they are shown.
   */
  async list(
    query: PartnerListQuery,
    stages: readonly LifecycleStage[],
    view: Pick<PartnershipView, 'agreementStatuses' | 'engagements'>,
  ): Promise<PartnerSummary[]> {
    const since = query.since ?? 0;
    const upTo = query.upTo ?? 9999;
    const c: RawBuilder<SqlBool>[] = [];
    if (query.country) c.push(sql<SqlBool>`o.country_code = ${query.country}`);
    if (query.q) {
      const pattern = likePattern(query.q);
      c.push(
        sql<SqlBool>`(lower(o.code) like ${pattern} escape '\\' or lower(o.name_en) like ${pattern} escape '\\' or lower(coalesce(o.name_id, '')) like ${pattern} escape '\\' or lower(coalesce(o.acronym, '')) like ${pattern} escape '\\')`,
      );
    }
    const agreementShown = view.agreementStatuses
      ? sql`and exists (select 1 from agreements g where g.id = gp.agreement_id and g.status in (${sql.join([...view.agreementStatuses])}))`
      : sql``;
    const involved = sql<SqlBool>`(o.kind in ('partner', 'multilateral')
      or exists (select 1 from activity_partners ap where ap.org_id = o.id and ap.ssc_role in ('second_provider', 'facilitator'))
      or exists (select 1 from agreement_parties gp where gp.org_id = o.id ${agreementShown})
      ${view.engagements ? sql`or exists (select 1 from engagements e where e.partner_org_id = o.id)` : sql``})`;
    if (!query.all) c.push(involved);
    const { rows } = await sql<PartnerRow>`
      with pa as (
        select distinct ap.org_id, a.id, a.cooperation_type, a.year
        from activity_partners ap join activities a on a.id = ap.activity_id
        where ap.ssc_role <> 'recipient' and a.lifecycle_stage in (${sql.join([...stages])})
      ),
      counts as (
        select org_id, count(*) as programs,
          sum(case when cooperation_type = 'triangular' then 1 else 0 end) as triangular,
          sum(case when cooperation_type = 'triangular' and year between ${since} and ${upTo} then 1 else 0 end) as in_range
        from pa group by org_id
      )
      select o.code, o.name_en, o.name_id, o.acronym, o.kind, o.country_code,
        coalesce(c.programs, 0) as programs, coalesce(c.triangular, 0) as triangular, coalesce(c.in_range, 0) as in_range,
        (select count(distinct gp.agreement_id) from agreement_parties gp where gp.org_id = o.id ${agreementShown}) as agreements,
        (select count(*) from engagements e where e.partner_org_id = o.id) as engagements,
        (select max(e.starts_on) from engagements e where e.partner_org_id = o.id) as last_engagement
      from organisations o left join counts c on c.org_id = o.id
      where ${allOf(c)}
      order by coalesce(c.triangular, 0) desc, lower(o.name_en), o.code`.execute(this.db);
    return rows.map(toSummary);
  }

  async triangularTotal(since: number, upTo: number, stages: readonly LifecycleStage[]): Promise<number> {
    const row = await this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('cooperation_type', '=', 'triangular')
      .where('lifecycle_stage', 'in', [...stages])
      .where('year', '>=', since)
      .where('year', '<=', upTo)
      .executeTakeFirst();
    return num(row?.n);
  }

  /**
   * Engagements, agreements and programs of a partner organisation or of a country, on one axis.
   * A partner's programs are those it takes part in and those that came of its engagements. A
   * country's are those held there or with its organisations, its agreements as a party (or its
   * organisations'), and the programs it received or its organisations took part in.
   */
  async timeline(scope: TimelineScope, view: PartnershipView): Promise<TimelineEntry[]> {
    const byOrg = 'orgId' in scope;
    const engagementWhere = byOrg
      ? sql`e.partner_org_id = ${scope.orgId}`
      : sql`(e.country_code = ${scope.country} or po.country_code = ${scope.country} or exists (select 1 from engagement_items i where i.engagement_id = e.id and i.country_code = ${scope.country}))`;
    const agreementWhere = byOrg
      ? sql`exists (select 1 from agreement_parties gp where gp.agreement_id = g.id and gp.org_id = ${scope.orgId})`
      : sql`exists (select 1 from agreement_parties gp left join organisations go on go.id = gp.org_id where gp.agreement_id = g.id and (gp.country_code = ${scope.country} or go.country_code = ${scope.country}))`;
    // The programs' ids first (from the indexes on partners and recipients), then their rows.
    const programWhere = byOrg
      ? sql`a.id in (select ap.activity_id from activity_partners ap where ap.org_id = ${scope.orgId}
          union select i.activity_id from engagement_items i join engagements e on e.id = i.engagement_id where e.partner_org_id = ${scope.orgId} and i.activity_id is not null)`
      : sql`a.id in (select r.activity_id from activity_recipients r where r.country_code = ${scope.country}
          union select ap.activity_id from activity_partners ap join organisations ao on ao.id = ap.org_id where ao.country_code = ${scope.country})`;
    const statusFilter = view.agreementStatuses ? sql`and g.status in (${sql.join([...view.agreementStatuses])})` : sql``;
    const stageFilter = view.stages ? sql`and a.lifecycle_stage in (${sql.join([...view.stages])})` : sql``;
    const [engagements, agreements, programs] = await Promise.all([
      view.engagements
        ? sql<{
            id: number;
            reference: string;
            title: string;
            title_id: string | null;
            starts_on: string;
            kind: string;
            partner: string | null;
            country_code: string | null;
          }>`
            select e.id, e.reference, e.title, e.title_id, e.starts_on, e.kind, po.code as partner, e.country_code
            from engagements e left join organisations po on po.id = e.partner_org_id where ${engagementWhere}`.execute(this.db)
        : Promise.resolve({ rows: [] }),
      sql<{ id: number; reference: string; title_en: string; title_id: string | null; day: string; status: string }>`
        select g.id, g.reference, g.title_en, g.title_id, coalesce(g.signed_on, g.valid_from, substr(g.created_at, 1, 10)) as day, g.status
        from agreements g where ${agreementWhere} ${statusFilter}`.execute(this.db),
      sql<{
        id: number;
        identifier: string;
        title_en: string | null;
        title_id: string | null;
        day: string | null;
        year: unknown;
        lifecycle_stage: string;
        from_engagement: string | null;
      }>`
        select a.id, a.identifier, a.title_en, a.title_id, coalesce(a.actual_start, a.planned_start, substr(a.created_at, 1, 10)) as day, a.year, a.lifecycle_stage,
          ${view.engagements ? sql`fe.reference` : sql`null`} as from_engagement
        from activities a
        -- Computed once, not per program: a correlated subquery here made SQLite scan every
        -- engagement for each program once its statistics said most items have no program.
        left join (select i.activity_id, min(e.reference) as reference from engagement_items i join engagements e on e.id = i.engagement_id
          where i.activity_id is not null group by i.activity_id) fe on fe.activity_id = a.id
        where ${programWhere} ${stageFilter}`.execute(this.db),
    ]);
    const country = byOrg ? null : scope.country;
    return [
      ...engagements.rows.map((e) => ({
        date: e.starts_on,
        kind: 'engagement' as const,
        id: e.id,
        reference: e.reference,
        title: e.title,
        titleId: e.title_id,
        status: e.kind,
        partner: e.partner,
        country: e.country_code,
        fromEngagement: null,
      })),
      ...agreements.rows.map((g) => ({
        date: g.day,
        kind: 'agreement' as const,
        id: g.id,
        reference: g.reference,
        title: g.title_en,
        titleId: g.title_id,
        status: g.status,
        partner: null,
        country,
        fromEngagement: null,
      })),
      ...programs.rows.map((a) => ({
        date: a.day ?? `${num(a.year)}-01-01`,
        kind: 'program' as const,
        id: a.id,
        reference: a.identifier,
        title: a.title_en ?? a.title_id ?? a.identifier,
        titleId: a.title_id,
        status: a.lifecycle_stage,
        partner: null,
        country,
        fromEngagement: a.from_engagement,
      })),
    ];
  }
}
