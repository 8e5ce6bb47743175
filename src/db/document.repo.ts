/** Documents attached to a nomination (a participant record): their metadata, their content and its SHA-256. */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DocumentMeta } from '../domain/offer/documents.js';
import type { DocumentRepository, DocumentWrite } from '../services/offers.ports.js';
import type { Database, ParticipantDocumentsTable } from './schema.js';
import { num } from './sql-helpers.js';

const META_COLUMNS = [
  'id',
  'participant_id',
  'kind',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

function toMeta(r: Pick<Selectable<ParticipantDocumentsTable>, (typeof META_COLUMNS)[number]>): DocumentMeta {
  return {
    id: r.id,
    participantId: r.participant_id,
    kind: r.kind,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: num(r.size_bytes),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

export class DocumentRepo implements DocumentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(w: DocumentWrite, now: string): Promise<DocumentMeta> {
    const row = await this.db
      .insertInto('participant_documents')
      .values({
        participant_id: w.participantId,
        kind: w.kind,
        file_name: w.fileName,
        content_type: w.contentType,
        size_bytes: w.content.length,
        sha256: createHash('sha256').update(w.content).digest('hex'),
        content: Buffer.from(w.content.buffer, w.content.byteOffset, w.content.byteLength),
        uploaded_by: w.uploadedBy,
        created_at: now,
      })
      .returning(META_COLUMNS)
      .executeTakeFirstOrThrow();
    return toMeta(row);
  }

  async listFor(participantId: number): Promise<DocumentMeta[]> {
    const rows = await this.db
      .selectFrom('participant_documents')
      .select(META_COLUMNS)
      .where('participant_id', '=', participantId)
      .orderBy('id')
      .execute();
    return rows.map(toMeta);
  }

  async findMeta(id: number): Promise<DocumentMeta | undefined> {
    const row = await this.db.selectFrom('participant_documents').select(META_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toMeta(row) : undefined;
  }

  async content(id: number): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('participant_documents').select('content').where('id', '=', id).executeTakeFirst();
    return row ? new Uint8Array(row.content) : undefined;
  }
}
