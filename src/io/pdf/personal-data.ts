/**
 * A person's access-request export as a PDF (UU PDP Art. 7; docs/privacy.md): the same content
 * as the JSON export, section by section, in Indonesian with English, so the person can read
 * what Mitra holds about them. Tables carry values as text; survey answers and audit changes
 * are printed as compact JSON.
 */
import type { PersonalDataExport } from '../../domain/personal-data/access.js';
import { exportCounts } from '../../domain/personal-data/access.js';
import { renderPdf, type Content, type TableCell, type TDocumentDefinitions } from './pdfmake.js';

const ACCENT = '#1f6f8b';
const MUTED = '#555555';

type Cell = string | number | boolean | null | undefined;

const text = (v: Cell): string => (v === null || v === undefined ? '—' : String(v));

function heading(id: string, en: string): Content {
  return {
    text: [
      { text: id, bold: true },
      { text: ` / ${en}`, italics: true, color: MUTED },
    ],
    fontSize: 12,
    color: ACCENT,
    margin: [0, 12, 0, 4],
  };
}

/** A table of rows, or a line saying there is none. */
function table(columns: readonly string[], rows: readonly (readonly Cell[])[]): Content {
  if (rows.length === 0) return { text: 'Tidak ada / None', italics: true, color: MUTED, fontSize: 9 };
  const body: TableCell[][] = [
    columns.map((c) => ({ text: c, bold: true, fontSize: 8 })),
    ...rows.map((r) => r.map((v) => ({ text: text(v), fontSize: 8 }))),
  ];
  return { table: { headerRows: 1, widths: columns.map(() => '*'), body }, layout: 'lightHorizontalLines' };
}

export function personalDataDefinition(e: PersonalDataExport): TDocumentDefinitions {
  const counts = exportCounts(e);
  const [first] = e.participants;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 40],
    info: {
      title: `Data pribadi / Personal data ${first?.fullName ?? ''}`.trim(),
      author: 'Mitra',
      creator: 'Mitra',
      producer: 'Mitra (pdfmake)',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#1a1a1a' },
    content: [
      { text: 'Salinan Data Pribadi', fontSize: 20, bold: true, color: ACCENT },
      { text: 'Copy of personal data', fontSize: 13, italics: true, color: MUTED, margin: [0, 0, 0, 6] },
      { text: e.law, fontSize: 9 },
      { text: `Dibuat / Generated: ${e.generatedAt}`, fontSize: 9 },
      { text: `Kunci orang / Person key: ${e.personKey}`, fontSize: 9, margin: [0, 0, 0, 4] },
      table(Object.keys(counts), [Object.values(counts)]),
      heading('Catatan peserta', 'Participant records'),
      table(
        ['id', 'program', 'name', 'sex', 'country', 'organisation', 'position', 'email', 'phone', 'status', 'nominated by', 'erased at'],
        e.participants.map((p) => [
          p.id,
          e.programs.find((g) => g.id === p.activityId)?.identifier ?? p.activityId,
          p.fullName,
          p.sex,
          p.country,
          p.organisation,
          p.position,
          p.email,
          p.phone,
          p.status,
          p.nominatedBy,
          p.erasedAt,
        ]),
      ),
      heading('Program', 'Programs'),
      table(
        ['id', 'identifier', 'title', 'implementing', 'start', 'end'],
        e.programs.map((g) => [g.id, g.identifier, g.titleEn ?? g.titleId, g.implementingOrg, g.startDate, g.endDate]),
      ),
      heading('Persetujuan', 'Consent'),
      table(
        ['record', 'consent at', 'nominated at', 'nominated by'],
        e.consents.map((c) => [c.participantId, c.consentAt, c.nominatedAt, c.nominatedBy]),
      ),
      heading('Dokumen', 'Documents'),
      table(
        ['record', 'kind', 'file', 'type', 'bytes', 'sha256', 'uploaded by', 'at'],
        e.documents.map((d) => [
          d.participantId,
          d.kind,
          d.fileName,
          d.contentType,
          d.sizeBytes,
          d.sha256.slice(0, 16),
          d.uploadedBy,
          d.createdAt,
        ]),
      ),
      heading('Riwayat', 'Nomination and journey'),
      table(
        ['record', 'from', 'to', 'at', 'by', 'note'],
        e.events.map((v) => [v.participantId, v.fromStatus, v.toStatus, v.at, v.byLabel, v.note]),
      ),
      heading('Kehadiran', 'Attendance'),
      table(
        ['record', 'day', 'present'],
        e.attendance.map((a) => [a.participantId, a.day, a.present ? 'yes' : 'no']),
      ),
      heading('Sertifikat', 'Certificates'),
      table(
        ['record', 'number', 'issued', 'revoked'],
        e.certificates.map((c) => [c.participantId, c.number, c.issuedAt, c.revokedAt]),
      ),
      heading('Surat', 'Mail sent'),
      table(
        ['record', 'kind', 'to', 'subject', 'created', 'sent', 'text'],
        e.mail.map((m) => [m.participantId, m.kind, m.toAddress, m.subject, m.createdAt, m.sentAt, m.bodyText]),
      ),
      heading('Jawaban survei', 'Survey answers'),
      table(
        ['record', 'survey', 'due', 'answered', 'answers'],
        e.surveyAnswers.map((s) => [s.participantId, s.surveyCode, s.dueOn, s.answeredAt, s.answers ? JSON.stringify(s.answers) : null]),
      ),
      heading('Log audit', 'Audit entries'),
      table(
        ['at', 'who', 'action', 'record', 'changes', 'comment'],
        e.auditEntries.map((a) => [a.at, a.actorLabel, a.action, `${a.entity} ${a.entityId ?? ''}`, JSON.stringify(a.changes), a.comment]),
      ),
    ],
  };
}

export function renderPersonalDataPdf(e: PersonalDataExport): Promise<Buffer> {
  return renderPdf(personalDataDefinition(e));
}
