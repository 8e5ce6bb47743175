/**
 * An in-process HTTP server over a test app, called with inject() (no port). By default the
 * requests are made by a signed-in administrator (session cookie and CSRF token added to each);
 * `as` picks another role, or 'anonymous' for the public.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { userInputSchema } from '../domain/account/user.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { createOrganisation } from '../services/organisations.js';
import { createUser } from '../services/users.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let accounts = 0;

export interface TestSession {
  readonly email: string;
  readonly userId: number;
  readonly cookie: string;
  readonly csrf: string;
}

/** Makes sure an organisation exists (agency, embassy and focal-point accounts name one). */
export async function ensureOrg(app: AppContext, code: string, kind = 'provider_agency', countryCode = 'ID'): Promise<void> {
  if (await app.deps.store.repos.organisations.findByCode(code)) return;
  await createOrganisation(app.deps, organisationInputSchema.parse({ code, nameEn: `Test ${code}`, type: '10', countryCode, kind }));
}

/** A focal point works for a recipient government's institution (by default Kenya's, the test programs' recipient). */
export const ensureRecipientOrg = (app: AppContext, code: string, countryCode = 'KE'): Promise<void> =>
  ensureOrg(app, code, 'recipient_institution', countryCode);

/** Creates an account with a role and signs it in through the API. */
export async function signIn(server: FastifyInstance, app: AppContext, role: Role, orgCode: string | null = null): Promise<TestSession> {
  if (orgCode)
    await (role === 'focal_point'
      ? ensureRecipientOrg(app, orgCode)
      : ensureOrg(app, orgCode, role === 'embassy' ? 'embassy' : 'provider_agency'));
  const email = `${role}.${++accounts}.${process.pid}@test.invalid`;
  const user = await createUser(app.deps, userInputSchema.parse({ email, name: `Test ${role}`, role, orgCode, password: TEST_PASSWORD }));
  return loginAs(server, email, user.id);
}

export async function loginAs(server: FastifyInstance, email: string, userId: number, password = TEST_PASSWORD): Promise<TestSession> {
  const response = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'mitra_session');
  if (!cookie) throw new Error('no session cookie');
  return { email, userId, cookie: `mitra_session=${cookie.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken };
}

/** The server, with every inject() made by this session (headers given by a test win). */
export function asSession(server: FastifyInstance, session: TestSession | null): FastifyInstance {
  if (!session) return server;
  const inject = (options: InjectOptions | string) => {
    const o: InjectOptions = typeof options === 'string' ? { url: options } : options;
    return server.inject({ ...o, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(o.headers ?? {}) } });
  };
  return new Proxy(server, { get: (target, key, receiver) => (key === 'inject' ? inject : Reflect.get(target, key, receiver)) });
}

export interface UseServerOptions {
  readonly bodyLimitBytes?: number;
  /** Who makes the requests (default: an administrator). */
  readonly as?: Role | 'anonymous';
  readonly orgCode?: string;
}

/** The organisation a test account of this role acts for when the test names none. */
function defaultOrg(role: Role): string | null {
  if (role === 'focal_point') return 'KE-TEST-FOCAL-POINT';
  return role === 'agency' || role === 'embassy' ? `ID-TEST-${role.toUpperCase()}` : null;
}

export function useServer(app: () => AppContext, options: UseServerOptions = {}): () => FastifyInstance {
  let server: FastifyInstance | undefined;
  let acting: FastifyInstance | undefined;
  const { as = 'admin', orgCode, ...serverOptions } = options;
  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent', ...serverOptions });
    await server.ready();
    const session = as === 'anonymous' ? null : await signIn(server, app(), as, orgCode ?? defaultOrg(as));
    acting = asSession(server, session);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!acting) throw new Error('the test server is not ready yet');
    return acting;
  };
}
