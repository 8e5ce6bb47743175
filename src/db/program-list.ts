/**
 * The program list: a filter as conditions that indexes serve (migration 20261207090000_list_indexes),
 * a page read in the order asked, the ids of a whole filtered list in order, and the row fields
 * a list shows. ProgramRepo answers the port's list and idsInOrder with it.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { ACTIVITY_STATUS_IATI, activityStatuses, type ActivityStatus } from '../domain/codes.js';
import type { Page, ProgramFilter, ProgramSortKey } from '../domain/program/program-query.js';
import type { ProgramSummary } from '../services/programs.ports.js';
import { readDataVersions, type CountCache } from './data-version.js';
import type { Database, ProgramsTable } from './schema.js';
import { bool, num, organisationIdOf } from './sql-helpers.js';
import { preferSet, textSearch, type TextSearch, type TextSearchTarget } from './text-search.js';

const STATUS_BY_IATI = new Map(activityStatuses.codes.map((code) => [ACTIVITY_STATUS_IATI[code], code]));

function statusFromIati(code: number): ActivityStatus {
  const status = STATUS_BY_IATI.get(code);
  if (!status) throw new Error(`activity_status ${code} is not an IATI ActivityStatus code`);
  return status;
}

export class ProgramListQuery {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly counts?: CountCache,
  ) {}

  /**
   * A page of the list, read from an index in the order asked: the programs that have a value
   * for the sort key come first (from the key's index, stopping after the page), those missing
   * it after them (by id); the total comes from the count cache while the data are unchanged.
   */
  async page(
    filter: ProgramFilter,
    sort: { key: ProgramSortKey; desc: boolean },
    page: number,
    pageSize: number,
  ): Promise<Page<ProgramSummary>> {
    // The data versions once for all of this page's counts (none is counted inside a transaction).
    const versions = this.counts && !this.db.isTransaction ? await readDataVersions(this.db, ['programs']) : undefined;
    const conditions = await this.filterConditions(filter, sort.key, versions);
    const empty = { items: [], total: 0, page, pageSize };
    if (!conditions) return empty;
    const total = await this.countWhere(conditions, versions);
    const offset = (page - 1) * pageSize;
    if (offset >= total) return { ...empty, total };
    const direction = sort.desc ? 'desc' : 'asc';
    const [present, missing] = orderedParts(conditions, SORTS[sort.key]);
    let rows = await this.listRows(present, direction, offset, pageSize);
    if (missing && rows.length < pageSize) {
      // Rows with a value end on this page, or before it: the count of them places the rest.
      const presentCount = rows.length > 0 ? offset + rows.length : await this.countWhere(present.conditions, versions);
      rows = rows.concat(await this.listRows(missing, direction, Math.max(0, offset - presentCount), pageSize - rows.length));
    }
    const recipients = await this.recipientsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => ({ ...summaryFields(r), recipients: recipients.get(r.id) ?? [] })), total, page, pageSize };
  }

  async idsInOrder(filter: ProgramFilter, sort: { key: ProgramSortKey; desc: boolean }): Promise<number[]> {
    const conditions = await this.filterConditions(filter, sort.key);
    if (!conditions) return [];
    const direction = sort.desc ? 'desc' : 'asc';
    const ids: number[] = [];
    for (const part of orderedParts(conditions, SORTS[sort.key])) {
      if (!part) continue;
      let query = this.db
        .selectFrom('activities as a')
        .select('a.id')
        .where((eb) => eb.and(part.conditions));
      for (const key of part.keys) query = query.orderBy(key, direction);
      for (const r of await query.execute()) ids.push(r.id);
    }
    return ids;
  }

  private countWhere(conditions: Expression<SqlBool>[], versions?: string): Promise<number> {
    const query = this.db
      .selectFrom('activities as a')
      .where((eb) => eb.and(conditions))
      .select((eb) => eb.fn.countAll().as('n'));
    return this.counts ? this.counts.count(this.db, ['programs'], query, versions) : query.executeTakeFirstOrThrow().then((r) => num(r.n));
  }

  private async listRows(part: OrderedPart, direction: 'asc' | 'desc', offset: number, limit: number) {
    let query = this.db
      .selectFrom('activities as a')
      .leftJoin('organisations as io', 'io.id', 'a.implementing_org_id')
      .select(LIST_COLUMNS)
      .select('io.code as implementing_org_code')
      .where((eb) => eb.and(part.conditions));
    for (const key of part.keys) query = query.orderBy(key, direction);
    return query.limit(limit).offset(offset).execute();
  }

  /**
   * The filter as conditions that indexes serve; null when it names an organisation that does
   * not exist (nothing matches). Organisations are looked up first, so that the programs are
   * filtered on their indexed ids rather than on a joined, lower-cased code.
   */
  private async filterConditions(f: ProgramFilter, sortKey: ProgramSortKey, versions?: string): Promise<Expression<SqlBool>[] | null> {
    const conditions: Expression<SqlBool>[] = [];
    const eq = <C extends keyof ProgramsTable>(column: C, value: unknown) =>
      conditions.push(sql<SqlBool>`${sql.ref(`a.${column}`)} = ${value}`);
    if (f.year !== undefined) {
      eq('year', f.year);
      // Ordered by start, the same as a range of the start index (the year is the start's
      // year): a year's programs are then read in order, not sorted.
      if (sortKey === 'start')
        conditions.push(sql<SqlBool>`a.sort_start >= ${`${f.year}-01-01`} and a.sort_start < ${`${f.year + 1}-01-01`}`);
    }
    if (f.modality) eq('modality', f.modality);
    if (f.flagshipArea) eq('flagship_area', f.flagshipArea);
    if (f.cooperationType) eq('cooperation_type', f.cooperationType);
    if (f.status) eq('activity_status', ACTIVITY_STATUS_IATI[f.status]);
    if (f.stage) {
      conditions.push(f.stage.length ? sql<SqlBool>`a.lifecycle_stage in (${sql.join(f.stage)})` : sql<SqlBool>`1 = 0`);
    }
    let partnerId: number | undefined;
    if (f.partner) {
      partnerId = await organisationIdOf(this.db, f.partner);
      if (partnerId === undefined) return null;
    }
    if (f.implementingOrg) {
      const id = await organisationIdOf(this.db, f.implementingOrg);
      if (id === undefined) return null;
      eq('implementing_org_id', id);
    }
    // Filters on related rows: at most one is read as a set of ids (where the planner may start);
    // the others are checked on each row met. SQLite crosses two id sets on the same column as a
    // product (measured: 30 s for a region set and a text set). A region holds a fifth of the
    // programs: checking rows met in the page's order costs less than reading its set.
    const related: { asSet: Expression<SqlBool>; byRow: Expression<SqlBool> }[] = [];
    if (f.country) {
      related.push({
        asSet: sql<SqlBool>`a.id in (select r.activity_id from activity_recipients r where r.country_code = ${f.country})`,
        byRow: sql<SqlBool>`exists (select 1 from activity_recipients r where r.activity_id = a.id and r.country_code = ${f.country})`,
      });
    }
    if (partnerId !== undefined) {
      related.push({
        asSet: sql<SqlBool>`a.id in (select p.activity_id from activity_partners p where p.org_id = ${partnerId})`,
        byRow: sql<SqlBool>`exists (select 1 from activity_partners p where p.activity_id = a.id and p.org_id = ${partnerId})`,
      });
    }
    // A text is weighed against the other filters unless a country or a partner is the set.
    if (f.q) related.push(await this.searchConditions(f.q, related.length > 0 ? null : conditions, versions));
    if (f.region) {
      const byRow = sql<SqlBool>`exists (select 1 from activity_recipients r join countries c on c.iso2 = r.country_code where r.activity_id = a.id and c.region = ${f.region})`;
      related.push({ asSet: byRow, byRow });
    }
    related.forEach((r, i) => conditions.push(i === 0 ? r.asSet : r.byRow));
    return conditions;
  }

  /**
   * "Contains" in the identifier, titles or descriptions (db/text-search.ts): the trigram
   * index's set when it is small beside what the other filters leave, else checked on the rows
   * met; `others` is null when a country or a partner is already the set.
   */
  private async searchConditions(q: string, others: Expression<SqlBool>[] | null, versions?: string): Promise<TextSearch> {
    const search = textSearch(this.db, PROGRAM_TEXT, q);
    if (others === null) return { asSet: search.byRow, byRow: search.byRow };
    const [matching, left] = await Promise.all([this.countWhere([search.asSet], versions), this.countWhere(others, versions)]);
    return preferSet(matching, left) ? search : { asSet: search.byRow, byRow: search.byRow };
  }

  private async recipientsOf(ids: readonly number[]): Promise<Map<number, string[]>> {
    const result = new Map<number, string[]>();
    if (ids.length === 0) return result;
    const rows = await this.db
      .selectFrom('activity_recipients')
      .select(['activity_id', 'country_code'])
      .where('activity_id', 'in', ids)
      .orderBy('activity_id')
      .orderBy('sort_order')
      .execute();
    for (const r of rows) result.set(r.activity_id, [...(result.get(r.activity_id) ?? []), r.country_code]);
    return result;
  }
}

