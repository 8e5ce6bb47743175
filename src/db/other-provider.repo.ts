/**
 * Other providers' IATI data (services/other-providers.ports.ts): publishers, datasets, activities
 * as published, sectors and comparison facts. Writes go in chunks as one JSON parameter a table
 * (sql-helpers.ts insertJson), so that a file of 20,000 activities costs a few statements a chunk.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { ACTIVITY_STATUS_IATI } from '../domain/codes.js';
import type { ImportedActivityData, ImportedWarning } from '../domain/iati/imported-activity.js';
import type {
  ComparisonRow,
  DatasetWrite,
  IatiDataset,
  IatiPublisher,
  ImportedDetail,
  ImportedListQuery,
  ImportedState,
  ImportedSummary,
  ImportedWrite,
  OtherProviderRepository,
  SectorComparisonRow,
} from '../services/other-providers.ports.js';
import type { Database, IatiDatasetsTable } from './schema.js';
import { activityIds, ComparisonTotals } from './other-provider-totals.js';
import { insertJson, insertInChunks, isPostgres, likePattern, num, present } from './sql-helpers.js';

type DatasetRow = Selectable<IatiDatasetsTable> & { publisher_ref: string | null; publisher_name: string | null };

const toDataset = (r: DatasetRow): IatiDataset => ({
  id: r.id,
  publisherId: r.publisher_id,
  publisherRef: r.publisher_ref,
  publisherName: r.publisher_name,
  fileName: r.file_name,
  sha256: r.sha256,
  iatiVersion: r.iati_version,
  generatedAt: r.generated_at,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  importBatchId: r.import_batch_id,
  activities: num(r.activities),
  warnings: num(r.warnings),
  refused: num(r.refused),
});

const datasetColumns = (d: DatasetWrite) => ({
  file_name: d.fileName,
  sha256: d.sha256,
  iati_version: d.iatiVersion,
  generated_at: d.generatedAt,
  imported_at: d.importedAt,
  imported_by: d.importedBy,
  import_batch_id: d.importBatchId,
  refused: d.refused,
});

const activityColumns = (w: ImportedWrite) => ({
  dataset_id: w.datasetId,
  publisher_id: w.publisherId,
  identifier: w.activity.identifier,
  title: w.activity.title,
  activity_status: ACTIVITY_STATUS_IATI[w.activity.record.data.activityStatus],
  year: w.activity.year,
  line: w.activity.line,
  prefix_ok: w.activity.prefixOk ? 1 : 0,
  fingerprint: w.fingerprint,
  data: w.json.record,
  warnings: w.json.warnings,
  warning_count: w.activity.warnings.length,
  updated_at: w.now,
});

// Rows a statement on SQLite, bound (15 parameters a row): json_each would read a record's JSON again per column.
const SQLITE_ACTIVITY_ROWS = 1_000;

/** The activities of a chunk, deleted with their children first (facts and sectors). */
const CHILDREN = ['iati_activity_facts', 'iati_activity_sectors'] as const;

export class OtherProviderRepo implements OtherProviderRepository {
  private readonly totals: ComparisonTotals;

  constructor(private readonly db: Kysely<Database>) {
    this.totals = new ComparisonTotals(db);
  }

  settleTotals = (): Promise<void> => this.totals.settle();

  async savePublisher(p: { key: string; ref: string | null; name: string | null }, now: string): Promise<number> {
    const found = await this.db.selectFrom('iati_publishers').select(['id', 'name', 'ref']).where('key', '=', p.key).executeTakeFirst();
    if (found) {
      // The name a publisher's newest file gives is the one shown; its files are one source whatever they call it.
      if ((p.name && p.name !== found.name) || (p.ref && p.ref !== found.ref)) {
        await this.db
          .updateTable('iati_publishers')
          .set({ name: p.name ?? found.name, ref: p.ref ?? found.ref, updated_at: now })
          .where('id', '=', found.id)
          .execute();
      }
      return found.id;
    }
    const row = await this.db
      .insertInto('iati_publishers')
      .values({ key: p.key, ref: p.ref, name: p.name, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async publishers(): Promise<IatiPublisher[]> {
    const rows = await this.db.selectFrom('iati_publishers').select(['id', 'key', 'ref', 'name']).orderBy('name').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, key: r.key, ref: r.ref, name: r.name }));
  }

