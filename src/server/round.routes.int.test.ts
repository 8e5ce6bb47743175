/**
 * Collection rounds through the API on both engines: who may open, read and confirm which
 * part (an agency its own only; the public nothing), the 422 with the incomplete programs, the
 * overview after a confirmation, reopening with a reason.
 */
import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { ensureOrg, useServer } from '../testing/server.js';

describeEachEngine('collection rounds API', (app) => {
  const coordinator = useServer(app, { as: 'coordinator' });
  const agencyA = useServer(app, { as: 'agency', orgCode: 'ID-RA-A' });
  const viewer = useServer(app, { as: 'viewer' });
  const anonymous = useServer(app, { as: 'anonymous' });
  let identifier = '';

  beforeAll(async () => {
    for (const code of ['ID-RA-A', 'ID-RA-B']) await ensureOrg(app(), code);
    const create = (org: string, overrides = {}) =>
      createProgram(
        app().deps,
        programInputSchema.parse(aProgram({ implementingOrg: org, plannedStart: '2044-04-01', plannedEnd: '2044-04-03', ...overrides })),
      );
    identifier = (await create('ID-RA-A', { lifecycleStage: 'funded' })).identifier;
    await create('ID-RA-B');
  });

  it('lets the coordination team open and follow a round, an agency read and confirm its own part only', async () => {
    const body = { year: 2044, deadlineDate: '2026-12-15' };
    expect((await anonymous().inject({ method: 'POST', url: '/api/v1/rounds', payload: body })).statusCode).toBe(401);
    expect((await agencyA().inject({ method: 'POST', url: '/api/v1/rounds', payload: body })).statusCode).toBe(403);
    expect((await coordinator().inject({ method: 'POST', url: '/api/v1/rounds', payload: { ...body, period: 'q3' } })).statusCode).toBe(
      400,
    );
    const opened = await coordinator().inject({ method: 'POST', url: '/api/v1/rounds', payload: body });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = (opened.json() as { id: number }).id;
    expect(opened.json()).toMatchObject({ year: 2044, period: 'year', status: 'open' });
    expect((await coordinator().inject({ method: 'POST', url: '/api/v1/rounds', payload: body })).statusCode).toBe(409);

    expect((await anonymous().inject({ url: '/api/v1/rounds?year=2044' })).statusCode).toBe(401);
    expect((await viewer().inject({ url: '/api/v1/rounds?year=2044' })).statusCode).toBe(403);
    expect((await agencyA().inject({ url: '/api/v1/rounds?year=2044' })).json()).toMatchObject({ items: [{ id }] });
    expect((await agencyA().inject({ url: `/api/v1/rounds/${id}` })).statusCode).toBe(403);

    const own = await agencyA().inject({ url: `/api/v1/rounds/${id}/agencies/ID-RA-A` });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      part: { orgCode: 'ID-RA-A', status: 'open' },
      late: false,
      programs: [{ identifier, complete: false }],
    });
    expect((await agencyA().inject({ url: `/api/v1/rounds/${id}/agencies/ID-RA-B` })).statusCode).toBe(403);
    expect((await anonymous().inject({ url: `/api/v1/rounds/${id}/agencies/ID-RA-A` })).statusCode).toBe(401);

    const incomplete = await agencyA().inject({ method: 'POST', url: `/api/v1/rounds/${id}/agencies/ID-RA-A/confirm`, payload: {} });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      code: 'round_part.incomplete',
      issues: [{ path: 'programs', code: 'incomplete', message: `${identifier}: Budget (from funding); Funding source (from funding)` }],
    });
    const other = await agencyA().inject({ method: 'POST', url: `/api/v1/rounds/${id}/agencies/ID-RA-B/confirm`, payload: {} });
    expect(other.statusCode).toBe(403);
    const confirmed = await agencyA().inject({
      method: 'POST',
      url: `/api/v1/rounds/${id}/agencies/ID-RA-A/confirm`,
      payload: { note: 'budget held by the ministry' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmNote: 'budget held by the ministry' });

    const overview = await coordinator().inject({ url: `/api/v1/rounds/${id}` });
    expect(overview.statusCode, overview.body).toBe(200);
    const agencies = (overview.json() as { agencies: { orgCode: string; programs: number; complete: number; status: string }[] }).agencies;
    expect(agencies.map((a) => [a.orgCode, a.programs, a.complete, a.status])).toEqual([
      ['ID-RA-A', 1, 0, 'confirmed'],
      ['ID-RA-B', 1, 1, 'open'],
    ]);

    expect(
      (await agencyA().inject({ method: 'POST', url: `/api/v1/rounds/${id}/agencies/ID-RA-A/reopen`, payload: { reason: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await coordinator().inject({ method: 'POST', url: `/api/v1/rounds/${id}/agencies/ID-RA-A/reopen`, payload: {} })).statusCode,
    ).toBe(400);
    const reopened = await coordinator().inject({
      method: 'POST',
      url: `/api/v1/rounds/${id}/agencies/ID-RA-A/reopen`,
      payload: { reason: 'budget now required' },
    });
    expect(reopened.json()).toMatchObject({ status: 'open', reopenReason: 'budget now required' });
    const closed = await coordinator().inject({ method: 'POST', url: `/api/v1/rounds/${id}/close` });
    expect([closed.statusCode, (closed.json() as { status: string }).status]).toEqual([200, 'closed']);
  });
});
