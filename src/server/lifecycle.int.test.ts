/**
 * The assistance process through the API: transitions by the roles that make them, their
 * timeline, the stage filter of lists and reports, and the annual plan with budgets converted
 * at dated exchange rates (totals computed by hand in the comments).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
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

const OWN = 'ID-LC-AGENCY';
const OTHER = 'ID-LC-OTHER';
const EMBASSY = 'ID-LC-KBRI';
/** The fixed clock of openTestApp. */
const NOW = '2026-11-28T09:00:00.000Z';

describeEachEngine('the assistance process through the API', (app) => {
  let server: FastifyInstance;
  let coordinator: TestSession;
  let agency: TestSession;
  let embassy: TestSession;
  let viewer: TestSession;
  const as = (session: TestSession | null) => (session ? asSession(server, session) : server);

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    for (const code of [OWN, OTHER, EMBASSY]) await ensureOrg(app(), code);
    coordinator = await signIn(server, app(), 'coordinator');
    agency = await signIn(server, app(), 'agency', OWN);
    embassy = await signIn(server, app(), 'embassy', EMBASSY);
    viewer = await signIn(server, app(), 'viewer');
  }, 60_000);

  const system = (stage: LifecycleStage, overrides: Partial<ProgramRequest> = {}) =>
    createProgram(app().deps, programInputSchema.parse(aProgram({ implementingOrg: OWN, lifecycleStage: stage, ...overrides })));
  const move = async (
    who: TestSession | null,
    id: number,
    action: string,
    comment?: string | null,
    ifMatch?: string,
  ): Promise<LightMyRequestResponse> => {
    // The ministries' sign-offs approve and fund wait for (their own tests: sign-offs.int.test.ts).
    await signOffFor(app().deps, id, action);
    return as(who).inject({
      method: 'POST',
      url: `/api/v1/activities/${id}/transitions`,
      payload: { action, ...(comment === undefined ? {} : { comment }) },
      headers: { 'if-match': ifMatch ?? '*' },
    });
  };
  const timeline = async (who: TestSession | null, id: number) =>
    (await as(who).inject({ url: `/api/v1/activities/${id}/timeline` })).json();

  describe('transitions', () => {
    it('walks a request of an agency to its evaluation, each step by a role allowed to make it', async () => {
      const created = await as(agency).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() });
      expect(created.json()).toMatchObject({ implementingOrg: OWN, lifecycleStage: 'request', version: 1 });
      const id = created.json().id as number;
      const steps: [TestSession, string, string | null, LifecycleStage][] = [
        [agency, 'submit', null, 'assessment'],
        [coordinator, 'approve', 'Fits the 2018 priorities', 'approved'],
        [coordinator, 'fund', null, 'funded'],
        [agency, 'start', null, 'implementation'],
        [agency, 'complete', 'Report submitted on time', 'completed'],
        [coordinator, 'evaluate', null, 'evaluated'],
      ];
      let version = 1;
      for (const [who, action, comment, stage] of steps) {
        // Completing and evaluating need their records (issue 25): saved apart, they leave the program's version alone.
        if (action === 'complete') await recordCompletion(app(), id);
        if (action === 'evaluate') await recordEvaluation(app(), id, OWN);
        const response = await move(who, id, action, comment, `"${version}"`);
        expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
        version += 1;
        expect(response.json()).toMatchObject({ id, lifecycleStage: stage, version });
        expect(response.headers.etag).toBe(`"${version}"`);
      }
      const t = await timeline(viewer, id);
      expect(t.stage).toBe('evaluated');
      expect(t.available).toEqual([]);
      expect(t.transitions).toEqual(
        steps.map(([who, action, comment, to], i) => ({
          id: expect.any(Number),
          action,
          fromStage: i === 0 ? 'request' : steps[i - 1]![3],
          toStage: to,
          comment,
          actorLabel: who.email,
          at: NOW,
        })),
      );
      const ids = t.transitions.map((s: { id: number }) => s.id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      // The program itself still reads as evaluated, and nothing more can happen to it.
      for (const action of ['submit', 'approve', 'fund', 'start', 'complete', 'evaluate']) {
        const again = await move(coordinator, id, action);
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('activity.invalid_transition');
      }
      expect((await move(coordinator, id, 'cancel', 'Too late')).json().code).toBe('activity.invalid_transition');
      // The public sees the stage of a published program, never who moved it.
      expect(await timeline(null, id)).toEqual({ stage: 'evaluated', transitions: [], available: [] });
    });

    it('returns a request for revision and rejects it, each with the comment it needs', async () => {
      const { id } = await system('request');
      expect((await move(embassy, id, 'submit')).json().lifecycleStage).toBe('assessment');
      for (const comment of [undefined, null, '', '   ']) {
        const missing = await move(coordinator, id, 'return', comment);
        expect(missing.statusCode).toBe(422);
        expect(missing.json()).toMatchObject({ code: 'activity.comment_required', issues: [{ path: 'comment', code: 'required' }] });
      }
      expect((await move(coordinator, id, 'return', '  Add the budget  ')).json().lifecycleStage).toBe('request');
      expect((await move(agency, id, 'submit')).statusCode).toBe(200);
      expect((await move(coordinator, id, 'reject')).statusCode).toBe(422);
      const rejected = await move(coordinator, id, 'reject', 'Outside the annual priorities');
      expect(rejected.json()).toMatchObject({ lifecycleStage: 'rejected', version: 5 });
      expect((await move(coordinator, id, 'submit')).statusCode).toBe(409);
      expect((await move(coordinator, id, 'cancel', 'x')).statusCode).toBe(409);

      const t = await timeline(agency, id);
      expect(
        t.transitions.map((s: { action: string; comment: string | null; actorLabel: string }) => [s.action, s.comment, s.actorLabel]),
      ).toEqual([
        ['submit', null, embassy.email],
        ['return', 'Add the budget', coordinator.email],
        ['submit', null, agency.email],
        ['reject', 'Outside the annual priorities', coordinator.email],
      ]);
      // A rejected request is not published.
      expect((await server.inject({ url: `/api/v1/activities/${id}/timeline` })).statusCode).toBe(404);
    });

    it('lets an agency cancel its own program with a reason, and refuses it another agency’s', async () => {
      const mine = await system('funded');
      expect((await move(agency, mine.id, 'cancel')).statusCode).toBe(422);
      const cancelled = await move(agency, mine.id, 'cancel', 'The venue is flooded');
      expect(cancelled.json()).toMatchObject({ lifecycleStage: 'cancelled' });
      const theirs = await system('funded', { implementingOrg: OTHER });
      const refused = await move(agency, theirs.id, 'cancel', 'Not ours');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('activity.transition_forbidden');
      const stored = (await as(viewer).inject({ url: `/api/v1/activities/${theirs.id}` })).json();
      expect(stored).toMatchObject({ lifecycleStage: 'funded', version: 1 });
    });

    it('refuses the roles that may not make a step with 403, and the public with 401', async () => {
      const cases: [TestSession, LifecycleStage, string][] = [
        [viewer, 'request', 'submit'],
        [embassy, 'assessment', 'approve'],
        [agency, 'assessment', 'approve'],
        [agency, 'assessment', 'reject'],
        [agency, 'assessment', 'return'],
        [agency, 'approved', 'fund'],
        [agency, 'completed', 'evaluate'],
        [embassy, 'funded', 'start'],
        [embassy, 'approved', 'cancel'],
        [viewer, 'implementation', 'complete'],
      ];
      for (const [who, stage, action] of cases) {
        const { id } = await system(stage);
        const response = await move(who, id, action, 'A reason');
        expect(response.statusCode, `${action} in ${stage}`).toBe(403);
        expect(response.json().code).toBe('activity.transition_forbidden');
        expect((await as(coordinator).inject({ url: `/api/v1/activities/${id}` })).json()).toMatchObject({
          lifecycleStage: stage,
          version: 1,
        });
      }
      const { id } = await system('request');
      const anonymous = await move(null, id, 'submit');
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('auth.required');
    });

    it('answers 409 for a step from the wrong stage, and for a stale If-Match', async () => {
      const { id } = await system('request');
      const wrong = await move(coordinator, id, 'fund');
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json()).toMatchObject({ code: 'activity.invalid_transition', status: 409 });
      expect(wrong.json().detail).toMatch(/"request".*approved/);

      await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'PATCH',
        url: `/api/v1/activities/${id}`,
        payload: { titleEn: 'Changed meanwhile' },
      });
      const stale = await move(agency, id, 'submit', null, '"1"');
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'activity.stale', details: { currentVersion: 2, yourVersion: 1 } });
      expect((await as(agency).inject({ url: `/api/v1/activities/${id}` })).json()).toMatchObject({
        lifecycleStage: 'request',
        version: 2,
      });
      expect((await move(agency, id, 'submit', null, 'W/"2"')).statusCode).toBe(200);
      expect((await move(coordinator, id, 'approve', null, 'two')).json().code).toBe('request.if_match');
      expect((await move(coordinator, 424242, 'approve')).statusCode).toBe(404);
      const unknown = await move(coordinator, id, 'publish');
      expect(unknown.statusCode).toBe(400);
      const extra = await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'POST',
        url: `/api/v1/activities/${id}/transitions`,
        payload: { action: 'approve', toStage: 'evaluated' },
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().issues).toEqual([expect.objectContaining({ path: 'toStage', code: 'unknown_field' })]);
    });
  });

  describe('the stage in lists and reports', () => {
    const YEAR = 2033;
    const STAGES: LifecycleStage[] = [
      'request',
      'assessment',
      'approved',
      'funded',
      'implementation',
      'completed',
      'evaluated',
      'rejected',
      'cancelled',
    ];
    const byStage = {} as Record<LifecycleStage, number>;

    beforeAll(async () => {
      for (const stage of STAGES) {
        byStage[stage] = (
          await system(stage, {
            plannedStart: `${YEAR}-05-01`,
            plannedEnd: `${YEAR}-05-10`,
            recipients: [{ country: stage === 'approved' ? 'FJ' : 'KE' }],
          })
        ).id;
      }
    });

    const ids = async (who: TestSession | null, query: string) =>
      ((await as(who).inject({ url: `/api/v1/activities?year=${YEAR}&pageSize=100&${query}` })).json().items as { id: number }[])
        .map((a) => a.id)
        .sort((a, b) => a - b);
    const summary = async (who: TestSession | null, query = '') => {
      const response = await as(who).inject({ url: `/api/v1/reports/summary?year=${YEAR}${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { programs: number; countries: number };
    };

    it('filters the list by one stage or several, given as codes or Indonesian labels', async () => {
      const sorted = (...stages: LifecycleStage[]) => stages.map((s) => byStage[s]).sort((a, b) => a - b);
      expect(await ids(viewer, 'stage=approved,funded')).toEqual(sorted('approved', 'funded'));
      expect(await ids(viewer, 'stage=Disetujui,%20didanai')).toEqual(sorted('approved', 'funded'));
      expect(await ids(viewer, 'stage=rejected')).toEqual(sorted('rejected'));
      expect(await ids(viewer, '')).toEqual(sorted(...STAGES));
      const bad = await as(viewer).inject({ url: '/api/v1/activities?stage=approved,shelved' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0]).toMatchObject({ path: 'stage', in: 'query' });
      // The public: published stages only, whatever it asks for.
      expect(await ids(null, '')).toEqual(sorted('approved', 'funded', 'implementation', 'completed', 'evaluated'));
      expect(await ids(null, 'stage=request,assessment,rejected,cancelled')).toEqual([]);
      expect(await ids(null, 'stage=request,funded')).toEqual(sorted('funded'));
    });

    it('counts the stages asked for in the summary, and the published ones only for the public', async () => {
      expect((await summary(viewer)).programs).toBe(9);
      expect(await summary(viewer, '&stage=approved,funded')).toMatchObject({ programs: 2, countries: 2 });
      expect((await summary(viewer, '&stage=rejected,cancelled')).programs).toBe(2);
      expect((await summary(null)).programs).toBe(5);
      expect((await summary(null, '&stage=request,assessment')).programs).toBe(0);
      expect((await summary(null, '&stage=request,approved')).programs).toBe(1);
      const years = (await server.inject({ url: '/api/v1/reports/years' })).json().items.find((y: { year: number }) => y.year === YEAR);
      expect(years.programs).toBe(5);
      const internalYears = (await as(viewer).inject({ url: '/api/v1/reports/years?stage=approved,funded' }))
        .json()
        .items.find((y: { year: number }) => y.year === YEAR);
      expect(internalYears.programs).toBe(2);
    });

    it('counts a program under its new stage as soon as it moves', async () => {
      const { id } = await system('assessment', { plannedStart: `${YEAR}-09-01`, plannedEnd: `${YEAR}-09-05` });
      expect((await summary(viewer, '&stage=approved')).programs).toBe(1);
      expect((await summary(null)).programs).toBe(5);
      expect((await move(coordinator, id, 'approve')).statusCode).toBe(200);
      expect((await summary(viewer, '&stage=approved')).programs).toBe(2);
      expect((await summary(null)).programs).toBe(6);
      expect(await ids(null, 'stage=approved')).toContain(id);
      expect((await move(coordinator, id, 'cancel', 'Funds withdrawn')).statusCode).toBe(200);
      expect((await summary(null)).programs).toBe(5);
      expect(await ids(null, '')).not.toContain(id);
    });
  });

  describe('the annual plan', () => {
    const YEAR = 2031;
    const budget = (
      amount: string,
      currency: string,
      day: { valueDate?: string; periodStart?: string; periodEnd?: string },
      type: 1 | 2 = 1,
    ) => ({
      type,
      periodStart: day.periodStart ?? `${YEAR}-01-01`,
      periodEnd: day.periodEnd ?? `${YEAR}-12-31`,
      amount,
      currency,
      ...(day.valueDate ? { valueDate: day.valueDate } : {}),
    });
    const plan = async () => {
      const response = await as(viewer).inject({ url: `/api/v1/reports/annual-plan?year=${YEAR}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const at = (identifier: string, stage: LifecycleStage, org: string, budgets: ReturnType<typeof budget>[], start = `${YEAR}-03-01`) =>
      system(stage, {
        identifier,
        implementingOrg: org,
        plannedStart: start,
        plannedEnd: start.replace(/-01$/, '-20'),
        recipients: [{ country: 'KE' }, { country: 'TZ' }],
        budgets,
      });

    beforeAll(async () => {
      const rates = await as(coordinator).inject({
        method: 'POST',
        url: '/api/v1/imports/rates',
        payload: `currency,date,units_per_usd\nIDR,${YEAR}-01-01,15000\nIDR,${YEAR}-07-01,16000\nEUR,${YEAR}-01-01,0.8\nJPY,${YEAR}-01-01,110.5\n`,
        headers: { 'content-type': 'text/csv' },
      });
      expect(rates.json()).toMatchObject({ status: 'committed', inserted: 4 });
      // A: 1,500,000,000 IDR dated by its period start (February, 15,000 IDR/USD) = 100,000.00 USD.
      await at('PLAN-A', 'approved', OWN, [budget('1500000000', 'IDR', { periodStart: `${YEAR}-02-01` })]);
      // B: the revised budget replaces the original: 8,000 EUR on 1 August (0.8 EUR/USD, 16,000 IDR/USD)
      //    = 10,000.00 USD = 160,000,000.00 IDR.
      await at('PLAN-B', 'funded', OWN, [
        budget('5000', 'EUR', { valueDate: `${YEAR}-02-01` }),
        budget('8000', 'EUR', { valueDate: `${YEAR}-08-01` }, 2),
      ]);
      // C: 2,500.50 USD = 37,507,500.00 IDR; 1,234,567 JPY at 110.5 = 11,172.55203… USD → 11,172.55,
      //    and 167,588,280.54298… IDR → 167,588,280.54; 1,000 CHF has no rate at all.
      await at('PLAN-C', 'approved', OTHER, [
        budget('2500.50', 'USD', { valueDate: `${YEAR}-03-15` }),
        budget('1234567', 'JPY', { valueDate: `${YEAR}-03-15` }),
        budget('1000', 'CHF', { periodStart: `${YEAR}-04-01` }),
      ]);
      // D: 100 EUR dated before the first EUR rate: left out of the totals.
      await at('PLAN-D', 'funded', OTHER, [
        budget('100', 'EUR', { valueDate: `${YEAR - 1}-12-31`, periodStart: `${YEAR - 1}-12-01`, periodEnd: `${YEAR}-11-30` }),
      ]);
      // Not in the plan: other stages, another year.
      await at('PLAN-E', 'implementation', OWN, [budget('999', 'USD', {})]);
      await at('PLAN-F', 'request', OWN, [budget('999', 'USD', {})]);
      await at('PLAN-G', 'assessment', OTHER, [budget('999', 'USD', {})]);
      await at('PLAN-H', 'approved', OWN, [budget('999', 'USD', {})], `${YEAR + 1}-03-01`);
    });

    it('lists the approved and funded programs of the year per ministry, the largest budget first', async () => {
      const p = await plan();
      expect(p.year).toBe(YEAR);
      expect(p.programs).toBe(4);
      expect(
        p.agencies.map((a: { org: string; programs: { identifier: string }[] }) => [a.org, a.programs.map((x) => x.identifier)]),
      ).toEqual([
        [OWN, ['PLAN-A', 'PLAN-B']],
        [OTHER, ['PLAN-C', 'PLAN-D']],
      ]);
      expect(p.agencies[0].programs[1]).toMatchObject({
        identifier: 'PLAN-B',
        stage: 'funded',
        plannedStart: `${YEAR}-03-01`,
        plannedEnd: `${YEAR}-03-20`,
        recipients: ['KE', 'TZ'],
        budget: {
          usd: '10000.00',
          idr: '160000000.00',
          transactions: 1,
          byCurrency: [{ currency: 'EUR', amount: '8000.00', transactions: 1 }],
          missingRates: [],
        },
      });
    });

    it('converts each budget at the rate of its value date, else its period start, in exact strings', async () => {
      const p = await plan();
      const [own, other] = p.agencies;
      expect(own.programs[0].budget).toMatchObject({ usd: '100000.00', idr: '1500000000.00' });
      expect(own.budget).toEqual({
        usd: '110000.00',
        idr: '1660000000.00',
        transactions: 2,
        byCurrency: [
          { currency: 'EUR', amount: '8000.00', transactions: 1 },
          { currency: 'IDR', amount: '1500000000.00', transactions: 1 },
        ],
        missingRates: [],
      });
      expect(other.budget).toEqual({
        usd: '13673.05',
        idr: '205095780.54',
        transactions: 4,
        byCurrency: [
          { currency: 'CHF', amount: '1000.00', transactions: 1 },
          { currency: 'EUR', amount: '100.00', transactions: 1 },
          { currency: 'JPY', amount: '1234567.00', transactions: 1 },
          { currency: 'USD', amount: '2500.50', transactions: 1 },
        ],
        missingRates: [
          {
            currency: 'CHF',
            transactions: 1,
            amount: '1000.00',
            firstDate: `${YEAR}-04-01`,
            lastDate: `${YEAR}-04-01`,
            missing: ['idr', 'usd'],
          },
          {
            currency: 'EUR',
            transactions: 1,
            amount: '100.00',
            firstDate: `${YEAR - 1}-12-31`,
            lastDate: `${YEAR - 1}-12-31`,
            missing: ['idr', 'usd'],
          },
        ],
      });
      expect(p.budget).toMatchObject({
        usd: '123673.05',
        idr: '1865095780.54',
        transactions: 6,
        byCurrency: [
          { currency: 'CHF', amount: '1000.00', transactions: 1 },
          { currency: 'EUR', amount: '8100.00', transactions: 2 },
          { currency: 'IDR', amount: '1500000000.00', transactions: 1 },
          { currency: 'JPY', amount: '1234567.00', transactions: 1 },
          { currency: 'USD', amount: '2500.50', transactions: 1 },
        ],
      });
      expect(p.budget.missingRates.map((m: { currency: string }) => m.currency)).toEqual(['CHF', 'EUR']);
    });

    it('follows the programs through the process, and is for signed-in users only', async () => {
      const e = (await as(viewer).inject({ url: '/api/v1/activities/by-identifier/PLAN-G' })).json();
      expect((await move(coordinator, e.id, 'approve')).statusCode).toBe(200);
      expect((await plan()).programs).toBe(5);
      expect((await move(coordinator, e.id, 'cancel', 'Merged into PLAN-C')).statusCode).toBe(200);
      expect((await plan()).programs).toBe(4);
      const empty = (await as(viewer).inject({ url: '/api/v1/reports/annual-plan?year=1999' })).json();
      expect(empty).toEqual({
        year: 1999,
        programs: 0,
        agencies: [],
        budget: { usd: '0.00', idr: '0.00', transactions: 0, byCurrency: [], missingRates: [] },
      });
      expect((await server.inject({ url: `/api/v1/reports/annual-plan?year=${YEAR}` })).statusCode).toBe(401);
      expect((await as(viewer).inject({ url: '/api/v1/reports/annual-plan' })).statusCode).toBe(400);
    });
  });
});
