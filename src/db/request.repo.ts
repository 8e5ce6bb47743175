/**
 * Partner governments' requests, and the candidates for matching them (domain/request/matching.ts).
 * The candidates are aggregated in SQL from the programs that share the request's subject (its
 * flagship area, or a sector of its DAC category; the region's programs when it names neither),
 * and cut to the best `limit` of each kind by the same score the domain computes, so that only a
 * handful of rows leave the database however many programs there are.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Page } from '../domain/program/program-query.js';
import type { FlagshipArea, LifecycleStage, Modality } from '../domain/codes.js';
import { ALUMNI_STATUSES } from '../domain/participant/journey.js';
import { listCodelist } from '../domain/reference/codelists.js';
import {
  hasSubject,
  MATCH_POINTS,
  MATCH_STAGES,
  MAX_COUNTED_PROGRAMS,
  RECENCY,
  type AgencyCandidate,
  type AlumnusCandidate,
  type MatchCandidates,
  type MatchQuery,
  type ProgramCandidate,
} from '../domain/request/matching.js';
import { REQUEST_PREFIX, type CooperationRequest, type CooperationRequestData, type RequestStatus } from '../domain/request/request.js';
import type { RequestFilter } from '../domain/request/request.schema.js';
import type { CooperationRequestRepository } from '../services/requests.ports.js';
import { likePattern, nextYearlyReference, num, numOrNull } from './sql-helpers.js';
import type { CooperationRequestsTable, Database } from './schema.js';

/** Serialises the numbering of concurrent registrations on PostgreSQL (an arbitrary constant). */
const REFERENCE_LOCK = 7_261_129;

type Row = Selectable<CooperationRequestsTable> & { activity_identifier: string | null };

function toRequest(row: Row): CooperationRequest {
  return {
    id: row.id,
    reference: row.reference,
    country: row.country_code,
    topic: row.topic,
    description: row.description,
    topicId: row.topic_id,
    descriptionId: row.description_id,
    flagshipArea: row.flagship_area,
    sectorCode: row.sector_code,
    modality: row.modality,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    receivedOn: row.received_on,
    relayedBy: row.relayed_by,
    status: row.status,
    assessmentNote: row.assessment_note,
    assessmentNoteId: row.assessment_note_id,
    activityId: row.activity_id,
    activityIdentifier: row.activity_identifier,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: num(row.version),
  };
}

/** The columns of what a registration or an edit gives (the rest is the workflow's). */
function dataColumns(d: CooperationRequestData) {
  return {
    country_code: d.country,
    topic: d.topic,
    description: d.description,
    topic_id: d.topicId,
    description_id: d.descriptionId,
    flagship_area: d.flagshipArea,
    sector_code: d.sectorCode,
    modality: d.modality,
    period_from: d.periodFrom,
    period_to: d.periodTo,
    received_on: d.receivedOn,
    relayed_by: d.relayedBy,
  };
}

/** The 5-digit DAC codes of a 3-digit category (so the sector index serves the match). */
function codesOfCategory(category: string): string[] {
  return listCodelist('Sector')
    .filter((s) => s.code.startsWith(category))
    .map((s) => s.code);
}

/** The ids of programs that share the request's subject (or, without one, go to its region). */
function subjectIds(q: MatchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (q.flagshipArea) parts.push(sql`select id from activities where flagship_area = ${q.flagshipArea}`);
  if (q.sectorCategory) {
    const codes = codesOfCategory(q.sectorCategory);
    parts.push(sql`select activity_id as id from activity_sectors
      where (vocabulary = '1' and code in (${sql.join(codes.length ? codes : [''])})) or (vocabulary = '2' and code = ${q.sectorCategory})`);
  }
  if (!hasSubject(q)) {
    parts.push(
      q.region
        ? sql`select r.activity_id as id from activity_recipients r join countries c on c.iso2 = r.country_code where c.region = ${q.region}`
        : sql`select activity_id as id from activity_recipients where country_code = ${q.country}`,
    );
  }
  return sql.join(parts, sql` union `);
}

