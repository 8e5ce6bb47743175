/**
 * Every role against every endpoint (docs/security.md): allowed → 2xx, denied → 403, the
 * public → 401 or its public view. Each row runs once per role on fresh records where the call
 * changes them, so the rows do not depend on each other.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { addParticipant } from '../services/participants.js';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn } from '../testing/server.js';

type Who = Role | 'public';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer', 'public'];
const OWN = 'ID-ROLE-OWN';
const OTHER = 'ID-ROLE-OTHER';
const EMBASSY = 'ID-ROLE-KBRI';
/** A ministry of Kenya (the programs' recipient), whose focal point nominates and files requests. */
const FOCAL = 'KE-ROLE-MFA';

interface Call {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

/** What each row expects per role: a status code. */
type Expect = Readonly<Record<Who, number>>;
const all = (status: number): Expect => ({
  admin: status,
  coordinator: status,
  agency: status,
  embassy: status,
  focal_point: status,
  viewer: status,
  public: status,
});
const internal = (status: number): Expect => ({ ...all(status), public: 401 });
const coordination = (status: number): Expect => ({ ...all(403), admin: status, coordinator: status, public: 401 });
const adminOnly = (status: number): Expect => ({ ...all(403), admin: status, public: 401 });

describeEachEngine('role × endpoint matrix', (app: () => AppContext) => {
  let server: FastifyInstance;
  const as: Partial<Record<Who, FastifyInstance>> = {};
  let published = 0; // an approved program of the agency's organisation, with a participant
  let unpublished = 0; // a request of the agency's organisation
  let othersRequest = 0; // a request of another agency
  let othersApproved = 0; // an approved program of another agency

  const system = () => app().deps;
  const program = async (stage: string, org = OWN, recipients = [{ country: 'KE' }]) =>
    (await createProgram(system(), programInputSchema.parse(aProgram({ implementingOrg: org, lifecycleStage: stage, recipients })))).id;

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    for (const code of [OWN, OTHER, EMBASSY]) await ensureOrg(app(), code);
    for (const role of ['admin', 'coordinator', 'viewer'] as const) as[role] = asSession(server, await signIn(server, app(), role));
    as.agency = asSession(server, await signIn(server, app(), 'agency', OWN));
    as.embassy = asSession(server, await signIn(server, app(), 'embassy', EMBASSY));
    as.focal_point = asSession(server, await signIn(server, app(), 'focal_point', FOCAL));
    as.public = server;
    published = await program('approved');
    unpublished = await program('request');
    othersRequest = await program('request', OTHER);
    othersApproved = await program('approved', OTHER);
    await addParticipant(
      system(),
      published,
      participantInputSchema.parse(aParticipant({ fullName: 'Wanjiru Kamau', email: 'wanjiru@example.org', position: 'Director' })),
    );
    await addParticipant(system(), othersApproved, participantInputSchema.parse(aParticipant({ fullName: 'Otieno Ouma' })));
  }, 60_000);

