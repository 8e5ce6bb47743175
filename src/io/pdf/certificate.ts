/**
 * A certificate of completion as a PDF: one A4 landscape page in Indonesian and English (as
 * Indonesian government certificates are), with the participant's name, the program, its dates,
 * venue and implementing agency, the certificate number, and a QR code of the public
 * verification address. pdfmake draws the QR code itself (vector squares, no image).
 */
import { countryName } from '../../domain/reference/countries.js';
import type { CertificateDocument } from '../../services/certificates.js';
import { renderPdf, type Content, type TDocumentDefinitions } from './pdfmake.js';

/** What the certificate prints: the services' certificate document (its token goes into the QR code's address). */
export type CertificatePdfData = Omit<CertificateDocument, 'verifyToken'>;

/** A4 landscape, in points. */
export const CERTIFICATE_PAGE = { width: 841.89, height: 595.28 } as const;
/** Where the QR code sits (points from the top left of the page): the tests look for it there. */
export const CERTIFICATE_QR = { x: 841.89 - 60 - 110, y: 595.28 - 60 - 110, size: 110 } as const;

const ACCENT = '#1f6f8b';
const MUTED = '#555555';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dateFormat = (lang: 'en' | 'id') =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2–6 March 2026" / "2–6 Maret 2026"; one day when start and end are the same. */
export function dateRange(start: string | null, end: string | null, lang: 'en' | 'id'): string {
  if (!start) return '';
  const f = dateFormat(lang);
  if (!end || end === start) return f.format(day(start));
  return f.formatRange(day(start), day(end));
}

function venue(d: CertificatePdfData, lang: 'en' | 'id'): string {
  return [d.venueCity, d.venueCountry ? countryName(d.venueCountry, lang) : null].filter(Boolean).join(', ');
}

/** One statement in Indonesian (regular) over its English translation (italic, grey). */
function bilingual(id: string, en: string, size: number, margin: [number, number, number, number] = [0, 0, 0, 6]): Content {
  return {
    stack: [
      { text: id, fontSize: size },
      { text: en, fontSize: size - 1.5, italics: true, color: MUTED },
    ],
    alignment: 'center',
    margin,
  };
}

export function certificateDefinition(d: CertificatePdfData, verifyUrl: string): TDocumentDefinitions {
  const titleId = d.programTitleId ?? d.programTitleEn ?? '';
  const titleEn = d.programTitleEn ?? d.programTitleId ?? '';
  const datesId = dateRange(d.startDate, d.endDate, 'id');
  const datesEn = dateRange(d.startDate, d.endDate, 'en');
  const venueId = venue(d, 'id');
  const venueEn = venue(d, 'en');
  const issuedId = dateFormat('id').format(day(d.issuedAt.slice(0, 10)));
  const issuedEn = dateFormat('en').format(day(d.issuedAt.slice(0, 10)));
  const held = [
    bilingual(
      `diselenggarakan oleh ${d.organisationId ?? '—'}${datesId ? `, ${datesId}` : ''}${venueId ? `, di ${venueId}` : ''}`,
      `organised by ${d.organisationEn ?? '—'}${datesEn ? `, ${datesEn}` : ''}${venueEn ? `, in ${venueEn}` : ''}`,
      12,
      [60, 4, 60, 0],
    ),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 60],
    info: {
      title: `Sertifikat / Certificate ${d.number}`,
      author: 'Mitra',
      subject: titleEn,
      creator: 'Mitra',
      producer: 'Mitra (pdfmake)',
      creationDate: new Date(d.issuedAt),
    },
    defaultStyle: { font: 'Roboto', fontSize: 11, color: '#1a1a1a' },
    background: () => ({
      canvas: [
        { type: 'rect', x: 20, y: 20, w: CERTIFICATE_PAGE.width - 40, h: CERTIFICATE_PAGE.height - 40, lineWidth: 3, lineColor: ACCENT },
        { type: 'rect', x: 28, y: 28, w: CERTIFICATE_PAGE.width - 56, h: CERTIFICATE_PAGE.height - 56, lineWidth: 0.8, lineColor: ACCENT },
      ],
    }),
    content: [
      { text: 'SERTIFIKAT', fontSize: 34, bold: true, color: ACCENT, alignment: 'center', margin: [0, 4, 0, 0] },
      { text: 'CERTIFICATE OF COMPLETION', fontSize: 13, color: ACCENT, alignment: 'center', margin: [0, 0, 0, 18] },
      bilingual('Diberikan kepada', 'This is to certify that', 12),
      { text: d.fullName, fontSize: 26, bold: true, alignment: 'center', margin: [0, 4, 0, 10] },
      bilingual('telah menyelesaikan program', 'has successfully completed the program', 12),
      { text: titleId, fontSize: 17, bold: true, alignment: 'center', margin: [40, 4, 40, 0] },
      ...(titleEn !== titleId
        ? [{ text: titleEn, fontSize: 14, italics: true, color: MUTED, alignment: 'center', margin: [40, 2, 40, 0] } satisfies Content]
        : []),
      ...held,
      {
        absolutePosition: { x: 70, y: CERTIFICATE_QR.y + 20 },
        stack: [
          {
            text: [
              { text: 'Nomor sertifikat / ', color: MUTED },
              { text: 'Certificate number', italics: true, color: MUTED },
            ],
            fontSize: 9,
          },
          { text: d.number, fontSize: 13, bold: true, margin: [0, 1, 0, 6] },
          {
            text: [
              { text: 'Diterbitkan / ', color: MUTED },
              { text: 'Issued', italics: true, color: MUTED },
            ],
            fontSize: 9,
          },
          { text: `${issuedId} / ${issuedEn}`, fontSize: 10, margin: [0, 1, 0, 6] },
          {
            text: [
              { text: 'Periksa keaslian di / ', color: MUTED },
              { text: 'Verify at', italics: true, color: MUTED },
            ],
            fontSize: 9,
          },
          { text: verifyUrl, fontSize: 8, color: ACCENT, link: verifyUrl },
        ],
      },
      { absolutePosition: { x: CERTIFICATE_QR.x, y: CERTIFICATE_QR.y }, qr: verifyUrl, fit: CERTIFICATE_QR.size, eccLevel: 'M' },
    ],
  };
}

export function renderCertificatePdf(d: CertificatePdfData, verifyUrl: string): Promise<Buffer> {
  return renderPdf(certificateDefinition(d, verifyUrl));
}

/** The public verification address of a token. */
export function verifyUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${token}`;
}
