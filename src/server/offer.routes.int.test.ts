/**
 * Course offers and nominations over HTTP, on both engines: who may call each endpoint, the
 * deadline (exactly at it, one second after), quotas (0, exact fill, total smaller than the sum,
 * places already held, promotion of the first reserve), upload attacks and the mail outbox.
 * The clock is mutable: it starts at 28 November 2026, 09:00 UTC.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { serverFor, type AppContext } from '../main.js';
import { createProgram } from '../services/programs.js';
import { CapturedMailer, deliverOutbox } from '../services/mail.js';
import { aProgram } from '../testing/builders.js';
import { ENGINES, openTestApp } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../testing/server.js';

type Who = Role | 'other_agency' | 'other_embassy' | 'anonymous';
const OWN = 'ID-OF-AGENCY';
const OTHER = 'ID-OF-OTHER';
const EMBASSY = 'ID-OF-KBRI';
const EMBASSY2 = 'ID-OF-KBRI2';
const FOCAL = 'KE-OF-MFA';
const START = '2026-11-28T09:00:00.000Z';
const DEADLINE = '2026-12-01T00:00:00.000Z';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A multipart body with the field "data" and the given files. */
function form(
  data: unknown,
  files: { field: string; name: string; type: string; bytes: Buffer }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mitra-test-boundary';
  const parts: Buffer[] = [];
  if (data !== undefined)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let people = 0;
const candidate = (over: Record<string, unknown> = {}) => ({
  fullName: `Candidate ${++people}`,
  sex: 'F',
  country: 'KE',
  organisation: 'Ministry of Agriculture',
  email: `cand${people}.${process.pid}@example.org`,
  consent: true,
  ...over,
});

for (const engine of ENGINES) {
  describe(`offers and nominations over HTTP [${engine.engine}]`, () => {
    let now = START;
    let app: AppContext;
    let drop: () => Promise<void>;
    let server: FastifyInstance;
    const as: Partial<Record<Who, FastifyInstance>> = {};
    const sessions: Partial<Record<Who, TestSession>> = {};

    beforeAll(async () => {
      const db = await engine.create();
      drop = db.drop;
      app = await openTestApp(db.url, { nowIso: () => now });
      server = await serverFor(app, { logLevel: 'silent', uploadMaxBytes: 64 * 1024 });
      await server.ready();
      for (const code of [OWN, OTHER]) await ensureOrg(app, code);
      for (const code of [EMBASSY, EMBASSY2]) await ensureOrg(app, code);
      const who: [Who, Role, string | null][] = [
        ['admin', 'admin', null],
        ['coordinator', 'coordinator', null],
        ['agency', 'agency', OWN],
        ['other_agency', 'agency', OTHER],
        ['embassy', 'embassy', EMBASSY],
        ['other_embassy', 'embassy', EMBASSY2],
        ['focal_point', 'focal_point', FOCAL],
        ['viewer', 'viewer', null],
      ];
      for (const [key, role, org] of who) {
        const s = await signIn(server, app, role, org);
        sessions[key] = s;
        as[key] = asSession(server, s);
      }
      as.anonymous = server;
    });
    afterAll(async () => {
      await server?.close();
      await app?.close();
      await drop?.();
    });

    const call = (who: Who) => as[who] as FastifyInstance;

    async function program(over: Record<string, unknown> = {}) {
      return createProgram(
        app.deps,
        programInputSchema.parse(
          aProgram({ implementingOrg: OWN, lifecycleStage: 'approved', recipients: [{ country: 'KE' }, { country: 'TZ' }], ...over }),
        ),
      );
    }

    async function openOffer(
      over: Record<string, unknown> = {},
      programOver: Record<string, unknown> = {},
    ): Promise<{ offerId: number; activityId: number }> {
      const p = await program(programOver);
      const r = await call('agency').inject({
        method: 'PUT',
        url: `/api/v1/activities/${p.id}/offer`,
        payload: { summaryEn: 'Aquaculture', summaryId: 'Budi daya', deadline: DEADLINE, quotaDefault: 2, status: 'open', ...over },
      });
      expect(r.statusCode, r.body).toBe(200);
      return { offerId: (r.json() as { id: number }).id, activityId: p.id };
    }

    async function nominateJson(who: Who, offerId: number, body: unknown): Promise<LightMyRequestResponse> {
      return call(who).inject({ method: 'POST', url: `/api/v1/offers/${offerId}/nominations`, payload: body as Record<string, unknown> });
    }

    async function nominated(offerId: number, n: number, country = 'KE'): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = await nominateJson('embassy', offerId, candidate({ country }));
        expect(r.statusCode, r.body).toBe(201);
        ids.push((r.json() as { nomination: { id: number } }).nomination.id);
      }
      return ids;
    }

    it('lets only the coordination team and the own agency open an offer; quotas only for recipients', async () => {
      const p = await program();
      const body = { deadline: DEADLINE, quotaDefault: 2, status: 'open' };
      const expected: Record<Who, number> = {
        admin: 200,
        coordinator: 200,
        agency: 200,
        other_agency: 403,
        embassy: 403,
        other_embassy: 403,
        focal_point: 403,
        viewer: 403,
        anonymous: 401,
      };
      for (const [who, status] of Object.entries(expected) as [Who, number][]) {
        const r = await call(who).inject({ method: 'PUT', url: `/api/v1/activities/${p.id}/offer`, payload: body });
        expect(r.statusCode, `${who}: ${r.body}`).toBe(status);
      }
      const bad = await call('agency').inject({
        method: 'PUT',
        url: `/api/v1/activities/${p.id}/offer`,
        payload: { ...body, quotas: [{ country: 'PS', quota: 1 }] },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().issues[0]).toMatchObject({ path: 'quotas.0.country', code: 'not_a_recipient' });
      const request = await program({ lifecycleStage: 'request' });
      const early = await call('admin').inject({ method: 'PUT', url: `/api/v1/activities/${request.id}/offer`, payload: body });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('activity.wrong_stage');
    });

    it('answers the same nomination sent twice at once 201 and 409, never 500', async () => {
      const { offerId } = await openOffer();
      const same = candidate();
      const answers = await Promise.all([
        nominateJson('embassy', offerId, same),
        nominateJson('embassy', offerId, same),
        nominateJson('embassy', offerId, same),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
      for (const a of answers.filter((x) => x.statusCode === 409))
        expect(['participant.duplicate', 'record.duplicate']).toContain(a.json().code);
    });

    it('shows drafts only to those who manage them, and filters the catalogue', async () => {
      const p = await program({ titleEn: 'Zebrafish draft course' });
      const draft = await call('agency').inject({
        method: 'PUT',
        url: `/api/v1/activities/${p.id}/offer`,
        payload: { deadline: DEADLINE },
      });
      expect(draft.json().status).toBe('draft');
      const id = draft.json().id as number;
      expect((await call('anonymous').inject(`/api/v1/offers/${id}`)).statusCode).toBe(404);
      expect((await call('embassy').inject(`/api/v1/offers/${id}`)).statusCode).toBe(404);
      expect((await call('other_agency').inject(`/api/v1/offers/${id}`)).statusCode).toBe(404);
      expect((await call('agency').inject(`/api/v1/offers/${id}`)).json().canManage).toBe(true);
      const { offerId } = await openOffer({}, { titleEn: 'Seaweed farming xyzzy', modality: 'training' });
      const list = await call('anonymous').inject('/api/v1/offers?q=xyzzy&open=true&country=TZ&modality=training');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((e: { offer: { id: number } }) => e.offer.id)).toEqual([offerId]);
      expect((await call('anonymous').inject('/api/v1/offers?q=zebrafish')).json().total).toBe(0);
      expect((await call('admin').inject('/api/v1/offers?q=zebrafish')).json().total).toBe(1);
      expect((await call('anonymous').inject('/api/v1/offers?q=xyzzy&country=PS')).json().total).toBe(0);
      const page = (await call('anonymous').inject(`/api/v1/offers/${offerId}`)).json();
      expect(page).toMatchObject({
        acceptingNominations: true,
        canNominate: false,
        canManage: false,
        offer: { summaryEn: 'Aquaculture', summaryId: 'Budi daya', deadline: DEADLINE },
      });
      expect((await call('embassy').inject(`/api/v1/offers/${offerId}`)).json().canNominate).toBe(true);
    });

    it('takes nominations until just before the deadline: refused exactly at it and one second after', async () => {
      // Within the sessions' idle time: the deadline is an hour after the start, given with its offset.
      const { offerId } = await openOffer({ deadline: '2026-11-28T17:00:00+07:00' });
      expect((await call('anonymous').inject(`/api/v1/offers/${offerId}`)).json().offer.deadline).toBe('2026-11-28T10:00:00.000Z');
      now = '2026-11-28T09:59:59.000Z';
      expect((await nominateJson('embassy', offerId, candidate())).statusCode).toBe(201);
      now = '2026-11-28T10:00:00.000Z';
      const at = await nominateJson('embassy', offerId, candidate());
      expect(at.statusCode).toBe(422);
      expect(at.json().code).toBe('offer.deadline_passed');
      now = '2026-11-28T10:00:01.000Z';
      expect((await nominateJson('embassy', offerId, candidate())).statusCode).toBe(422);
      expect((await call('anonymous').inject(`/api/v1/offers/${offerId}`)).json().acceptingNominations).toBe(false);
      now = START;
    });

    it('checks who nominates, consent, country, duplicates and closed offers', async () => {
      const { offerId } = await openOffer();
      const expected: Record<Who, number> = {
        admin: 201,
        coordinator: 201,
        agency: 403,
        other_agency: 403,
        embassy: 201,
        other_embassy: 201,
        focal_point: 201,
        viewer: 403,
        anonymous: 401,
      };
      for (const [who, status] of Object.entries(expected) as [Who, number][]) {
        const r = await nominateJson(who, offerId, candidate());
        expect(r.statusCode, `${who}: ${r.body}`).toBe(status);
      }
      expect((await nominateJson('focal_point', offerId, candidate({ country: 'TZ' }))).json().code).toBe('nomination.other_country');
      const noConsent = await nominateJson('embassy', offerId, candidate({ consent: false }));
      expect(noConsent.statusCode).toBe(400);
      expect(noConsent.json().issues[0].path).toBe('consent');
      expect((await nominateJson('embassy', offerId, candidate({ email: undefined }))).json().issues[0].path).toBe('email');
      expect((await nominateJson('embassy', offerId, candidate({ country: 'PS' }))).statusCode).toBe(422);
      const twin = candidate();
      expect((await nominateJson('embassy', offerId, twin)).statusCode).toBe(201);
      expect((await nominateJson('other_embassy', offerId, { ...twin, fullName: 'Someone Else' })).statusCode).toBe(409);
      const ok = (await nominateJson('embassy', offerId, candidate())).json();
      expect(ok.nomination).toMatchObject({ status: 'nominated', nominatedBy: EMBASSY, consentAt: START, nominatedAt: START });
      expect((await call('agency').inject({ method: 'POST', url: `/api/v1/offers/${offerId}/close` })).json().status).toBe('closed');
      expect((await nominateJson('embassy', offerId, candidate())).json().code).toBe('offer.not_open');
      expect((await call('embassy').inject({ method: 'POST', url: `/api/v1/offers/${offerId}/reopen` })).statusCode).toBe(403);
      expect((await call('agency').inject({ method: 'POST', url: `/api/v1/offers/${offerId}/reopen` })).json().status).toBe('open');
    });

    it('refuses upload attacks and serves documents as attachments to authorised roles only', async () => {
      const { offerId } = await openOffer();
      const send = (files: Parameters<typeof form>[1], who: Who = 'embassy') =>
        call(who).inject({ method: 'POST', url: `/api/v1/offers/${offerId}/nominations`, ...form(candidate(), files) });
      const cases: [string, Parameters<typeof form>[1], number, string][] = [
        ['wrong type', [{ field: 'cv', name: 'cv.txt', type: 'text/plain', bytes: Buffer.from('hello') }], 422, 'unsupported_type'],
        [
          'HTML disguised as PDF',
          [
            {
              field: 'cv',
              name: 'cv.pdf',
              type: 'application/pdf',
              bytes: Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>'),
            },
          ],
          422,
          'active_content',
        ],
        [
          'HTML named .pdf',
          [{ field: 'cv', name: 'cv.pdf', type: 'application/pdf', bytes: Buffer.from('<!doctype html><html><body>x</body></html>') }],
          422,
          'unsupported_type',
        ],
        [
          'SVG',
          [
            {
              field: 'letter',
              name: 'letter.svg',
              type: 'image/svg+xml',
              bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            },
          ],
          422,
          'unsupported_type',
        ],
        [
          'executable',
          [{ field: 'cv', name: 'cv.exe', type: 'application/octet-stream', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) }],
          422,
          'unsupported_type',
        ],
        ['PDF named .png', [{ field: 'cv', name: 'cv.png', type: 'image/png', bytes: PDF }], 422, 'type_mismatch'],
        ['empty', [{ field: 'cv', name: 'cv.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) }], 422, 'empty_file'],
      ];
      for (const [label, files, status, code] of cases) {
        const r = await send(files);
        expect(r.statusCode, `${label}: ${r.body}`).toBe(status);
        expect(r.json().issues[0].code, label).toBe(code);
      }
      const big = await send([
        { field: 'cv', name: 'cv.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(64 * 1024)]) },
      ]);
      expect(big.statusCode).toBe(413);
      expect((await send([{ field: 'photo', name: 'a.png', type: 'image/png', bytes: PNG }])).statusCode).toBe(400);
      // Nothing of the refused nominations was written.
      expect((await call('agency').inject(`/api/v1/offers/${offerId}/nominations`)).json().total).toBe(0);

      const ok = await send([
        { field: 'cv', name: '../../etc/passwd.pdf', type: 'text/html', bytes: PDF },
        { field: 'letter', name: 'C:\\temp\\surat\u0000 pengantar.png', type: 'application/pdf', bytes: PNG },
      ]);
      expect(ok.statusCode, ok.body).toBe(201);
      const docs = ok.json().documents as { id: number; fileName: string; contentType: string; kind: string }[];
      expect(docs.map((d) => [d.kind, d.fileName, d.contentType])).toEqual([
        ['cv', 'passwd.pdf', 'application/pdf'],
        ['letter', 'surat pengantar.png', 'image/png'],
      ]);
      const pid = ok.json().nomination.id as number;
      const cv = docs[0]?.id as number;
      const expected: Record<Who, number> = {
        admin: 200,
        coordinator: 200,
        agency: 200,
        other_agency: 403,
        embassy: 200,
        other_embassy: 403,
        focal_point: 403,
        viewer: 403,
        anonymous: 401,
      };
      for (const [who, status] of Object.entries(expected) as [Who, number][]) {
        const r = await call(who).inject(`/api/v1/documents/${cv}`);
        expect(r.statusCode, who).toBe(status);
        expect((await call(who).inject(`/api/v1/participants/${pid}/documents`)).statusCode, who).toBe(status);
        expect((await call(who).inject(`/api/v1/participants/${pid}/history`)).statusCode, who).toBe(status);
      }
      const download = await call('embassy').inject(`/api/v1/documents/${cv}`);
      expect(download.headers['content-disposition']).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(PDF)).toBe(true);
      // A later upload by the nominator; another embassy may not add documents.
      const later = form(undefined, [{ field: 'letter', name: 'letter.pdf', type: 'application/pdf', bytes: PDF }]);
      expect(
        (await call('other_embassy').inject({ method: 'POST', url: `/api/v1/participants/${pid}/documents`, ...later })).statusCode,
      ).toBe(403);
      expect((await call('embassy').inject({ method: 'POST', url: `/api/v1/participants/${pid}/documents`, ...later })).statusCode).toBe(
        201,
      );
    });

    it('reviews within quotas: quota 0, exact fill, total smaller than the sum, roles', async () => {
      const { offerId } = await openOffer({
        quotaDefault: null,
        quotas: [
          { country: 'KE', quota: 2 },
          { country: 'TZ', quota: 0 },
        ],
        quotaTotal: null,
      });
      const [a, b, c] = await nominated(offerId, 3, 'KE');
      const [t] = await nominated(offerId, 1, 'TZ');
      const review = (who: Who, changes: unknown[]) =>
        call(who).inject({ method: 'POST', url: `/api/v1/offers/${offerId}/nominations/review`, payload: { changes } });
      for (const who of ['other_agency', 'embassy', 'focal_point', 'viewer'] as Who[])
        expect((await review(who, [{ participantId: a, status: 'selected' }])).statusCode, who).toBe(403);
      expect((await review('anonymous', [{ participantId: a, status: 'selected' }])).statusCode).toBe(401);
      expect(
        (
          await review('agency', [
            { participantId: a, status: 'selected' },
            { participantId: b, status: 'selected' },
          ])
        ).json(),
      ).toEqual({ changed: 2 });
      const over = await review('agency', [{ participantId: c, status: 'selected' }]);
      expect(over.statusCode).toBe(422);
      expect(over.json().code).toBe('offer.quota_exceeded');
      expect((await review('agency', [{ participantId: t, status: 'selected' }])).statusCode).toBe(422);
      // Swapping within the quota in one request is fine.
      expect(
        (
          await review('agency', [
            { participantId: b, status: 'reserve' },
            { participantId: c, status: 'selected' },
          ])
        ).statusCode,
      ).toBe(200);
      const list = (await call('agency').inject(`/api/v1/offers/${offerId}/nominations?status=selected,reserve`)).json();
      expect(list.items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([
        [a, 'selected'],
        [b, 'reserve'],
        [c, 'selected'],
      ]);
      expect(list.counts.byStatus).toEqual({ selected: 2, reserve: 1, nominated: 1 });
      expect(list.counts.byCountry).toEqual([
        { country: 'KE', total: 3, nominated: 0, holding: 2, reserve: 1, quota: 2 },
        { country: 'TZ', total: 1, nominated: 1, holding: 0, reserve: 0, quota: 0 },
      ]);
      // The viewer sees the list without personal fields; another embassy sees no names it did not nominate.
      const seen = (await call('viewer').inject(`/api/v1/offers/${offerId}/nominations`)).json();
      expect(seen.items[0]).toMatchObject({ personal: false, fullName: null, email: null, organisation: null });
      expect((await call('embassy').inject(`/api/v1/offers/${offerId}/nominations`)).json().items[0].personal).toBe(true);
      expect((await call('other_embassy').inject(`/api/v1/offers/${offerId}/nominations`)).json().items[0].personal).toBe(false);
      expect((await call('anonymous').inject(`/api/v1/offers/${offerId}/nominations`)).statusCode).toBe(401);

      const { offerId: o2 } = await openOffer({ quotaDefault: 3, quotaTotal: 4 });
      const ke = await nominated(o2, 4, 'KE');
      const tz = await nominated(o2, 2, 'TZ');
      const sel = await call('agency').inject({
        method: 'POST',
        url: `/api/v1/offers/${o2}/select-within-quotas`,
        payload: { order: [tz[1], ...ke] },
      });
      expect(sel.json()).toEqual({ selected: 4, reserves: 2, notSelected: 0 });
      const rows = (await call('agency').inject(`/api/v1/offers/${o2}/nominations?pageSize=10`)).json().items as {
        id: number;
        status: string;
        reserveRank: number | null;
      }[];
      const st = new Map(rows.map((r) => [r.id, [r.status, r.reserveRank]]));
      // TZ-2 first, then KE 1–3 fill KE (3) and the total (4); KE-4 and TZ-1 wait, in that order.
      expect([tz[1], ke[0], ke[1], ke[2]].map((id) => st.get(id as number))).toEqual(Array(4).fill(['selected', null]));
      expect(st.get(ke[3] as number)).toEqual(['reserve', 1]);
      expect(st.get(tz[0] as number)).toEqual(['reserve', 2]);
      for (const who of ['other_agency', 'embassy', 'viewer'] as Who[])
        expect((await call(who).inject({ method: 'POST', url: `/api/v1/offers/${o2}/select-within-quotas`, payload: {} })).statusCode).toBe(
          403,
        );

      // A selected KE candidate withdraws (by its embassy): the first reserve that fits is promoted (KE-4).
      const w = await call('embassy').inject({
        method: 'POST',
        url: `/api/v1/participants/${ke[0]}/status`,
        payload: { status: 'withdrawn' },
      });
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json().promoted).toMatchObject({ id: ke[3], status: 'selected' });
      expect(
        (
          await call('other_embassy').inject({
            method: 'POST',
            url: `/api/v1/participants/${ke[1]}/status`,
            payload: { status: 'withdrawn' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await call('embassy').inject({ method: 'POST', url: `/api/v1/participants/${ke[1]}/status`, payload: { status: 'attended' } }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await call('embassy').inject({ method: 'POST', url: `/api/v1/participants/${ke[1]}/status`, payload: { status: 'confirmed' } })
        ).json().nomination.status,
      ).toBe('confirmed');
      const bad = await call('agency').inject({
        method: 'POST',
        url: `/api/v1/participants/${ke[1]}/status`,
        payload: { status: 'nominated' },
      });
      expect(bad.statusCode).toBe(422);
    });

    it('mails every status change to the candidate and the nominating embassy, and delivers the outbox', async () => {
      const { offerId } = await openOffer({ quotaDefault: 1 });
      const [id] = await nominated(offerId, 1, 'KE');
      const embassyMail = sessions.embassy?.email as string;
      const outbox = app.deps.store.repos.mailOutbox;
      const candidateMail = (await outbox.list({ participantId: id })).map((m) => m.kind);
      expect(candidateMail).toContain('nominated');
      await call('agency').inject({
        method: 'POST',
        url: `/api/v1/offers/${offerId}/nominations/review`,
        payload: { changes: [{ participantId: id, status: 'selected' }] },
      });
      await call('embassy').inject({ method: 'POST', url: `/api/v1/participants/${id}/status`, payload: { status: 'confirmed' } });
      await call('agency').inject({ method: 'POST', url: `/api/v1/participants/${id}/status`, payload: { status: 'attended' } });
      await call('agency').inject({ method: 'POST', url: `/api/v1/participants/${id}/status`, payload: { status: 'completed' } });
      const toCandidate = (await outbox.list({ participantId: id }))
        .filter((m) => m.kind === 'status')
        .map((m) => m.subject.split(': ').pop());
      expect(toCandidate.reverse()).toEqual(['Selected / Terpilih', 'Confirmed / Terkonfirmasi', 'Attended / Hadir', 'Completed / Lulus']);
      const toEmbassy = await outbox.list({ to: embassyMail, limit: 1000 });
      for (const word of ['Selected', 'Confirmed', 'Attended', 'Completed'])
        expect(
          toEmbassy.some((m) => m.text.includes(`→ ${word}`)),
          word,
        ).toBe(true);
      const history = (await call('embassy').inject(`/api/v1/participants/${id}/history`))
        .json()
        .events.map((e: { toStatus: string }) => e.toStatus);
      expect(history).toEqual(['nominated', 'selected', 'confirmed', 'attended', 'completed']);
      const mine = (await call('embassy').inject(`/api/v1/my/nominations?offerId=${offerId}`)).json();
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0].events).toHaveLength(5);
      expect((await call('viewer').inject('/api/v1/my/nominations')).statusCode).toBe(403);
      expect((await call('anonymous').inject('/api/v1/my/nominations')).statusCode).toBe(401);

      const mailer = new CapturedMailer();
      const report = await deliverOutbox(app.deps.store, mailer, app.deps.clock, { limit: 10_000 });
      expect(report.failed).toBe(0);
      expect(mailer.messages.length).toBe(report.sent);
      expect(mailer.messages.some((m) => m.to === embassyMail)).toBe(true);
      expect((await outbox.unsent(10, 5)).length).toBe(0);
      await outbox.enqueue([{ kind: 'test', to: 'x@example.org', subject: 's', text: 't' }], now);
      const failing = { description: 'down', send: async () => Promise.reject(new Error('connection refused')) };
      for (let i = 0; i < 6; i++) await deliverOutbox(app.deps.store, failing, app.deps.clock);
      const [dead] = await outbox.list({ to: 'x@example.org' });
      expect(dead).toMatchObject({ attempts: 5, sentAt: null, lastError: 'connection refused' });
    });
  });
}
