import { sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Program, ProgramData } from '../domain/program/program.js';
import type { ProgramFilter, ProgramSortKey, Page } from '../domain/program/program-query.js';
import {
  ACTIVITY_STATUS_IATI,
  activityStatuses,
  type ActivityStatus,
  type CooperationType,
  type FlagshipArea,
  type FundingSource,
  type IatiOrgRole,
  type LifecycleStage,
  type Modality,
  type SscRole,
} from '../domain/codes.js';
import { programYear } from '../domain/program/program.js';
import type { ProgramImportState, ProgramRepository, ProgramSummary, ProgramWrite } from '../services/ports.js';
import type { IatiDetails } from '../domain/iati/iati-details.js';
import { bool, insertInChunks, JSON_CHUNK_ROWS, jsonRows, num, numOrNull, organisationIdOf } from './sql-helpers.js';
import { preferSet, textSearch, type TextSearch, type TextSearchTarget } from './text-search.js';
import { readDataVersions, type CountCache } from './data-version.js';
import type { ProgramsTable, Database } from './schema.js';

const STATUS_BY_IATI = new Map(activityStatuses.codes.map((code) => [ACTIVITY_STATUS_IATI[code], code]));

function statusFromIati(code: number): ActivityStatus {
  const status = STATUS_BY_IATI.get(code);
  if (!status) throw new Error(`activity_status ${code} is not an IATI ActivityStatus code`);
  return status;
}

type ProgramRow = Selectable<ProgramsTable> & { implementing_org_code: string | null };

