/**
 * Ports of program documents (services/program-documents.ts; docs/documents.md): documents with
 * their versions' files and thumbnails; src/db/program-document.repo.ts implements them.
 */
import type { DocumentCategory, ProgramDocument, ProgramDocumentFields, ProgramDocumentVersion } from '../domain/program/document.js';

/** A file to store as a document's version, with its thumbnail when it is a photo. */
export type NewProgramDocumentFile = Pick<ProgramDocumentVersion, 'fileName' | 'contentType' | 'sha256' | 'uploadedBy'> & {
  readonly content: Uint8Array;
  readonly thumbnail: Uint8Array | null;
  readonly now: string;
};

/** The stored metadata of a document: the fields with their category decided. */
export type ProgramDocumentData = Omit<ProgramDocumentFields, 'category'> & { readonly category: DocumentCategory };

export interface ProgramDocumentFileContent {
  readonly version: ProgramDocumentVersion;
  readonly content: Uint8Array;
}

export interface ProgramDocumentRepository {
  /** A program's documents, newest first; `publicOnly` keeps those marked public. */
  list(activityId: number, publicOnly: boolean): Promise<ProgramDocument[]>;
  find(id: number): Promise<ProgramDocument | undefined>;
  /** Every version of a document, newest first. */
  versions(id: number): Promise<ProgramDocumentVersion[]>;
  /** A new document with its first version. */
  insert(activityId: number, data: ProgramDocumentData, file: NewProgramDocumentFile): Promise<ProgramDocument>;
  /** The next version; false when the record's version is not `expectedVersion` (null: any). */
  addVersion(id: number, expectedVersion: number | null, file: NewProgramDocumentFile): Promise<boolean>;
  /** Changes the metadata; false when the record's version is not `expectedVersion` (null: any). */
  update(id: number, expectedVersion: number | null, data: ProgramDocumentData, now: string): Promise<boolean>;
  /** Removes the document and every version of it. */
  remove(id: number): Promise<boolean>;
  file(id: number, versionNo: number): Promise<ProgramDocumentFileContent | undefined>;
  thumbnail(id: number, versionNo: number): Promise<Uint8Array | undefined>;
  /** The public documents of these programs, by program id (the IATI file's document-link). */
  publicOf(activityIds: readonly number[]): Promise<ReadonlyMap<number, readonly ProgramDocument[]>>;
}

/** Makes a photo's thumbnail (src/io/thumbnail.ts), or says why the photo is refused. */
export type ThumbnailMaker = (type: 'jpeg' | 'png', bytes: Uint8Array) => { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** What the demo data's documents are made with (src/io/demo-files.ts): small files generated when the demo loads, never committed. */
export interface DemoFileMaker {
  /** A one-page PDF with a heading and paragraphs. */
  pdf(title: string, paragraphs: readonly string[]): Promise<Uint8Array>;
  /** A small PNG placeholder standing for a photo (a pattern, clearly not a real photo). */
  placeholderPhoto(seed: number): Uint8Array;
  readonly makeThumbnail: ThumbnailMaker;
}
