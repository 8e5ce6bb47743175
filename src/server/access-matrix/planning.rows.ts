/**
 * Rows of the access matrix (fixtures.ts): money (budgets, unit costs, in kind), priorities and
 * country lists, import mappings and file columns, other providers' published activities.
 */
import { coordination, csv, everyone, OWN, ownAgency, signedIn, type Matrix, type Row } from './fixtures.js';

export const planningRows = (m: Matrix): readonly Row[] => {
  const created = async (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<number> =>
    ((await m.send('admin', { method, url, payload })).json() as { id: number }).id;
  const unitCost = () => ({ kind: 'flight', region: 'europe', currency: 'USD', amount: '950.00', year: 2000 + m.next() });
  const list = async (): Promise<string> => {
    const code = m.unique('admin').toLowerCase();
    await m.send('coordinator', {
      method: 'PUT',
      url: `/api/v1/country-lists/${code}`,
      payload: { nameEn: 'List', nameId: 'Daftar', countries: ['FJ'] },
    });
    return code;
  };
  const mapping = (who = 'admin') => ({
    org: OWN,
    kind: 'participants',
    headers: ['Program', 'Name', 'Sex', 'Country', who],
    mapping: { Program: 'activity_identifier', Name: 'full_name', Sex: 'sex', Country: 'country', [who]: null },
  });
  return [
    // Money
    { route: 'GET /api/v1/money/budget-vs-spent', call: async () => ({ url: '/api/v1/money/budget-vs-spent' }), expect: everyone(200) },
    { route: 'GET /api/v1/money/in-kind', call: async () => ({ url: '/api/v1/money/in-kind' }), expect: everyone(200) },
    { route: 'GET /api/v1/money/unit-costs', call: async () => ({ url: '/api/v1/money/unit-costs' }), expect: everyone(200) },
    {
      route: 'POST /api/v1/money/unit-costs',
      call: async () => ({ method: 'POST', url: '/api/v1/money/unit-costs', payload: unitCost() }),
      expect: coordination(201),
    },
    {
      route: 'PUT /api/v1/money/unit-costs/:id',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/money/unit-costs/${await created('/api/v1/money/unit-costs', unitCost())}`,
        payload: unitCost(),
      }),
      expect: coordination(200),
    },
    {
      route: 'DELETE /api/v1/money/unit-costs/:id',
      call: async () => ({ method: 'DELETE', url: `/api/v1/money/unit-costs/${await created('/api/v1/money/unit-costs', unitCost())}` }),
      expect: coordination(204),
    },
    // Priorities and country lists
    {
      route: 'GET /api/v1/priorities/breakdown',
      call: async () => ({ url: '/api/v1/priorities/breakdown?kind=group&code=PIF&year=2018' }),
      expect: everyone(200),
    },
    { route: 'GET /api/v1/priorities/targets', call: async () => ({ url: '/api/v1/priorities/targets' }), expect: everyone(200) },
    {
      route: 'DELETE /api/v1/priorities/targets/:id',
      call: async () => {
        const saved = await m.send('coordinator', {
          method: 'POST',
          url: '/api/v1/priorities/targets',
          payload: { targets: [{ year: 2018, subjectKind: 'country', subjectCode: 'KE', metric: 'program_share', target: 10 }] },
        });
        const id = (saved.json() as { items: { id: number; subjectCode: string }[] }).items.find((t) => t.subjectCode === 'KE')?.id;
        return { method: 'DELETE', url: `/api/v1/priorities/targets/${id}` };
      },
      expect: coordination(204),
    },
    { route: 'GET /api/v1/country-lists', call: async () => ({ url: '/api/v1/country-lists' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/country-lists/:code',
      call: async () => ({ url: `/api/v1/country-lists/${await list()}` }),
      expect: everyone(200),
    },
    {
      route: 'DELETE /api/v1/country-lists/:code',
      call: async () => ({ method: 'DELETE', url: `/api/v1/country-lists/${await list()}` }),
      expect: coordination(204),
    },
    // Import mappings and a file's columns (the agency's own, the coordination team's for any)
    { route: 'GET /api/v1/import-mappings', call: async () => ({ url: `/api/v1/import-mappings?org=${OWN}` }), expect: ownAgency(200) },
    {
      route: 'PUT /api/v1/import-mappings',
      call: async (who) => ({ method: 'PUT', url: '/api/v1/import-mappings', payload: mapping(who) }),
      expect: ownAgency(200),
    },
    {
      route: 'DELETE /api/v1/import-mappings/:id',
      call: async () => ({
        method: 'DELETE',
        url: `/api/v1/import-mappings/${await created('/api/v1/import-mappings', mapping(), 'PUT')}`,
      }),
      expect: { ...ownAgency(204), embassy: 404, focal_point: 404, viewer: 404 },
    },
    {
      route: 'POST /api/v1/imports/:kind/columns',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/imports/participants/columns?org=${OWN}`,
        ...csv('activity_identifier,full_name,sex,country\nX,Y,F,KE\n'),
      }),
      expect: ownAgency(200),
    },
    // Other providers' published activities (none imported here: an unknown id)
    {
      route: 'GET /api/v1/other-providers/datasets',
      call: async () => ({ url: '/api/v1/other-providers/datasets' }),
      expect: signedIn(200),
    },
    {
      route: 'DELETE /api/v1/other-providers/datasets/:id',
      name: 'an unknown dataset',
      call: async () => ({ method: 'DELETE', url: '/api/v1/other-providers/datasets/999999' }),
      expect: coordination(404),
    },
    {
      route: 'GET /api/v1/other-providers/activities',
      call: async () => ({ url: '/api/v1/other-providers/activities' }),
      expect: signedIn(200),
    },
    {
      route: 'GET /api/v1/other-providers/activities/:id',
      name: 'an unknown activity',
      call: async () => ({ url: '/api/v1/other-providers/activities/999999' }),
      expect: signedIn(404),
    },
    {
      route: 'POST /api/v1/other-providers/activities/:id/promote',
      name: 'an unknown activity',
      call: async () => ({ method: 'POST', url: '/api/v1/other-providers/activities/999999/promote', payload: {} }),
      expect: coordination(404),
    },
    {
      route: 'GET /api/v1/other-providers/compare',
      call: async () => ({ url: '/api/v1/other-providers/compare?country=KE&fromYear=2018&toYear=2018' }),
      expect: signedIn(200),
    },
  ];
};
