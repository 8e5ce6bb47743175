/**
 * A person's access request (UU PDP, Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data
 * Pribadi, Art. 7: the data subject's right to access and obtain a copy of their personal data):
 * everything Mitra holds keyed to the person, gathered over every record that shares their
 * person key. The export's shape and its pure helpers; services/personal-data.ts gathers it,
 * io/pdf/personal-data.ts prints it.
 */
import { z } from 'zod';
import type { AuditEntry } from '../audit.js';
import type { Participant } from '../participant/participant.js';
import type { SurveyAnswers } from '../alumni/survey.js';

/** Which law the export answers (cited in the JSON and the PDF). */
export const ACCESS_RIGHT_CITATION = 'UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 7';

/** How a person is named in an access request: any one of their records, their email, or their person key. */
export type PersonLookup = { readonly participantId: number } | { readonly email: string } | { readonly personKey: string };

export const personLookupSchema = z
  .object({
    participantId: z.number().int().positive().max(2_147_483_647).optional(),
    email: z.string().trim().min(3).max(320).optional(),
    personKey: z.string().trim().min(3).max(400).optional(),
  })
  .refine((v) => [v.participantId, v.email, v.personKey].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of participantId, email or personKey',
  })
  .meta({ id: 'PersonLookup' });

/** The one key the lookup names (the schema's refinement makes sure there is exactly one). */
export function toLookup(v: z.output<typeof personLookupSchema>): PersonLookup {
  if (v.participantId !== undefined) return { participantId: v.participantId };
  if (v.email !== undefined) return { email: v.email };
  return { personKey: v.personKey ?? '' };
}

export interface ExportProgram {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly implementingOrg: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface ExportDocument {
  readonly id: number;
  readonly participantId: number;
  readonly kind: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly createdAt: string;
  /** Where the file itself is downloaded (the export lists files; it does not embed them). */
  readonly href: string;
}

export interface ExportMail {
  readonly id: number;
  readonly participantId: number | null;
  readonly kind: string;
  readonly toAddress: string;
  readonly subject: string;
  readonly bodyText: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export interface ExportSurveyAnswer {
  readonly invitationId: number;
  readonly participantId: number;
  readonly surveyCode: string;
  readonly surveyNameEn: string;
  readonly dueOn: string;
  readonly sentAt: string | null;
  readonly answeredAt: string | null;
  readonly answers: SurveyAnswers | null;
}

export interface ExportCertificate {
  readonly id: number;
  readonly participantId: number;
  readonly number: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

export interface ExportEvent {
  readonly id: number;
  readonly participantId: number;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly at: string;
  readonly byLabel: string;
  readonly note: string | null;
}

export interface ExportAttendance {
  readonly participantId: number;
  readonly day: string;
  readonly present: boolean;
}

export interface ExportConsent {
  readonly participantId: number;
  readonly consentAt: string | null;
  readonly nominatedAt: string | null;
  readonly nominatedBy: string | null;
}

/** Everything held about one person, as the JSON export gives it. */
export interface PersonalDataExport {
  readonly generatedAt: string;
  readonly law: string;
  readonly personKey: string;
  readonly participants: readonly Participant[];
  readonly programs: readonly ExportProgram[];
  readonly consents: readonly ExportConsent[];
  readonly documents: readonly ExportDocument[];
  readonly events: readonly ExportEvent[];
  readonly attendance: readonly ExportAttendance[];
  readonly certificates: readonly ExportCertificate[];
  readonly mail: readonly ExportMail[];
  readonly surveyAnswers: readonly ExportSurveyAnswer[];
  readonly auditEntries: readonly AuditEntry[];
}

/** The consent records of the person's participant records (UU PDP Art. 20: consent as a basis of processing). */
export function consentsOf(participants: readonly Participant[]): ExportConsent[] {
  return participants.map((p) => ({ participantId: p.id, consentAt: p.consentAt, nominatedAt: p.nominatedAt, nominatedBy: p.nominatedBy }));
}

/** The counts of an export, for its audit entry and the PDF's summary (never the values). */
export function exportCounts(e: PersonalDataExport): Record<string, number> {
  return {
    participants: e.participants.length,
    documents: e.documents.length,
    events: e.events.length,
    attendance: e.attendance.length,
    certificates: e.certificates.length,
    mail: e.mail.length,
    surveyAnswers: e.surveyAnswers.length,
    auditEntries: e.auditEntries.length,
  };
}
