/**
 * Alumni, follow-up surveys and privacy through the API: who sees whose personal data, survey
 * due dates and answering once, hand-computed aggregates, and an erasure that keeps the report
 * counts while the name disappears everywhere (docs/privacy.md).
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../domain/alumni/survey.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { personKey, type ParticipantData } from '../domain/participant/participant.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, ensureRecipientOrg, signIn } from '../testing/server.js';

type Who = 'admin' | 'coordinator' | 'agency' | 'agencyOther' | 'embassy' | 'focal_point' | 'viewer' | 'public';
const OWN = 'ID-ALUM-OWN';
const OTHER = 'ID-ALUM-OTHER';
const EMBASSY = 'ID-ALUM-KBRI';
const FOCAL = 'KE-ALUM-MFA';

describeEachEngine('alumni, surveys and privacy API', (app: () => AppContext) => {
  const as = {} as Record<Who, FastifyInstance>;
  const tag = `zq${Date.now().toString(36)}`;
  const person = (n: string) => ({ name: `${n} ${tag}`, email: `${n.toLowerCase()}.${tag}@mail.test` });
  const A = person('Amina');
  const B = person('Baraka');
  const C = person('Chausiku');
  const D = person('Daudi');
  const E = person('Eleni');
  const F = person('Faraji');
  let p1 = 0; // OWN's program, ended 2026-08-31
  let p2 = 0; // OTHER's program, ended 2025-03-10
  const ids: Record<string, number> = {};

  async function addRecord(
    activityId: number,
    key: string,
    p: { name: string; email: string },
    country: string,
    status: ParticipantData['status'],
    nominatedBy: string | null,
  ) {
    const data: ParticipantData = {
      fullName: p.name,
      sex: 'F',
      country,
      organisation: 'Ministry of Fisheries',
      position: 'Officer',
      email: p.email,
      status,
      illustrative: false,
    };
    const repos = app().deps.store.repos;
    ids[key] = await repos.participants.insert(activityId, {
      data,
      personKey: personKey(data),
      now: '2026-09-01T00:00:00.000Z',
      nominatedBy,
    });
    await repos.reportFacts.refresh([activityId], { participantsOnly: true });
  }

  beforeAll(async () => {
    const server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    for (const code of [OWN, OTHER]) await ensureOrg(app(), code);
    await ensureOrg(app(), EMBASSY);
    await ensureRecipientOrg(app(), FOCAL);
    as.admin = asSession(server, await signIn(server, app(), 'admin'));
    as.coordinator = asSession(server, await signIn(server, app(), 'coordinator'));
    as.viewer = asSession(server, await signIn(server, app(), 'viewer'));
    as.agency = asSession(server, await signIn(server, app(), 'agency', OWN));
    as.agencyOther = asSession(server, await signIn(server, app(), 'agency', OTHER));
    as.embassy = asSession(server, await signIn(server, app(), 'embassy', EMBASSY));
    as.focal_point = asSession(server, await signIn(server, app(), 'focal_point', FOCAL));
    as.public = server;
    const sys = app().deps;
    p1 = (
      await createProgram(
        sys,
        programInputSchema.parse(
          aProgram({
            implementingOrg: OWN,
            lifecycleStage: 'completed',
            plannedStart: '2026-08-20',
            plannedEnd: '2026-08-31',
            recipients: [{ country: 'KE' }, { country: 'FJ' }],
          }),
        ),
      )
    ).id;
    p2 = (
      await createProgram(
        sys,
        programInputSchema.parse(
          aProgram({
            implementingOrg: OTHER,
            lifecycleStage: 'completed',
            plannedStart: '2025-03-01',
            plannedEnd: '2025-03-10',
            recipients: [{ country: 'KE' }],
          }),
        ),
      )
    ).id;
    await addRecord(p1, 'A1', A, 'KE', 'completed', EMBASSY);
    await addRecord(p1, 'B', B, 'KE', 'completed', FOCAL);
    await addRecord(p1, 'C', C, 'KE', 'attended', null);
    await addRecord(p1, 'D', D, 'KE', 'completed', null);
    await addRecord(p1, 'E', E, 'FJ', 'completed', null);
    await addRecord(p1, 'F', F, 'KE', 'selected', null);
    await addRecord(p2, 'A2', A, 'KE', 'completed', null);
  });

  const names = (body: { items: { fullName: string }[] }) => body.items.map((i) => i.fullName).sort();

  describe('GET /api/v1/alumni', () => {
    it('shows each role the alumni it may see, across programs', async () => {
      const expected: Record<Who, number | string[]> = {
        admin: [A.name, B.name, C.name, D.name, E.name],
        coordinator: [A.name, B.name, C.name, D.name, E.name],
        agency: [A.name, B.name, C.name, D.name, E.name],
        agencyOther: [A.name],
        embassy: [A.name],
        focal_point: [B.name],
        viewer: 403,
        public: 401,
      };
      for (const [who, want] of Object.entries(expected) as [Who, number | string[]][]) {
        const r = await as[who].inject({ url: `/api/v1/alumni?q=${tag}` });
        if (typeof want === 'number') expect(r.statusCode, who).toBe(want);
        else expect(names(r.json()), who).toEqual(want);
      }
      const everyone = (await as.coordinator.inject({ url: `/api/v1/alumni?q=amina ${tag}` })).json();
      expect(everyone.items[0].programs.map((p: { activityId: number }) => p.activityId)).toEqual([p2, p1]);
      const agency = (await as.agency.inject({ url: `/api/v1/alumni?q=amina ${tag}` })).json();
      expect(agency.items[0].programs.map((p: { activityId: number }) => p.activityId)).toEqual([p1]);
      const other = (await as.agencyOther.inject({ url: `/api/v1/alumni?q=${tag}` })).json();
      expect(other.items[0].programs.map((p: { activityId: number }) => p.activityId)).toEqual([p2]);
    });

    it('filters by country and pages', async () => {
      expect(names((await as.coordinator.inject({ url: `/api/v1/alumni?q=${tag}&country=Fiji` })).json())).toEqual([E.name]);
      const page = (await as.coordinator.inject({ url: `/api/v1/alumni?q=${tag}&pageSize=2&page=2` })).json();
      expect(page.total).toBe(5);
      expect(names(page)).toEqual([C.name, D.name]);
    });

    it('opens a person’s page by a participant id the actor may see', async () => {
      const byP1 = await as.coordinator.inject({ url: `/api/v1/alumni/${ids.A1}` });
      expect(byP1.json().programs).toHaveLength(2);
      expect((await as.agencyOther.inject({ url: `/api/v1/alumni/${ids.A1}` })).statusCode).toBe(404);
      expect((await as.agencyOther.inject({ url: `/api/v1/alumni/${ids.A2}` })).json().programs).toHaveLength(1);
      expect((await as.focal_point.inject({ url: `/api/v1/alumni/${ids.A1}` })).statusCode).toBe(404);
      expect((await as.embassy.inject({ url: `/api/v1/alumni/${ids.A1}` })).statusCode).toBe(200);
      expect((await as.coordinator.inject({ url: `/api/v1/alumni/${ids.F}` })).statusCode).toBe(404);
      expect((await as.viewer.inject({ url: `/api/v1/alumni/${ids.A1}` })).statusCode).toBe(403);
      expect((await as.public.inject({ url: `/api/v1/alumni/${ids.A1}` })).statusCode).toBe(401);
    });
  });

  describe('GET /api/v1/export/participants.csv', () => {
    it('exports personal data only to the roles allowed, record by record', async () => {
      const csv = async (who: Who) => as[who].inject({ url: `/api/v1/export/participants.csv?country=KE` });
      const coordinator = (await csv('coordinator')).body;
      for (const p of [A, B, C, D, F]) expect(coordinator).toContain(p.email);
      const other = (await csv('agencyOther')).body;
      expect(other).toContain(A.email);
      expect(other.split('\r\n').filter((l) => l.includes(tag))).toHaveLength(1);
      const embassy = (await csv('embassy')).body;
      expect(embassy).toContain(A.email);
      expect(embassy).not.toContain(B.email);
      expect((await csv('viewer')).statusCode).toBe(403);
      expect((await csv('public')).statusCode).toBe(401);
      const xlsx = await as.agency.inject({ url: `/api/v1/export/participants.xlsx?activityId=${p1}` });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    });
  });

  describe('surveys', () => {
    const tokens: Record<string, string> = {};

    it('lets only the coordination team configure and send', async () => {
      const surveys = (await as.coordinator.inject({ url: '/api/v1/surveys' })).json().items;
      // The migration's frozen copy is the domain's default.
      expect(
        surveys.map((s: { code: string; nameEn: string; monthsAfter: number; questions: unknown }) => ({
          code: s.code,
          nameEn: s.nameEn,
          monthsAfter: s.monthsAfter,
          questions: s.questions,
        })),
      ).toEqual(DEFAULT_SURVEYS.map((d) => ({ code: d.code, nameEn: d.nameEn, monthsAfter: d.monthsAfter, questions: d.questions })));
      for (const who of ['agency', 'embassy', 'focal_point', 'viewer'] as const) {
        expect((await as[who].inject({ url: '/api/v1/surveys' })).statusCode, who).toBe(403);
        expect((await as[who].inject({ method: 'POST', url: '/api/v1/surveys/send-due', payload: {} })).statusCode, who).toBe(403);
      }
      expect((await as.public.inject({ url: '/api/v1/surveys' })).statusCode).toBe(401);
      const bad = await as.coordinator.inject({
        method: 'PUT',
        url: '/api/v1/surveys',
        payload: { code: 'x', nameEn: 'X', nameId: 'X', monthsAfter: 3, questions: [] },
      });
      expect(bad.statusCode).toBe(400);
      const created = await as.coordinator.inject({
        method: 'PUT',
        url: '/api/v1/surveys',
        payload: {
          code: 'followup_24m',
          nameEn: 'After two years',
          nameId: 'Setelah dua tahun',
          monthsAfter: 24,
          active: false,
          questions: [{ id: 'still', kind: 'yes_no', labelEn: 'Still?', labelId: 'Masih?', measure: 'still_in_contact' }],
        },
      });
      expect(created.statusCode).toBe(201);
      const audit = (await as.admin.inject({ url: '/api/v1/audit?entity=survey' })).json();
      expect(audit.items.some((e: { entityId: string; action: string }) => e.entityId === 'followup_24m' && e.action === 'create')).toBe(
        true,
      );
    });

    it('invites on the due day, 6 calendar months after the end (2026-08-31 → 2027-02-28)', async () => {
      const send = (today: string) => as.coordinator.inject({ method: 'POST', url: '/api/v1/surveys/send-due', payload: { today } });
      expect((await send('2027-02-27')).statusCode).toBe(200);
      expect((await as.coordinator.inject({ url: `/api/v1/activities/${p1}/survey-results` })).json().waves).toEqual([]);
      expect((await send('2027-02-28')).statusCode).toBe(200);
      const waves = (await as.coordinator.inject({ url: `/api/v1/activities/${p1}/survey-results` })).json().waves;
      expect(waves.map((w: { code: string; invited: number }) => [w.code, w.invited])).toEqual([['followup_6m', 5]]);
      // Sending again invites no one twice.
      await send('2027-02-28');
      expect((await as.coordinator.inject({ url: `/api/v1/activities/${p1}/survey-results` })).json().waves[0].invited).toBe(5);
      for (const [k, p] of Object.entries({ A, B, C, D, E })) {
        const mails = await app().deps.store.repos.mailOutbox.list({ to: p.email });
        const mail = mails.find((m) => m.kind === 'survey' && m.participantId === ids[k === 'A' ? 'A1' : k]);
        const match = /\/survey\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
        tokens[k] = match?.[1] ?? '';
        expect(mail?.text).toContain('http://localhost:3000/survey/');
      }
      expect((await app().deps.store.repos.mailOutbox.list({ to: F.email })).filter((m) => m.kind === 'survey')).toEqual([]);
    });

    it('shows the public page without personal data, and takes answers once', async () => {
      const page = await as.public.inject({ url: `/api/v1/survey-answers/${tokens.A}` });
      expect(page.statusCode).toBe(200);
      expect(page.json().questions).toHaveLength(5);
      expect(page.body).not.toContain(tag);
      const answer = (k: string, applied: boolean, usefulness: number, comment?: string) =>
        as.public.inject({
          method: 'POST',
          url: `/api/v1/survey-answers/${tokens[k]}`,
          payload: {
            answers: {
              knowledge_applied: applied,
              position_change: k === 'A',
              still_in_contact: true,
              usefulness,
              ...(comment ? { comment } : {}),
            },
          },
        });
      expect((await answer('A', true, 5)).statusCode).toBe(201);
      expect((await answer('A', true, 5)).statusCode).toBe(409);
      expect((await answer('B', true, 4)).statusCode).toBe(201);
      expect((await answer('C', false, 3, `I am ${C.name}, reach me at ${C.email}`)).statusCode).toBe(201);
      const invalid = await as.public.inject({
        method: 'POST',
        url: `/api/v1/survey-answers/${tokens.D}`,
        payload: { answers: { knowledge_applied: 'maybe' } },
      });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().issues.map((i: { path: string }) => i.path)).toContain('answers.knowledge_applied');
      expect((await answer('D', true, 2)).statusCode).toBe(201);
      expect((await as.public.inject({ url: '/api/v1/survey-answers/AAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    });

    it('aggregates per program and wave (5 invited, 4 answered → 80.00%, applied 3 of 4)', async () => {
      const r = await as.agency.inject({ url: `/api/v1/activities/${p1}/survey-results` });
      expect(r.statusCode).toBe(200);
      const w = r.json().waves[0];
      expect(w.responseRate).toEqual({ numerator: 4, denominator: 5, percent: '80.00' });
      expect(w.measures).toEqual([
        { measure: 'knowledge_applied', questionId: 'knowledge_applied', yes: { numerator: 3, denominator: 4, percent: '75.00' } },
        { measure: 'position_change', questionId: 'position_change', yes: { numerator: 1, denominator: 4, percent: '25.00' } },
        { measure: 'still_in_contact', questionId: 'still_in_contact', yes: { numerator: 4, denominator: 4, percent: '100.00' } },
      ]);
      // (5 + 4 + 3 + 2) / 4 = 3.50
      expect(w.scales[0]).toMatchObject({ answers: 4, sum: 14, average: '3.50' });
      for (const [who, status] of [
        ['agencyOther', 403],
        ['embassy', 403],
        ['focal_point', 403],
        ['viewer', 403],
        ['public', 401],
      ] as const) {
        expect((await as[who].inject({ url: `/api/v1/activities/${p1}/survey-results` })).statusCode, who).toBe(status);
      }
    });
  });

  describe('POST /api/v1/participants/{id}/erase', () => {
    it('is for the coordination team only', async () => {
      for (const [who, status] of [
        ['agency', 403],
        ['embassy', 403],
        ['focal_point', 403],
        ['viewer', 403],
        ['public', 401],
      ] as const) {
        expect(
          (await as[who].inject({ method: 'POST', url: `/api/v1/participants/${ids.C}/erase`, payload: { reason: 'request' } })).statusCode,
          who,
        ).toBe(status);
      }
    });

    it('keeps the report counts and the aggregates, and removes the name everywhere', async () => {
      const summary = async () => (await as.public.inject({ url: '/api/v1/reports/summary?year=2026' })).json();
      const before = await summary();
      // The name is in the audit log before the erasure (the record's creation is not audited here: a change is).
      await as.coordinator.inject({
        headers: { 'if-match': '*' },
        method: 'PATCH',
        url: `/api/v1/activities/${p1}/participants/${ids.C}`,
        payload: { position: `Head, named ${C.name}` },
      });
      expect((await as.admin.inject({ url: `/api/v1/audit?q=${encodeURIComponent(C.name)}` })).json().total).toBeGreaterThan(0);

      // A note on a step of the nomination history that names the person.
      await app().deps.store.repos.participantEvents.addMany([
        {
          participantId: ids.C ?? 0,
          fromStatus: 'selected',
          toStatus: 'confirmed',
          at: '2026-11-01T00:00:00.000Z',
          byLabel: 'agency',
          note: `${C.name} confirmed by phone`,
        },
      ]);

      const r = await as.coordinator.inject({
        method: 'POST',
        url: `/api/v1/participants/${ids.C}/erase`,
        payload: { reason: 'request by email of 2026-11-20' },
      });
      expect(r.statusCode).toBe(200);
      const steps = await app().deps.store.repos.participantEvents.listFor(ids.C ?? 0);
      expect(steps.map((e) => [e.toStatus, e.note])).toContainEqual(['confirmed', null]);
      expect(r.json().items[0]).toMatchObject({ participantId: ids.C, surveyAnswersCleaned: 1 });
      expect(
        (await as.coordinator.inject({ method: 'POST', url: `/api/v1/participants/${ids.C}/erase`, payload: { reason: 'again' } }))
          .statusCode,
      ).toBe(409);

      expect(await summary()).toEqual(before);
      const list = (await as.admin.inject({ url: `/api/v1/activities/${p1}/participants` })).body;
      expect(list).not.toContain(C.name);
      expect(list).toContain('[erased]');
      expect(names((await as.coordinator.inject({ url: `/api/v1/alumni?q=${tag}` })).json())).toEqual([A.name, B.name, D.name, E.name]);
      expect((await as.admin.inject({ url: `/api/v1/audit?q=${encodeURIComponent(C.name)}` })).json().total).toBe(0);
      expect((await as.admin.inject({ url: `/api/v1/audit?q=${encodeURIComponent(C.email)}` })).json().total).toBe(0);
      const csv = (await as.coordinator.inject({ url: '/api/v1/export/participants.csv' })).body;
      expect(csv).not.toContain(C.name);
      expect(csv).not.toContain(C.email);
      expect((await app().deps.store.repos.mailOutbox.list({ to: C.email })).length).toBe(0);
      // The survey answer counts stay, its comment goes.
      const w = (await as.coordinator.inject({ url: `/api/v1/activities/${p1}/survey-results` })).json().waves[0];
      expect(w.responseRate.percent).toBe('80.00');
      const [inv] = await app().deps.store.repos.surveys.invitationsOfParticipants([ids.C ?? 0]);
      expect(inv?.answers).toEqual({ knowledge_applied: false, position_change: false, still_in_contact: true, usefulness: 3 });
      // The scrubbed entries stay append-only for everything but the erased values.
      const scrubbed = await app()
        .database.db.selectFrom('audit_scrubs')
        .select('audit_id')
        .where('participant_id', '=', ids.C ?? 0)
        .execute();
      expect(scrubbed.length).toBeGreaterThan(0);
      const first = scrubbed[0]?.audit_id ?? 0;
      await expect(
        sql`update audit_log set actor_label = ${'someone else'} where id = ${first}`.execute(app().database.db),
      ).rejects.toThrow(/audit log cannot be changed/);
      await expect(sql`delete from audit_log where id = ${first}`.execute(app().database.db)).rejects.toThrow(
        /audit log cannot be changed/,
      );
    });

    it('erases every record of a person on request', async () => {
      const r = await as.admin.inject({
        method: 'POST',
        url: `/api/v1/participants/${ids.A2}/erase`,
        payload: { reason: 'request', wholePerson: true },
      });
      expect(r.statusCode).toBe(200);
      expect(
        r
          .json()
          .items.map((i: { participantId: number }) => i.participantId)
          .sort((x: number, y: number) => x - y),
      ).toEqual([ids.A1, ids.A2]);
      const csv = (await as.coordinator.inject({ url: '/api/v1/export/participants.csv' })).body;
      expect(csv).not.toContain(A.email);
    });
  });

  describe('the public', () => {
    it('never gets a participant’s name or email from the portal, reports or exports', async () => {
      const urls = [
        '/api/v1/activities',
        `/api/v1/activities/${p1}`,
        `/api/v1/activities/${p1}/participants`,
        '/api/v1/reports/summary?year=2026',
        '/api/v1/reports/annual.csv?year=2026',
        '/api/v1/export/iati.xml',
        `/api/v1/activities/${p1}/iati.xml`,
        '/api/v1/export/tossd.csv?year=2026',
        '/api/v1/offers',
        '/api/v1/activities/export.csv',
      ];
      for (const url of urls) {
        const r = await as.public.inject({ url });
        for (const p of [B, D, E, F]) {
          expect(r.body, url).not.toContain(p.name);
          expect(r.body, url).not.toContain(p.email);
        }
      }
    });
  });
});
