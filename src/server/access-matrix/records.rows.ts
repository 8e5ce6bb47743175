/**
 * Rows of the access matrix (fixtures.ts): shared reference records, imports, reports and
 * editions, accounts, sessions, analytics and data quality.
 */
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { createOrganisation } from '../../services/organisations.js';
import { anOrganisation } from '../../testing/builders.js';
import { TEST_PASSWORD } from '../../testing/server.js';
import { adminOnly, coordination, csv, everyone, hidden, OTHER, OWN, ownAgency, signedIn, WHO, type Matrix, type Row } from './fixtures.js';

export const recordRows = (m: Matrix): readonly Row[] => [
  // Organisations and exchange rates (shared reference records)
  { route: 'GET /api/v1/organisations', call: async () => ({ url: '/api/v1/organisations' }), expect: everyone(200) },
  { route: 'GET /api/v1/organisations/:code', call: async () => ({ url: `/api/v1/organisations/${OTHER}` }), expect: everyone(200) },
  {
    route: 'POST /api/v1/organisations',
    call: async () => ({ method: 'POST', url: '/api/v1/organisations', payload: anOrganisation() }),
    expect: coordination(201),
  },
  {
    route: 'PATCH /api/v1/organisations/:code',
    call: async () => {
      const org = await createOrganisation(m.app().deps, organisationInputSchema.parse(anOrganisation()));
      return { method: 'PATCH', url: `/api/v1/organisations/${org.code}`, payload: { acronym: 'CHG' } };
    },
    expect: coordination(200),
  },
  {
    route: 'DELETE /api/v1/organisations/:code',
    call: async () => {
      const org = await createOrganisation(m.app().deps, organisationInputSchema.parse(anOrganisation()));
      return { method: 'DELETE', url: `/api/v1/organisations/${org.code}` };
    },
    expect: coordination(204),
  },
  { route: 'GET /api/v1/exchange-rates', call: async () => ({ url: '/api/v1/exchange-rates' }), expect: everyone(200) },
  // Imports
  {
    route: 'POST /api/v1/imports/:kind',
    name: 'rates',
    call: async () => ({ method: 'POST', url: '/api/v1/imports/rates', ...csv('currency,date,units_per_usd\nEUR,2018-01-01,0.83\n') }),
    expect: coordination(200),
  },
  {
    route: 'POST /api/v1/imports/:kind',
    name: 'activities',
    call: async (who) => ({
      method: 'POST',
      url: '/api/v1/imports/activities',
      ...csv(`identifier,title_en,recipient_countries,start_date\nMX-${m.unique(who)},Imported,Kenya,2018-03-01\n`),
    }),
    expect: coordination(200),
  },
  {
    route: 'POST /api/v1/imports/:kind',
    name: 'iati',
    call: async (who) => ({
      method: 'POST',
      url: '/api/v1/imports/iati',
      payload: `<iati-activities version="2.03"><iati-activity default-currency="USD"><iati-identifier>XM-MX-${m.unique(who)}</iati-identifier><reporting-org ref="XM-MX" type="10"/><title><narrative>Imported</narrative></title><activity-status code="2"/><activity-date iso-date="2018-03-01" type="2"/></iati-activity></iati-activities>`,
      headers: { 'content-type': 'application/xml' },
    }),
    expect: coordination(200),
  },
  {
    route: 'POST /api/v1/imports/:kind',
    name: 'participants',
    call: async (who) => ({
      method: 'POST',
      url: '/api/v1/imports/participants',
      ...csv(`activity_identifier,full_name,sex,country\n${m.identifiers.ownApproved},Imported ${m.unique(who)},F,KE\n`),
    }),
    expect: ownAgency(200),
  },
  {
    route: 'POST /api/v1/imports/:kind',
    name: 'participants naming another agency’s program (the agency’s row is refused)',
    call: async (who) => ({
      method: 'POST',
      url: '/api/v1/imports/participants',
      ...csv(`activity_identifier,full_name,sex,country\n${m.identifiers.otherApproved},Imported ${m.unique(who)},F,KE\n`),
    }),
    expect: { ...coordination(200), agency: 422 },
  },
  { route: 'GET /api/v1/imports', call: async () => ({ url: '/api/v1/imports' }), expect: signedIn(200) },
  // Reports and exports
  { route: 'GET /api/v1/reports/summary', call: async () => ({ url: '/api/v1/reports/summary?year=2018' }), expect: everyone(200) },
  { route: 'GET /api/v1/reports/years', call: async () => ({ url: '/api/v1/reports/years' }), expect: everyone(200) },
  { route: 'GET /api/v1/reports/annual-plan', call: async () => ({ url: '/api/v1/reports/annual-plan?year=2018' }), expect: signedIn(200) },
  { route: 'GET /api/v1/activities/export.csv', call: async () => ({ url: '/api/v1/activities/export.csv' }), expect: everyone(200) },
  { route: 'GET /api/v1/activities/export.xlsx', call: async () => ({ url: '/api/v1/activities/export.xlsx' }), expect: everyone(200) },
  {
    route: 'GET /api/v1/reports/annual.csv',
    call: async () => ({ url: '/api/v1/reports/annual.csv?year=2018&table=summary' }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/reports/annual.pdf',
    call: async () => ({ url: '/api/v1/reports/annual.pdf?year=2018&lang=id' }),
    expect: everyone(200),
  },
  // Frozen editions (docs/editions.md): the list for everyone (the public: published ones); freezing by the coordination team
  { route: 'GET /api/v1/editions', call: async () => ({ url: '/api/v1/editions' }), expect: everyone(200) },
  {
    route: 'POST /api/v1/editions/:year',
    name: 'freeze; a year of its own per role',
    call: async (who) => ({ method: 'POST', url: `/api/v1/editions/${2100 + WHO.indexOf(who)}`, payload: {} }),
    expect: coordination(201),
  },
  {
    route: 'GET /api/v1/activities/:id/iati.xml',
    name: 'of a request',
    call: async () => ({ url: `/api/v1/activities/${m.own.request}/iati.xml` }),
    expect: hidden(200),
  },
  // Accounts and the audit log
  { route: 'GET /api/v1/users', call: async () => ({ url: '/api/v1/users' }), expect: adminOnly(200) },
  { route: 'GET /api/v1/users/:id', call: async () => ({ url: `/api/v1/users/${m.sessions.viewer.userId}` }), expect: adminOnly(200) },
  {
    route: 'POST /api/v1/users',
    call: async (who) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: `new.${m.unique(who)}@example.org`, name: 'New account', role: 'viewer', password: TEST_PASSWORD },
    }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    name: 'another account’s name',
    call: async (who) => ({ method: 'PATCH', url: `/api/v1/users/${m.sessions.viewer.userId}`, payload: { name: `Renamed by ${who}` } }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/v1/audit', call: async () => ({ url: '/api/v1/audit' }), expect: adminOnly(200) },
  {
    route: 'GET /api/v1/activities/:id/history',
    call: async () => ({ url: `/api/v1/activities/${m.own.approved}/history` }),
    expect: signedIn(200),
  },
  // Sessions
  { route: 'GET /api/v1/auth/session', call: async () => ({ url: '/api/v1/auth/session' }), expect: everyone(200) },
  {
    route: 'POST /api/v1/auth/password',
    name: 'the current password is wrong',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not the password at all', newPassword: 'another long passphrase' },
    }),
    expect: signedIn(422),
  },
  // Analytics and priorities: figures for everyone (the public counts published programs); targets and lists by the coordination team
  {
    route: 'GET /api/v1/analytics/trends',
    call: async () => ({ url: '/api/v1/analytics/trends?from=2017&to=2018' }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/analytics/concentration',
    call: async () => ({ url: '/api/v1/analytics/concentration?from=2018&to=2018' }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/analytics/triangular-network',
    call: async () => ({ url: '/api/v1/analytics/triangular-network?from=2018&to=2018' }),
    expect: everyone(200),
  },
  { route: 'GET /api/v1/priorities', call: async () => ({ url: '/api/v1/priorities?from=2018&to=2018' }), expect: everyone(200) },
  { route: 'GET /api/v1/countries/:code/profile', call: async () => ({ url: '/api/v1/countries/KE/profile' }), expect: everyone(200) },
  { route: 'GET /api/v1/partners/:code/profile', call: async () => ({ url: `/api/v1/partners/${OWN}/profile` }), expect: everyone(200) },
  {
    route: 'POST /api/v1/priorities/targets',
    call: async () => ({
      method: 'POST',
      url: '/api/v1/priorities/targets',
      payload: { targets: [{ year: 2018, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 25 }] },
    }),
    expect: coordination(200),
  },
  {
    route: 'PUT /api/v1/country-lists/:code',
    call: async (who) => ({
      method: 'PUT',
      url: `/api/v1/country-lists/${m.unique(who).toLowerCase()}`,
      payload: { nameEn: 'Test list', nameId: 'Daftar uji', countries: ['FJ', 'PG'] },
    }),
    expect: coordination(201),
  },
  // Data quality (docs/data-quality.md): the coordination team, and an agency for its own.
  { route: 'GET /api/v1/quality/rules', call: async () => ({ url: '/api/v1/quality/rules' }), expect: ownAgency(200) },
  { route: 'GET /api/v1/quality/scorecard', call: async () => ({ url: '/api/v1/quality/scorecard?year=2018' }), expect: ownAgency(200) },
  {
    route: 'GET /api/v1/quality/scorecard',
    name: 'of another agency',
    call: async () => ({ url: `/api/v1/quality/scorecard?year=2018&agency=${OTHER}` }),
    expect: coordination(200),
  },
  { route: 'GET /api/v1/quality/programs', call: async () => ({ url: '/api/v1/quality/programs?year=2018' }), expect: ownAgency(200) },
  {
    route: 'GET /api/v1/activities/:id/quality',
    name: 'of the own agency’s program',
    call: async () => ({ url: `/api/v1/activities/${m.own.approved}/quality` }),
    expect: ownAgency(200),
  },
  {
    route: 'GET /api/v1/activities/:id/quality',
    name: 'of another agency’s program',
    call: async () => ({ url: `/api/v1/activities/${m.other.approved}/quality` }),
    expect: coordination(200),
  },
  {
    route: 'PATCH /api/v1/quality/rules/:code',
    call: async () => ({ method: 'PATCH', url: '/api/v1/quality/rules/sdgs', payload: { weight: 1 } }),
    expect: coordination(200),
  },
];
