/**
 * Documents on programs and their versions (issue 25; docs/documents.md). A document row holds
 * the metadata and the number of its current version; each version row holds its file (and a
 * photo's thumbnail) as agreement documents hold theirs. Lists never read the files.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProgramDocument, ProgramDocumentVersion } from '../domain/program/document.js';
import type {
  NewProgramDocumentFile,
  ProgramDocumentData,
  ProgramDocumentFileContent,
  ProgramDocumentRepository,
} from '../services/program-documents.ports.js';
import type { Database, ProgramDocumentsTable, ProgramDocumentVersionsTable } from './schema.js';
import { bool, num } from './sql-helpers.js';

type VersionRow = Omit<Selectable<ProgramDocumentVersionsTable>, 'id' | 'content' | 'thumbnail'> & { has_thumbnail: unknown };

const VERSION_COLUMNS = [
  'v.document_id',
  'v.version_no',
  'v.file_name',
  'v.content_type',
  'v.size_bytes',
  'v.sha256',
  'v.uploaded_by',
  'v.uploaded_at',
] as const;

function toVersion(r: VersionRow): ProgramDocumentVersion {
  return {
    documentId: num(r.document_id),
    versionNo: num(r.version_no),
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: num(r.size_bytes),
    sha256: r.sha256,
    hasThumbnail: num(r.has_thumbnail) === 1,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

function toDocument(d: Selectable<ProgramDocumentsTable>, current: ProgramDocumentVersion): ProgramDocument {
  return {
    id: num(d.id),
    activityId: num(d.activity_id),
    kind: d.kind,
    category: d.category,
    titleEn: d.title_en,
    titleId: d.title_id,
    languages: d.languages ? d.languages.split(',') : [],
    documentDate: d.document_date,
    description: d.description,
    isPublic: bool(d.is_public),
    currentVersion: num(d.current_version),
    version: num(d.version),
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    current,
  };
}

function dataColumns(data: ProgramDocumentData) {
  return {
    kind: data.kind,
    category: data.category,
    title_en: data.titleEn,
    title_id: data.titleId ?? null,
    languages: data.languages.join(','),
    document_date: data.documentDate ?? null,
    description: data.description ?? null,
    is_public: data.isPublic ? 1 : 0,
  };
}

export class ProgramDocumentRepo implements ProgramDocumentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private hasThumbnail() {
    return sql<number>`case when v.thumbnail is null then 0 else 1 end`.as('has_thumbnail');
  }

  /** Documents with their current versions, in one query. */
  private async select(where: (q: ReturnType<ProgramDocumentRepo['base']>) => ReturnType<ProgramDocumentRepo['base']>) {
    const rows = await where(this.base()).orderBy('d.id', 'desc').execute();
    return rows.map((r) => toDocument(r, toVersion(r)));
  }

  private base() {
    return this.db
      .selectFrom('program_documents as d')
      .innerJoin('program_document_versions as v', (j) =>
        j.onRef('v.document_id', '=', 'd.id').onRef('v.version_no', '=', 'd.current_version'),
      )
      .selectAll('d')
      .select([...VERSION_COLUMNS, this.hasThumbnail()]);
  }

  async list(activityId: number, publicOnly: boolean): Promise<ProgramDocument[]> {
    return this.select((q) => {
      const own = q.where('d.activity_id', '=', activityId);
      return publicOnly ? own.where('d.is_public', '=', 1) : own;
    });
  }

  async find(id: number): Promise<ProgramDocument | undefined> {
    return (await this.select((q) => q.where('d.id', '=', id)))[0];
  }

  async versions(id: number): Promise<ProgramDocumentVersion[]> {
    const rows = await this.db
      .selectFrom('program_document_versions as v')
      .select([...VERSION_COLUMNS, this.hasThumbnail()])
      .where('v.document_id', '=', id)
      .orderBy('v.version_no', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  private async insertVersion(documentId: number, versionNo: number, file: NewProgramDocumentFile): Promise<void> {
    await this.db
      .insertInto('program_document_versions')
      .values({
        document_id: documentId,
        version_no: versionNo,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.content.byteLength,
        sha256: file.sha256,
        content: Buffer.from(file.content),
        thumbnail: file.thumbnail ? Buffer.from(file.thumbnail) : null,
        uploaded_by: file.uploadedBy,
        uploaded_at: file.now,
      })
      .execute();
  }

  async insert(activityId: number, data: ProgramDocumentData, file: NewProgramDocumentFile): Promise<ProgramDocument> {
    const row = await this.db
      .insertInto('program_documents')
      .values({ activity_id: activityId, ...dataColumns(data), current_version: 1, created_at: file.now, updated_at: file.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = num(row.id);
    await this.insertVersion(id, 1, file);
    const stored = await this.find(id);
    if (!stored) throw new Error(`program document ${id} vanished after its insert`);
    return stored;
  }

  async addVersion(id: number, expectedVersion: number | null, file: NewProgramDocumentFile): Promise<boolean> {
    // Moving current_version on first takes the row's lock, so two uploads number their versions one after the other.
    let q = this.db
      .updateTable('program_documents')
      .set((eb) => ({ current_version: eb('current_version', '+', 1), version: eb('version', '+', 1), updated_at: file.now }))
      .where('id', '=', id);
    if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
    const updated = await q.returning('current_version').executeTakeFirst();
    if (!updated) return false;
    await this.insertVersion(id, num(updated.current_version), file);
    return true;
  }

  async update(id: number, expectedVersion: number | null, data: ProgramDocumentData, now: string): Promise<boolean> {
    let q = this.db
      .updateTable('program_documents')
      .set((eb) => ({ ...dataColumns(data), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id);
    if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async remove(id: number): Promise<boolean> {
    // Versions first: SQLite enforces the cascade only with foreign keys switched on.
    await this.db.deleteFrom('program_document_versions').where('document_id', '=', id).execute();
    const result = await this.db.deleteFrom('program_documents').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async file(id: number, versionNo: number): Promise<ProgramDocumentFileContent | undefined> {
    const row = await this.db
      .selectFrom('program_document_versions as v')
      .select([...VERSION_COLUMNS, this.hasThumbnail(), 'v.content'])
      .where('v.document_id', '=', id)
      .where('v.version_no', '=', versionNo)
      .executeTakeFirst();
    return row ? { version: toVersion(row), content: new Uint8Array(row.content) } : undefined;
  }

  async thumbnail(id: number, versionNo: number): Promise<Uint8Array | undefined> {
    const row = await this.db
      .selectFrom('program_document_versions')
      .select('thumbnail')
      .where('document_id', '=', id)
      .where('version_no', '=', versionNo)
      .executeTakeFirst();
    return row?.thumbnail ? new Uint8Array(row.thumbnail) : undefined;
  }

  async publicOf(activityIds: readonly number[]): Promise<ReadonlyMap<number, readonly ProgramDocument[]>> {
    const byProgram = new Map<number, ProgramDocument[]>();
    if (!activityIds.length) return byProgram;
    const docs = await this.select((q) => q.where('d.activity_id', 'in', [...activityIds]).where('d.is_public', '=', 1));
    for (const d of docs.reverse()) byProgram.set(d.activityId, [...(byProgram.get(d.activityId) ?? []), d]);
    return byProgram;
  }
}
