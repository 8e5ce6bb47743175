/**
 * The access matrix of docs/security.md over the whole API: each endpoint (a row) against each
 * role (a column). Allowed → 2xx, denied → 403, the public → 401 on internal endpoints or its
 * public view (published programs only; 404 for the others). This module holds what the
 * matrix's files share: the roles, the expectations, the one fixture (a database per engine
 * with a few programs in different stages, registered by the system through the services) and
 * the runner. Rows that change a record make their own, so the rows do not depend on each other
 * or on their order. Each row names the route it covers (method and path as registered), which
 * coverage.int.test.ts compares with every route the server registers.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/access/actor.js';
import type { LifecycleStage } from '../../domain/codes.js';
import { programInputSchema } from '../../domain/program/program.schema.js';
import { participantInputSchema } from '../../domain/participant/participant.schema.js';
import type { AppContext } from '../../main.js';
import { serverFor } from '../../main.js';
import { createProgram } from '../../services/programs.js';
import { addParticipant } from '../../services/participants.js';
import { aProgram, aParticipant } from '../../testing/builders.js';
import { describeEachEngine } from '../../testing/engines.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../../testing/server.js';

export type Who = Role | 'anonymous';
export const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
/** The agency signed in ("own" programs are implemented by it). */
export const OWN = 'ID-MX-AGENCY';
export const OTHER = 'ID-MX-OTHER';
export const EMBASSY = 'ID-MX-KBRI';
/** The focal point's organisation: a ministry of Kenya, the test programs' recipient. */
export const FOCAL = 'KE-MX-MFA';