/**
 * How each sort key orders: an indexed column (migration 20261207090000_list_indexes) with the
 * id as tie-breaker, unless the column is unique. Keys a program may lack (no dates, no
 * modality) list those programs last, in either direction, by id.
 */
const SORTS: Record<ProgramSortKey, { readonly column: string; readonly nullable: boolean; readonly unique?: boolean }> = {
  identifier: { column: 'a.identifier', nullable: false, unique: true },
  title: { column: 'a.sort_title', nullable: false },
  start: { column: 'a.sort_start', nullable: true },
  end: { column: 'a.sort_end', nullable: true },
  year: { column: 'a.year', nullable: true },
  modality: { column: 'a.modality', nullable: true },
  updated: { column: 'a.updated_at', nullable: false },
};

/** What a program search looks into: its identifier, titles and descriptions (migration 20261207090000_list_indexes). */
const PROGRAM_TEXT: TextSearchTarget = {
  // The expression of the PostgreSQL trigram index, exactly.
  pgText: sql.raw(
    `lower(a.identifier || chr(31) || coalesce(a.title_en, '') || chr(31) || coalesce(a.title_id, '') || chr(31) || coalesce(a.description_en, '') || chr(31) || coalesce(a.description_id, ''))`,
  ),
  fts: { table: 'activities_fts', id: 'a.id' },
  columns: ['a.identifier', 'a.title_en', 'a.title_id', 'a.description_en', 'a.description_id'],
};

