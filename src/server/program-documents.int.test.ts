/**
 * Program documents (docs/documents.md) on both engines: upload, versions, list, download and
 * thumbnails; the content check's refusals (wrong type, mismatched name, too large, a photo whose
 * header declares a huge picture, a corrupt image); what each role sees; the IATI document-link,
 * valid against the official schema.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { serverFor } from '../main.js';
import { publicActivities } from '../services/iati-publish.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { canValidateIati, xsdErrors } from '../testing/iati.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

type Who = Role | 'other_agency' | 'anonymous';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'other_agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
const OWN = 'ID-PD-AGENCY';
const OTHER = 'ID-PD-OTHER';
const MAX = 64 * 1024;
const PUBLISHER = { ref: 'XM-DAC-ID-1', nameEn: 'Indonesia', nameId: null, type: '10' };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF2 = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /V 2 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([200, 80, 40, 255], i * 4);
  return PNG.sync.write(png);
}
function jpegOf(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 128);
  return jpeg.encode({ data, width, height }, 70).data;
}
/** A valid PNG whose header claims 50 000 × 50 000 pixels (2.5 gigapixels): never decoded. */
function pngBomb(): Buffer {
  const png = pngOf(4, 4);
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  return png;
}
/** A JPEG whose frame header claims 60 000 × 60 000 pixels. */
function jpegBomb(): Buffer {
  const bytes = Buffer.from(jpegOf(8, 8));
  for (let i = 2; i < bytes.length - 9; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xc0) {
      bytes.writeUInt16BE(60_000, i + 5);
      bytes.writeUInt16BE(60_000, i + 7);
      return bytes;
    }
  }
  throw new Error('no SOF0 in the test JPEG');
}