export interface Call {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

export type Expect = Readonly<Record<Who, number>>;
export const everyone = (status: number): Expect => ({
  admin: status,
  coordinator: status,
  agency: status,
  embassy: status,
  focal_point: status,
  viewer: status,
  anonymous: status,
});
/** Embassies and focal points, which nominate participants and file requests. */
export const nominators = (status: number) => ({ embassy: status, focal_point: status });
/** Anyone signed in; the public must sign in. */
export const signedIn = (status: number): Expect => ({ ...everyone(status), anonymous: 401 });
/** Anyone signed in; to the public the record does not exist. */
export const hidden = (status: number): Expect => ({ ...everyone(status), anonymous: 404 });
export const coordination = (status: number): Expect => ({ ...everyone(403), admin: status, coordinator: status, anonymous: 401 });
export const adminOnly = (status: number): Expect => ({ ...everyone(403), admin: status, anonymous: 401 });
/** The coordination team, and the agency for its own program. */
export const ownAgency = (status: number): Expect => ({ ...coordination(status), agency: status });

export interface Row {
  /** The route covered, as the server registers it: `METHOD /api/v1/path/:param`. */
  readonly route: string;
  /** What the row checks beyond the route (the record's stage, whose it is…). */
  readonly name?: string;
  readonly call: (who: Who) => Promise<Call>;
  readonly expect: Expect;
}

/** The fixture the rows read when they run (filled in by `beforeAll`). */
export interface Matrix {
  readonly app: () => AppContext;
  server: FastifyInstance;
  readonly as: Record<Who, FastifyInstance>;
  readonly sessions: Record<Exclude<Who, 'anonymous'>, TestSession>;
  /** Programs of the signed-in agency (own) and of another agency, by stage. */
  readonly own: Record<'request' | 'approved' | 'evaluated', number>;
  readonly other: Record<'request' | 'approved', number>;
  readonly identifiers: Record<'ownApproved' | 'ownRequest' | 'otherApproved', string>;
  program(stage: LifecycleStage, org?: string, extra?: Parameters<typeof aProgram>[0]): ReturnType<typeof createProgram>;
  participant(activityId: number, fields?: Parameters<typeof aParticipant>[0]): Promise<number>;
  send(who: Who, call: Call): Promise<LightMyRequestResponse>;
  get<T = Record<string, unknown>>(who: Who, url: string): Promise<T>;
  /** A unique code per call, dashes only: it goes into URLs and codes (focal_point → focal-point). */
  unique(who: Who): string;
  /** A number never given before in this fixture (years of their own, and the like). */
  next(): number;
}

export const csv = (body: string): Pick<Call, 'payload' | 'headers'> => ({
  payload: body,
  headers: { 'content-type': 'text/csv', 'x-file-name': 'matrix.csv' },
});

/** Opens the fixture in the enclosing suite: the server, a session per role, the programs. */
export function useMatrix(app: () => AppContext): Matrix {
  let seq = 0;
  const m: Matrix = {
    app,
    server: undefined as unknown as FastifyInstance,
    as: {} as Record<Who, FastifyInstance>,
    sessions: {} as Record<Exclude<Who, 'anonymous'>, TestSession>,
    own: { request: 0, approved: 0, evaluated: 0 },
    other: { request: 0, approved: 0 },
    identifiers: { ownApproved: '', ownRequest: '', otherApproved: '' },
    program: (stage, org = OWN, extra = {}) =>
      createProgram(
        app().deps,
        programInputSchema.parse(aProgram({ implementingOrg: org, lifecycleStage: stage, recipients: [{ country: 'KE' }], ...extra })),
      ),
    participant: async (activityId, fields = {}) =>
      (await addParticipant(app().deps, activityId, participantInputSchema.parse(aParticipant({ country: 'KE', ...fields })))).id,
    send: (who, call) =>
      m.as[who].inject({
        method: call.method ?? 'GET',
        url: call.url,
        ...(call.payload === undefined ? {} : { payload: call.payload as string }),
        // Access, not concurrency, is tested here: a change names no version (If-Match: *).
        headers: { ...(call.method && call.method !== 'GET' ? { 'if-match': '*' } : {}), ...call.headers },
      }),
    get: async <T>(who: Who, url: string) => {
      const response = await m.send(who, { url });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      return response.json() as T;
    },
    unique: (who) => `${who.replace('_', '-')}-${++seq}-${Date.now().toString(36)}`,
    next: () => ++seq,
  };

  beforeAll(async () => {
    m.server = await serverFor(app(), { logLevel: 'silent' });
    await m.server.ready();
    for (const code of [OWN, OTHER, EMBASSY]) await ensureOrg(app(), code);
    for (const role of ['admin', 'coordinator', 'viewer'] as const) m.sessions[role] = await signIn(m.server, app(), role);
    m.sessions.agency = await signIn(m.server, app(), 'agency', OWN);
    m.sessions.embassy = await signIn(m.server, app(), 'embassy', EMBASSY);
    m.sessions.focal_point = await signIn(m.server, app(), 'focal_point', FOCAL);
    for (const who of WHO) m.as[who] = who === 'anonymous' ? m.server : asSession(m.server, m.sessions[who]);

    const ownRequest = await m.program('request');
    const ownApproved = await m.program('approved');
    const otherApproved = await m.program('approved', OTHER);
    Object.assign(m.own, { request: ownRequest.id, approved: ownApproved.id, evaluated: (await m.program('evaluated')).id });
    Object.assign(m.other, { request: (await m.program('request', OTHER)).id, approved: otherApproved.id });
    Object.assign(m.identifiers, {
      ownApproved: ownApproved.identifier,
      ownRequest: ownRequest.identifier,
      otherApproved: otherApproved.identifier,
    });
    await m.participant(m.own.approved, { fullName: 'Wanjiru Kamau', email: 'wanjiru@example.org', position: 'Director of aquaculture' });
    await m.participant(m.other.approved, { fullName: 'Otieno Ouma', email: 'otieno@example.org', position: 'Fisheries officer' });
    await m.participant(m.own.request, { fullName: 'Akinyi Request', position: 'Planner' });
  }, 60_000);
  return m;
}

/** What a refusal's problem code may be: the policy's codes (src/domain/access/policy.ts). */
const REFUSED =
  /[._](forbidden|not_own_agency|closed|not_open|transition_forbidden|stage_by_transition|not_a_nominator|not_owner|not_own_country|under_assessment)$/;

/** Runs each row once per role, on both engines, against one fixture per engine. */
export function describeMatrix(title: string, rows: (m: Matrix) => readonly Row[]): void {
  describeEachEngine(`access matrix: ${title}`, (app) => {
    const m = useMatrix(app);
    for (const row of rows(m)) {
      describe(row.name ? `${row.route} (${row.name})` : row.route, () => {
        for (const who of WHO) {
          it(`${who} → ${row.expect[who]}`, async () => {
            const response = await m.send(who, await row.call(who));
            expect(response.statusCode, response.body.slice(0, 300)).toBe(row.expect[who]);
            if (response.statusCode === 401) expect(response.json().code).toBe('auth.required');
            if (response.statusCode === 403) expect(response.json().code).toMatch(REFUSED);
            if (response.statusCode === 404) expect(response.json().code).toMatch(/(not_found|not_published)$/);
          });
        }
      });
    }
  });
}
