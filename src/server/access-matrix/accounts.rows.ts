/**
 * Rows of the access matrix (fixtures.ts): signing in and out, the second factor, API tokens for
 * machine clients, and the health check.
 */
import { signIn, TEST_PASSWORD } from '../../testing/server.js';
import { adminOnly, EMBASSY, everyone, FOCAL, OWN, signedIn, type Matrix, type Row, type Who } from './fixtures.js';

/** The organisation each role's accounts belong to (none for the coordination team and viewers). */
const orgOf = (who: Who): string | null => (who === 'agency' ? OWN : who === 'embassy' ? EMBASSY : who === 'focal_point' ? FOCAL : null);

export const accountRows = (m: Matrix): readonly Row[] => {
  /** An API token made by the system's administrator, for the rows that read or revoke one. */
  const token = async (): Promise<number> => {
    const made = await m.send('admin', {
      method: 'POST',
      url: '/api/v1/api-tokens',
      payload: { name: `matrix ${m.unique('admin')}`, orgCode: OWN, role: 'agency', scopes: ['read'], expiresAt: '2027-06-01' },
    });
    return (made.json() as { apiToken: { id: number } }).apiToken.id;
  };
  /** The row's own session of the role (the call ends it, or changes it). */
  const ownSession = async (who: Who): Promise<Record<string, string>> => {
    if (who === 'anonymous') return {};
    const session = await signIn(m.server, m.app(), who, orgOf(who));
    return { cookie: session.cookie, 'x-csrf-token': session.csrf };
  };
  const wrongCode = { code: '000000' };
  return [
    { route: 'GET /api/health', call: async () => ({ url: '/api/health' }), expect: everyone(200) },
    { route: 'GET /api/v1/auth/methods', call: async () => ({ url: '/api/v1/auth/methods' }), expect: everyone(200) },
    {
      // Open to all (the mailed link's page is for someone who cannot sign in); a token not issued is refused alike.
      route: 'POST /api/v1/auth/unlock',
      name: 'a token never mailed',
      call: async () => ({ method: 'POST', url: '/api/v1/auth/unlock', payload: { token: 'n'.repeat(43) } }),
      expect: everyone(422),
    },
    {
      route: 'POST /api/v1/auth/login',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: m.sessions[who === 'anonymous' ? 'viewer' : who].email, password: TEST_PASSWORD },
      }),
      expect: everyone(200),
    },
    {
      route: 'POST /api/v1/auth/logout',
      name: 'a session of its own',
      call: async (who) => ({ method: 'POST', url: '/api/v1/auth/logout', headers: await ownSession(who) }),
      expect: everyone(204),
    },
    // The second factor (docs/security.md): each account its own; an administrator resets another's.
    { route: 'GET /api/v1/auth/second-factor', call: async () => ({ url: '/api/v1/auth/second-factor' }), expect: signedIn(200) },
    {
      route: 'POST /api/v1/auth/second-factor/enrolment',
      call: async (who) => ({ method: 'POST', url: '/api/v1/auth/second-factor/enrolment', headers: await ownSession(who) }),
      expect: signedIn(200),
    },
    {
      route: 'POST /api/v1/auth/second-factor/enrolment/confirm',
      name: 'a wrong code',
      call: async (who) => {
        const headers = await ownSession(who);
        if (who !== 'anonymous') await m.server.inject({ method: 'POST', url: '/api/v1/auth/second-factor/enrolment', headers });
        return { method: 'POST', url: '/api/v1/auth/second-factor/enrolment/confirm', payload: wrongCode, headers };
      },
      expect: signedIn(422),
    },
    {
      route: 'POST /api/v1/auth/second-factor/verify',
      name: 'a full session, nothing to verify',
      call: async () => ({ method: 'POST', url: '/api/v1/auth/second-factor/verify', payload: wrongCode }),
      expect: signedIn(409),
    },
    {
      route: 'POST /api/v1/auth/second-factor/recovery-codes',
      name: 'no second factor set up',
      call: async () => ({ method: 'POST', url: '/api/v1/auth/second-factor/recovery-codes', payload: wrongCode }),
      expect: signedIn(409),
    },
    {
      route: 'POST /api/v1/auth/second-factor/disable',
      name: 'no second factor set up',
      call: async () => ({ method: 'POST', url: '/api/v1/auth/second-factor/disable', payload: wrongCode }),
      expect: signedIn(409),
    },
    {
      route: 'DELETE /api/v1/users/:id/second-factor',
      name: 'another account’s',
      call: async () => ({ method: 'DELETE', url: `/api/v1/users/${(await signIn(m.server, m.app(), 'viewer')).userId}/second-factor` }),
      expect: adminOnly(204),
    },
    // API tokens: administrators only.
    { route: 'GET /api/v1/api-tokens', call: async () => ({ url: '/api/v1/api-tokens' }), expect: adminOnly(200) },
    {
      route: 'POST /api/v1/api-tokens',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/api-tokens',
        payload: { name: `matrix ${m.unique(who)}`, orgCode: OWN, role: 'agency', scopes: ['read'], expiresAt: '2027-06-01' },
      }),
      expect: adminOnly(201),
    },
    { route: 'GET /api/v1/api-tokens/:id', call: async () => ({ url: `/api/v1/api-tokens/${await token()}` }), expect: adminOnly(200) },
    {
      route: 'GET /api/v1/api-tokens/:id/uses',
      call: async () => ({ url: `/api/v1/api-tokens/${await token()}/uses` }),
      expect: adminOnly(200),
    },
    {
      route: 'POST /api/v1/api-tokens/:id/revoke',
      call: async () => ({ method: 'POST', url: `/api/v1/api-tokens/${await token()}/revoke` }),
      expect: adminOnly(200),
    },
  ];
};
