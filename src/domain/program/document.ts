/**
 * A program's documents (issue 25; docs/documents.md): terms of reference, curriculum,
 * participant list, completion and evaluation reports, photos, handover certificates. Each is
 * typed with an IATI DocumentCategory code of the activity level (A01–A12), private unless
 * marked public, and versioned: a new upload of the same document is its next version.
 *
 * DocumentCategory names from the IATI Standard codelists 2.03 (http://iatistandard.org/,
 * CC BY 4.0; shared/reference/iati/codelists/DocumentCategory.xml); the Indonesian names are ours.
 */
import { z } from 'zod';
import { defineCodeSet } from '../code-set.js';
import { calendarDate } from '../schema-helpers.js';

/** IATI DocumentCategory, activity level (category A). */
export const documentCategories = defineCodeSet({
  A01: { en: 'Pre- and post-project impact appraisal', id: 'Kajian dampak sebelum dan sesudah proyek' },
  A02: { en: 'Objectives / Purpose of activity', id: 'Tujuan / maksud kegiatan' },
  A03: { en: 'Intended ultimate beneficiaries', id: 'Penerima manfaat akhir yang dituju' },
  A04: { en: 'Conditions', id: 'Persyaratan' },
  A05: { en: 'Budget', id: 'Anggaran' },
  A06: { en: 'Summary information about contract', id: 'Ringkasan informasi kontrak' },
  A07: { en: 'Review of project performance and evaluation', id: 'Tinjauan kinerja dan evaluasi proyek' },
  A08: { en: 'Results, outcomes and outputs', id: 'Hasil, capaian dan keluaran' },
  A09: { en: 'Memorandum of understanding (If agreed by all parties)', id: 'Nota kesepahaman (jika disetujui semua pihak)' },
  A10: { en: 'Tender', id: 'Tender' },
  A11: { en: 'Contract', id: 'Kontrak' },
  A12: { en: 'Activity web page', id: 'Halaman web kegiatan' },
});
export type DocumentCategory = (typeof documentCategories.codes)[number];

/** Our own kinds, the words people use, each published under one DocumentCategory. */
export const programDocumentKinds = defineCodeSet({
  terms_of_reference: { en: 'Terms of reference', id: 'Kerangka acuan kerja (KAK/TOR)', aliases: ['tor', 'kak'] },
  curriculum: { en: 'Curriculum', id: 'Kurikulum' },
  participant_list: { en: 'Participant list', id: 'Daftar peserta' },
  completion_report: { en: 'Completion report', id: 'Laporan penyelesaian' },
  evaluation_report: { en: 'Evaluation report', id: 'Laporan evaluasi' },
  photo: { en: 'Photo', id: 'Foto' },
  handover_certificate: { en: 'Handover certificate', id: 'Berita acara serah terima' },
  other: { en: 'Other', id: 'Lainnya' },
});
export type ProgramDocumentKind = (typeof programDocumentKinds.codes)[number];

/**
 * The DocumentCategory each kind is published under: the terms of reference and the curriculum
 * state the activity's objectives (A02), the participant list its beneficiaries (A03), reports
 * and photos its results (A08) or review (A07), a handover certificate is a record of the
 * contract's delivery (A06). A document may name another category.
 */
export const CATEGORY_OF_KIND: Readonly<Record<ProgramDocumentKind, DocumentCategory>> = {
  terms_of_reference: 'A02',
  curriculum: 'A02',
  participant_list: 'A03',
  completion_report: 'A08',
  evaluation_report: 'A07',
  photo: 'A08',
  handover_certificate: 'A06',
  other: 'A08',
};

/** Languages a document may be written in (ISO 639-1; IATI Language codelist). */
const languageSchema = z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as "id" or "en"');

export const PROGRAM_DOCUMENT_TITLE_MAX = 200;
export const PROGRAM_DOCUMENT_DESCRIPTION_MAX = 2000;

/** The fields a document's metadata has (upload and change). */
export const programDocumentFieldsSchema = z.strictObject({
  kind: z.enum(programDocumentKinds.codes),
  /** Defaults to the kind's category. */
  category: z.enum(documentCategories.codes).optional(),
  titleEn: z.string().trim().min(1).max(PROGRAM_DOCUMENT_TITLE_MAX),
  titleId: z.string().trim().max(PROGRAM_DOCUMENT_TITLE_MAX).nullish(),
  languages: z.array(languageSchema).max(5).default([]),
  documentDate: calendarDate.nullish(),
  description: z.string().trim().max(PROGRAM_DOCUMENT_DESCRIPTION_MAX).nullish(),
  isPublic: z.boolean().default(false),
});
export type ProgramDocumentFields = z.infer<typeof programDocumentFieldsSchema>;

/** A change of metadata: any of the fields. */
export const programDocumentPatchSchema = programDocumentFieldsSchema.partial().strict();
export type ProgramDocumentPatch = z.infer<typeof programDocumentPatchSchema>;

export interface ProgramDocumentVersion {
  readonly documentId: number;
  readonly versionNo: number;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly hasThumbnail: boolean;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export interface ProgramDocument {
  readonly id: number;
  readonly activityId: number;
  readonly kind: ProgramDocumentKind;
  readonly category: DocumentCategory;
  readonly titleEn: string;
  readonly titleId: string | null;
  readonly languages: readonly string[];
  readonly documentDate: string | null;
  readonly description: string | null;
  readonly isPublic: boolean;
  /** The number of the latest version (the one the public and the IATI file link to). */
  readonly currentVersion: number;
  /** The record's version for If-Match (moves on at every change of metadata or a new upload). */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly current: ProgramDocumentVersion;
}

/** The stable public address of a public document's current file (what the IATI document-link names). */
export function publicDocumentPath(documentId: number): string {
  return `/api/v1/public/documents/${documentId}`;
}