/** Per program: 0/1 flags of each feature of the request (alias `a` is the program). */
function flagColumns(q: MatchQuery): RawBuilder<unknown> {
  const flag = (condition: RawBuilder<unknown> | null) => (condition ? sql`case when ${condition} then 1 else 0 end` : sql`0`);
  return sql.join(
    [
      sql`${flag(q.flagshipArea ? sql`a.flagship_area = ${q.flagshipArea}` : null)} as area_m`,
      sql`${flag(q.sectorCode ? sql`exists (select 1 from activity_sectors s where s.activity_id = a.id and s.vocabulary = '1' and s.code = ${q.sectorCode})` : null)} as sector_m`,
      sql`${flag(
        q.sectorCategory
          ? sql`exists (select 1 from activity_sectors s where s.activity_id = a.id
              and ((s.vocabulary = '1' and substr(s.code, 1, 3) = ${q.sectorCategory}) or (s.vocabulary = '2' and s.code = ${q.sectorCategory})))`
          : null,
      )} as category_m`,
      sql`${flag(sql`exists (select 1 from activity_recipients r where r.activity_id = a.id and r.country_code = ${q.country})`)} as country_m`,
      sql`${flag(q.region ? sql`exists (select 1 from activity_recipients r join countries c on c.iso2 = r.country_code where r.activity_id = a.id and c.region = ${q.region})` : null)} as region_m`,
      sql`${flag(q.modality ? sql`a.modality = ${q.modality}` : null)} as modality_m`,
    ],
    sql`, `,
  );
}

/** The programs of the subject in the stages that count as experience, with their flags. */
function factsCte(q: MatchQuery): RawBuilder<unknown> {
  return sql`subj(id) as (${subjectIds(q)}),
    f as (
      select a.id, a.identifier, a.title_en, a.title_id, a.year, a.lifecycle_stage, a.flagship_area, a.modality, a.implementing_org_id, ${flagColumns(q)}
      from activities a
      where a.id in (select id from subj) and a.lifecycle_stage in (${sql.join([...MATCH_STAGES])})
    )`;
}

/**
 * The domain's score (matching.ts) in SQL over counts named like the facts: only to cut the
 * candidates; the domain scores and orders the ones returned. Constants are the domain's.
 */
function preScore(
  c: { area: string; sector: string; categoryOnly: string; country: string; regionOnly: string; modality: string; year: string },
  ref: number,
): RawBuilder<number> {
  const cap = (column: string) =>
    sql`(case when ${sql.ref(column)} > ${sql.lit(MAX_COUNTED_PROGRAMS)} then ${sql.lit(MAX_COUNTED_PROGRAMS)} else ${sql.ref(column)} end)`;
  const y = sql.ref(c.year);
  const recency = sql`(case when ${y} is null then 0 when ${y} >= ${sql.lit(ref)} then ${sql.lit(RECENCY.maxPoints)}
    when ${sql.lit(RECENCY.maxPoints)} - ${sql.lit(RECENCY.perYear)} * (${sql.lit(ref)} - ${y}) > 0 then ${sql.lit(RECENCY.maxPoints)} - ${sql.lit(RECENCY.perYear)} * (${sql.lit(ref)} - ${y}) else 0 end)`;
  return sql<number>`(${sql.lit(MATCH_POINTS.same_area)} * ${cap(c.area)} + ${sql.lit(MATCH_POINTS.same_sector)} * ${cap(c.sector)}
    + ${sql.lit(MATCH_POINTS.same_sector_category)} * ${cap(c.categoryOnly)} + ${sql.lit(MATCH_POINTS.country_experience)} * ${cap(c.country)}
    + ${sql.lit(MATCH_POINTS.region_experience)} * ${cap(c.regionOnly)} + ${sql.lit(MATCH_POINTS.same_modality)} * ${cap(c.modality)} + ${recency})`;
}

const COUNT_COLUMNS = {
  area: 'area',
  sector: 'sector',
  categoryOnly: 'category_only',
  country: 'country',
  regionOnly: 'region_only',
  modality: 'modality_n',
  year: 'latest_year',
};

interface CountRow {
  area: unknown;
  sector: unknown;
  category_only: unknown;
  country: unknown;
  region_only: unknown;
  modality_n: unknown;
  latest_year: unknown;
}

const factsOf = (r: CountRow) => ({
  areaPrograms: num(r.area),
  sectorPrograms: num(r.sector),
  sectorCategoryPrograms: num(r.category_only),
  countryPrograms: num(r.country),
  regionPrograms: num(r.region_only),
  modalityPrograms: num(r.modality_n),
  latestYear: numOrNull(r.latest_year),
});

/** Sums of the flags over a group of programs, named as COUNT_COLUMNS. */
const SUMS = sql`sum(f.area_m) as area, sum(f.sector_m) as sector, sum(f.category_m - f.sector_m) as category_only,
  sum(f.country_m) as country, sum(case when f.region_m = 1 and f.country_m = 0 then 1 else 0 end) as region_only,
  sum(f.modality_m) as modality_n, max(f.year) as latest_year`;