/** What a sort reads in turn: the rows that have a value for its key, in its order; then, for a key a program may lack, the others by id. */
interface OrderedPart {
  readonly conditions: Expression<SqlBool>[];
  readonly keys: RawBuilder<unknown>[];
}

function orderedParts(conditions: Expression<SqlBool>[], spec: (typeof SORTS)[ProgramSortKey]): [OrderedPart, OrderedPart | null] {
  const key = sql.raw(spec.column);
  const keys = spec.unique ? [key] : [key, sql.raw('a.id')];
  if (!spec.nullable) return [{ conditions, keys }, null];
  return [
    { conditions: [...conditions, sql<SqlBool>`${key} is not null`], keys },
    { conditions: [...conditions, sql<SqlBool>`${key} is null`], keys: [sql.raw('a.id')] },
  ];
}

/** The columns of a list row (no descriptions or IATI details: a page reads only what it shows). */
const LIST_COLUMNS = [
  'a.id',
  'a.identifier',
  'a.title_en',
  'a.title_id',
  'a.modality',
  'a.flagship_area',
  'a.cooperation_type',
  'a.activity_status',
  'a.lifecycle_stage',
  'a.planned_start',
  'a.planned_end',
  'a.actual_start',
  'a.actual_end',
  'a.year',
  'a.venue_city',
  'a.venue_country',
  'a.participants_planned',
  'a.illustrative',
  'a.updated_at',
] as const;

type SummaryRow = Pick<Selectable<ProgramsTable>, (typeof LIST_COLUMNS)[number] extends `a.${infer C}` ? C : never> & {
  implementing_org_code: string | null;
};

/** Row fields shared by the list and the full record (row values are trusted: Mitra wrote them). */
export function summaryFields(row: SummaryRow) {
  return {
    id: row.id,
    identifier: row.identifier,
    titleEn: row.title_en,
    titleId: row.title_id,
    modality: row.modality,
    flagshipArea: row.flagship_area,
    cooperationType: row.cooperation_type,
    activityStatus: statusFromIati(row.activity_status),
    lifecycleStage: row.lifecycle_stage,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    year: row.year,
    venueCity: row.venue_city,
    venueCountry: row.venue_country,
    implementingOrg: row.implementing_org_code,
    participantsPlanned: row.participants_planned,
    illustrative: bool(row.illustrative),
    updatedAt: row.updated_at,
  };
}
