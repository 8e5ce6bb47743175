/** Documents on programs and their versions (issue 25; docs/documents.md). Conventions: ../schema.ts. */
import type { Generated } from 'kysely';
import type { DocumentCategory, ProgramDocumentKind } from '../../domain/program/document.js';

export interface ProgramDocumentsTable {
  id: Generated<number>;
  activity_id: number;
  kind: ProgramDocumentKind;
  category: DocumentCategory;
  title_en: string;
  title_id: string | null;
  /** ISO 639-1 codes, comma-separated. */
  languages: Generated<string>;
  document_date: string | null;
  description: string | null;
  is_public: Generated<number>;
  current_version: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProgramDocumentVersionsTable {
  id: Generated<number>;
  document_id: number;
  version_no: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | Uint8Array;
  thumbnail: Buffer | Uint8Array | null;
  uploaded_by: string;
  uploaded_at: string;
}
