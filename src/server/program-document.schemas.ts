/** Program documents' schemas and presenters (program-document.routes.ts; docs/documents.md). */
import { z } from 'zod';
import {
  documentCategories,
  programDocumentFieldsSchema,
  programDocumentKinds,
  type ProgramDocument,
  type ProgramDocumentVersion,
} from '../domain/program/document.js';

const count = z.number().int().nonnegative();

export const documentParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  documentId: z.coerce.number().int().positive().max(2_147_483_647),
});
export const versionParams = documentParams.extend({ versionNo: z.coerce.number().int().positive().max(1_000_000) });

export const programDocumentVersionSchema = z
  .object({
    versionNo: count,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: count,
    sha256: z.string(),
    hasThumbnail: z.boolean(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'ProgramDocumentVersion' });

export const programDocumentSchema = z
  .object({
    id: count,
    activityId: count,
    kind: z.enum(programDocumentKinds.codes),
    category: z.enum(documentCategories.codes),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    languages: z.array(z.string()),
    documentDate: z.string().nullable(),
    description: z.string().nullable(),
    isPublic: z.boolean(),
    currentVersion: count,
    version: count,
    createdAt: z.string(),
    updatedAt: z.string(),
    current: programDocumentVersionSchema,
    /** Where the public reads it (a public document of a published program), relative to the server. */
    publicUrl: z.string().nullable(),
  })
  .meta({ id: 'ProgramDocument' });

export const programDocumentListSchema = z.object({ items: z.array(programDocumentSchema), canManage: z.boolean() });
export const programDocumentDetailSchema = z.object({ document: programDocumentSchema, versions: z.array(programDocumentVersionSchema) });

function presentVersion(v: ProgramDocumentVersion): z.output<typeof programDocumentVersionSchema> {
  return {
    versionNo: v.versionNo,
    fileName: v.fileName,
    contentType: v.contentType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
    hasThumbnail: v.hasThumbnail,
    uploadedBy: v.uploadedBy,
    uploadedAt: v.uploadedAt,
  };
}

export function presentProgramDocument(d: ProgramDocument): z.output<typeof programDocumentSchema> {
  return {
    id: d.id,
    activityId: d.activityId,
    kind: d.kind,
    category: d.category,
    titleEn: d.titleEn,
    titleId: d.titleId,
    languages: [...d.languages],
    documentDate: d.documentDate,
    description: d.description,
    isPublic: d.isPublic,
    currentVersion: d.currentVersion,
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    current: presentVersion(d.current),
    publicUrl: d.isPublic ? `/api/v1/public/documents/${d.id}` : null,
  };
}

export function presentVersions(versions: readonly ProgramDocumentVersion[]): z.output<typeof programDocumentVersionSchema>[] {
  return versions.map(presentVersion);
}

/**
 * The metadata fields of an upload form (multipart text fields): `languages` comma-separated,
 * `public` "true" or absent, empty fields absent.
 */
export function uploadFieldsOf(fields: Record<string, string>): unknown {
  const text = (k: string) => (fields[k]?.trim() ? fields[k].trim() : undefined);
  return {
    kind: text('kind'),
    category: text('category'),
    titleEn: text('titleEn') ?? '',
    titleId: text('titleId'),
    languages: (text('languages') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    documentDate: text('documentDate'),
    description: text('description'),
    isPublic: fields.public === 'true',
  };
}

export { programDocumentFieldsSchema };
