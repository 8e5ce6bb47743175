/**
 * Attendance, the completion rule and certificates over HTTP, on both engines: who may call each
 * endpoint, the refused marks, the statuses after closing, the certificate PDF (read back with
 * poppler) and the public verification answer. The clock is 28 November 2026, 09:00 UTC.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { isValidCertificateNumber } from '../domain/attendance/certificate-number.js';
import type { ParticipantStatus } from '../domain/codes.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { addParticipant } from '../services/participants.js';
import { CERTIFICATE_QR } from '../io/pdf/certificate.js';
import { aProgram, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { flatText, PNG_SIGNATURE, pdfText, renderPage } from '../testing/pdf.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

type Who = Role | 'other_agency' | 'anonymous';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'other_agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
const OWN = 'ID-AT-AGENCY';
const OTHER = 'ID-AT-OTHER';
const EMBASSY = 'ID-AT-KBRI';
const FOCAL = 'KE-AT-MFA';
const PUBLIC_URL = 'https://mitra.example.go.id';
/** 2–11 March 2026: ten course days. */
const DAYS = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);

interface Sheet {
  days: string[];
  completionPercent: number;
  requiredDays: number;
  rows: {
    participantId: number;
    fullName: string | null;
    status: string;
    marks: (boolean | null)[];
    daysPresent: number;
    completes: boolean;
    editable: boolean;
    certificate: { id: number; number: string; revokedAt: string | null } | null;
  }[];
}