  const ROWS: readonly { name: string; call: (who: Who) => Promise<Call>; expect: Expect }[] = [
    { name: 'list programs', call: async () => ({ url: '/api/v1/activities' }), expect: all(200) },
    { name: 'read a published program', call: async () => ({ url: `/api/v1/activities/${published}` }), expect: all(200) },
    {
      name: 'read a request (unpublished)',
      call: async () => ({ url: `/api/v1/activities/${unpublished}` }),
      expect: { ...all(200), public: 404 },
    },
    { name: 'read by identifier', call: async () => ({ url: `/api/v1/activities/${unpublished}` }), expect: { ...all(200), public: 404 } },
    {
      name: 'register a program of the agency',
      call: async () => ({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OWN }) }),
      expect: { admin: 201, coordinator: 201, agency: 201, embassy: 201, focal_point: 201, viewer: 403, public: 401 },
    },
    {
      name: 'register a program of another agency',
      call: async () => ({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OTHER }) }),
      expect: { admin: 201, coordinator: 201, agency: 403, embassy: 201, focal_point: 201, viewer: 403, public: 401 },
    },
    {
      name: 'register a program at a later stage',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/activities',
        payload: aProgram({ implementingOrg: OWN, lifecycleStage: 'completed' }),
      }),
      expect: { admin: 201, coordinator: 201, agency: 403, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'change own agency program',
      call: async () => ({ method: 'PATCH', url: `/api/v1/activities/${await program('request')}`, payload: { titleEn: 'Changed' } }),
      expect: { admin: 200, coordinator: 200, agency: 200, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'replace another agency program',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/activities/${await program('request', OTHER)}`,
        payload: aProgram({ implementingOrg: OTHER }),
      }),
      expect: { admin: 200, coordinator: 200, agency: 403, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'delete own agency request',
      call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${await program('request')}` }),
      expect: { admin: 204, coordinator: 204, agency: 204, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'delete own agency approved program',
      call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${await program('approved')}` }),
      expect: { admin: 204, coordinator: 204, agency: 403, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'list participants of a published program',
      call: async () => ({ url: `/api/v1/activities/${published}/participants` }),
      expect: all(200),
    },
    {
      name: 'list participants of a request',
      call: async () => ({ url: `/api/v1/activities/${unpublished}/participants` }),
      expect: { ...all(200), public: 404 },
    },
    {
      name: 'add a participant to an approved program of the agency',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${published}/participants`, payload: aParticipant() }),
      expect: { admin: 201, coordinator: 201, agency: 201, embassy: 201, focal_point: 201, viewer: 403, public: 401 },
    },
    {
      name: 'add a participant to another agency request',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${othersRequest}/participants`, payload: aParticipant() }),
      expect: { admin: 201, coordinator: 201, agency: 403, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'change a participant the system added',
      call: async () => {
        const p = await addParticipant(system(), published, participantInputSchema.parse(aParticipant()));
        return { method: 'PATCH', url: `/api/v1/activities/${published}/participants/${p.id}`, payload: { position: 'Head of unit' } };
      },
      expect: { admin: 200, coordinator: 200, agency: 200, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    {
      name: 'remove a participant of another agency',
      call: async () => {
        const p = await addParticipant(system(), othersApproved, participantInputSchema.parse(aParticipant()));
        return { method: 'DELETE', url: `/api/v1/activities/${othersApproved}/participants/${p.id}` };
      },
      expect: { admin: 204, coordinator: 204, agency: 403, embassy: 403, focal_point: 403, viewer: 403, public: 401 },
    },
    { name: 'list organisations', call: async () => ({ url: '/api/v1/organisations' }), expect: all(200) },
    {
      name: 'register an organisation',
      call: async () => ({ method: 'POST', url: '/api/v1/organisations', payload: anOrganisation() }),
      expect: coordination(201),
    },
    {
      name: 'change an organisation',
      call: async () => ({ method: 'PATCH', url: `/api/v1/organisations/${OTHER}`, payload: { nameEn: 'Renamed agency' } }),
      expect: coordination(200),
    },
    {
      name: 'import exchange rates',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/imports/rates',
        payload: 'currency,date,units_per_usd\nEUR,2018-01-01,0.83\n',
        headers: { 'content-type': 'text/csv' },
      }),
      expect: coordination(200),
    },
    { name: 'list import batches', call: async () => ({ url: '/api/v1/imports' }), expect: internal(200) },
    { name: 'list exchange rates', call: async () => ({ url: '/api/v1/exchange-rates' }), expect: all(200) },
    { name: 'annual summary', call: async () => ({ url: '/api/v1/reports/summary?year=2018' }), expect: all(200) },
    { name: 'years', call: async () => ({ url: '/api/v1/reports/years' }), expect: all(200) },
    { name: 'annual plan', call: async () => ({ url: '/api/v1/reports/annual-plan?year=2018' }), expect: internal(200) },
    { name: 'export programs as CSV', call: async () => ({ url: '/api/v1/activities/export.csv' }), expect: all(200) },
    {
      name: 'export the annual report as CSV',
      call: async () => ({ url: '/api/v1/reports/annual.csv?year=2018&table=summary' }),
      expect: all(200),
    },
    { name: 'list accounts', call: async () => ({ url: '/api/v1/users' }), expect: adminOnly(200) },
    {
      name: 'create an account',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: `new.${who}.${Date.now()}@example.org`, name: 'New', role: 'viewer', password: 'a long enough passphrase' },
      }),
      expect: adminOnly(201),
    },
    { name: 'search the audit log', call: async () => ({ url: '/api/v1/audit' }), expect: adminOnly(200) },
    { name: "a program's history", call: async () => ({ url: `/api/v1/activities/${published}/history` }), expect: internal(200) },
    { name: "a program's timeline", call: async () => ({ url: `/api/v1/activities/${published}/timeline` }), expect: all(200) },
    {
      name: 'submit own agency request',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${await program('request')}/transitions`,
        payload: { action: 'submit' },
      }),
      expect: { admin: 200, coordinator: 200, agency: 200, embassy: 200, focal_point: 200, viewer: 403, public: 401 },
    },
    {
      name: 'approve a program under assessment',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${await program('assessment')}/transitions`,
        payload: { action: 'approve' },
      }),
      expect: coordination(200),
    },
    {
      name: 'start another agency funded program',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${await program('funded', OTHER)}/transitions`,
        payload: { action: 'start' },
      }),
      expect: coordination(200),
    },
    { name: 'who is signed in', call: async () => ({ url: '/api/v1/auth/session' }), expect: all(200) },
    {
      name: 'change own password (wrong current password)',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'not it at all', newPassword: 'another long passphrase' },
      }),
      expect: { ...all(422), public: 401 },
    },
  ];

  for (const row of ROWS) {
    describe(row.name, () => {
      for (const who of WHO) {
        it(`${who} → ${row.expect[who]}`, async () => {
          const call = await row.call(who);
          const client = as[who] as FastifyInstance;
          const response = await client.inject({
            method: call.method ?? 'GET',
            url: call.url,
            ...(call.payload === undefined ? {} : { payload: call.payload as string }),
            // Access, not concurrency, is tested here: a change names no version (If-Match: *).
            headers: { ...(call.method && call.method !== 'GET' ? { 'if-match': '*' } : {}), ...call.headers },
          });
          expect(response.statusCode, response.body.slice(0, 300)).toBe(row.expect[who]);
        });
      }
    });
  }

  describe('what each role sees', () => {
    const participants = async (who: Who, id: number) =>
      (await (as[who] as FastifyInstance).inject({ url: `/api/v1/activities/${id}/participants` })).json() as {
        items: {
          fullName: string | null;
          email: string | null;
          position: string | null;
          organisation: string | null;
          personal: boolean;
          nominatedBy: string | null;
        }[];
        summary: { total: number };
      };

    it('gives personal data to the coordination team and to the program’s own agency only', async () => {
      for (const who of ['admin', 'coordinator', 'agency'] as const) {
        const own = await participants(who, published);
        expect(own.items.find((p) => p.fullName === 'Wanjiru Kamau')).toMatchObject({
          email: 'wanjiru@example.org',
          position: 'Director',
          personal: true,
        });
      }
      const others = await participants('agency', othersApproved);
      expect(others.items.length).toBeGreaterThan(0);
      expect(
        others.items.every((p) => p.fullName === null && p.email === null && p.position === null && p.organisation === null && !p.personal),
      ).toBe(true);
      const viewer = await participants('viewer', published);
      expect(viewer.items.length).toBeGreaterThan(0);
      // The organisation is personal data too (docs/privacy.md; issue 24, finding 3).
      expect(viewer.items.every((p) => p.fullName === null && p.organisation === null && !p.personal)).toBe(true);
    });

    it('gives an embassy its own nominees only, and the public no records at all', async () => {
      const nominated = await (as.embassy as FastifyInstance).inject({
        method: 'POST',
        url: `/api/v1/activities/${published}/participants`,
        payload: aParticipant({ fullName: 'Nominee of the embassy', status: 'attended' }),
      });
      expect(nominated.json()).toMatchObject({ status: 'nominated', nominatedBy: EMBASSY });
      const seen = await participants('embassy', published);
      const visible = seen.items.filter((p) => p.personal);
      expect(visible.map((p) => p.fullName)).toContain('Nominee of the embassy');
      expect(visible.every((p) => p.nominatedBy === EMBASSY)).toBe(true);
      expect(seen.items.find((p) => p.nominatedBy === null)).toMatchObject({
        fullName: null,
        email: null,
        organisation: null,
        personal: false,
      });
      const pub = await participants('public', published);
      expect(pub.items).toEqual([]);
      expect(pub.summary.total).toBeGreaterThan(1);
      expect(JSON.stringify(pub)).not.toContain('Wanjiru');
    });

    it('gives a recipient government’s focal point its own organisation’s nominees only', async () => {
      const nominated = await (as.focal_point as FastifyInstance).inject({
        method: 'POST',
        url: `/api/v1/activities/${published}/participants`,
        payload: aParticipant({ fullName: 'Nominee of the ministry', status: 'attended' }),
      });
      expect(nominated.json()).toMatchObject({ status: 'nominated', nominatedBy: FOCAL, personal: true });
      const seen = await participants('focal_point', published);
      const visible = seen.items.filter((p) => p.personal);
      expect(visible.map((p) => p.fullName)).toContain('Nominee of the ministry');
      expect(visible.every((p) => p.nominatedBy === FOCAL)).toBe(true);
      expect(JSON.stringify(seen)).not.toMatch(/Wanjiru|Nominee of the embassy/);
      expect(JSON.stringify(await participants('embassy', published))).not.toContain('Nominee of the ministry');
    });

    it('lists and counts published programs only for the public', async () => {
      const list = async (who: Who) =>
        (
          (await (as[who] as FastifyInstance).inject({ url: '/api/v1/activities?pageSize=500' })).json() as { items: { id: number }[] }
        ).items.map((a) => a.id);
      expect(await list('public')).toContain(published);
      expect(await list('public')).not.toContain(unpublished);
      expect(await list('viewer')).toContain(unpublished);
      const askedForRequests = (await server.inject({ url: '/api/v1/activities?stage=request&pageSize=500' })).json() as { total: number };
      expect(askedForRequests.total).toBe(0);
      const summary = async (who: Who) =>
        ((await (as[who] as FastifyInstance).inject({ url: '/api/v1/reports/summary?year=2018' })).json() as { programs: number }).programs;
      const publicCount = await summary('public');
      const internalCount = await summary('viewer');
      const approvedOnly = (
        (
          await (as.viewer as FastifyInstance).inject({
            url: '/api/v1/reports/summary?year=2018&stage=approved,funded,implementation,completed,evaluated',
          })
        ).json() as { programs: number }
      ).programs;
      expect(publicCount).toBe(approvedOnly);
      expect(internalCount).toBeGreaterThan(publicCount);
    });
  });
});