function form(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mitra-documents-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Doc {
  id: number;
  version: number;
  currentVersion: number;
  isPublic: boolean;
  category: string;
  kind: string;
  current: { fileName: string; contentType: string; sha256: string; hasThumbnail: boolean };
}

describeEachEngine('program documents API', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;
  let published = 0;
  let request = 0;
  const dir = mkdtempSync(join(tmpdir(), 'mitra-docs-'));

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent', uploadMaxBytes: MAX, documentLinksUrl: 'https://mitra.example.go.id' });
    await server.ready();
    for (const code of [OWN, OTHER, 'ID-PD-KBRI']) await ensureOrg(app(), code);
    for (const role of ['admin', 'coordinator', 'viewer'] as const) as[role] = asSession(server, await signIn(server, app(), role));
    as.agency = asSession(server, await signIn(server, app(), 'agency', OWN));
    as.other_agency = asSession(server, await signIn(server, app(), 'agency', OTHER));
    as.embassy = asSession(server, await signIn(server, app(), 'embassy', 'ID-PD-KBRI'));
    as.focal_point = asSession(server, await signIn(server, app(), 'focal_point', 'KE-PD-MFA'));
    as.anonymous = server;
    const make = async (stage: 'approved' | 'request') =>
      (
        await createProgram(
          app().deps,
          programInputSchema.parse(aProgram({ implementingOrg: OWN, lifecycleStage: stage, recipients: [{ country: 'KE' }] })),
        )
      ).id;
    published = await make('approved');
    request = await make('request');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (who: Who, activityId: number, fields: Record<string, string>, file: { name: string; bytes: Buffer }) =>
    as[who].inject({ method: 'POST', url: `/api/v1/activities/${activityId}/documents`, ...form(fields, file) });
  const uploaded = async (fields: Record<string, string>, file: { name: string; bytes: Buffer }, activityId = published): Promise<Doc> => {
    const r = await upload('agency', activityId, fields, file);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Doc;
  };
  const refusal = (r: LightMyRequestResponse) => ({
    status: r.statusCode,
    code: r.json().code as string,
    detail: r.json().detail as string,
  });

  it('stores a private document with its kind’s IATI category, then its next version; both versions stay downloadable', async () => {
    const doc = await uploaded(
      {
        kind: 'evaluation_report',
        titleEn: 'Evaluation report',
        titleId: 'Laporan evaluasi',
        languages: 'en,id',
        documentDate: '2018-07-30',
      },
      { name: 'evaluation.pdf', bytes: PDF },
    );
    expect(doc).toMatchObject({
      isPublic: false,
      category: 'A07',
      currentVersion: 1,
      current: { contentType: 'application/pdf', hasThumbnail: false },
    });
    const url = `/api/v1/activities/${published}/documents/${doc.id}`;
    const without = await as.agency.inject({
      method: 'POST',
      url: `${url}/versions`,
      ...form({}, { name: 'evaluation-v2.pdf', bytes: PDF2 }),
    });
    expect(without.statusCode).toBe(428);
    const stale = await as.agency.inject({
      method: 'POST',
      url: `${url}/versions`,
      ...form({}, { name: 'v2.pdf', bytes: PDF2 }),
      headers: { ...form({}).headers, 'if-match': '"99"' },
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'program_document.stale']);
    const body = form({}, { name: 'evaluation-v2.pdf', bytes: PDF2 });
    const next = await as.agency.inject({
      method: 'POST',
      url: `${url}/versions`,
      payload: body.payload,
      headers: { ...body.headers, 'if-match': `"${doc.version}"` },
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ currentVersion: 2, current: { fileName: 'evaluation-v2.pdf' } });
    const detail = await as.coordinator.inject({ url });
    expect(detail.json().versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    const v1 = await as.coordinator.inject({ url: `${url}/versions/1` });
    expect(v1.statusCode).toBe(200);
    expect(v1.rawPayload.equals(PDF)).toBe(true);
    expect(v1.headers['content-disposition']).toContain('attachment');
    expect(v1.headers['x-content-type-options']).toBe('nosniff');
    expect(v1.headers['content-security-policy']).toContain('sandbox');
    expect(v1.headers['cache-control']).toBe('private, no-store');
    // Private downloads are audited.
    const audit = await as.admin.inject({ url: `/api/v1/audit?entity=program_document&entityId=${doc.id}&pageSize=50` });
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'download']));
  });

  it('changes metadata with If-Match, marks it public, and refuses a stale version', async () => {
    const doc = await uploaded({ kind: 'curriculum', titleEn: 'Curriculum' }, { name: 'curriculum.pdf', bytes: PDF });
    const url = `/api/v1/activities/${published}/documents/${doc.id}`;
    expect((await as.agency.inject({ method: 'PATCH', url, payload: { isPublic: true } })).statusCode).toBe(428);
    const ok = await as.agency.inject({
      method: 'PATCH',
      url,
      payload: { isPublic: true, category: 'A08' },
      headers: { 'if-match': `"${doc.version}"` },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ isPublic: true, category: 'A08', kind: 'curriculum' });
    expect(ok.headers.etag).toBe(`"${doc.version + 1}"`);
    const stale = await as.agency.inject({ method: 'PATCH', url, payload: { titleEn: 'x' }, headers: { 'if-match': `"${doc.version}"` } });
    expect(stale.statusCode).toBe(409);
  });

  it('makes a JPEG thumbnail of a photo (longest side 320 px) at upload', async () => {
    const photo = await uploaded(
      { kind: 'photo', titleEn: 'Handed-over equipment', public: 'true' },
      { name: 'equipment.png', bytes: pngOf(640, 400) },
    );
    expect(photo.current.hasThumbnail).toBe(true);
    const thumb = await as.anonymous.inject({ url: `/api/v1/activities/${published}/documents/${photo.id}/versions/1/thumbnail` });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const decoded = jpeg.decode(thumb.rawPayload, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([320, 200]);
    const fromJpeg = await uploaded({ kind: 'photo', titleEn: 'Class photo' }, { name: 'class.jpg', bytes: jpegOf(100, 50) });
    expect(fromJpeg.current.hasThumbnail).toBe(true);
  });

  it('refuses wrong types, mismatched names, oversize files, bomb-like and corrupt images, naming the file', async () => {
    const cases: [string, { name: string; bytes: Buffer }, number, string][] = [
      ['html', { name: 'report.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') }, 422, 'report.pdf'],
      ['mismatch', { name: 'report.docx', bytes: PDF }, 422, 'name it .pdf'],
      ['png bomb', { name: 'bomb.png', bytes: pngBomb() }, 422, 'more than 40 megapixels'],
      ['jpeg bomb', { name: 'bomb.jpg', bytes: jpegBomb() }, 422, 'more than 40 megapixels'],
      ['corrupt png', { name: 'broken.png', bytes: Buffer.concat([pngOf(20, 20).subarray(0, 40), Buffer.alloc(30)]) }, 422, 'broken.png'],
      ['photo as pdf', { name: 'photo.pdf', bytes: PDF }, 422, 'a photo must be a JPEG or PNG'],
    ];
    for (const [name, file, status, text] of cases) {
      const r = await upload('agency', published, { kind: name === 'photo as pdf' ? 'photo' : 'other', titleEn: name }, file);
      expect(refusal(r), name).toMatchObject({ status, code: 'document.rejected' });
      expect(r.json().detail, name).toContain(text);
    }
    const big = await upload(
      'agency',
      published,
      { kind: 'other', titleEn: 'big' },
      { name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX)]) },
    );
    expect(big.statusCode).toBe(413);
    const noTitle = await upload('agency', published, { kind: 'other' }, { name: 'x.pdf', bytes: PDF });
    expect(noTitle.statusCode).toBe(400);
  });

  it('gives each role what it may see and do', async () => {
    const priv = await uploaded({ kind: 'participant_list', titleEn: 'Participant list' }, { name: 'participants.pdf', bytes: PDF });
    const pub = await uploaded(
      { kind: 'completion_report', titleEn: 'Completion report', public: 'true' },
      { name: 'completion.pdf', bytes: PDF },
    );
    const onRequest = await uploaded(
      { kind: 'terms_of_reference', titleEn: 'Terms of reference', public: 'true' },
      { name: 'tor.pdf', bytes: PDF },
      request,
    );
    const managers = new Set<Who>(['admin', 'coordinator', 'agency']);
    for (const who of WHO) {
      const list = await as[who].inject({ url: `/api/v1/activities/${published}/documents` });
      expect(list.statusCode, who).toBe(200);
      const ids = (list.json().items as Doc[]).map((d) => d.id);
      expect(ids.includes(priv.id), who).toBe(managers.has(who));
      expect(ids.includes(pub.id), who).toBe(true);
      const privFile = await as[who].inject({ url: `/api/v1/activities/${published}/documents/${priv.id}/versions/1` });
      expect(privFile.statusCode, who).toBe(managers.has(who) ? 200 : 404);
      const pubFile = await as[who].inject({ url: `/api/v1/activities/${published}/documents/${pub.id}/versions/1` });
      expect(pubFile.statusCode, who).toBe(200);
      const write = await as[who].inject({
        method: 'POST',
        url: `/api/v1/activities/${published}/documents`,
        ...form({ kind: 'other', titleEn: 'x' }, { name: 'x.pdf', bytes: PDF }),
      });
      expect(write.statusCode, who).toBe(managers.has(who) ? 201 : who === 'anonymous' ? 401 : 403);
      // The public does not see a request's documents, nor the request.
      const unpublished = await as[who].inject({ url: `/api/v1/activities/${request}/documents` });
      expect(unpublished.statusCode, who).toBe(who === 'anonymous' ? 404 : 200);
    }
    // The stable public address: a public document of a published program only, its current version.
    expect((await server.inject({ url: `/api/v1/public/documents/${pub.id}` })).statusCode).toBe(200);
    expect((await server.inject({ url: `/api/v1/public/documents/${priv.id}` })).statusCode).toBe(404);
    expect((await server.inject({ url: `/api/v1/public/documents/${onRequest.id}` })).statusCode).toBe(404);
    // A document under another program's address does not exist.
    expect((await as.admin.inject({ url: `/api/v1/activities/${request}/documents/${pub.id}` })).statusCode).toBe(404);
    // Deleting: the coordination team only.
    const del = (who: Who) =>
      as[who].inject({ method: 'DELETE', url: `/api/v1/activities/${published}/documents/${priv.id}`, headers: { 'if-match': '*' } });
    expect((await del('agency')).statusCode).toBe(403);
    expect((await del('coordinator')).statusCode).toBe(204);
    expect((await as.admin.inject({ url: `/api/v1/activities/${published}/documents/${priv.id}` })).statusCode).toBe(404);
  });

  it('lists public documents as IATI document-link, valid against the schema', async () => {
    const pub = await uploaded(
      {
        kind: 'evaluation_report',
        titleEn: 'Evaluation',
        titleId: 'Evaluasi',
        languages: 'en',
        documentDate: '2018-08-01',
        description: 'What participants learnt',
        public: 'true',
      },
      { name: 'eval.pdf', bytes: PDF },
    );
    const r = await as.anonymous.inject({ url: `/api/v1/activities/${published}/iati.xml` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(
      `<document-link url="https://mitra.example.go.id/api/v1/public/documents/${pub.id}" format="application/pdf">`,
    );
    expect(r.body).toContain('<category code="A07"/>');
    expect(r.body).toContain('<document-date iso-date="2018-08-01"/>');
    expect(r.body).not.toContain('Participant list');
    // The published Registry files link them too.
    const nodes = [];
    for await (const page of publicActivities(app().deps, { ...PUBLISHER, publicUrl: 'https://mitra.example.go.id' }, { ids: [published] }))
      nodes.push(...page.map((a) => a.node));
    expect(nodes[0]?.children?.filter((c) => c && typeof c === 'object' && c.name === 'document-link').length).toBeGreaterThan(0);
    if (canValidateIati) {
      const file = join(dir, 'activity.xml');
      writeFileSync(file, r.body);
      expect(xsdErrors(file)).toBe('');
    }
  });
});

describe('program documents: the schema check', () => {
  it.skipIf(!canValidateIati)('runs xmllint (skipped with a message where it is absent)', () => {
    expect(canValidateIati).toBe(true);
  });
});
