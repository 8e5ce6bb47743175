/**
 * Collection rounds on both engines (docs/rounds.md): parts per agency with programs in the
 * period (a half-year counts the programs overlapping it), the coordinator's overview with
 * completeness from the data-quality rules, confirming (own agency only; refused with the
 * required findings listed unless a note says why), lateness, reopening with a reason, parts
 * added for agencies that got programs later, the freeze blockers, and the audit.
 */
import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { openRoundInput } from '../domain/rounds/round.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { actors } from '../testing/fakes/store.js';
import { ensureOrg } from '../testing/server.js';
import { searchAudit } from './audit.js';
import { actingAs, type ServiceDeps } from './deps.js';
import { freezeEdition } from './editions.js';
import { createProgram } from './programs.js';
import { closeRound, confirmRoundPart, listRounds, openRound, reopenRoundPart, roundAgencyPart, roundOverview } from './rounds.js';

const at = (deps: ServiceDeps, iso: string): ServiceDeps => ({ ...deps, clock: { nowIso: () => iso } });
const YEAR = 2043;

describeEachEngine('collection rounds', (app) => {
  const as = (actor: Parameters<typeof actingAs>[1]) => actingAs(app().deps, actor);
  const coordinator = () => as(actors.coordinator);
  const agencyA = () => as(actors.agency('ID-RD-A'));
  let incomplete = '';
  let roundId = 0;

  const program = (org: string, start: string, end: string, overrides = {}) =>
    createProgram(
      app().deps,
      programInputSchema.parse(aProgram({ implementingOrg: org, plannedStart: start, plannedEnd: end, ...overrides })),
    );

  beforeAll(async () => {
    for (const code of ['ID-RD-A', 'ID-RD-B', 'ID-RD-C']) await ensureOrg(app(), code);
    // A: a request in March (complete), a funded program in September with no funding source
    // and no budget (two required findings); B: a request in May (complete).
    await program('ID-RD-A', `${YEAR}-03-01`, `${YEAR}-03-05`);
    incomplete = (await program('ID-RD-A', `${YEAR}-09-01`, `${YEAR}-09-05`, { lifecycleStage: 'funded' })).identifier;
    await program('ID-RD-B', `${YEAR}-05-01`, `${YEAR}-05-05`);
  });

  it('opens a round for the coordination team only, one open round per year and period, with a part per agency', async () => {
    await expect(openRound(agencyA(), openRoundInput.parse({ year: YEAR, deadlineDate: '2026-12-10' }))).rejects.toMatchObject({
      code: 'round.forbidden',
    });
    await expect(openRound(as(actors.public), openRoundInput.parse({ year: YEAR, deadlineDate: '2026-12-10' }))).rejects.toMatchObject({
      code: 'auth.required',
    });
    const round = await openRound(coordinator(), openRoundInput.parse({ year: YEAR, deadlineDate: '2026-12-10' }));
    roundId = round.id;
    expect(round).toMatchObject({
      year: YEAR,
      period: 'year',
      deadlineDate: '2026-12-10',
      status: 'open',
      openedBy: 'coordinator@mitra.test',
    });
    await expect(openRound(coordinator(), openRoundInput.parse({ year: YEAR, deadlineDate: '2026-12-20' }))).rejects.toMatchObject({
      code: 'round.already_open',
    });
    expect((await listRounds(agencyA(), YEAR)).map((r) => r.id)).toEqual([roundId]);
    await expect(listRounds(as(actors.public), YEAR)).rejects.toMatchObject({ code: 'auth.required' });

    const overview = await roundOverview(coordinator(), roundId);
    expect(overview.agencies.map((a) => [a.orgCode, a.programs, a.complete, a.status, a.late])).toEqual([
      ['ID-RD-A', 2, 1, 'open', false],
      ['ID-RD-B', 1, 1, 'open', false],
    ]);
    await expect(roundOverview(agencyA(), roundId)).rejects.toMatchObject({ code: 'round.forbidden' });
  });

  it("shows an agency its own part with the findings, refuses another agency's", async () => {
    const part = await roundAgencyPart(agencyA(), roundId);
    expect(part.part).toMatchObject({ orgCode: 'ID-RD-A', status: 'open' });
    expect(part.programs.map((p) => [p.identifier, p.complete])).toEqual([
      [incomplete, false],
      [expect.any(String), true],
    ]);
    expect(
      part.programs[0]?.findings
        .filter((f) => f.severity === 'required')
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['budget', 'funding_source']);
    await expect(roundAgencyPart(agencyA(), roundId, 'ID-RD-B')).rejects.toMatchObject({ code: 'round.not_own_agency' });
    await expect(roundAgencyPart(as(actors.public), roundId, 'ID-RD-A')).rejects.toMatchObject({ code: 'auth.required' });
  });

  it('refuses a confirmation with required findings left unless a note says why, and records who confirmed', async () => {
    const refused = await confirmRoundPart(agencyA(), roundId, null, {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'round_part.incomplete' });
    expect((refused as { issues: { message: string }[] }).issues.map((i) => i.message)).toEqual([
      `${incomplete}: Budget (from funding); Funding source (from funding)`,
    ]);
    await expect(confirmRoundPart(agencyA(), roundId, 'ID-RD-B', {})).rejects.toMatchObject({ code: 'round.not_own_agency' });
    await expect(confirmRoundPart(as(actors.viewer), roundId, 'ID-RD-B', {})).rejects.toMatchObject({ code: 'round.forbidden' });

    const confirmed = await confirmRoundPart(agencyA(), roundId, null, { note: 'budget is set in the ministry system' });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedBy: 'agency.id-rd-a@mitra.test',
      confirmedByUserId: 904,
      confirmedAt: '2026-11-28T09:00:00.000Z',
      confirmNote: 'budget is set in the ministry system',
    });
    await expect(confirmRoundPart(agencyA(), roundId, null, { note: 'again' })).rejects.toMatchObject({
      code: 'round_part.already_confirmed',
    });
  });

  it('marks parts late after the deadline day, adds a part for an agency that got programs later, reopens with a reason', async () => {
    await program('ID-RD-C', `${YEAR}-10-01`, `${YEAR}-10-03`);
    const onDeadline = await roundOverview(at(coordinator(), '2026-12-10T23:00:00.000Z'), roundId);
    expect(onDeadline.agencies.map((a) => [a.orgCode, a.late])).toEqual([
      ['ID-RD-A', false],
      ['ID-RD-B', false],
      ['ID-RD-C', false],
    ]);
    const after = await roundOverview(at(coordinator(), '2026-12-11T08:00:00.000Z'), roundId);
    expect(after.agencies.map((a) => [a.orgCode, a.programs, a.status, a.confirmedBy, a.late])).toEqual([
      ['ID-RD-A', 2, 'confirmed', 'agency.id-rd-a@mitra.test', false],
      ['ID-RD-B', 1, 'open', null, true],
      ['ID-RD-C', 1, 'open', null, true],
    ]);

    await expect(reopenRoundPart(agencyA(), roundId, 'ID-RD-A', { reason: 'mine' })).rejects.toMatchObject({ code: 'round.forbidden' });
    await expect(reopenRoundPart(coordinator(), roundId, 'ID-RD-B', { reason: 'x' })).rejects.toMatchObject({
      code: 'round_part.not_confirmed',
    });
    const reopened = await reopenRoundPart(coordinator(), roundId, 'id-rd-a', { reason: 'spending of September missing' });
    expect(reopened).toMatchObject({
      status: 'open',
      confirmedBy: null,
      reopenReason: 'spending of September missing',
      reopenedBy: 'coordinator@mitra.test',
    });
    const audit = await searchAudit(app().deps, { entity: 'collection_round', entityId: String(roundId), page: 1, pageSize: 20 });
    expect(audit.items.map((e) => [e.action, e.comment]).reverse()).toEqual([
      ['create', null],
      ['update', 'note: budget is set in the ministry system; 1 incomplete program(s)'],
      ['update', 'reopened: spending of September missing'],
    ]);
  });

  it('blocks the freeze with the open round and each unconfirmed agency, and lets it through once all is confirmed and closed', async () => {
    const blocked = await freezeEdition(coordinator(), YEAR, {}).catch((e: unknown) => e);
    expect(blocked).toMatchObject({ code: 'edition.blocked' });
    expect((blocked as { details: { blockers: unknown[] } }).details.blockers).toEqual([
      {
        kind: 'open_round',
        subject: String(roundId),
        message: `collection round ${roundId} (${YEAR}, year, deadline 2026-12-10) is still open`,
      },
      ...['ID-RD-A', 'ID-RD-B', 'ID-RD-C'].map((code) => ({
        kind: 'unconfirmed_agency',
        subject: code,
        message: `${code} has not confirmed its part of collection round ${roundId} (${YEAR}, year)`,
      })),
    ]);
    await confirmRoundPart(agencyA(), roundId, null, { note: 'set in the ministry system' });
    // The coordination team confirms on B's behalf; the confirmation names the coordinator.
    expect(await confirmRoundPart(coordinator(), roundId, 'ID-RD-B', {})).toMatchObject({ confirmedBy: 'coordinator@mitra.test' });
    await closeRound(coordinator(), roundId);
    await expect(confirmRoundPart(as(actors.agency('ID-RD-C')), roundId, null, {})).rejects.toMatchObject({ code: 'round.closed' });
    const still = await freezeEdition(coordinator(), YEAR, {}).catch((e: unknown) => e);
    expect(
      (still as { details: { blockers: { kind: string; subject: string }[] } }).details.blockers.map((b) => [b.kind, b.subject]),
    ).toEqual([['unconfirmed_agency', 'ID-RD-C']]);
    const edition = await freezeEdition(coordinator(), YEAR, { overrideReason: 'C reports through the ministry' });
    expect(edition.blockers.map((b) => b.subject)).toEqual(['ID-RD-C']);
    expect(edition.overrideReason).toBe('C reports through the ministry');
  });

  it('counts in a half-year the programs overlapping it', async () => {
    const h1 = await openRound(coordinator(), openRoundInput.parse({ year: YEAR, period: 'h1', deadlineDate: '2026-12-31' }));
    const overview = await roundOverview(coordinator(), h1.id);
    // A's March program and B's May program; A's September and C's October programs are in the second half.
    expect(overview.agencies.map((a) => [a.orgCode, a.programs, a.complete])).toEqual([
      ['ID-RD-A', 1, 1],
      ['ID-RD-B', 1, 1],
    ]);
    const h2 = await openRound(coordinator(), openRoundInput.parse({ year: YEAR, period: 'h2', deadlineDate: '2026-12-31' }));
    expect((await roundOverview(coordinator(), h2.id)).agencies.map((a) => [a.orgCode, a.programs, a.complete])).toEqual([
      ['ID-RD-A', 1, 0],
      ['ID-RD-C', 1, 1],
    ]);
  });
});
