/**
 * Issue 25, completion and evaluation with content, through the API on both engines: the records
 * (saved whole with If-Match on their version), their rules, the gates of `complete` and
 * `evaluate` (the refusal names every missing thing; they pass once the records hold it), the
 * management response's actions as follow-ups (listed with the engagements' follow-ups, their
 * owner changing the status only), and what each role and the public see.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import type { LifecycleStage } from '../domain/codes.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { aCompletion, anEvaluation } from '../testing/completion.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../testing/server.js';

const OWN = 'ID-CE-AGENCY';
const OTHER = 'ID-CE-OTHER';
const PARTNER = 'XM-CE-JICA';

describeEachEngine('completion and evaluation through the API', (app) => {
  let server: FastifyInstance;
  let coordinator: TestSession;
  let agency: TestSession;
  let otherAgency: TestSession;
  let viewer: TestSession;
  const as = (session: TestSession | null) => (session ? asSession(server, session) : server);

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    for (const code of [OWN, OTHER, PARTNER]) await ensureOrg(app(), code);
    coordinator = await signIn(server, app(), 'coordinator');
    agency = await signIn(server, app(), 'agency', OWN);
    otherAgency = await signIn(server, app(), 'agency', OTHER);
    viewer = await signIn(server, app(), 'viewer');
  }, 60_000);

  const program = async (stage: LifecycleStage) =>
    createProgram(
      app().deps,
      programInputSchema.parse(
        aProgram({ implementingOrg: OWN, lifecycleStage: stage, plannedStart: '2018-04-16', plannedEnd: '2018-04-24' }),
      ),
    );
  const put = (who: TestSession, id: number, what: 'completion' | 'evaluation', payload: unknown, ifMatch: string | null = '*') =>
    as(who).inject({
      method: 'PUT',
      url: `/api/v1/activities/${id}/${what}`,
      payload: payload as object,
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });
  const get = (who: TestSession | null, id: number, what: 'completion' | 'evaluation') =>
    as(who).inject({ url: `/api/v1/activities/${id}/${what}` });
  const move = (who: TestSession, id: number, action: string): Promise<LightMyRequestResponse> =>
    as(who).inject({ method: 'POST', url: `/api/v1/activities/${id}/transitions`, payload: { action }, headers: { 'if-match': '*' } });
  const paths = (r: LightMyRequestResponse) => (r.json().issues as { path: string }[]).map((i) => i.path);

  describe('completion', () => {
    it('refuses to complete a program without its record, naming each missing thing, then completes it with the record’s dates', async () => {
      const { id } = await program('implementation');
      const bare = await move(agency, id, 'complete');
      expect(bare.statusCode).toBe(422);
      expect(bare.json()).toMatchObject({ code: 'activity.stage_requirements' });
      expect(paths(bare)).toEqual(['completion']);

      const draft = await put(agency, id, 'completion', { actualStart: '2018-04-16' }, '"0"');
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.headers.etag).toBe('"1"');
      expect(draft.json().missing.map((i: { path: string }) => i.path)).toEqual([
        'completion.actualEnd',
        'completion.costs',
        'completion.report',
      ]);
      const refused = await move(agency, id, 'complete');
      expect(paths(refused)).toEqual(['completion.actualEnd', 'completion.costs', 'completion.report']);

      const full = await put(
        agency,
        id,
        'completion',
        aCompletion({
          actualEnd: '2018-04-25',
          costs: [
            { line: 'travel', amount: '300', currency: 'USD', bearer: 'provider' },
            { line: 'accommodation', amount: '600.50', currency: 'USD', bearer: 'partner', partnerOrg: PARTNER },
            { line: 'per_diem', amount: '99.50', currency: 'USD', bearer: 'provider' },
          ],
        }),
        '"1"',
      );
      expect(full.statusCode, full.body).toBe(200);
      expect(full.json()).toMatchObject({
        version: 2,
        missing: [],
        warnings: [{ path: 'actualEnd', code: 'differs_from_plan' }],
        totals: [{ currency: 'USD', amount: '1000.00', partnerSharePercent: 60.05 }],
        shares: [
          { bearer: 'provider', partnerOrg: null, amount: '399.50', sharePercent: 39.95 },
          { bearer: 'partner', partnerOrg: PARTNER, amount: '600.50', sharePercent: 60.05 },
        ],
      });
      const moved = await move(agency, id, 'complete');
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ lifecycleStage: 'completed', actualStart: '2018-04-16', actualEnd: '2018-04-25' });
    });

    it('refuses a record that breaks its rules (422 naming the fields), without If-Match (428) and at a stale version (409)', async () => {
      const { id } = await program('implementation');
      const bad = await put(
        coordinator,
        id,
        'completion',
        aCompletion({
          actualEnd: '2018-04-01',
          costs: [{ line: 'travel', amount: '1', currency: 'IDR', bearer: 'partner', partnerOrg: 'NO-SUCH-ORG' }],
        }),
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('completion.invalid');
      expect(paths(bad)).toEqual(['actualEnd', 'costs.0.partnerOrg']);
      expect((await put(coordinator, id, 'completion', aCompletion(), null)).statusCode).toBe(428);
      expect((await put(coordinator, id, 'completion', aCompletion(), '"0"')).statusCode).toBe(200);
      const stale = await put(coordinator, id, 'completion', aCompletion(), '"0"');
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('completion.stale');
      // A program not yet implemented has no completion.
      const planned = await program('approved');
      expect((await put(coordinator, planned.id, 'completion', aCompletion())).json().code).toBe('completion.stage');
    });

    it('lets the own agency and the coordination team record it; others are refused; the public sees no costs', async () => {
      const { id } = await program('implementation');
      expect((await put(otherAgency, id, 'completion', aCompletion())).statusCode).toBe(403);
      expect((await put(viewer, id, 'completion', aCompletion())).statusCode).toBe(403);
      expect(
        (
          await as(null).inject({
            method: 'PUT',
            url: `/api/v1/activities/${id}/completion`,
            payload: aCompletion(),
            headers: { 'if-match': '*' },
          })
        ).statusCode,
      ).toBe(401);
      expect((await put(agency, id, 'completion', aCompletion())).statusCode).toBe(200);
      // While implementing, the public sees nothing of the draft; once completed, the dates and the report, never the costs.
      expect((await get(null, id, 'completion')).json()).toMatchObject({ record: null, costsShown: false });
      expect((await move(coordinator, id, 'complete')).statusCode).toBe(200);
      const publicView = (await get(null, id, 'completion')).json();
      expect(publicView).toMatchObject({
        record: { actualEnd: '2018-04-25', costs: [] },
        costsShown: false,
        shares: [],
        totals: [],
        missing: [],
      });
      expect((await get(viewer, id, 'completion')).json()).toMatchObject({
        record: { costs: [{ line: 'travel', amount: '15000000.00' }] },
        canEdit: false,
      });
      // Completed but not yet evaluated, the agency may still correct it.
      expect((await put(agency, id, 'completion', aCompletion())).statusCode).toBe(200);
    });

    it('accepts an explicit "no cost" statement with its reason instead of cost lines', async () => {
      const { id } = await program('implementation');
      const noReason = await put(agency, id, 'completion', aCompletion({ costs: [], noCost: true }));
      expect(paths(noReason)).toEqual(['noCostReason']);
      expect(
        (await put(agency, id, 'completion', aCompletion({ costs: [], noCost: true, noCostReason: 'Hosted by the partner' }))).statusCode,
      ).toBe(200);
      expect((await move(agency, id, 'complete')).statusCode).toBe(200);
    });
  });

  describe('evaluation', () => {
    const completed = async () => {
      const { id } = await program('implementation');
      await put(agency, id, 'completion', aCompletion());
      expect((await move(agency, id, 'complete')).statusCode).toBe(200);
      return id;
    };

    it('refuses to evaluate until all six criteria, a finding and every response are there, naming each', async () => {
      const id = await completed();
      expect(paths(await move(coordinator, id, 'evaluate'))).toEqual(['evaluation']);
      const partial = anEvaluation(OWN, {
        criteria: [
          { criterion: 'relevance', rating: 'highly_satisfactory', reason: 'Asked for by the partner' },
          { criterion: 'impact', notAssessed: true },
        ],
        findings: [],
        recommendations: [
          { text: 'Translate the modules' },
          { text: 'Shorten the course', response: 'accepted' },
          { text: 'Move it abroad', response: 'not_accepted' },
        ],
      });
      const saved = await put(coordinator, id, 'evaluation', partial, '"0"');
      expect(saved.statusCode, saved.body).toBe(200);
      const expected = [
        'evaluation.criteria.coherence',
        'evaluation.criteria.effectiveness',
        'evaluation.criteria.efficiency',
        'evaluation.criteria.impact.reason',
        'evaluation.criteria.sustainability',
        'evaluation.findings',
        'evaluation.recommendations.0.response',
        'evaluation.recommendations.1.actions',
        'evaluation.recommendations.2.responseReason',
      ];
      expect(saved.json().missing.map((i: { path: string }) => i.path)).toEqual(expected);
      const refused = await move(coordinator, id, 'evaluate');
      expect(refused.statusCode).toBe(422);
      expect(paths(refused)).toEqual(expected);
      expect((await put(coordinator, id, 'evaluation', anEvaluation(OWN), '"1"')).statusCode).toBe(200);
      const moved = await move(coordinator, id, 'evaluate');
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().lifecycleStage).toBe('evaluated');
    });

    it('refuses ratings off the recorded scale and unknown owners, naming them', async () => {
      const id = await completed();
      const bad = await put(
        coordinator,
        id,
        'evaluation',
        anEvaluation('NO-SUCH-ORG', { criteria: [{ criterion: 'relevance', rating: 'good', reason: 'x' }] }),
      );
      expect(bad.statusCode).toBe(422);
      expect(paths(bad)).toEqual(['criteria.0.rating']);
      const owner = await put(coordinator, id, 'evaluation', anEvaluation('NO-SUCH-ORG'));
      expect(paths(owner)).toEqual(['recommendations.0.actions.0.owner']);
    });

    it('turns the management response’s actions into follow-ups, listed with the others, whose owner changes the status only', async () => {
      const id = await completed();
      const saved = await put(coordinator, id, 'evaluation', anEvaluation(OWN));
      const [followUp] = saved.json().followUps;
      expect(followUp).toMatchObject({
        engagementId: null,
        programId: id,
        action: 'Plan the webinar',
        owner: OWN,
        dueOn: '2019-06-30',
        status: 'open',
      });
      expect(saved.json().record.recommendations[0].actions[0].followUpId).toBe(followUp.id);

      const listed = (await as(coordinator).inject({ url: '/api/v1/follow-ups?pageSize=200' })).json();
      expect(listed.items.find((f: { id: number }) => f.id === followUp.id)).toMatchObject({
        programId: id,
        engagementReference: null,
        ownerOrg: OWN,
        programIdentifier: expect.any(String),
      });
      // The download names the program where an engagement's follow-up names its engagement.
      const csv = await as(coordinator).inject({ url: '/api/v1/follow-ups/export?format=csv' });
      expect(csv.body).toMatch(
        new RegExp(`${listed.items.find((f: { id: number }) => f.id === followUp.id).programIdentifier},[^\n]*Plan the webinar`),
      );
      // The owner (the agency) closes it, but may not rewrite it; another agency may do neither.
      const rewrite = await as(agency).inject({
        method: 'PATCH',
        url: `/api/v1/follow-ups/${followUp.id}`,
        payload: { action: 'Something else' },
      });
      expect(rewrite.statusCode).toBe(403);
      expect(rewrite.json().code).toBe('follow_up.owner_status_only');
      expect(
        (await as(otherAgency).inject({ method: 'PATCH', url: `/api/v1/follow-ups/${followUp.id}`, payload: { status: 'done' } }))
          .statusCode,
      ).toBe(403);
      const done = await as(agency).inject({ method: 'PATCH', url: `/api/v1/follow-ups/${followUp.id}`, payload: { status: 'done' } });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'done', programId: id });

      // Saved again with its follow-up named, the action keeps its status; left out, it is removed.
      const again = anEvaluation(OWN, {
        recommendations: [
          {
            text: 'Add a follow-up webinar',
            response: 'accepted',
            actions: [{ followUpId: followUp.id, action: 'Plan the webinar', owner: OWN, dueOn: '2019-07-31' }],
          },
        ],
      });
      const kept = (await put(coordinator, id, 'evaluation', again)).json();
      expect(kept.followUps).toMatchObject([{ id: followUp.id, status: 'done', dueOn: '2019-07-31' }]);
      const removed = (await put(coordinator, id, 'evaluation', anEvaluation(OWN, { recommendations: [] }))).json();
      expect(removed.followUps).toEqual([]);
    });

    it('lets only the coordination team record it; the public sees the ratings and findings of an evaluated program, no names nor response', async () => {
      const id = await completed();
      expect((await put(agency, id, 'evaluation', anEvaluation(OWN))).statusCode).toBe(403);
      expect((await put(viewer, id, 'evaluation', anEvaluation(OWN))).statusCode).toBe(403);
      expect((await put(coordinator, id, 'evaluation', anEvaluation(OWN))).statusCode).toBe(200);
      expect((await get(null, id, 'evaluation')).json()).toMatchObject({ record: null, followUps: [] });
      expect((await get(agency, id, 'evaluation')).json()).toMatchObject({ record: { evaluatorName: 'Evaluator One' }, canEdit: false });
      expect((await move(coordinator, id, 'evaluate')).statusCode).toBe(200);
      const publicView = (await get(null, id, 'evaluation')).json();
      expect(publicView.record).toMatchObject({ evaluatorName: null, evaluatorOrg: 'Bappenas', scale: 'four_point', recommendations: [] });
      expect(publicView.record.criteria).toHaveLength(6);
      expect(publicView.followUps).toEqual([]);
      // An evaluation before completion is refused.
      const running = await program('implementation');
      expect((await put(coordinator, running.id, 'evaluation', anEvaluation(OWN))).json().code).toBe('evaluation.stage');
    });

    it('leaves programs set to completed or evaluated directly (imports, the system) as they are', async () => {
      const imported = await program('evaluated');
      expect((await get(coordinator, imported.id, 'evaluation')).json()).toMatchObject({ record: null, missing: [], version: 0 });
      expect((await get(coordinator, imported.id, 'completion')).json()).toMatchObject({ record: null, missing: [] });
    });
  });

  it('audits each save', async () => {
    const { id } = await program('implementation');
    await put(agency, id, 'completion', aCompletion());
    const log = (
      await as(await signIn(server, app(), 'admin')).inject({ url: `/api/v1/audit?entity=program_completion&entityId=${id}` })
    ).json();
    expect(log.items).toMatchObject([{ action: 'create', entity: 'program_completion', entityId: String(id) }]);
  });
});