  private datasetQuery() {
    return this.db
      .selectFrom('iati_datasets as d')
      .innerJoin('iati_publishers as p', 'p.id', 'd.publisher_id')
      .selectAll('d')
      .select(['p.ref as publisher_ref', 'p.name as publisher_name']);
  }

  async findDataset(publisherId: number, fileName: string, sha256: string | null): Promise<IatiDataset | undefined> {
    const rows = await this.datasetQuery()
      .where('d.publisher_id', '=', publisherId)
      .where((eb) => (sha256 ? eb.or([eb('d.file_name', '=', fileName), eb('d.sha256', '=', sha256)]) : eb('d.file_name', '=', fileName)))
      .orderBy('d.id')
      .execute();
    // The same file name first: a publisher's file keeps its dataset when its content changes.
    const row = rows.find((r) => r.file_name === fileName) ?? rows[0];
    return row && toDataset(row);
  }

  async createDataset(publisherId: number, d: DatasetWrite): Promise<number> {
    const row = await this.db
      .insertInto('iati_datasets')
      .values({ publisher_id: publisherId, ...datasetColumns(d) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateDataset(id: number, d: DatasetWrite): Promise<void> {
    await this.db.updateTable('iati_datasets').set(datasetColumns(d)).where('id', '=', id).execute();
  }

  async recount(datasetIds: readonly number[]): Promise<void> {
    for (const id of new Set(datasetIds)) {
      const c = await this.db
        .selectFrom('iati_activities')
        .select((eb) => [eb.fn.countAll().as('activities'), eb.fn.sum<number | string | null>('warning_count').as('warnings')])
        .where('dataset_id', '=', id)
        .executeTakeFirstOrThrow();
      await this.db
        .updateTable('iati_datasets')
        .set({ activities: num(c.activities), warnings: num(c.warnings ?? 0) })
        .where('id', '=', id)
        .execute();
    }
  }

  async datasets(): Promise<IatiDataset[]> {
    const rows = await this.datasetQuery().orderBy('d.imported_at', 'desc').orderBy('d.id', 'desc').execute();
    return rows.map(toDataset);
  }

  async dataset(id: number): Promise<IatiDataset | undefined> {
    const row = await this.datasetQuery().where('d.id', '=', id).executeTakeFirst();
    return row && toDataset(row);
  }

  async deleteDataset(id: number): Promise<number> {
    const ids = this.db.selectFrom('iati_activities').select('id').where('dataset_id', '=', id);
    await this.totals.removing(sql`select id from iati_activities where dataset_id = ${id}`);
    for (const table of CHILDREN) await this.db.deleteFrom(table).where('activity_id', 'in', ids).execute();
    const deleted = await this.db.deleteFrom('iati_activities').where('dataset_id', '=', id).executeTakeFirst();
    const publisher = await this.db.selectFrom('iati_datasets').select('publisher_id').where('id', '=', id).executeTakeFirst();
    await this.db.deleteFrom('iati_datasets').where('id', '=', id).execute();
    // A publisher without datasets is gone too; its next file registers it again.
    if (publisher) {
      const left = await this.db
        .selectFrom('iati_datasets')
        .select('id')
        .where('publisher_id', '=', publisher.publisher_id)
        .executeTakeFirst();
      if (!left) await this.db.deleteFrom('iati_publishers').where('id', '=', publisher.publisher_id).execute();
    }
    return Number(deleted.numDeletedRows);
  }

  async states(identifiers: readonly string[]): Promise<Map<string, ImportedState>> {
    const states = new Map<string, ImportedState>();
    if (identifiers.length === 0) return states;
    const rows = await this.db
      .selectFrom('iati_activities')
      .select(['id', 'identifier', 'dataset_id', 'publisher_id', 'fingerprint', 'promoted_program_id', 'warnings'])
      .where('identifier', 'in', identifiers)
      .execute();
    for (const r of rows) {
      states.set(r.identifier, {
        id: r.id,
        datasetId: r.dataset_id,
        publisherId: r.publisher_id,
        fingerprint: r.fingerprint,
        promotedProgramId: r.promoted_program_id,
        warnings: JSON.parse(r.warnings) as ImportedWarning[],
      });
    }
    return states;
  }

  async insertMany(writes: readonly ImportedWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const values = writes.map((w) => ({ ...activityColumns(w), imported_at: w.now }));
    const rows: { id: number; identifier: string }[] = [];
    if (isPostgres(this.db))
      rows.push(...(await insertJson(this.db, 'iati_activities', values, (insert) => insert.returning(['id', 'identifier']))));
    else {
      for (let i = 0; i < values.length; i += SQLITE_ACTIVITY_ROWS) {
        const chunk = values.slice(i, i + SQLITE_ACTIVITY_ROWS);
        rows.push(...(await this.db.insertInto('iati_activities').values(chunk).returning(['id', 'identifier']).execute()));
      }
    }
    const ids = new Map(rows.map((r) => [r.identifier, r.id]));
    await this.insertChildren(writes.map((w) => ({ ...w, id: present(ids.get(w.activity.identifier), 'an inserted activity') })));
  }

  async replaceMany(writes: readonly (ImportedWrite & { readonly id: number })[]): Promise<void> {
    if (writes.length === 0) return;
    const ids = writes.map((w) => w.id);
    await this.totals.removing(activityIds(ids));
    for (const table of CHILDREN) await this.db.deleteFrom(table).where('activity_id', 'in', ids).execute();
    for (const w of writes) await this.db.updateTable('iati_activities').set(activityColumns(w)).where('id', '=', w.id).execute();
    // A promoted activity counts in the comparisons as the own program it became, not twice.
    const promoted = await this.db
      .selectFrom('iati_activities')
      .select('id')
      .where('id', 'in', ids)
      .where('promoted_program_id', 'is not', null)
      .execute();
    const skip = new Set(promoted.map((r) => r.id));
    await this.insertChildren(writes.filter((w) => !skip.has(w.id)));
  }

  private async insertChildren(writes: readonly (ImportedWrite & { readonly id: number })[]): Promise<void> {
    if (writes.length === 0) return;
    await insertInChunks(
      this.db,
      'iati_activity_sectors',
      writes.flatMap((w) =>
        w.activity.sectors.map((s) => ({ activity_id: w.id, vocabulary: s.vocabulary, code: s.code, percentage: s.percentage })),
      ),
    );
    await insertInChunks(
      this.db,
      'iati_activity_facts',
      writes.flatMap((w) =>
        w.activity.facts.map((f) => ({
          activity_id: w.id,
          publisher_id: w.publisherId,
          country_code: f.country,
          year: f.year,
          currency: f.currency,
          starts: f.starts,
          budget_minor: f.budgetMinor,
          spend_minor: f.spendMinor,
        })),
      ),
    );
    await this.totals.added(writes.map((w) => w.id));
  }

  async move(ids: readonly number[], datasetId: number, publisherId: number, now: string): Promise<void> {
    if (ids.length === 0) return;
    await this.totals.removing(activityIds(ids));
    await this.db
      .updateTable('iati_activities')
      .set({ dataset_id: datasetId, publisher_id: publisherId, updated_at: now })
      .where('id', 'in', ids)
      .execute();
    await this.db.updateTable('iati_activity_facts').set({ publisher_id: publisherId }).where('activity_id', 'in', ids).execute();
    await this.totals.added(ids);
  }

  private summaryQuery() {
    return this.db
      .selectFrom('iati_activities as a')
      .innerJoin('iati_publishers as p', 'p.id', 'a.publisher_id')
      .innerJoin('iati_datasets as d', 'd.id', 'a.dataset_id')
      .select([
        'a.id',
        'a.identifier',
        'a.title',
        'a.year',
        'a.activity_status',
        'a.publisher_id',
        'p.ref as publisher_ref',
        'p.name as publisher_name',
        'a.dataset_id',
        'd.file_name',
        'd.imported_at',
        'a.warning_count',
        'a.prefix_ok',
        'a.promoted_program_id',
      ]);
  }

  async list(q: ImportedListQuery): Promise<{ items: ImportedSummary[]; total: number }> {
    let query = this.summaryQuery();
    if (q.publisherId !== undefined) query = query.where('a.publisher_id', '=', q.publisherId);
    if (q.datasetId !== undefined) query = query.where('a.dataset_id', '=', q.datasetId);
    if (q.year !== undefined) query = query.where('a.year', '=', q.year);
    if (q.withWarnings) query = query.where('a.warning_count', '>', 0);
    if (q.country) {
      const country = q.country;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('iati_activity_facts as f')
            .select('f.activity_id')
            .whereRef('f.activity_id', '=', 'a.id')
            .where('f.country_code', '=', country),
        ),
      );
    }
    if (q.q) {
      const pattern = likePattern(q.q.toLowerCase());
      query = query.where((eb) =>
        eb.or([eb(eb.fn('lower', ['a.title']), 'like', pattern), eb(eb.fn('lower', ['a.identifier']), 'like', pattern)]),
      );
    }
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy('a.year', 'desc')
      .orderBy('a.identifier')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return { items: rows.map(toSummary), total: num(total.n) };
  }

  async get(id: number): Promise<ImportedDetail | undefined> {
    const row = await this.summaryQuery().select(['a.line', 'a.data', 'a.warnings']).where('a.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const sectors = await this.db
      .selectFrom('iati_activity_sectors')
      .select(['vocabulary', 'code', 'percentage'])
      .where('activity_id', '=', id)
      .execute();
    return {
      ...toSummary(row),
      line: row.line,
      record: JSON.parse(row.data) as ImportedActivityData,
      warnings: JSON.parse(row.warnings) as ImportedWarning[],
      sectors: sectors.map((s) => ({
        vocabulary: s.vocabulary,
        code: s.code,
        percentage: s.percentage === null ? null : num(s.percentage),
      })),
    };
  }

  async markPromoted(id: number, programId: number): Promise<void> {
    await this.db.updateTable('iati_activities').set({ promoted_program_id: programId }).where('id', '=', id).execute();
    await this.totals.removing(activityIds([id]));
    await this.db.deleteFrom('iati_activity_facts').where('activity_id', '=', id).execute();
  }

  async compare(country: string, fromYear: number, toYear: number): Promise<ComparisonRow[]> {
    await this.totals.settle();
    const rows = await this.db
      .selectFrom('iati_country_totals')
      .select((eb) => [
        'publisher_id',
        'year',
        'currency',
        eb.fn.sum<number | string>('starts').as('activities'),
        eb.fn.sum<number | string>('budget_minor').as('budget'),
        eb.fn.sum<number | string>('spend_minor').as('spend'),
      ])
      .where('country_code', '=', country)
      .where('year', '>=', fromYear)
      .where('year', '<=', toYear)
      .groupBy(['publisher_id', 'year', 'currency'])
      .execute();
    return rows.map((r) => ({
      publisherId: r.publisher_id,
      year: r.year,
      currency: r.currency,
      activities: num(r.activities),
      budgetMinor: num(r.budget),
      spendMinor: num(r.spend),
    }));
  }

  async compareSectors(country: string, fromYear: number, toYear: number): Promise<SectorComparisonRow[]> {
    await this.totals.settle();
    // An activity starts in one year: its counts in the years of the range add up without repeats.
    const rows = await this.db
      .selectFrom('iati_country_sector_totals')
      .select((eb) => ['publisher_id', 'vocabulary', 'code', eb.fn.sum<number | string>('activities').as('activities')])
      .where('country_code', '=', country)
      .where('year', '>=', fromYear)
      .where('year', '<=', toYear)
      .groupBy(['publisher_id', 'vocabulary', 'code'])
      .execute();
    return rows.map((r) => ({ publisherId: r.publisher_id, vocabulary: r.vocabulary, code: r.code, activities: num(r.activities) }));
  }
}

type SummaryRow = {
  id: number;
  identifier: string;
  title: string | null;
  year: number | null;
  activity_status: number | null;
  publisher_id: number;
  publisher_ref: string | null;
  publisher_name: string | null;
  dataset_id: number;
  file_name: string;
  imported_at: string;
  warning_count: number;
  prefix_ok: number;
  promoted_program_id: number | null;
};

function toSummary(r: SummaryRow): ImportedSummary {
  return {
    id: r.id,
    identifier: r.identifier,
    title: r.title,
    year: r.year,
    activityStatus: r.activity_status,
    publisherId: r.publisher_id,
    publisherRef: r.publisher_ref,
    publisherName: r.publisher_name,
    datasetId: r.dataset_id,
    fileName: r.file_name,
    importedAt: r.imported_at,
    warningCount: num(r.warning_count),
    prefixOk: num(r.prefix_ok) === 1,
    promotedProgramId: r.promoted_program_id,
  };
}