export class ProgramRepo implements ProgramRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly counts?: CountCache,
  ) {}

  async findById(id: number): Promise<Program | undefined> {
    const row = await this.baseQuery().where('a.id', '=', id).executeTakeFirst();
    return row ? this.hydrate(row) : undefined;
  }

  async findByIdentifier(identifier: string): Promise<Program | undefined> {
    const row = await this.baseQuery().where('a.identifier', '=', identifier).executeTakeFirst();
    return row ? this.hydrate(row) : undefined;
  }

  async idsByIdentifier(identifiers: readonly string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (let i = 0; i < identifiers.length; i += 500) {
      const chunk = identifiers.slice(i, i + 500);
      const rows = await this.db.selectFrom('activities').select(['id', 'identifier']).where('identifier', 'in', chunk).execute();
      for (const r of rows) result.set(r.identifier, r.id);
    }
    return result;
  }

  async importTargets(identifiers: readonly string[]): Promise<Map<string, { id: number; recipients: string[] }>> {
    const result = new Map<string, { id: number; recipients: string[] }>();
    for (let i = 0; i < identifiers.length; i += 500) {
      const rows = await this.db
        .selectFrom('activities as a')
        .leftJoin('activity_recipients as r', 'r.activity_id', 'a.id')
        .select(['a.id', 'a.identifier', 'r.country_code'])
        .where('a.identifier', 'in', identifiers.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        const target = result.get(r.identifier) ?? { id: r.id, recipients: [] };
        if (r.country_code) target.recipients.push(r.country_code);
        result.set(r.identifier, target);
      }
    }
    return result;
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('activities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return num(row.n);
  }

  /**
   * A page of the list, read from an index in the order asked: the programs that have a value
   * for the sort key come first (from the key's index, stopping after the page), those missing
   * it after them (by id); the total comes from the count cache while the data are unchanged.
   */
  async list(
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
      let query = this.db.selectFrom('activities as a').select('a.id').where((eb) => eb.and(part.conditions));
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

  async importStates(identifiers: readonly string[]): Promise<Map<string, ProgramImportState>> {
    const states = new Map<string, ProgramImportState>();
    for (let i = 0; i < identifiers.length; i += JSON_CHUNK_ROWS) {
      const chunk = identifiers.slice(i, i + JSON_CHUNK_ROWS);
      if (chunk.length === 0) continue;
      const rows = await this.db
        .selectFrom('activities')
        .select(['id', 'identifier', 'version', 'source', 'iati_details'])
        .where('identifier', 'in', chunk)
        .execute();
      for (const r of rows) {
        const details = r.iati_details ? (JSON.parse(r.iati_details) as IatiDetails) : null;
        states.set(r.identifier, { id: r.id, version: r.version, source: r.source, fingerprint: details?.fingerprint ?? null });
      }
    }
    return states;
  }

  async insert(write: ProgramWrite): Promise<number> {
    const ids = await this.insertMany([write]);
    return ids.get(write.data.identifier) as number; // insertMany returns every identifier it inserted
  }

  async insertMany(writes: readonly ProgramWrite[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (writes.length === 0) return ids;
    const orgIds = await this.orgIds(writes.map((w) => w.data));
    const values = writes.map((w) => ({
      ...this.columns(w, orgIds),
      source: w.source ?? 'mitra',
      iati_details: w.iatiDetails ? JSON.stringify(w.iatiDetails) : null,
      version: 1,
      created_at: w.now,
    }));
    const columns = Object.keys(values[0] as object) as (keyof (typeof values)[number])[];
    for (let i = 0; i < values.length; i += JSON_CHUNK_ROWS) {
      const chunk = values.slice(i, i + JSON_CHUNK_ROWS);
      const rows = await this.db
        .insertInto('activities')
        .columns(columns)
        .expression(jsonRows(this.db, 'activities', columns, chunk))
        .returning(['id', 'identifier'])
        .execute();
      for (const r of rows) ids.set(r.identifier, r.id);
    }
    await this.insertChildren(
      writes.map((w) => ({ activityId: ids.get(w.data.identifier) as number, data: w.data })), // inserted just above
      orgIds,
    );
    return ids;
  }

  async update(id: number, expectedVersion: number, write: ProgramWrite): Promise<boolean> {
    const orgIds = await this.orgIds([write.data]);
    const result = await this.db
      .updateTable('activities')
      .set({
        ...this.columns(write, orgIds),
        ...(write.source !== undefined ? { source: write.source } : {}),
        ...(write.iatiDetails !== undefined ? { iati_details: write.iatiDetails ? JSON.stringify(write.iatiDetails) : null } : {}),
        version: expectedVersion + 1,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    for (const table of CHILD_TABLES) await this.db.deleteFrom(table).where('activity_id', '=', id).execute();
    await this.insertChildren([{ activityId: id, data: write.data }], orgIds);
    return true;
  }

  async setStage(id: number, expectedVersion: number, stage: LifecycleStage, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('activities')
      .set({ lifecycle_stage: stage, updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: number): Promise<boolean> {
    // Children go by ON DELETE CASCADE; participants too (they belong to the program).
    const result = await this.db.deleteFrom('activities').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private baseQuery() {
    return this.db
      .selectFrom('activities as a')
      .leftJoin('organisations as io', 'io.id', 'a.implementing_org_id')
      .selectAll('a')
      .select('io.code as implementing_org_code');
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
      if (sortKey === 'start') conditions.push(sql<SqlBool>`a.sort_start >= ${`${f.year}-01-01`} and a.sort_start < ${`${f.year + 1}-01-01`}`);
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

  private columns(write: ProgramWrite, orgIds: Map<string, number>) {
    const d = write.data;
    return {
      identifier: d.identifier,
      title_en: d.titleEn,
      title_id: d.titleId,
      description_en: d.descriptionEn,
      description_id: d.descriptionId,
      modality: d.modality,
      flagship_area: d.flagshipArea,
      cooperation_type: d.cooperationType,
      activity_status: ACTIVITY_STATUS_IATI[d.activityStatus],
      lifecycle_stage: d.lifecycleStage,
      planned_start: d.plannedStart,
      planned_end: d.plannedEnd,
      actual_start: d.actualStart,
      actual_end: d.actualEnd,
      year: programYear(d),
      venue_city: d.venueCity,
      venue_country: d.venueCountry,
      implementing_org_id: d.implementingOrg ? (orgIds.get(d.implementingOrg.toLowerCase()) ?? null) : null,
      funding_source: d.fundingSource,
      participants_planned: d.participantsPlanned,
      illustrative: d.illustrative ? 1 : 0,
      import_batch_id: write.importBatchId ?? null,
      updated_at: write.now,
    };
  }

  /** Organisation ids by lower-case code, for the implementers and the partners. */
  private async orgIds(list: readonly ProgramData[]): Promise<Map<string, number>> {
    const codes = [
      ...new Set(list.flatMap((d) => [d.implementingOrg, ...d.partners.map((p) => p.org)]).filter((c): c is string => !!c).map((c) => c.toLowerCase())),
    ];
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'code'])
      .where(sql<SqlBool>`lower(code) in (${sql.join(codes)})`)
      .execute();
    const ids = new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
    const missing = codes.filter((c) => !ids.has(c));
    // The service checks existence first; reaching this is a bug, not a user error.
    if (missing.length) throw new Error(`unknown organisation codes reached the repository: ${missing.join(', ')}`);
    return ids;
  }

  private async insertChildren(items: readonly { activityId: number; data: ProgramData }[], orgIds: Map<string, number>): Promise<void> {
    const rows = <T>(pick: (item: { activityId: number; data: ProgramData }) => T[]): T[] => items.flatMap(pick);
    await insertInChunks(
      this.db,
      'activity_recipients',
      rows(({ activityId, data }) =>
        data.recipients.map((r, i) => ({ activity_id: activityId, country_code: r.country, percentage: r.percentage, sort_order: i })),
      ),
    );
    await insertInChunks(
      this.db,
      'activity_partners',
      rows(({ activityId, data }) =>
        data.partners.map((p, i) => ({
          activity_id: activityId,
          org_id: orgIds.get(p.org.toLowerCase()) as number, // present: orgIds() throws on a missing code
          iati_role: p.iatiRole,
          ssc_role: p.sscRole,
          contribution_minor: p.contributionMinor,
          currency: p.currency,
          in_kind: p.inKind ? 1 : 0,
          sort_order: i,
        })),
      ),
    );
    await insertInChunks(
      this.db,
      'activity_sectors',
      rows(({ activityId, data }) =>
        data.sectors.map((s, i) => ({ activity_id: activityId, vocabulary: s.vocabulary, code: s.code, percentage: s.percentage, sort_order: i })),
      ),
    );
    await insertInChunks(
      this.db,
      'activity_sdgs',
      rows(({ activityId, data }) => data.sdgs.map((s, i) => ({ activity_id: activityId, goal: s.goal, target: s.target, sort_order: i }))),
    );
    await insertInChunks(
      this.db,
      'budgets',
      rows(({ activityId, data }) =>
        data.budgets.map((b, i) => ({
          activity_id: activityId,
          type: b.type,
          status: b.status,
          period_start: b.periodStart,
          period_end: b.periodEnd,
          amount_minor: b.amountMinor,
          currency: b.currency,
          value_date: b.valueDate,
          sort_order: i,
        })),
      ),
    );
    await insertInChunks(
      this.db,
      'transactions',
      rows(({ activityId, data }) =>
        data.transactions.map((t, i) => ({
          activity_id: activityId,
          type: t.type,
          transaction_date: t.date,
          amount_minor: t.amountMinor,
          currency: t.currency,
          value_date: t.valueDate,
          description: t.description,
          sort_order: i,
        })),
      ),
    );
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

  private async hydrate(row: ProgramRow): Promise<Program> {
    return (await this.hydrateMany([row]))[0] as Program; // one row in, one activity out
  }

  async findManyByIds(ids: readonly number[]): Promise<Program[]> {
    if (ids.length === 0) return [];
    const rows = await this.baseQuery().where('a.id', 'in', ids).execute();
    const byId = new Map((await this.hydrateMany(rows)).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id)).filter((a): a is Program => a !== undefined);
  }

  /** Loads the child collections of many programs with one query per table. */
  private async hydrateMany(rows: readonly ProgramRow[]): Promise<Program[]> {
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    const [recipients, partners, sectors, sdgs, budgets, transactions] = await Promise.all([
      this.db.selectFrom('activity_recipients').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
      this.db
        .selectFrom('activity_partners as p')
        .innerJoin('organisations as o', 'o.id', 'p.org_id')
        .selectAll('p')
        .select('o.code as org_code')
        .where('p.activity_id', 'in', ids)
        .orderBy('p.sort_order')
        .execute(),
      this.db.selectFrom('activity_sectors').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
      this.db.selectFrom('activity_sdgs').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
      this.db.selectFrom('budgets').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
      this.db.selectFrom('transactions').selectAll().where('activity_id', 'in', ids).orderBy('sort_order').execute(),
    ]);
    const group = <T extends { activity_id: number }>(items: readonly T[]) => {
      const map = new Map<number, T[]>();
      for (const item of items) {
        const list = map.get(item.activity_id);
        if (list) list.push(item);
        else map.set(item.activity_id, [item]);
      }
      return (id: number) => map.get(id) ?? [];
    };
    const recipientsOf = group(recipients);
    const partnersOf = group(partners);
    const sectorsOf = group(sectors);
    const sdgsOf = group(sdgs);
    const budgetsOf = group(budgets);
    const transactionsOf = group(transactions);
    return rows.map((row) => ({
      ...summaryFields(row),
      descriptionEn: row.description_en,
      descriptionId: row.description_id,
      fundingSource: row.funding_source as FundingSource | null,
      version: row.version,
      createdAt: row.created_at,
      source: row.source,
      iatiDetails: row.iati_details ? (JSON.parse(row.iati_details) as IatiDetails) : null,
      recipients: recipientsOf(row.id).map((r) => ({ country: r.country_code, percentage: numOrNull(r.percentage) })),
      partners: partnersOf(row.id).map((p) => ({
        org: p.org_code,
        iatiRole: p.iati_role as IatiOrgRole,
        sscRole: p.ssc_role as SscRole,
        contributionMinor: p.contribution_minor === null ? null : num(p.contribution_minor),
        currency: p.currency,
        inKind: bool(p.in_kind),
      })),
      sectors: sectorsOf(row.id).map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: numOrNull(s.percentage) })),
      sdgs: sdgsOf(row.id).map((s) => ({ goal: s.goal, target: s.target })),
      budgets: budgetsOf(row.id).map((b) => ({
        type: b.type as 1 | 2,
        status: b.status as 1 | 2,
        periodStart: b.period_start,
        periodEnd: b.period_end,
        amountMinor: num(b.amount_minor),
        currency: b.currency,
        valueDate: b.value_date,
      })),
      transactions: transactionsOf(row.id).map((t) => ({
        type: t.type,
        date: t.transaction_date,
        amountMinor: num(t.amount_minor),
        currency: t.currency,
        valueDate: t.value_date,
        description: t.description,
      })),
    }));
  }
}

const CHILD_TABLES = ['activity_recipients', 'activity_partners', 'activity_sectors', 'activity_sdgs', 'budgets', 'transactions'] as const;

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

type SummaryRow = Pick<ProgramRow, (typeof LIST_COLUMNS)[number] extends `a.${infer C}` ? C : never> & { implementing_org_code: string | null };

/** Row fields shared by the list and the full record (row values are trusted: Mitra wrote them). */
function summaryFields(row: SummaryRow) {
  return {
    id: row.id,
    identifier: row.identifier,
    titleEn: row.title_en,
    titleId: row.title_id,
    modality: row.modality as Modality | null,
    flagshipArea: row.flagship_area as FlagshipArea | null,
    cooperationType: row.cooperation_type as CooperationType,
    activityStatus: statusFromIati(row.activity_status),
    lifecycleStage: row.lifecycle_stage as LifecycleStage,
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
