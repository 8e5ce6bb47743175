/**
 * Issue 21, "status follows the process": a program moved through the stages reports the IATI
 * status of each stage with its actual dates (in the program, the audit log and the IATI file),
 * a status that contradicts the stage is refused, and the work that waits for a stage (course
 * offers and nominations, attendance, survey results) is refused before it.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema, type ProgramRequest } from '../domain/program/program.schema.js';
import type { LifecycleStage } from '../domain/codes.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { recordCompletion, recordEvaluation } from '../testing/completion.js';
import { describeEachEngine } from '../testing/engines.js';
import { signOffFor } from '../testing/sign-offs.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../testing/server.js';

const OWN = 'ID-ST-AGENCY';
/** The fixed clock of openTestApp: today is 2026-11-28. */
const TODAY = '2026-11-28';

describeEachEngine('the status follows the stage', (app) => {
  let server: FastifyInstance;
  let coordinator: TestSession;
  let admin: TestSession;

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    await ensureOrg(app(), OWN);
    coordinator = await signIn(server, app(), 'coordinator');
    admin = await signIn(server, app(), 'admin');
  }, 60_000);

  const as = (session: TestSession) => asSession(server, session);
  const system = (stage: LifecycleStage, overrides: Partial<ProgramRequest> = {}) =>
    createProgram(app().deps, programInputSchema.parse(aProgram({ implementingOrg: OWN, lifecycleStage: stage, ...overrides })));
  const move = async (id: number, action: string, comment?: string) => {
    await signOffFor(app().deps, id, action);
    return as(coordinator).inject({
      headers: { 'if-match': '*' },
      method: 'POST',
      url: `/api/v1/activities/${id}/transitions`,
      payload: { action, ...(comment ? { comment } : {}) },
    });
  };
  const iati = async (id: number) => (await as(coordinator).inject({ url: `/api/v1/activities/${id}/iati.xml` })).body;
  const statusCode = (xml: string) => /<activity-status code="(\d)"/.exec(xml)?.[1];
  const dateOf = (xml: string, type: number) => new RegExp(`<activity-date iso-date="([0-9-]+)" type="${type}"`).exec(xml)?.[1] ?? null;

  describe('transitions', () => {
    it('sets the status of each stage, the actual start on starting and the actual end on completing, and exports them to IATI', async () => {
      const created = await as(coordinator).inject({
        method: 'POST',
        url: '/api/v1/activities',
        payload: aProgram({ implementingOrg: OWN }),
      });
      expect(created.json()).toMatchObject({ lifecycleStage: 'request', activityStatus: 'pipeline', actualStart: null, actualEnd: null });
      const id = created.json().id as number;
      const steps: [string, string | undefined, LifecycleStage, string, string | null, string | null, string][] = [
        ['submit', undefined, 'assessment', 'pipeline', null, null, '1'],
        ['approve', undefined, 'approved', 'pipeline', null, null, '1'],
        ['fund', undefined, 'funded', 'pipeline', null, null, '1'],
        ['start', undefined, 'implementation', 'implementation', TODAY, null, '2'],
        ['complete', undefined, 'completed', 'finalisation', TODAY, TODAY, '3'],
        ['evaluate', undefined, 'evaluated', 'closed', TODAY, TODAY, '4'],
      ];
      for (const [action, comment, stage, status, start, end, code] of steps) {
        // Completing and evaluating need their records (issue 25); the completion's dates are today's.
        if (action === 'complete') await recordCompletion(app(), id, { actualStart: TODAY, actualEnd: TODAY });
        if (action === 'evaluate') await recordEvaluation(app(), id, OWN);
        const moved = await move(id, action, comment);
        expect(moved.statusCode, `${action}: ${moved.body}`).toBe(200);
        expect(moved.json(), action).toMatchObject({ lifecycleStage: stage, activityStatus: status, actualStart: start, actualEnd: end });
        const xml = await iati(id);
        expect(statusCode(xml), action).toBe(code);
        expect(dateOf(xml, 2), action).toBe(start);
        expect(dateOf(xml, 4), action).toBe(end);
      }
      // The program's year follows its actual start; the list shows the status.
      expect((await as(coordinator).inject({ url: `/api/v1/activities/${id}` })).json()).toMatchObject({
        year: 2026,
        activityStatus: 'closed',
      });
      const listed = await as(coordinator).inject({ url: `/api/v1/activities?status=closed&q=${created.json().identifier}` });
      expect(listed.json().items.map((a: { id: number }) => a.id)).toEqual([id]);
      // The audit log shows what each step changed besides the stage.
      const log = (await as(admin).inject({ url: `/api/v1/audit?entity=activity&entityId=${id}&action=transition&pageSize=50` })).json();
      const byVersion = new Map(log.items.map((e: { entityVersion: number; changes: unknown }) => [e.entityVersion, e.changes]));
      expect(byVersion.get(5)).toEqual({
        lifecycleStage: { before: 'funded', after: 'implementation' },
        activityStatus: { before: 'pipeline', after: 'implementation' },
        actualStart: { before: null, after: TODAY },
      });
      expect(byVersion.get(6)).toEqual({
        lifecycleStage: { before: 'implementation', after: 'completed' },
        activityStatus: { before: 'implementation', after: 'finalisation' },
        actualEnd: { before: null, after: TODAY },
      });
      expect(byVersion.get(3)).toEqual({ lifecycleStage: { before: 'assessment', after: 'approved' } });
    });

    it('keeps actual dates already recorded, and cancels or rejects to status cancelled', async () => {
      const funded = await system('funded', { actualStart: '2026-11-20', plannedStart: '2026-11-20', plannedEnd: '2026-11-30' });
      expect(funded.activityStatus).toBe('pipeline');
      expect((await move(funded.id, 'start')).json()).toMatchObject({ activityStatus: 'implementation', actualStart: '2026-11-20' });
      expect((await move(funded.id, 'cancel', 'The venue was lost')).json()).toMatchObject({
        lifecycleStage: 'cancelled',
        activityStatus: 'cancelled',
        actualEnd: null,
      });
      const assessed = await system('assessment');
      expect((await move(assessed.id, 'reject', 'Outside the priorities')).json()).toMatchObject({ activityStatus: 'cancelled' });
    });
  });

  describe('editing and registering', () => {
    it('refuses a status that contradicts the stage with 422 naming activityStatus, and lets suspended be set while implementing', async () => {
      const approved = await system('approved');
      const patch = (id: number, body: object) =>
        as(coordinator).inject({ headers: { 'if-match': '*' }, method: 'PATCH', url: `/api/v1/activities/${id}`, payload: body });
      const wrong = await patch(approved.id, { activityStatus: 'implementation' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({
        code: 'activity.invalid',
        issues: [{ path: 'activityStatus', code: 'status_contradicts_stage', message: expect.stringContaining('"approved"') }],
      });
      expect((await patch(approved.id, { activityStatus: 'pipeline', titleEn: 'Renamed' })).statusCode).toBe(200);
      const running = await system('implementation');
      expect(running.activityStatus).toBe('implementation');
      expect((await patch(running.id, { activityStatus: 'suspended' })).json().activityStatus).toBe('suspended');
      expect((await patch(running.id, { titleEn: 'Still paused' })).json().activityStatus).toBe('suspended');
      expect((await patch(running.id, { activityStatus: 'closed' })).statusCode).toBe(422);
    });

    it('registers a program at the stage of the status given, or with the status of the stage given', async () => {
      const post = (body: object) =>
        as(coordinator).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OWN, ...body }) });
      expect((await post({ activityStatus: 'closed' })).json()).toMatchObject({ lifecycleStage: 'evaluated', activityStatus: 'closed' });
      expect((await post({ lifecycleStage: 'completed' })).json()).toMatchObject({
        lifecycleStage: 'completed',
        activityStatus: 'finalisation',
      });
      const clash = await post({ lifecycleStage: 'completed', activityStatus: 'pipeline' });
      expect(clash.statusCode).toBe(422);
      expect(clash.json().issues[0].path).toBe('activityStatus');
    });
  });

  describe('work that waits for its stage', () => {
    const offer = { deadline: '2027-06-30T23:59:59+07:00', quotaDefault: 2, status: 'open' };

    it('opens a program for nominations only once approved, with 409 activity.wrong_stage before', async () => {
      for (const stage of ['request', 'assessment', 'completed', 'cancelled'] as const) {
        const p = await system(stage);
        const refused = await as(coordinator).inject({
          method: 'PUT',
          url: `/api/v1/activities/${p.id}/offer`,
          payload: { ...offer, status: 'draft' },
        });
        expect(refused.statusCode, stage).toBe(409);
        expect(refused.json()).toMatchObject({ code: 'activity.wrong_stage', detail: expect.stringContaining('"approved"') });
      }
      const p = await system('request');
      await move(p.id, 'submit');
      await move(p.id, 'approve');
      expect((await as(coordinator).inject({ method: 'PUT', url: `/api/v1/activities/${p.id}/offer`, payload: offer })).statusCode).toBe(
        200,
      );
    });

    it('takes attendance once the program runs, and shows survey results once it is completed', async () => {
      const p = await system('funded', { plannedStart: TODAY, plannedEnd: '2026-12-02' });
      const sheet = () => as(coordinator).inject({ url: `/api/v1/activities/${p.id}/attendance` });
      const results = () => as(coordinator).inject({ url: `/api/v1/activities/${p.id}/survey-results` });
      expect((await sheet()).json()).toMatchObject({ code: 'activity.wrong_stage', detail: expect.stringContaining('"implementation"') });
      expect((await sheet()).statusCode).toBe(409);
      const marks = await as(coordinator).inject({ method: 'PUT', url: `/api/v1/activities/${p.id}/attendance`, payload: { marks: [] } });
      expect(marks.json().code).toBe('activity.wrong_stage');
      await move(p.id, 'start');
      expect((await sheet()).statusCode).toBe(200);
      expect((await results()).json()).toMatchObject({ code: 'activity.wrong_stage', detail: expect.stringContaining('"completed"') });
      await recordCompletion(app(), p.id, { actualStart: TODAY, actualEnd: TODAY });
      await move(p.id, 'complete');
      expect((await results()).statusCode).toBe(200);
      expect((await sheet()).statusCode).toBe(200);
    });
  });
});
