/**
 * Cooperation requests on both engines: registration (who may, relays, references), the status
 * steps with their program, and the matching on a hand-built set of programs and alumni whose
 * scores are computed by hand below (domain/request/matching.ts gives the points).
 */
import { beforeAll, expect, it } from 'vitest';
import type { Role, UserActor } from '../domain/access/actor.js';
import { programInputSchema, type ProgramRequest } from '../domain/program/program.schema.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../domain/errors.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { requestInputSchema, requestListQuerySchema, type RequestInputRequest } from '../domain/request/request.schema.js';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine, fixedClock } from '../testing/engines.js';
import { createProgram } from './programs.js';
import { createOrganisation } from './organisations.js';
import { addParticipant } from './participants.js';
import { actingAs, type ServiceDeps } from './deps.js';
import { acceptRequest, assessRequest, declineRequest, getRequest, listRequests, registerRequest, requestMatches } from './requests.js';

const user = (role: Role, orgCode: string | null = null): UserActor => ({
  kind: 'user',
  userId: 900,
  role,
  orgCode,
  label: `${role}@test.invalid`,
});

describeEachEngine('cooperation requests', (app) => {
  const deps = () => app().deps;
  const as = (actor: UserActor): ServiceDeps => actingAs(deps(), actor);
  const org = async (overrides: Parameters<typeof anOrganisation>[0]) =>
    (await createOrganisation(deps(), organisationInputSchema.parse(anOrganisation(overrides)))).code;
  const register = (d: ServiceDeps, input: Partial<RequestInputRequest> = {}) =>
    registerRequest(
      d,
      requestInputSchema.parse({
        country: 'FJ',
        topic: 'Community-based disaster risk management training',
        flagshipArea: 'DEV-DRM',
        sectorCode: '43060',
        modality: 'training',
        receivedOn: '2026-03-02',
        ...input,
      }),
    );

  /** Organisation codes of the data set. */
  const o = { drm: '', works: '', health: '', partner: '', embassy: '', fijiMinistry: '' };
  /** Program ids of the data set. */
  const p: Record<string, number> = {};

  beforeAll(async () => {
    o.drm = await org({ nameEn: 'Disaster agency' });
    o.works = await org({ nameEn: 'Public works' });
    o.health = await org({ nameEn: 'Health' });
    o.partner = await org({ nameEn: 'A partner that implemented one program', kind: 'partner', countryCode: 'JP' });
    o.embassy = await org({ nameEn: 'Embassy in Suva' });
    o.fijiMinistry = await org({ nameEn: 'Fiji Ministry of Foreign Affairs', kind: 'recipient_institution', countryCode: 'FJ' });
    const program = async (key: string, a: Partial<ProgramRequest>) => {
      p[key] = (await createProgram(deps(), programInputSchema.parse(aProgram({ lifecycleStage: 'completed', sectors: [], ...a })))).id;
    };
    const on = (year: number) => ({
      plannedStart: `${year}-05-01`,
      plannedEnd: `${year}-05-10`,
      actualStart: `${year}-05-01`,
      actualEnd: `${year}-05-10`,
    });
    // Disaster agency: P1 Fiji, exact sector, training, 2025; P2 Oceania seminar 2018; P3 Kenya training 2017;
    // P4 a Fiji request not yet run (its stage does not count).
    await program('P1', {
      flagshipArea: 'DEV-DRM',
      modality: 'training',
      recipients: [{ country: 'FJ' }],
      sectors: [{ code: '43060' }],
      implementingOrg: o.drm,
      ...on(2025),
    });
    await program('P2', {
      flagshipArea: 'DEV-DRM',
      modality: 'seminar',
      recipients: [{ country: 'VU' }, { country: 'SB' }],
      implementingOrg: o.drm,
      ...on(2018),
    });
    await program('P3', {
      flagshipArea: 'DEV-DRM',
      modality: 'training',
      recipients: [{ country: 'KE' }],
      implementingOrg: o.drm,
      ...on(2017),
    });
    await program('P4', {
      flagshipArea: 'DEV-DRM',
      modality: 'training',
      recipients: [{ country: 'FJ' }],
      implementingOrg: o.drm,
      lifecycleStage: 'request',
      plannedStart: '2026-09-01',
      plannedEnd: '2026-09-10',
    });
    // Public works: P5 rural development (same DAC category 430) workshop in Fiji 2024; P6 infrastructure in Fiji, no subject.
    await program('P5', {
      flagshipArea: 'DEV-INF',
      modality: 'workshop',
      recipients: [{ country: 'FJ' }],
      sectors: [{ code: '43040' }],
      implementingOrg: o.works,
      ...on(2024),
    });
    await program('P6', {
      flagshipArea: 'DEV-INF',
      modality: 'training',
      recipients: [{ country: 'FJ' }],
      implementingOrg: o.works,
      ...on(2024),
    });
    // Health: Fiji experience but no disaster work.
    await program('P7', {
      flagshipArea: 'OTHER',
      modality: 'training',
      recipients: [{ country: 'FJ' }],
      implementingOrg: o.health,
      ...on(2025),
    });
    // A partner (not a ministry) implemented a disaster program in Fiji, evaluated, 2022.
    await program('P8', {
      flagshipArea: 'DEV-DRM',
      modality: 'expert_dispatch',
      recipients: [{ country: 'FJ' }],
      implementingOrg: o.partner,
      lifecycleStage: 'evaluated',
      ...on(2022),
    });
    const attend = (key: string, overrides: Parameters<typeof aParticipant>[0]) =>
      addParticipant(deps(), p[key] as number, participantInputSchema.parse(aParticipant({ country: 'FJ', ...overrides })));
    await attend('P1', { fullName: 'Sereana Vula', email: 'sereana@fiji.test', status: 'completed' });
    await attend('P8', { fullName: 'Sereana Vula', email: 'sereana@fiji.test', status: 'attended', position: 'Director' });
    await attend('P5', { fullName: 'Jone Tuilagi', email: 'jone@fiji.test', status: 'attended' });
    await attend('P1', { fullName: 'Not Yet', email: 'selected@fiji.test', status: 'selected' });
    await attend('P7', { fullName: 'Mere Health', email: 'mere@fiji.test', status: 'completed' });
    await addParticipant(
      deps(),
      p.P2 as number,
      participantInputSchema.parse(aParticipant({ country: 'VU', fullName: 'From Vanuatu', status: 'completed' })),
    );
  });

  it('ranks ministries, programs and alumni with the reasons, as computed by hand', async () => {
    const request = await register(deps());
    const m = await requestMatches(as(user('coordinator')), request.id);
    // Disaster agency: area P1–P3 (3 × 10), sector P1 (10), Fiji P1 (8), Oceania P2 (3),
    // training P1, P3 (2 × 4), latest 2025 (10 − 2) = 67. P4 is not run yet.
    // Public works: category 430 P5 (5), Fiji P5 (8), 2024 (10 − 4) = 19 (P6 has no subject).
    // Health and the partner are not listed (no disaster work; not a ministry).
    expect(m.agencies.map((a) => [a.candidate.code, a.score, a.candidate.programs])).toEqual([
      [o.drm, 67, 3],
      [o.works, 19, 1],
    ]);
    expect(m.agencies[0]?.reasons).toEqual([
      { code: 'same_area', area: 'DEV-DRM', programs: 3, points: 30 },
      { code: 'same_sector', sector: '43060', programs: 1, points: 10 },
      { code: 'country_experience', country: 'FJ', programs: 1, points: 8 },
      { code: 'region_experience', region: 'oceania', programs: 1, points: 3 },
      { code: 'same_modality', modality: 'training', programs: 2, points: 8 },
      { code: 'recent', year: 2025, points: 8 },
    ]);
    expect(m.agencies[1]?.reasons).toEqual([
      { code: 'same_sector_category', category: '430', programs: 1, points: 5 },
      { code: 'country_experience', country: 'FJ', programs: 1, points: 8 },
      { code: 'recent', year: 2024, points: 6 },
    ]);
    // P1 10 + 10 + 8 + 4 + 8 = 40; P8 10 + 8 + 2 = 20; P5 5 + 8 + 6 = 19; P3 10 + 4 = 14; P2 10 + 3 = 13.
    expect(m.programs.map((x) => [x.candidate.id, x.score])).toEqual([
      [p.P1, 40],
      [p.P8, 20],
      [p.P5, 19],
      [p.P3, 14],
      [p.P2, 13],
    ]);
    expect(m.programs[1]?.candidate).toMatchObject({ implementingOrg: o.partner, lifecycleStage: 'evaluated', year: 2022 });
    expect(m.programs[1]?.reasons.map((r) => r.code)).toEqual(['same_area', 'country_experience', 'recent']);
    // Sereana: area P1, P8 (2 × 10), sector P1 (10), training P1 (4), 2025 (8) = 42.
    // Jone: category P5 (5), 2024 (6) = 11. The selected candidate, the health alumna and the Vanuatu one are not alumni of a match.
    expect(m.alumni.map((a) => [a.candidate.fullName, a.score, a.candidate.programs.map((x) => x.id)])).toEqual([
      ['Sereana Vula', 42, [p.P1, p.P8]],
      ['Jone Tuilagi', 11, [p.P5]],
    ]);
    expect(m.alumni[0]?.reasons).toEqual([
      { code: 'same_area', area: 'DEV-DRM', programs: 2, points: 20 },
      { code: 'same_sector', sector: '43060', programs: 1, points: 10 },
      { code: 'same_modality', modality: 'training', programs: 1, points: 4 },
      { code: 'recent', year: 2025, points: 8 },
    ]);
    expect(m.alumni[0]?.candidate).toMatchObject({ personalData: true, position: 'Director', country: 'FJ' });
  });

  it('hides alumni names from those who may not see personal data', async () => {
    const request = await register(deps());
    const m = await requestMatches(as(user('viewer')), request.id);
    expect(m.alumni.map((a) => [a.candidate.personalData, a.candidate.fullName, a.candidate.position, a.score])).toEqual([
      [false, null, null, 42],
      [false, null, null, 11],
    ]);
  });

  it('ranks the region when the request names no area or sector', async () => {
    const request = await register(deps(), { flagshipArea: null, sectorCode: null, modality: null, topic: 'Anything Indonesia can share' });
    const m = await requestMatches(deps(), request.id);
    // Oceania programs that ran: P1, P5, P6, P7, P8 (Fiji: 8 each), P2 (Vanuatu, Solomon Islands: 3); P4 is not run yet.
    // Recency: 2025 → 8, 2024 → 6, 2022 → 2, 2018 → 0.
    expect(m.programs.map((x) => [x.candidate.id, x.score])).toEqual([
      [p.P1, 16],
      [p.P7, 16],
      [p.P5, 14],
      [p.P6, 14],
      [p.P8, 10],
      [p.P2, 3],
    ]);
    // Alumni from Fiji of those programs (the region has no other): Sereana 2025, Mere 2025, Jone 2024; none score beyond recency.
    expect(m.alumni.map((a) => [a.candidate.fullName, a.score])).toEqual([
      ['Mere Health', 8],
      ['Sereana Vula', 8],
      ['Jone Tuilagi', 6],
    ]);
  });

  it('numbers requests per year of registration and records who registered them', async () => {
    const a = await register(deps());
    const b = await register(deps());
    const n = (r: { reference: string }) => Number(r.reference.slice(9));
    expect(a.reference).toMatch(/^REQ-2026-\d{4}$/);
    expect(n(b)).toBe(n(a) + 1);
    const next = await register({ ...deps(), clock: fixedClock('2027-01-02T08:00:00.000Z') });
    expect(next.reference).toBe('REQ-2027-0001');
    expect(a).toMatchObject({
      status: 'registered',
      country: 'FJ',
      relayedBy: null,
      createdBy: 'system:cli',
      version: 1,
      activityId: null,
    });
  });

  it('makes an embassy or a focal point the relay, a focal point for its own government only', async () => {
    const embassy = as(user('embassy', o.embassy));
    const relayed = await register(embassy, { country: 'TL' });
    expect(relayed.relayedBy).toBe(o.embassy);
    await expect(register(embassy, { relayedBy: o.fijiMinistry })).rejects.toMatchObject({ code: 'cooperation_request.relay_not_own' });
    const focal = as(user('focal_point', o.fijiMinistry));
    expect((await register(focal)).relayedBy).toBe(o.fijiMinistry);
    await expect(register(focal, { country: 'TL' })).rejects.toMatchObject({ code: 'cooperation_request.not_own_country' });
    await expect(register(as(user('viewer')))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(register(as(user('agency', o.drm)))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(register(actingAs(deps(), { kind: 'anonymous' }))).rejects.toBeInstanceOf(UnauthenticatedError);
    const unknown = await register(deps(), { relayedBy: 'NO-SUCH-ORG' }).catch((e) => e);
    expect(unknown).toBeInstanceOf(InvalidError);
    expect(unknown.issues).toEqual([
      { path: 'relayedBy', code: 'unknown_organisation', message: 'no organisation with code "NO-SUCH-ORG"' },
    ]);
    const future = await register(deps(), { receivedOn: '2026-11-29' }).catch((e) => e);
    expect(future.issues[0]).toMatchObject({ path: 'receivedOn', code: 'future_date' });
  });

  it('shows a focal point its own government’s requests only', async () => {
    const tl = await register(deps(), { country: 'TL', topic: 'Agriculture extension for Timor-Leste' });
    const focal = as(user('focal_point', o.fijiMinistry));
    const page = await listRequests(focal, requestListQuerySchema.parse({ pageSize: 100 }));
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((r) => r.country))).toEqual(new Set(['FJ']));
    expect((await listRequests(focal, requestListQuerySchema.parse({ country: 'TL' }))).total).toBe(0);
    await expect(getRequest(focal, tl.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getRequest(as(user('viewer')), tl.id)).topic).toBe('Agriculture extension for Timor-Leste');
    const found = await listRequests(as(user('agency', o.drm)), requestListQuerySchema.parse({ q: 'TIMOR-LESTE', status: 'registered' }));
    expect(found.items.map((r) => r.id)).toContain(tl.id);
    await expect(listRequests(actingAs(deps(), { kind: 'anonymous' }), requestListQuerySchema.parse({}))).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it('assesses, then accepts with a program in the request stage linked to it', async () => {
    const coordinator = as(user('coordinator', 'ID-BAPPENAS'));
    const r = await register(deps(), { periodFrom: '2027-02-01', periodTo: '2027-02-12', description: 'For district disaster offices.' });
    await expect(acceptRequest(coordinator, r.id, {})).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(assessRequest(as(user('embassy', o.embassy)), r.id, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assessRequest(coordinator, r.id, {}, { expectedVersion: 7 })).rejects.toBeInstanceOf(ConflictError);
    const assessed = await assessRequest(coordinator, r.id, { note: 'BNPB and the embassy consulted' }, { expectedVersion: 1 });
    expect(assessed).toMatchObject({ status: 'assessment', assessmentNote: 'BNPB and the embassy consulted', version: 2 });
    const { request, activity } = await acceptRequest(coordinator, r.id, { implementingOrg: o.drm.toLowerCase() }, { expectedVersion: 2 });
    expect(request).toMatchObject({
      status: 'accepted',
      activityId: activity.id,
      activityIdentifier: r.reference,
      assessmentNote: 'BNPB and the embassy consulted',
      version: 3,
    });
    expect(activity).toMatchObject({
      identifier: r.reference,
      titleEn: 'Community-based disaster risk management training',
      descriptionEn: `For district disaster offices.\n\nCreated from cooperation request ${r.reference}.`,
      lifecycleStage: 'request',
      activityStatus: 'pipeline',
      flagshipArea: 'DEV-DRM',
      modality: 'training',
      implementingOrg: o.drm,
      plannedStart: '2027-02-01',
      plannedEnd: '2027-02-12',
      recipients: [{ country: 'FJ', percentage: null }],
      sectors: [{ vocabulary: '1', code: '43060', percentage: null }],
    });
    await expect(declineRequest(coordinator, r.id, { note: 'too late' })).rejects.toBeInstanceOf(InvalidTransitionError);
    const log = await deps().store.repos.audit.search({ entity: 'cooperation_request', entityId: String(r.id), page: 1, pageSize: 10 });
    expect(log.items.map((e) => [e.action, e.entityVersion, e.comment, e.changes.status?.after ?? null])).toEqual([
      ['transition', 3, null, 'accepted'],
      ['transition', 2, 'BNPB and the embassy consulted', 'assessment'],
      ['create', 1, null, 'registered'],
    ]);
    expect(log.items[0]?.changes.activityId).toEqual({ before: null, after: activity.id });
  });

  it('leaves the request as it was when its program is refused', async () => {
    const coordinator = as(user('coordinator'));
    const r = await register(deps());
    await assessRequest(coordinator, r.id, {});
    const error = await acceptRequest(coordinator, r.id, { implementingOrg: 'NO-SUCH-AGENCY' }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.issues[0]).toMatchObject({ path: 'implementingOrg', code: 'unknown_organisation' });
    expect(await getRequest(deps(), r.id)).toMatchObject({ status: 'assessment', activityId: null, version: 2 });
    expect(await deps().store.repos.programs.findByIdentifier(r.reference)).toBeUndefined();
  });

  it('declines with a note, from registered too', async () => {
    const r = await register(deps());
    const declined = await declineRequest(as(user('admin')), r.id, { note: 'Outside the flagship areas this year' });
    expect(declined).toMatchObject({ status: 'declined', assessmentNote: 'Outside the flagship areas this year', activityId: null });
    await expect(assessRequest(deps(), r.id, {})).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(requestMatches(deps(), 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});
