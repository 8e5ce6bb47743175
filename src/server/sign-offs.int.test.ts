/**
 * The coordination ministries' sign-offs through the API (docs/sign-offs.md): each ministry's
 * accounts sign for their ministry only, approve and fund wait for the required sign-offs, a
 * disagreement blocks, a return starts a new round, and the rules are edited by the team.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { sendSignOffReminders } from '../services/sign-off-reminders.js';
import type { ServiceDeps } from '../services/deps.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../testing/server.js';

const MINISTRIES = ['ID-KEMLU', 'ID-KEMENSETNEG', 'ID-BAPPENAS', 'ID-KEMENKEU'] as const;
const AGENCY = 'ID-SO-AGENCY';

describeEachEngine('sign-offs of the coordination ministries', (app) => {
  let server: FastifyInstance;
  const ministry = {} as Record<(typeof MINISTRIES)[number], TestSession>;
  let plainAdmin: TestSession;
  let plainCoordinator: TestSession;
  let agency: TestSession;
  let embassy: TestSession;
  let viewer: TestSession;
  const as = (session: TestSession | null) => (session ? asSession(server, session) : server);

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    for (const code of [...MINISTRIES, AGENCY]) await ensureOrg(app(), code);
    // The state secretariat signs through its administrator; the others through coordinators.
    for (const code of MINISTRIES) ministry[code] = await signIn(server, app(), code === 'ID-KEMENSETNEG' ? 'admin' : 'coordinator', code);
    plainAdmin = await signIn(server, app(), 'admin');
    plainCoordinator = await signIn(server, app(), 'coordinator');
    agency = await signIn(server, app(), 'agency', AGENCY);
    embassy = await signIn(server, app(), 'embassy', 'ID-SO-KBRI');
    viewer = await signIn(server, app(), 'viewer');
  }, 60_000);

  /** A request of the agency, submitted by it (the assessment round starts then). */
  const inAssessment = async (): Promise<number> => {
    const p = await createProgram(app().deps, programInputSchema.parse(aProgram({ implementingOrg: AGENCY })));
    expect((await move(agency, p.id, 'submit')).statusCode).toBe(200);
    return p.id;
  };
  const move = (who: TestSession, id: number, action: string, comment?: string): Promise<LightMyRequestResponse> =>
    as(who).inject({
      method: 'POST',
      url: `/api/v1/activities/${id}/transitions`,
      payload: { action, ...(comment ? { comment } : {}) },
      headers: { 'if-match': '*' },
    });
  const sign = (who: TestSession | null, id: number, orgCode: string, opinion: string, comment?: string, step = 'assessment') =>
    as(who).inject({
      method: 'POST',
      url: `/api/v1/activities/${id}/sign-offs`,
      payload: { step, orgCode, opinion, ...(comment ? { comment } : {}) },
    });
  const state = async (id: number) => (await as(viewer).inject({ url: `/api/v1/activities/${id}/sign-offs` })).json();

  describe('recording', () => {
    it('lets each ministry sign for itself only, and refuses everyone else naming why', async () => {
      const id = await inAssessment();
      const own = await sign(ministry['ID-BAPPENAS'], id, 'ID-BAPPENAS', 'agree');
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().steps[0].ministries.find((m: { orgCode: string }) => m.orgCode === 'ID-BAPPENAS')).toMatchObject({
        status: 'agree',
        signedBy: ministry['ID-BAPPENAS'].email,
        deadlineDate: '2026-12-12',
      });
      const other = await sign(ministry['ID-BAPPENAS'], id, 'ID-KEMLU', 'agree');
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({
        code: 'sign_off.other_ministry_forbidden',
        detail: expect.stringContaining('acts for ID-BAPPENAS'),
      });
      expect((await sign(plainAdmin, id, 'ID-KEMLU', 'agree')).json()).toMatchObject({
        status: 403,
        detail: expect.stringContaining('no ministry'),
      });
      expect((await sign(plainCoordinator, id, 'ID-KEMLU', 'agree')).statusCode).toBe(403);
      for (const who of [agency, embassy, viewer]) {
        expect((await sign(who, id, 'ID-KEMLU', 'agree')).json()).toMatchObject({ status: 403, code: 'sign_off.forbidden' });
      }
      expect((await sign(null, id, 'ID-KEMLU', 'agree')).statusCode).toBe(401);
      expect((await as(null).inject({ url: `/api/v1/activities/${id}/sign-offs` })).statusCode).toBe(401);
    });

    it('needs conditions or a reason, the step the program is in, and a ministry of the rules', async () => {
      const id = await inAssessment();
      const bare = await sign(ministry['ID-KEMLU'], id, 'ID-KEMLU', 'disagree');
      expect(bare.statusCode).toBe(422);
      expect(bare.json().issues).toEqual([expect.objectContaining({ path: 'comment', code: 'required' })]);
      expect((await sign(ministry['ID-KEMLU'], id, 'ID-KEMLU', 'agree_with_conditions')).statusCode).toBe(422);
      expect((await sign(ministry['ID-KEMLU'], id, 'ID-KEMLU', 'agree', undefined, 'funding')).json().code).toBe('sign_off.wrong_stage');
      // Foreign affairs does not sign at funding by default: once approved, it may not.
      const replaced = await sign(ministry['ID-KEMLU'], id, 'ID-KEMLU', 'agree_with_conditions', 'Only with the embassy briefed');
      expect(replaced.statusCode).toBe(200);
      const again = await sign(ministry['ID-KEMLU'], id, 'ID-KEMLU', 'agree');
      expect(again.json().steps[0].ministries[0]).toMatchObject({ orgCode: 'ID-KEMLU', status: 'agree', comment: null });
      const history = (await as(plainAdmin).inject({ url: `/api/v1/activities/${id}/history` })).json();
      const signOffs = history.items.filter((e: { action: string }) => e.action === 'sign_off');
      expect(signOffs).toHaveLength(2);
    });
  });

  describe('the gate', () => {
    it('refuses approve naming the ministries waited on, and approves once all agreed', async () => {
      const id = await inAssessment();
      const refused = await move(plainCoordinator, id, 'approve');
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'sign_off.incomplete',
        detail:
          'cannot approve: the assessment sign-offs are not complete (still waiting on: ID-KEMLU, ID-KEMENSETNEG, ID-BAPPENAS, ID-KEMENKEU)',
      });
      for (const code of MINISTRIES) expect((await sign(ministry[code], id, code, 'agree')).statusCode).toBe(200);
      expect((await state(id)).steps[0]).toMatchObject({ waitingOn: [], mayProceed: true });
      expect((await move(plainCoordinator, id, 'approve')).statusCode).toBe(200);
      // Funding: national planning and finance.
      const fund = await move(plainCoordinator, id, 'fund');
      expect(fund.json().detail).toMatch(/still waiting on: ID-BAPPENAS, ID-KEMENKEU\)$/);
      const s = await state(id);
      expect(s.current).toBe('funding');
      expect(s.mySignFor).toBeNull();
      await sign(ministry['ID-BAPPENAS'], id, 'ID-BAPPENAS', 'agree', undefined, 'funding');
      await sign(ministry['ID-KEMENKEU'], id, 'ID-KEMENKEU', 'agree_with_conditions', 'From the 2019 budget line', 'funding');
      expect((await move(plainCoordinator, id, 'fund')).statusCode).toBe(200);
    });

    it('blocks approve on a disagreement, while return and reject stay open; a return starts a new round', async () => {
      const id = await inAssessment();
      for (const code of MINISTRIES) {
        expect(
          (await sign(ministry[code], id, code, code === 'ID-KEMENKEU' ? 'disagree' : 'agree', 'No budget this year')).statusCode,
        ).toBe(200);
      }
      const blocked = await move(ministry['ID-BAPPENAS'], id, 'approve');
      expect(blocked.json()).toMatchObject({ status: 422, detail: expect.stringContaining('disagreed: ID-KEMENKEU') });
      expect((await move(ministry['ID-BAPPENAS'], id, 'return', 'Rework the budget')).statusCode).toBe(200);
      expect((await state(id)).steps[0].ministries.map((m: { status: string }) => m.status)).toEqual([
        'waiting',
        'waiting',
        'waiting',
        'waiting',
      ]);
      const history = (await as(plainAdmin).inject({ url: `/api/v1/activities/${id}/history` })).json();
      const cleared = history.items.find((e: { action: string }) => e.action === 'sign_off_clear');
      expect(Object.keys(cleared.changes)).toHaveLength(4);
      expect((await move(agency, id, 'submit')).statusCode).toBe(200);
      expect((await move(plainCoordinator, id, 'approve')).statusCode).toBe(422);
      expect((await move(plainCoordinator, id, 'reject', 'Out of the plan')).statusCode).toBe(200);
    });

    it('lets the system move a program, and register one at a later stage, without sign-offs', async () => {
      const p = await createProgram(
        app().deps,
        programInputSchema.parse(aProgram({ implementingOrg: AGENCY, lifecycleStage: 'approved' })),
      );
      expect(p.lifecycleStage).toBe('approved');
      expect((await state(p.id)).steps[1]).toMatchObject({ startedAt: null, mayProceed: false });
    });
  });

  describe('rules', () => {
    it('are read by anyone signed in and edited by the coordination team, audited', async () => {
      expect((await as(viewer).inject({ url: '/api/v1/sign-off-rules' })).json()).toHaveLength(6);
      const put = (who: TestSession, payload: object) => as(who).inject({ method: 'PUT', url: '/api/v1/sign-off-rules', payload });
      expect((await put(viewer, { step: 'funding', orgCode: 'ID-KEMLU', required: true, daysAllowed: 5 })).statusCode).toBe(403);
      expect((await put(plainCoordinator, { step: 'funding', orgCode: 'ID-NOWHERE', required: true, daysAllowed: 5 })).statusCode).toBe(
        422,
      );
      const saved = await put(plainCoordinator, { step: 'funding', orgCode: 'ID-KEMLU', required: true, daysAllowed: 5 });
      expect(saved.json()).toEqual({ step: 'funding', orgCode: 'ID-KEMLU', required: true, daysAllowed: 5 });
      const id = await inAssessment();
      for (const code of MINISTRIES) await sign(ministry[code], id, code, 'agree');
      await move(plainCoordinator, id, 'approve');
      expect((await state(id)).steps[1].waitingOn).toEqual(['ID-BAPPENAS', 'ID-KEMENKEU', 'ID-KEMLU']);
      expect((await put(plainAdmin, { step: 'funding', orgCode: 'ID-KEMLU', required: false, daysAllowed: 5 })).statusCode).toBe(200);
      expect((await state(id)).steps[1].waitingOn).toEqual(['ID-BAPPENAS', 'ID-KEMENKEU']);
      const audit = (await as(plainAdmin).inject({ url: '/api/v1/audit?entity=sign_off_rule' })).json();
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
    });
  });
  describe('reminders', () => {
    const on = (day: string): ServiceDeps => ({ ...app().deps, clock: { nowIso: () => `${day}T06:00:00.000Z` } });
    const outbox = (identifier: string) =>
      app()
        .database.db.selectFrom('mail_outbox')
        .select(['to_address as to', 'subject'])
        .where('kind', '=', 'sign_off_reminder')
        .where('subject', 'like', `%${identifier}%`)
        .orderBy('id')
        .execute();

    it('mails the waiting ministries two days before the deadline and after it, once each', async () => {
      const id = await inAssessment(); // the round starts on 2026-11-28: deadline 2026-12-12
      const identifier = (await as(viewer).inject({ url: `/api/v1/activities/${id}` })).json().identifier as string;
      for (const code of ['ID-KEMLU', 'ID-KEMENSETNEG'] as const) await sign(ministry[code], id, code, 'agree');
      await sendSignOffReminders(on('2026-12-09'));
      expect(await outbox(identifier)).toEqual([]);
      await sendSignOffReminders(on('2026-12-10'));
      await sendSignOffReminders(on('2026-12-11'));
      const before = await outbox(identifier);
      expect(before.map((m) => m.to).sort()).toEqual([ministry['ID-BAPPENAS'].email, ministry['ID-KEMENKEU'].email].sort());
      expect(before[0]?.subject).toMatch(/due 2026-12-12$/);
      await sendSignOffReminders(on('2026-12-13'));
      await sendSignOffReminders(on('2026-12-20'));
      const all = await outbox(identifier);
      expect(all).toHaveLength(4);
      expect(all.slice(2).every((m) => /past its deadline$/.test(m.subject))).toBe(true);
    });
  });
});