/** Share of non-white pixels of a box of the page (points from the top left), rendered at 72 dpi. */
function inkIn(pdf: Buffer, box: { x: number; y: number; w: number; h: number }): number {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-cert-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    const r = spawnSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', join(dir, 'c.pdf'), join(dir, 'p')]);
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${String(r.stderr)}`);
    const bytes = readFileSync(join(dir, 'p.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('not a PGM');
    const width = Number(header[1]);
    const pixels = bytes.subarray(header[0].length);
    let ink = 0;
    for (let y = Math.round(box.y); y < box.y + box.h; y++)
      for (let x = Math.round(box.x); x < box.x + box.w; x++) if ((pixels[y * width + x] ?? 255) < 128) ink++;
    return ink / (box.w * box.h);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachEngine('attendance and certificates API', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent', publicUrl: PUBLIC_URL });
    await server.ready();
    for (const code of [OWN, OTHER, EMBASSY]) await ensureOrg(app(), code);
    for (const role of ['admin', 'coordinator', 'viewer'] as const) as[role] = asSession(server, await signIn(server, app(), role));
    as.agency = asSession(server, await signIn(server, app(), 'agency', OWN));
    as.other_agency = asSession(server, await signIn(server, app(), 'agency', OTHER));
    as.embassy = asSession(server, await signIn(server, app(), 'embassy', EMBASSY));
    as.focal_point = asSession(server, await signIn(server, app(), 'focal_point', FOCAL));
    as.anonymous = server;
  }, 60_000);

  const send = (who: Who, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    as[who].inject({ method, url, ...(payload === undefined ? {} : { payload: payload as string }) });
  const ok = async <T>(who: Who, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown): Promise<T> => {
    const res = await send(who, method, url, payload);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    return res.json() as T;
  };

  /** A course of DAYS by the own agency, with participants of the given statuses (in that order). */
  async function course(statuses: readonly ParticipantStatus[], extra: Parameters<typeof aProgram>[0] = {}) {
    const program = await createProgram(
      app().deps,
      programInputSchema.parse(
        aProgram({ implementingOrg: OWN, lifecycleStage: 'implementation', plannedStart: DAYS[0], plannedEnd: DAYS[9], ...extra }),
      ),
    );
    const ids: number[] = [];
    for (const [i, status] of statuses.entries()) {
      ids.push(
        (
          await addParticipant(
            app().deps,
            program.id,
            participantInputSchema.parse(aParticipant({ fullName: `Course Participant ${String.fromCharCode(65 + i)}`, status })),
          )
        ).id,
      );
    }
    return { id: program.id, ids };
  }
  /** Marks participant `id` present on the first `n` days and absent on the others. */
  const marks = (id: number, n: number) => DAYS.map((day, i) => ({ participantId: id, day, present: i < n }));
  const statusOf = async (id: number) => (await app().deps.store.repos.participants.findById(id))?.status;

  /** A completed participant nominated by the embassy, with an issued certificate. */
  async function certified(): Promise<{ programId: number; participantId: number; certificateId: number; number: string; token: string }> {
    const c = await course(['confirmed']);
    // The embassy nominates (status nominated, nominated by it); the agency confirms.
    const nominee = (
      await send(
        'embassy',
        'POST',
        `/api/v1/activities/${c.id}/participants`,
        aParticipant({ fullName: 'Wanjiru Kamau', email: `wanjiru.${c.id}@example.org` }),
      )
    ).json() as { id: number };
    await app().database.db.updateTable('participants').set({ status: 'confirmed' }).where('id', '=', nominee.id).execute();
    await ok('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, { marks: [...marks(nominee.id, 10), ...marks(c.ids[0] ?? 0, 9)] });
    await ok('agency', 'POST', `/api/v1/activities/${c.id}/attendance/close`);
    const issued = await ok<{ issued: { id: number; number: string; participantId?: number }[] }>(
      'agency',
      'POST',
      `/api/v1/activities/${c.id}/certificates`,
    );
    const mine = await app().deps.store.repos.certificates.findByParticipant(nominee.id);
    if (!mine) throw new Error('no certificate issued');
    expect(issued.issued.map((x) => x.id)).toContain(mine.id);
    return { programId: c.id, participantId: nominee.id, certificateId: mine.id, number: mine.number, token: mine.verifyToken };
  }

  it('lets only the coordination team and the implementing agency manage attendance and certificates', async () => {
    const c = await certified();
    const managers = {
      admin: 200,
      coordinator: 200,
      agency: 200,
      other_agency: 403,
      embassy: 403,
      focal_point: 403,
      viewer: 403,
      anonymous: 401,
    };
    const rows: [string, 'GET' | 'PUT' | 'POST', string, unknown, Record<Who, number>][] = [
      ['sheet', 'GET', `/api/v1/activities/${c.programId}/attendance`, undefined, managers],
      ['record', 'PUT', `/api/v1/activities/${c.programId}/attendance`, { marks: [] }, managers],
      ['close', 'POST', `/api/v1/activities/${c.programId}/attendance/close`, undefined, managers],
      ['issue', 'POST', `/api/v1/activities/${c.programId}/certificates`, undefined, managers],
      // The nominating embassy downloads its nominee's certificate; another organisation's focal point does not.
      ['pdf', 'GET', `/api/v1/participants/${c.participantId}/certificate.pdf`, undefined, { ...managers, embassy: 200 }],
      [
        'verify',
        'GET',
        `/api/v1/verify/${c.token}`,
        undefined,
        { admin: 200, coordinator: 200, agency: 200, other_agency: 200, embassy: 200, focal_point: 200, viewer: 200, anonymous: 200 },
      ],
    ];
    for (const [name, method, url, payload, expected] of rows) {
      // At once, as a double click would: closing and issuing twice at the same time is safe.
      const got = Object.fromEntries(
        await Promise.all(WHO.map(async (who) => [who, (await send(who, method, url, payload)).statusCode] as const)),
      );
      expect(got, name).toEqual(expected);
    }
    // Revoking: refused to the others, then done once by the agency; a second time is a conflict.
    for (const who of ['other_agency', 'embassy', 'focal_point', 'viewer'] as const)
      expect((await send(who, 'POST', `/api/v1/certificates/${c.certificateId}/revoke`, {})).statusCode, who).toBe(403);
    expect((await send('anonymous', 'POST', `/api/v1/certificates/${c.certificateId}/revoke`, {})).statusCode).toBe(401);
    expect((await send('agency', 'POST', `/api/v1/certificates/${c.certificateId}/revoke`, { reason: 'issued in error' })).statusCode).toBe(
      200,
    );
    expect((await send('admin', 'POST', `/api/v1/certificates/${c.certificateId}/revoke`, {})).statusCode).toBe(409);
    for (const who of ['admin', 'coordinator'] as const) {
      const other = await certified();
      const r = await send(who, 'POST', `/api/v1/certificates/${other.certificateId}/revoke`);
      expect(r.statusCode, r.body).toBe(200);
    }
  });

  it('records marks on course days for participants with a place, and refuses the others naming each mark', async () => {
    const c = await course(['confirmed', 'nominated', 'selected', 'withdrawn']);
    const [confirmed = 0, nominated = 0, selected = 0, withdrawn = 0] = c.ids;
    const stranger = (await course(['confirmed'])).ids[0] ?? 0;
    const res = await send('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
      marks: [
        { participantId: confirmed, day: '2026-03-01', present: true },
        { participantId: confirmed, day: '2026-03-12', present: true },
        { participantId: nominated, day: DAYS[0], present: true },
        { participantId: withdrawn, day: DAYS[0], present: true },
        { participantId: stranger, day: DAYS[0], present: true },
        { participantId: selected, day: DAYS[1], present: true },
        { participantId: selected, day: DAYS[1], present: false },
      ],
    });
    expect(res.statusCode).toBe(422);
    const problem = res.json() as { code: string; issues: { path: string; code: string }[] };
    expect(problem.code).toBe('attendance.invalid');
    expect(problem.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'marks.0.day:not_course_day',
      'marks.1.day:not_course_day',
      'marks.2.participantId:not_confirmed',
      'marks.3.participantId:not_confirmed',
      'marks.4.participantId:not_participant',
      'marks.6:duplicate',
    ]);
    // Nothing of a refused request is kept.
    expect((await ok<Sheet>('agency', 'GET', `/api/v1/activities/${c.id}/attendance`)).rows.every((r) => r.daysPresent === 0)).toBe(true);
    // A day that does not exist, or an unknown field, is a schema error.
    expect(
      (
        await send('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
          marks: [{ participantId: confirmed, day: '2026-02-30', present: true }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await send('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
          marks: [{ participantId: confirmed, day: DAYS[0], present: 'yes' }],
        })
      ).statusCode,
    ).toBe(400);

    const sheet = await ok<Sheet>('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
      marks: [...marks(confirmed, 3), { participantId: selected, day: DAYS[9], present: true }],
    });
    expect(sheet.days).toEqual(DAYS);
    expect(sheet).toMatchObject({ completionPercent: 80, requiredDays: 8 });
    // The sheet lists those with a place (not the nominated or withdrawn), by name.
    expect(sheet.rows.map((r) => [r.participantId, r.status, r.daysPresent, r.editable])).toEqual([
      [confirmed, 'confirmed', 3, true],
      [selected, 'selected', 1, true],
    ]);
    expect(sheet.rows[1]?.marks).toEqual([null, null, null, null, null, null, null, null, null, true]);
    // A correction replaces the mark.
    const corrected = await ok<Sheet>('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
      marks: [{ participantId: confirmed, day: DAYS[0], present: false }],
    });
    expect(corrected.rows[0]?.marks.slice(0, 4)).toEqual([false, true, true, false]);
    expect(corrected.rows[0]?.daysPresent).toBe(2);
  });

  it('applies the completion rule at the close: 8 of 10 days completes, 7 does not, never present stays', async () => {
    const c = await course(['confirmed', 'confirmed', 'selected', 'confirmed', 'attended', 'selected', 'nominated']);
    const [eight = 0, seven = 0, selectedFive = 0, never = 0, attendedAll = 0, selectedEight = 0] = c.ids;
    await ok('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
      marks: [
        ...marks(eight, 8),
        ...marks(seven, 7),
        ...marks(selectedFive, 5),
        ...marks(never, 0),
        ...marks(attendedAll, 10),
        ...marks(selectedEight, 8),
      ],
    });
    const result = await ok<Record<string, number>>('agency', 'POST', `/api/v1/activities/${c.id}/attendance/close`);
    expect(result).toEqual({ courseDays: 10, completionPercent: 80, requiredDays: 8, attended: 4, completed: 3, belowRule: 2, noShow: 1 });
    expect(await Promise.all(c.ids.map(statusOf))).toEqual([
      'completed',
      'attended',
      'attended',
      'confirmed',
      'completed',
      'completed',
      'nominated',
    ]);
    // Each step is in the history; the selected one who never confirmed is moved with a note.
    const steps = await app().deps.store.repos.participantEvents.listFor(selectedEight);
    expect(steps.map((s) => `${s.fromStatus}→${s.toStatus}`)).toEqual(['selected→attended', 'attended→completed']);
    expect(steps[0]?.note).toMatch(/without confirming/);
    // Closing again moves nobody.
    expect(await ok('agency', 'POST', `/api/v1/activities/${c.id}/attendance/close`)).toMatchObject({
      attended: 0,
      completed: 0,
      belowRule: 2,
      noShow: 1,
    });
    // The completed are off the sheet's editable rows.
    const sheet = await ok<Sheet>('agency', 'GET', `/api/v1/activities/${c.id}/attendance`);
    expect(
      sheet.rows
        .filter((r) => !r.editable)
        .map((r) => r.participantId)
        .sort(),
    ).toEqual([eight, attendedAll, selectedEight].sort());
    const refused = await send('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
      marks: [{ participantId: eight, day: DAYS[9], present: true }],
    });
    expect(refused.statusCode).toBe(422);
  });

  it('completes 4 of 5 days at 80 %, reads the course offer’s percent, and refuses closing before the last day', async () => {
    const short = await course(['confirmed', 'confirmed'], { plannedStart: '2026-06-01', plannedEnd: '2026-06-05' });
    const five = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05'];
    const m = (id: number, n: number) => five.map((day, i) => ({ participantId: id, day, present: i < n }));
    await ok('agency', 'PUT', `/api/v1/activities/${short.id}/attendance`, {
      marks: [...m(short.ids[0] ?? 0, 4), ...m(short.ids[1] ?? 0, 3)],
    });
    await ok('agency', 'POST', `/api/v1/activities/${short.id}/attendance/close`);
    expect(await Promise.all(short.ids.map(statusOf))).toEqual(['completed', 'attended']);

    // An offer asking for every day: 9 of 10 is not enough.
    const strict = await course(['confirmed', 'confirmed']);
    const now = '2026-01-01T00:00:00.000Z';
    await app()
      .database.db.insertInto('course_offers')
      .values({
        activity_id: strict.id,
        status: 'closed',
        deadline: now,
        completion_percent: 100,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await ok('agency', 'PUT', `/api/v1/activities/${strict.id}/attendance`, {
      marks: [...marks(strict.ids[0] ?? 0, 10), ...marks(strict.ids[1] ?? 0, 9)],
    });
    expect(await ok('agency', 'POST', `/api/v1/activities/${strict.id}/attendance/close`)).toMatchObject({
      completionPercent: 100,
      requiredDays: 10,
      completed: 1,
      belowRule: 1,
    });
    expect(await Promise.all(strict.ids.map(statusOf))).toEqual(['completed', 'attended']);

    // A course still running (ends after the clock's 28 November 2026) cannot be closed yet.
    const running = await course(['confirmed'], { plannedStart: '2026-11-20', plannedEnd: '2026-12-04' });
    const early = await send('agency', 'POST', `/api/v1/activities/${running.id}/attendance/close`);
    expect(early.statusCode).toBe(422);
    expect((early.json() as { code: string }).code).toBe('attendance.course_not_over');
    // A program without dates has no course days.
    const undated = await course(['confirmed'], { plannedStart: undefined, plannedEnd: undefined });
    expect(((await send('agency', 'GET', `/api/v1/activities/${undated.id}/attendance`)).json() as { code: string }).code).toBe(
      'attendance.no_dates',
    );
  });

  it('issues certificates to the completed once, with checked numbers and unguessable tokens', async () => {
    const c = await course(['confirmed', 'confirmed', 'confirmed']);
    await ok('agency', 'PUT', `/api/v1/activities/${c.id}/attendance`, {
      marks: [...marks(c.ids[0] ?? 0, 10), ...marks(c.ids[1] ?? 0, 8), ...marks(c.ids[2] ?? 0, 2)],
    });
    await ok('agency', 'POST', `/api/v1/activities/${c.id}/attendance/close`);
    const first = await ok<{ issued: { id: number; number: string }[]; existing: number }>(
      'agency',
      'POST',
      `/api/v1/activities/${c.id}/certificates`,
    );
    expect(first.issued).toHaveLength(2);
    expect(first.existing).toBe(0);
    for (const [i, cert] of first.issued.entries()) {
      expect(cert.number).toMatch(new RegExp(`^MITRA-2026-${c.id}-${c.ids[i]}-\\d{2}$`));
      expect(isValidCertificateNumber(cert.number)).toBe(true);
    }
    const again = await ok<{ issued: unknown[]; existing: number }>('agency', 'POST', `/api/v1/activities/${c.id}/certificates`);
    expect(again).toEqual({ issued: [], existing: 2, erased: 0 });
    const tokens = await Promise.all(
      c.ids.slice(0, 2).map(async (id) => (await app().deps.store.repos.certificates.findByParticipant(id))?.verifyToken ?? ''),
    );
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(2);
    // The third, below the rule, has none: its PDF is not found.
    expect((await send('agency', 'GET', `/api/v1/participants/${c.ids[2]}/certificate.pdf`)).statusCode).toBe(404);
  });

  it('writes the certificate PDF in Indonesian and English with the name, number and a QR code of the verification address', async () => {
    const c = await certified();
    const res = await send('embassy', 'GET', `/api/v1/participants/${c.participantId}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${c.number}.pdf"`);
    const pdf = res.rawPayload;
    const text = flatText(pdfText(pdf));
    for (const words of [
      'SERTIFIKAT',
      'CERTIFICATE OF COMPLETION',
      'Diberikan kepada',
      'This is to certify that',
      'Wanjiru Kamau',
      'Pelatihan internasional budi daya perikanan',
      'International training on aquaculture',
      'telah menyelesaikan program',
      'has successfully completed the program',
      `diselenggarakan oleh Test ${OWN}, 2–11 Maret 2026, di Banyuwangi, Indonesia`,
      c.number,
      `${PUBLIC_URL}/verify/${c.token}`,
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).toMatch(/organised by Test ID-AT-AGENCY, 2\s*–\s*11 March 2026, in Banyuwangi, Indonesia/);
    expect(text).not.toContain('@example.org');
    const page = renderPage(pdf, 1);
    expect(page.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // A4 landscape at 50 dpi: 842 × 595 points → 585 × 413 pixels.
    expect(page.width).toBe(585);
    expect(page.height).toBeGreaterThanOrEqual(413);
    expect(page.height).toBeLessThanOrEqual(414);
    // The QR code: about half of its modules are dark; the same box is blank without it.
    expect(inkIn(pdf, { x: CERTIFICATE_QR.x + 4, y: CERTIFICATE_QR.y + 4, w: 60, h: 60 })).toBeGreaterThan(0.3);
    expect(inkIn(pdf, { x: CERTIFICATE_QR.x - 100, y: CERTIFICATE_QR.y - 100, w: 60, h: 60 })).toBeLessThan(0.01);

    // Revoked, or erased: no PDF.
    await ok('admin', 'POST', `/api/v1/certificates/${c.certificateId}/revoke`, {});
    expect(((await send('admin', 'GET', `/api/v1/participants/${c.participantId}/certificate.pdf`)).json() as { code: string }).code).toBe(
      'certificate.revoked',
    );
  });

  it('verifies a certificate publicly with the name, program, dates, number and validity only', async () => {
    const c = await certified();
    const res = await send('anonymous', 'GET', `/api/v1/verify/${c.token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      status: 'valid',
      number: c.number,
      fullName: 'Wanjiru Kamau',
      programTitleEn: 'International training on aquaculture',
      programTitleId: 'Pelatihan internasional budi daya perikanan',
      startDate: '2026-03-02',
      endDate: '2026-03-11',
    });
    await ok('agency', 'POST', `/api/v1/certificates/${c.certificateId}/revoke`, {});
    expect(((await send('anonymous', 'GET', `/api/v1/verify/${c.token}`)).json() as { status: string }).status).toBe('revoked');

    const unknown = await send('anonymous', 'GET', `/api/v1/verify/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect((unknown.json() as { code: string }).code).toBe('certificate.not_found');
    expect((await send('anonymous', 'GET', '/api/v1/verify/not-a-token')).statusCode).toBe(404);

    // An erased person's certificate names nobody and is not valid.
    const erased = await certified();
    await app()
      .database.db.updateTable('participants')
      .set({ erased_at: '2026-11-01T00:00:00.000Z' })
      .where('id', '=', erased.participantId)
      .execute();
    expect((await send('anonymous', 'GET', `/api/v1/verify/${erased.token}`)).json()).toEqual({
      status: 'invalid',
      number: erased.number,
      fullName: null,
      programTitleEn: null,
      programTitleId: null,
      startDate: null,
      endDate: null,
    });
  });
});
