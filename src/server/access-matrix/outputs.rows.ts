/**
 * Rows of the access matrix (fixtures.ts): reference lists, reports and exports, frozen editions
 * and the IATI files and checks.
 */
import { coordination, everyone, hidden, ownAgency, signedIn, type Matrix, type Row } from './fixtures.js';

export const outputRows = (m: Matrix): readonly Row[] => {
  let frozen: Promise<number> | undefined;
  /** A frozen edition of 2019 (frozen once by the coordinator), for the rows that read one. */
  const edition = (): Promise<number> =>
    (frozen ??= m
      .send('coordinator', { method: 'POST', url: '/api/v1/editions/2019', payload: {} })
      .then((r) => (r.json() as { number: number }).number));
  /** A new frozen edition of its own year per call, for the rows that change one. */
  const fresh = async (): Promise<string> => {
    const year = 2200 - m.next();
    const r = await m.send('coordinator', { method: 'POST', url: `/api/v1/editions/${year}`, payload: {} });
    return `${year}/${(r.json() as { number: number }).number}`;
  };
  return [
    // Reference lists: public
    { route: 'GET /api/v1/reference/countries', call: async () => ({ url: '/api/v1/reference/countries' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/reference/countries/resolve',
      call: async () => ({ url: '/api/v1/reference/countries/resolve?name=Kenya' }),
      expect: everyone(200),
    },
    { route: 'GET /api/v1/reference/groups', call: async () => ({ url: '/api/v1/reference/groups' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/reference/groups/:code/members',
      call: async () => ({ url: '/api/v1/reference/groups/PIF/members' }),
      expect: everyone(200),
    },
    { route: 'GET /api/v1/reference/sdgs', call: async () => ({ url: '/api/v1/reference/sdgs' }), expect: everyone(200) },
    { route: 'GET /api/v1/reference/codes', call: async () => ({ url: '/api/v1/reference/codes' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/reference/codelists/:name',
      call: async () => ({ url: '/api/v1/reference/codelists/Sector' }),
      expect: everyone(200),
    },
    // Reports and exports
    { route: 'GET /api/v1/reports/program-years', call: async () => ({ url: '/api/v1/reports/program-years' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/reports/annual.xlsx',
      call: async () => ({ url: '/api/v1/reports/annual.xlsx?year=2018' }),
      expect: everyone(200),
    },
    { route: 'GET /api/v1/export/iati.xml', call: async () => ({ url: '/api/v1/export/iati.xml' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/export/iati-organisation.xml',
      call: async () => ({ url: '/api/v1/export/iati-organisation.xml' }),
      expect: everyone(200),
    },
    { route: 'GET /api/v1/export/tossd.csv', call: async () => ({ url: '/api/v1/export/tossd.csv?year=2018' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/export/participants.csv',
      call: async () => ({ url: '/api/v1/export/participants.csv' }),
      expect: { ...signedIn(200), viewer: 403 },
    },
    {
      route: 'GET /api/v1/export/participants.xlsx',
      call: async () => ({ url: '/api/v1/export/participants.xlsx' }),
      expect: { ...signedIn(200), viewer: 403 },
    },
    {
      route: 'GET /api/v1/activities/:id/iati.xml',
      name: 'of a published program',
      call: async () => ({ url: `/api/v1/activities/${m.own.approved}/iati.xml` }),
      expect: everyone(200),
    },
    // IATI checks and the published IATI files
    { route: 'GET /api/v1/iati/checks', call: async () => ({ url: '/api/v1/iati/checks' }), expect: ownAgency(200) },
    {
      route: 'GET /api/v1/activities/:id/iati-checks',
      call: async () => ({ url: `/api/v1/activities/${m.own.approved}/iati-checks` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/iati-checks',
      name: 'of a request',
      call: async () => ({ url: `/api/v1/activities/${m.own.request}/iati-checks` }),
      expect: hidden(200),
    },
    { route: 'GET /iati/manifest.json', name: 'none published', call: async () => ({ url: '/iati/manifest.json' }), expect: everyone(404) },
    { route: 'GET /iati/:file', name: 'none published', call: async () => ({ url: '/iati/activities.xml' }), expect: everyone(404) },
    // Frozen editions
    {
      route: 'GET /api/v1/editions/:year/:number',
      call: async () => ({ url: `/api/v1/editions/2019/${await edition()}` }),
      expect: hidden(200),
    },
    {
      route: 'GET /api/v1/editions/:year/:number/differences',
      call: async () => ({ url: `/api/v1/editions/2019/${await edition()}/differences` }),
      expect: signedIn(200),
    },
    {
      route: 'GET /api/v1/editions/:year/:number/annual.pdf',
      call: async () => ({ url: `/api/v1/editions/2019/${await edition()}/annual.pdf?lang=en` }),
      expect: hidden(200),
    },
    {
      route: 'GET /api/v1/editions/:year/:number/annual.xlsx',
      call: async () => ({ url: `/api/v1/editions/2019/${await edition()}/annual.xlsx?lang=en` }),
      expect: hidden(200),
    },
    {
      route: 'GET /api/v1/editions/:year/:number/bundle.zip',
      call: async () => ({ url: `/api/v1/editions/2019/${await edition()}/bundle.zip` }),
      expect: signedIn(200),
    },
    {
      route: 'PUT /api/v1/editions/:year/:number/narrative/:lang',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/editions/${await fresh()}/narrative/en`,
        payload: { text: 'A year of cooperation.' },
      }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/editions/:year/:number/publish',
      call: async () => ({ method: 'POST', url: `/api/v1/editions/${await fresh()}/publish`, payload: {} }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/quality/scorecard/export',
      call: async () => ({ url: '/api/v1/quality/scorecard/export?year=2018' }),
      expect: ownAgency(200),
    },
  ];
};
