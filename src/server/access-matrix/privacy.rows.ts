/**
 * Rows of the access matrix (fixtures.ts): personal data protection (docs/privacy.md, UU PDP):
 * a person's records and their export, the breach log, the retention rules and the register of
 * processing, and lifting an account's sign-in limit.
 */
import { signIn } from '../../testing/server.js';
import { adminOnly, coordination, type Matrix, type Row } from './fixtures.js';

export const privacyRows = (m: Matrix): readonly Row[] => {
  const breach = () => ({
    discoveredAt: '2026-11-26T09:00:00Z',
    description: 'A laptop with an export was lost',
    categories: ['identity', 'contact'],
    recordsAffected: 40,
    personsAffected: 35,
  });
  const recorded = async (): Promise<number> =>
    ((await m.send('coordinator', { method: 'POST', url: '/api/v1/personal-data/breaches', payload: breach() })).json() as { id: number })
      .id;
  /** A participant of the own agency's program, whose personal data is asked for. */
  const person = () => m.participant(m.own.approved, { fullName: 'Access Request', email: `access.${m.next()}@example.org` });
  return [
    // A person's records and their export (UU PDP Art. 7)
    {
      route: 'POST /api/v1/personal-data/lookup',
      call: async () => ({ method: 'POST', url: '/api/v1/personal-data/lookup', payload: { participantId: await person() } }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/personal-data/:id/export.json',
      call: async () => ({ url: `/api/v1/personal-data/${await person()}/export.json` }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/personal-data/:id/export.pdf',
      call: async () => ({ url: `/api/v1/personal-data/${await person()}/export.pdf` }),
      expect: coordination(200),
    },
    // The breach log
    {
      route: 'GET /api/v1/personal-data/breaches',
      call: async () => ({ url: '/api/v1/personal-data/breaches' }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/personal-data/breaches',
      call: async () => ({ method: 'POST', url: '/api/v1/personal-data/breaches', payload: breach() }),
      expect: coordination(201),
    },
    {
      route: 'GET /api/v1/personal-data/breaches/:id',
      call: async () => ({ url: `/api/v1/personal-data/breaches/${await recorded()}` }),
      expect: coordination(200),
    },
    {
      route: 'PATCH /api/v1/personal-data/breaches/:id',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/personal-data/breaches/${await recorded()}`,
        payload: { closedAt: '2026-11-28T08:00:00Z' },
      }),
      expect: coordination(200),
    },
    // Retention (the rules stay disabled: the run deletes nothing)
    {
      route: 'GET /api/v1/personal-data/retention-rules',
      call: async () => ({ url: '/api/v1/personal-data/retention-rules' }),
      expect: coordination(200),
    },
    {
      route: 'PATCH /api/v1/personal-data/retention-rules/:category',
      call: async () => ({ method: 'PATCH', url: '/api/v1/personal-data/retention-rules/cv', payload: { months: 24 + m.next() } }),
      expect: adminOnly(200),
    },
    {
      route: 'GET /api/v1/personal-data/retention/due',
      call: async () => ({ url: '/api/v1/personal-data/retention/due' }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/personal-data/retention/run',
      call: async () => ({ method: 'POST', url: '/api/v1/personal-data/retention/run' }),
      expect: adminOnly(200),
    },
    // The register of processing
    {
      route: 'GET /api/v1/personal-data/register',
      call: async () => ({ url: '/api/v1/personal-data/register' }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/personal-data/register.csv',
      call: async () => ({ url: '/api/v1/personal-data/register.csv' }),
      expect: coordination(200),
    },
    // Accounts
    {
      route: 'POST /api/v1/users/:id/unlock',
      name: 'another account',
      call: async () => ({ method: 'POST', url: `/api/v1/users/${(await signIn(m.server, m.app(), 'viewer')).userId}/unlock` }),
      expect: adminOnly(200),
    },
  ];
};