export class CooperationRequestRepo implements CooperationRequestRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom('cooperation_requests as r')
      .leftJoin('activities as a', 'a.id', 'r.activity_id')
      .selectAll('r')
      .select('a.identifier as activity_identifier');
  }

  async findByProgram(activityId: number): Promise<CooperationRequest[]> {
    const rows = await this.select().where('r.activity_id', '=', activityId).orderBy('r.id').execute();
    return rows.map(toRequest);
  }

  async findById(id: number): Promise<CooperationRequest | undefined> {
    const row = await this.select().where('r.id', '=', id).executeTakeFirst();
    return row ? toRequest(row) : undefined;
  }

  async list(filter: RequestFilter, page: number, pageSize: number): Promise<Page<CooperationRequest>> {
    const conditions: RawBuilder<SqlBool>[] = [];
    if (filter.status) conditions.push(filter.status.length ? sql<SqlBool>`r.status in (${sql.join(filter.status)})` : sql<SqlBool>`1 = 0`);
    if (filter.country) conditions.push(sql<SqlBool>`r.country_code = ${filter.country}`);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      conditions.push(
        sql<SqlBool>`(lower(r.reference) like ${pattern} escape '\\' or lower(r.topic) like ${pattern} escape '\\' or lower(coalesce(r.topic_id, '')) like ${pattern} escape '\\' or lower(coalesce(r.description, '')) like ${pattern} escape '\\')`,
      );
    }
    const where = conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`1 = 1`;
    const [rows, total] = await Promise.all([
      this.select()
        .where(where)
        .orderBy('r.received_on', 'desc')
        .orderBy('r.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.db
        .selectFrom('cooperation_requests as r')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(where)
        .executeTakeFirst(),
    ]);
    return { items: rows.map(toRequest), total: num(total?.n), page, pageSize };
  }

  async nextReference(year: number): Promise<string> {
    return nextYearlyReference(this.db, 'cooperation_requests', REQUEST_PREFIX, year, REFERENCE_LOCK);
  }

  async insert(
    record: CooperationRequestData & { reference: string; status: RequestStatus; createdBy: string; now: string },
  ): Promise<number> {
    const row = await this.db
      .insertInto('cooperation_requests')
      .values({
        reference: record.reference,
        ...dataColumns(record),
        status: record.status,
        assessment_note: null,
        assessment_note_id: null,
        activity_id: null,
        created_by: record.createdBy,
        created_at: record.now,
        updated_at: record.now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateFields(id: number, expectedVersion: number, data: CooperationRequestData, now: string): Promise<boolean> {
    return this.updateVersioned(id, expectedVersion, dataColumns(data), now);
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('cooperation_requests').where('id', '=', id).execute();
  }

  async update(
    id: number,
    expectedVersion: number,
    change: { status: RequestStatus; assessmentNote: string | null; assessmentNoteId: string | null; activityId: number | null },
    now: string,
  ): Promise<boolean> {
    const columns = {
      status: change.status,
      assessment_note: change.assessmentNote,
      assessment_note_id: change.assessmentNoteId,
      activity_id: change.activityId,
    };
    return this.updateVersioned(id, expectedVersion, columns, now);
  }

  /** Writes columns of a request if it is still at the version read (optimistic locking); false when it is not. */
  private async updateVersioned(
    id: number,
    expectedVersion: number,
    columns: Updateable<CooperationRequestsTable>,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('cooperation_requests')
      .set({ ...columns, updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async matchCandidates(q: MatchQuery, limit: number): Promise<MatchCandidates<AgencyCandidate, ProgramCandidate, AlumnusCandidate>> {
    const [agencies, programs, alumni] = await Promise.all([
      this.agencyCandidates(q, limit),
      this.programCandidates(q, limit),
      this.alumnusCandidates(q, limit),
    ]);
    return { agencies, programs, alumni };
  }

  private async agencyCandidates(q: MatchQuery, limit: number): Promise<AgencyCandidate[]> {
    const { rows } = await sql<
      CountRow & { code: string; acronym: string | null; name_en: string; name_id: string | null; programs: unknown }
    >`
      with ${factsCte(q)},
      g as (
        select o.code, o.acronym, o.name_en, o.name_id, count(*) as programs, ${SUMS}
        from f join organisations o on o.id = f.implementing_org_id
        where o.kind = 'provider_agency'
        group by o.id, o.code, o.acronym, o.name_en, o.name_id
      )
      select g.* from g
      order by ${preScore(COUNT_COLUMNS, q.referenceYear)} desc, coalesce(g.latest_year, 0) desc, g.code
      limit ${sql.lit(limit)}`.execute(this.db);
    return rows.map((r) => ({
      code: r.code,
      acronym: r.acronym,
      nameEn: r.name_en,
      nameId: r.name_id,
      programs: num(r.programs),
      facts: factsOf(r),
      sortKey: r.code,
    }));
  }

  private async programCandidates(q: MatchQuery, limit: number): Promise<ProgramCandidate[]> {
    const { rows } = await sql<
      CountRow & {
        id: number;
        identifier: string;
        title_en: string | null;
        title_id: string | null;
        year: unknown;
        lifecycle_stage: LifecycleStage;
        flagship_area: FlagshipArea | null;
        modality: Modality | null;
        org_code: string | null;
      }
    >`
      with ${factsCte(q)},
      g as (
        select f.id, f.identifier, f.title_en, f.title_id, f.year, f.lifecycle_stage, f.flagship_area, f.modality, o.code as org_code,
          f.area_m as area, f.sector_m as sector, f.category_m - f.sector_m as category_only, f.country_m as country,
          case when f.region_m = 1 and f.country_m = 0 then 1 else 0 end as region_only, f.modality_m as modality_n, f.year as latest_year
        from f left join organisations o on o.id = f.implementing_org_id
      )
      select g.* from g
      order by ${preScore(COUNT_COLUMNS, q.referenceYear)} desc, coalesce(g.latest_year, 0) desc, g.identifier
      limit ${sql.lit(limit)}`.execute(this.db);
    return rows.map((r) => ({
      id: num(r.id),
      identifier: r.identifier,
      titleEn: r.title_en,
      titleId: r.title_id,
      year: numOrNull(r.year),
      lifecycleStage: r.lifecycle_stage,
      flagshipArea: r.flagship_area,
      modality: r.modality,
      implementingOrg: r.org_code,
      facts: factsOf(r),
      sortKey: r.identifier,
    }));
  }

  private async alumnusCandidates(q: MatchQuery, limit: number): Promise<AlumnusCandidate[]> {
    const alumni = sql.join([...ALUMNI_STATUSES]);
    // Alumni come from the requesting country: country and region experience do not apply.
    const { rows } = await sql<CountRow & { person_key: string; latest_id: unknown; programs: unknown }>`
      with ${factsCte(q)},
      g as (
        select p.person_key, max(p.id) as latest_id, count(*) as programs,
          sum(f.area_m) as area, sum(f.sector_m) as sector, sum(f.category_m - f.sector_m) as category_only,
          0 as country, 0 as region_only, sum(f.modality_m) as modality_n, max(f.year) as latest_year
        from participants p join f on f.id = p.activity_id
        where p.country_code = ${q.country} and p.status in (${alumni}) and p.erased_at is null
        group by p.person_key
      )
      select g.* from g
      order by ${preScore(COUNT_COLUMNS, q.referenceYear)} desc, coalesce(g.latest_year, 0) desc, g.person_key
      limit ${sql.lit(limit)}`.execute(this.db);
    if (rows.length === 0) return [];
    const keys = rows.map((r) => r.person_key);
    const [records, programs] = await Promise.all([
      this.db
        .selectFrom('participants as p')
        .innerJoin('activities as a', 'a.id', 'p.activity_id')
        .leftJoin('organisations as o', 'o.id', 'a.implementing_org_id')
        .select(['p.id', 'p.full_name', 'p.organisation', 'p.position', 'p.country_code', 'p.nominated_by', 'o.code as org_code'])
        .where(
          'p.id',
          'in',
          rows.map((r) => num(r.latest_id)),
        )
        .execute(),
      sql<{ person_key: string; id: number; identifier: string; year: unknown }>`
        with subj(id) as (${subjectIds(q)})
        select p.person_key, a.id, a.identifier, a.year
        from participants p join activities a on a.id = p.activity_id
        where p.person_key in (${sql.join(keys)}) and p.country_code = ${q.country} and p.status in (${alumni}) and p.erased_at is null
          and a.id in (select id from subj) and a.lifecycle_stage in (${sql.join([...MATCH_STAGES])})
        order by coalesce(a.year, 0) desc, a.identifier`.execute(this.db),
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const programsOf = new Map<string, { id: number; identifier: string; year: number | null }[]>();
    for (const p of programs.rows) {
      const list = programsOf.get(p.person_key) ?? [];
      list.push({ id: num(p.id), identifier: p.identifier, year: numOrNull(p.year) });
      programsOf.set(p.person_key, list);
    }
    return rows.flatMap((r) => {
      const record = byId.get(num(r.latest_id));
      if (!record) return []; // read in the same transaction: only a concurrent erasure could remove it
      return [
        {
          personKey: r.person_key,
          participantId: record.id,
          fullName: record.full_name,
          organisation: record.organisation,
          position: record.position,
          country: record.country_code,
          implementingOrg: record.org_code,
          nominatedBy: record.nominated_by,
          programs: programsOf.get(r.person_key) ?? [],
          facts: factsOf(r),
          sortKey: r.person_key,
        },
      ];
    });
  }
}
