import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Program, ProgramData } from '../domain/program/program.js';
import type { ProgramFilter, ProgramSortKey, Page } from '../domain/program/program-query.js';
import { ACTIVITY_STATUS_IATI } from '../domain/codes.js';
import { programYear } from '../domain/program/program.js';
import type {
  ProgramImportState,
  ProgramImportTarget,
  ProgramRepository,
  ProgramSummary,
  ProgramWrite,
  StageChange,
} from '../services/programs.ports.js';
import { parseIatiDetails } from '../domain/iati/iati-details.js';
import { bool, insertInChunks, insertJson, JSON_CHUNK_ROWS, num, numOrNull, present } from './sql-helpers.js';
import type { CountCache } from './data-version.js';
import { budgetOf, byActivity, transactionOf } from './program-rows.js';
import { ProgramListQuery, summaryFields } from './program-list.js';
import type { ProgramsTable, Database } from './schema.js';

type ProgramRow = Selectable<ProgramsTable> & { implementing_org_code: string | null };

export class ProgramRepo implements ProgramRepository {
  private readonly lists: ProgramListQuery;

  constructor(
    private readonly db: Kysely<Database>,
    counts?: CountCache,
  ) {
    this.lists = new ProgramListQuery(db, counts);
  }

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

  async importTargets(identifiers: readonly string[]): Promise<Map<string, ProgramImportTarget>> {
    const result = new Map<string, { id: number; implementingOrg: string | null; recipients: string[] }>();
    for (let i = 0; i < identifiers.length; i += 500) {
      const rows = await this.db
        .selectFrom('activities as a')
        .leftJoin('activity_recipients as r', 'r.activity_id', 'a.id')
        .leftJoin('organisations as io', 'io.id', 'a.implementing_org_id')
        .select(['a.id', 'a.identifier', 'r.country_code', 'io.code as implementing_org_code'])
        .where('a.identifier', 'in', identifiers.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        const target = result.get(r.identifier) ?? { id: r.id, implementingOrg: r.implementing_org_code, recipients: [] };
        if (r.country_code) target.recipients.push(r.country_code);
        result.set(r.identifier, target);
      }
    }
    return result;
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  /** A page of the list (program-list.ts). */
  list(filter: ProgramFilter, sort: { key: ProgramSortKey; desc: boolean }, page: number, pageSize: number): Promise<Page<ProgramSummary>> {
    return this.lists.page(filter, sort, page, pageSize);
  }

  idsInOrder(filter: ProgramFilter, sort: { key: ProgramSortKey; desc: boolean }): Promise<number[]> {
    return this.lists.idsInOrder(filter, sort);
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
        states.set(r.identifier, {
          id: r.id,
          version: r.version,
          source: r.source,
          fingerprint: parseIatiDetails(r.iati_details)?.fingerprint ?? null,
        });
      }
    }
    return states;
  }

  async insert(write: ProgramWrite): Promise<number> {
    const ids = await this.insertMany([write]);
    return present(ids.get(write.data.identifier), 'the inserted program');
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
    const rows = await insertJson(this.db, 'activities', values, (insert) => insert.returning(['id', 'identifier']));
    for (const r of rows) ids.set(r.identifier, r.id);
    await this.insertChildren(
      writes.map((w) => ({ activityId: present(ids.get(w.data.identifier), 'an inserted program'), data: w.data })),
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

  async setStage(id: number, expectedVersion: number, change: StageChange, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('activities')
      .set({
        lifecycle_stage: change.lifecycleStage,
        activity_status: ACTIVITY_STATUS_IATI[change.activityStatus],
        actual_start: change.actualStart,
        actual_end: change.actualEnd,
        year: programYear(change),
        updated_at: now,
        version: expectedVersion + 1,
      })
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
      ...new Set(
        list
          .flatMap((d) => [d.implementingOrg, ...d.partners.map((p) => p.org)])
          .filter((c): c is string => !!c)
          .map((c) => c.toLowerCase()),
      ),
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
          org_id: present(orgIds.get(p.org.toLowerCase()), 'a partner organisation'), // orgIds() throws on a missing code
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
        data.sectors.map((s, i) => ({
          activity_id: activityId,
          vocabulary: s.vocabulary,
          code: s.code,
          percentage: s.percentage,
          sort_order: i,
        })),
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

  private async hydrate(row: ProgramRow): Promise<Program> {
    const [program] = await this.hydrateMany([row]);
    return present(program, 'the program read');
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
    const recipientsOf = byActivity(recipients);
    const partnersOf = byActivity(partners);
    const sectorsOf = byActivity(sectors);
    const sdgsOf = byActivity(sdgs);
    const budgetsOf = byActivity(budgets);
    const transactionsOf = byActivity(transactions);
    return rows.map((row) => ({
      ...summaryFields(row),
      descriptionEn: row.description_en,
      descriptionId: row.description_id,
      fundingSource: row.funding_source,
      version: row.version,
      createdAt: row.created_at,
      source: row.source,
      iatiDetails: parseIatiDetails(row.iati_details),
      recipients: recipientsOf(row.id).map((r) => ({ country: r.country_code, percentage: numOrNull(r.percentage) })),
      partners: partnersOf(row.id).map((p) => ({
        org: p.org_code,
        iatiRole: p.iati_role,
        sscRole: p.ssc_role,
        contributionMinor: p.contribution_minor === null ? null : num(p.contribution_minor),
        currency: p.currency,
        inKind: bool(p.in_kind),
      })),
      sectors: sectorsOf(row.id).map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: numOrNull(s.percentage) })),
      sdgs: sdgsOf(row.id).map((s) => ({ goal: s.goal, target: s.target })),
      budgets: budgetsOf(row.id).map(budgetOf),
      transactions: transactionsOf(row.id).map(transactionOf),
    }));
  }
}

const CHILD_TABLES = ['activity_recipients', 'activity_partners', 'activity_sectors', 'activity_sdgs', 'budgets', 'transactions'] as const;
