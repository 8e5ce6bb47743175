/**
 * Rows of the access matrix (fixtures.ts): programs' documents (docs/documents.md). The
 * coordination team and the implementing agency manage them and read the private ones; everyone
 * who may see the program reads the public ones (current version); a private document does not
 * exist to anyone else; deleting is the coordination team's.
 */
import { PNG } from 'pngjs';
import { programDocumentFieldsSchema } from '../../domain/program/document.js';
import { makeThumbnail } from '../../io/thumbnail.js';
import { uploadProgramDocument } from '../../services/program-documents.js';
import { coordination, everyone, hidden, ownAgency, type Expect, type Matrix, type Row } from './fixtures.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const OPTIONS = { maxBytes: 5 * 1024 * 1024, makeThumbnail };

/** The managers only; to everyone else the private document does not exist. */
const managersElse404: Expect = { ...everyone(404), admin: 200, coordinator: 200, agency: 200 };
/** The managers change a public document; the others signed in are refused, the public must sign in. */
const manage = (status: number): Expect => ownAgency(status);

function pngPhoto(): Buffer {
  const png = new PNG({ width: 40, height: 30 });
  png.data.fill(180);
  return PNG.sync.write(png);
}

function form(fields: Record<string, string>, file: { name: string; bytes: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mitra-matrix-documents';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const documentRows = (m: Matrix): readonly Row[] => {
  const doc = async (activityId: number, isPublic: boolean, photo = false) =>
    uploadProgramDocument(
      m.app().deps,
      activityId,
      programDocumentFieldsSchema.parse({ kind: photo ? 'photo' : 'evaluation_report', titleEn: 'Evaluation report', isPublic }),
      photo ? { fileName: 'photo.png', bytes: pngPhoto() } : { fileName: 'evaluation.pdf', bytes: PDF },
      OPTIONS,
    );
  const base = (d: { activityId: number; id: number }) => `/api/v1/activities/${d.activityId}/documents/${d.id}`;
  return [
    {
      route: 'GET /api/v1/activities/:id/documents',
      name: 'a published program',
      call: async () => ({ url: `/api/v1/activities/${m.own.approved}/documents` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/documents',
      name: 'a request',
      call: async () => ({ url: `/api/v1/activities/${m.own.request}/documents` }),
      expect: hidden(200),
    },
    {
      route: 'POST /api/v1/activities/:id/documents',
      name: 'own program',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${m.own.approved}/documents`,
        ...form({ kind: 'curriculum', titleEn: 'Curriculum' }, { name: 'curriculum.pdf', bytes: PDF }),
      }),
      expect: ownAgency(201),
    },
    {
      route: 'POST /api/v1/activities/:id/documents',
      name: "another agency's program",
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${m.other.approved}/documents`,
        ...form({ kind: 'curriculum', titleEn: 'Curriculum' }, { name: 'curriculum.pdf', bytes: PDF }),
      }),
      expect: coordination(201),
    },
    {
      route: 'GET /api/v1/activities/:id/documents/:documentId',
      name: 'private',
      call: async () => ({ url: base(await doc(m.own.approved, false)) }),
      expect: managersElse404,
    },
    {
      route: 'GET /api/v1/activities/:id/documents/:documentId',
      name: 'public',
      call: async () => ({ url: base(await doc(m.own.approved, true)) }),
      expect: everyone(200),
    },
    {
      route: 'PATCH /api/v1/activities/:id/documents/:documentId',
      name: 'public',
      call: async () => ({ method: 'PATCH', url: base(await doc(m.own.approved, true)), payload: { titleEn: 'Final evaluation report' } }),
      expect: manage(200),
    },
    {
      route: 'PATCH /api/v1/activities/:id/documents/:documentId',
      name: 'private',
      call: async () => ({ method: 'PATCH', url: base(await doc(m.own.approved, false)), payload: { isPublic: true } }),
      // The public's changes are refused before any record is read.
      expect: { ...managersElse404, anonymous: 401 },
    },
    {
      route: 'DELETE /api/v1/activities/:id/documents/:documentId',
      call: async () => ({ method: 'DELETE', url: base(await doc(m.own.approved, true)) }),
      expect: coordination(204),
    },
    {
      route: 'POST /api/v1/activities/:id/documents/:documentId/versions',
      call: async () => ({
        method: 'POST',
        url: `${base(await doc(m.own.approved, true))}/versions`,
        ...form({}, { name: 'evaluation-v2.pdf', bytes: PDF }),
      }),
      expect: manage(201),
    },
    {
      route: 'GET /api/v1/activities/:id/documents/:documentId/versions/:versionNo',
      name: 'private',
      call: async () => ({ url: `${base(await doc(m.own.approved, false))}/versions/1` }),
      expect: managersElse404,
    },
    {
      route: 'GET /api/v1/activities/:id/documents/:documentId/versions/:versionNo',
      name: 'public',
      call: async () => ({ url: `${base(await doc(m.own.approved, true))}/versions/1` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/documents/:documentId/versions/:versionNo/thumbnail',
      name: 'a public photo',
      call: async () => ({ url: `${base(await doc(m.own.approved, true, true))}/versions/1/thumbnail` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/documents/:documentId/versions/:versionNo/thumbnail',
      name: 'a private photo',
      call: async () => ({ url: `${base(await doc(m.own.approved, false, true))}/versions/1/thumbnail` }),
      expect: managersElse404,
    },
    {
      route: 'GET /api/v1/public/documents/:id',
      name: 'public, of a published program',
      call: async () => ({ url: `/api/v1/public/documents/${(await doc(m.own.approved, true)).id}` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/public/documents/:id',
      name: 'public, of a request',
      call: async () => ({ url: `/api/v1/public/documents/${(await doc(m.own.request, true)).id}` }),
      expect: everyone(404),
    },
    {
      route: 'GET /api/v1/public/documents/:id',
      name: 'private',
      call: async () => ({ url: `/api/v1/public/documents/${(await doc(m.own.approved, false)).id}` }),
      expect: everyone(404),
    },
  ];
};
