/** The pages and their URLs; filters live in the URL so that every view is a shareable link. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { programsQuery, summaryQuery, yearsQuery, type ProgramListParams } from './api/queries.js';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.js';
import { EmptyState } from './components/Status.js';
import { parseAuditSearch } from './pages/Admin/audit-search.js';
import { guarded } from './auth/guarded.js';
import { can } from './auth/session.js';
import { parseMoneySearch } from './pages/Money/money-search.js';
import { canRequests } from './auth/request-rules.js';
import { parseRequestSearch } from './pages/Requests/request-search.js';
import { canAlumni } from './auth/alumni-rules.js';
import { parseAlumniSearch } from './pages/Alumni/alumni-search.js';
import { canOffers } from './auth/offer-rules.js';
import { canPartnerships } from './auth/partnership-rules.js';
import { parseCatalogueSearch, parseMyNominationsSearch, parseReviewSearch } from './pages/Offers/offer-search.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : typeof v === 'number' ? String(v) : undefined);
const int = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : undefined;
};

export interface ProgramSearch {
  year?: number;
  region?: string;
  country?: string;
  modality?: string;
  flagshipArea?: string;
  cooperationType?: string;
  status?: string;
  /** One lifecycle stage or several, comma-separated ("approved,funded"). */
  stage?: string;
  partner?: string;
  q?: string;
  sort?: string;
  page?: number;
}

export function parseProgramSearch(s: Record<string, unknown>): ProgramSearch {
  const out: ProgramSearch = {};
  const year = int(s.year);
  if (year) out.year = year;
  const page = int(s.page);
  if (page && page > 1) out.page = page;
  for (const key of ['region', 'country', 'modality', 'flagshipArea', 'cooperationType', 'status', 'stage', 'partner', 'q', 'sort'] as const) {
    const v = text(s[key]);
    if (v) out[key] = v;
  }
  return out;
}

function NotFound() {
  const { t } = useTranslation();
  return <EmptyState>{t('errors.notFound')}</EmptyState>;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Layout, notFoundComponent: NotFound });

/** The list's API parameters from the URL's filters (also used by the page). */
export const PAGE_SIZE = 25;
export function listParams(s: ProgramSearch): ProgramListParams {
  return { ...s, sort: s.sort ?? '-start', page: s.page ?? 1, pageSize: PAGE_SIZE } as ProgramListParams;
}

export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (s: Record<string, unknown>): { year?: number; show?: 'programs' | 'participants' } => ({
    ...(int(s.year) ? { year: int(s.year) } : {}),
    ...(s.show === 'participants' ? { show: 'participants' as const } : {}),
  }),
  loaderDeps: ({ search }) => ({ year: search.year }),
  // Data starts loading with the page's code; errors are shown by the page itself.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(yearsQuery());
    if (deps.year) void context.queryClient.prefetchQuery(summaryQuery(deps.year));
  },
  component: lazyRouteComponent(() => import('./pages/Dashboard/DashboardPage.js'), 'DashboardPage'),
});

export const programsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs',
  validateSearch: parseProgramSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void context.queryClient.prefetchQuery(programsQuery(listParams(deps))),
  component: lazyRouteComponent(() => import('./pages/Programs/ProgramsPage.js'), 'ProgramsPage'),
});

export const newProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/new',
  component: guarded(can.createProgram, lazyRouteComponent(() => import('./pages/ProgramForm/ProgramFormPage.js'), 'NewProgramPage')),
});

export const programRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id',
  component: lazyRouteComponent(() => import('./pages/Program/ProgramPage.js'), 'ProgramPage'),
});

export const editProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/edit',
  component: guarded(can.editSomeProgram, lazyRouteComponent(() => import('./pages/ProgramForm/ProgramFormPage.js'), 'EditProgramPage')),
});

export const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  validateSearch: (s: Record<string, unknown>): { kind?: 'activities' | 'participants' | 'rates' | 'iati' } =>
    s.kind === 'participants' || s.kind === 'rates' || s.kind === 'activities' || s.kind === 'iati' ? { kind: s.kind } : {},
  component: guarded(can.import, lazyRouteComponent(() => import('./pages/Import/ImportPage.js'), 'ImportPage')),
});

export const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/annual/$year',
  component: lazyRouteComponent(() => import('./pages/Report/AnnualReportPage.js'), 'AnnualReportPage'),
});

export const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plan/$year',
  component: lazyRouteComponent(() => import('./pages/Plan/AnnualPlanPage.js'), 'AnnualPlanPage'),
});

export const moneyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/money',
  validateSearch: parseMoneySearch,
  component: lazyRouteComponent(() => import('./pages/Money/MoneyPage.js'), 'MoneyPage'),
});

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string; ended?: boolean } => ({
    ...(typeof s.redirect === 'string' && s.redirect.startsWith('/') ? { redirect: s.redirect.slice(0, 500) } : {}),
    ...(s.ended === true || s.ended === '1' || s.ended === 1 ? { ended: true } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/Login/LoginPage.js'), 'LoginPage'),
});

export const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/password',
  component: lazyRouteComponent(() => import('./pages/Account/PasswordPage.js'), 'PasswordPage'),
});

export const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('./pages/Admin/UsersPage.js'), 'UsersPage'),
});

export const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('./pages/Admin/AuditPage.js'), 'AuditPage'),
});

const year = (v: unknown): number | undefined => {
  const n = int(v);
  return n && n >= 1900 && n <= 2200 ? n : undefined;
};

export const analyticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/analytics',
  validateSearch: (s: Record<string, unknown>): { from?: number; to?: number; tab?: 'trends' | 'concentration' | 'network'; by?: 'region' | 'modality' | 'area' } => ({
    ...(year(s.from) ? { from: year(s.from) } : {}),
    ...(year(s.to) ? { to: year(s.to) } : {}),
    ...(s.tab === 'concentration' || s.tab === 'network' || s.tab === 'trends' ? { tab: s.tab } : {}),
    ...(s.by === 'region' || s.by === 'modality' || s.by === 'area' ? { by: s.by } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/Analytics/AnalyticsPage.js'), 'AnalyticsPage'),
});

export const prioritiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/priorities',
  validateSearch: (s: Record<string, unknown>): { from?: number; to?: number; subject?: string; year?: number } => ({
    ...(year(s.from) ? { from: year(s.from) } : {}),
    ...(year(s.to) ? { to: year(s.to) } : {}),
    ...(typeof s.subject === 'string' && /^(group|region|list|country):[A-Za-z0-9-]{1,40}$/.test(s.subject) ? { subject: s.subject } : {}),
    ...(year(s.year) ? { year: year(s.year) } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/Priorities/PrioritiesPage.js'), 'PrioritiesPage'),
});

export const countryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/countries/$code',
  component: lazyRouteComponent(() => import('./pages/Profiles/CountryPage.js'), 'CountryPage'),
});

/** The attendance sheet: the coordination team and agencies (the server allows an agency its own programs only). */
export const attendanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/attendance',
  component: guarded((u) => !!u && ['admin', 'coordinator', 'agency'].includes(u.role), lazyRouteComponent(() => import('./pages/Attendance/AttendancePage.js'), 'AttendancePage')),
});

/** Public: the page a certificate's QR code opens. */
export const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$token',
  component: lazyRouteComponent(() => import('./pages/Verify/VerifyPage.js'), 'VerifyPage'),
});

export const partnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/$code',
  validateSearch: (s: Record<string, unknown>): { since?: number } => (year(s.since) ? { since: year(s.since) } : {}),
  component: lazyRouteComponent(() => import('./pages/Profiles/PartnerPage.js'), 'PartnerPage'),
});

/** Partner governments' requests: signed-in users (a focal point sees its own government's). */
export const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests',
  validateSearch: parseRequestSearch,
  component: guarded(canRequests.see, lazyRouteComponent(() => import('./pages/Requests/RequestsPage.js'), 'RequestsPage')),
});

export const newRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/new',
  component: guarded(canRequests.register, lazyRouteComponent(() => import('./pages/Requests/NewRequestPage.js'), 'NewRequestPage')),
});

export const editRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id/edit',
  component: guarded(canRequests.see, lazyRouteComponent(() => import('./pages/Requests/NewRequestPage.js'), 'EditRequestPage')),
});

export const requestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id',
  component: guarded(canRequests.see, lazyRouteComponent(() => import('./pages/Requests/RequestPage.js'), 'RequestPage')),
});

/** Alumni, surveys and survey results: the roles that see personal data (the server filters record by record). */
export const alumniRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alumni',
  validateSearch: parseAlumniSearch,
  component: guarded(canAlumni.see, lazyRouteComponent(() => import('./pages/Alumni/AlumniPage.js'), 'AlumniPage')),
});

export const alumnusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alumni/$id',
  component: guarded(canAlumni.see, lazyRouteComponent(() => import('./pages/Alumni/AlumnusPage.js'), 'AlumnusPage')),
});

export const surveysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys',
  component: guarded(canAlumni.surveyAdmin, lazyRouteComponent(() => import('./pages/Alumni/SurveysPage.js'), 'SurveysPage')),
});

export const surveyResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/survey-results',
  component: guarded(canAlumni.results, lazyRouteComponent(() => import('./pages/Alumni/SurveyResultsPage.js'), 'SurveyResultsPage')),
});

/** Public: the page a survey mail's link opens (no sign-in). */
export const surveyAnswerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survey/$token',
  component: lazyRouteComponent(() => import('./pages/Alumni/SurveyAnswerPage.js'), 'SurveyAnswerPage'),
});

/** Public: the catalogue of course offers and each offer's page (the nomination form for those who nominate). */
export const offersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers',
  validateSearch: parseCatalogueSearch,
  component: lazyRouteComponent(() => import('./pages/Offers/OffersPage.js'), 'OffersPage'),
});

export const offerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id',
  component: lazyRouteComponent(() => import('./pages/Offers/OfferPage.js'), 'OfferPage'),
});

/** Opening a program for nominations and changing its offer: the coordination team and agencies (the server allows an agency its own programs only). */
export const newOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/offer',
  component: guarded(canOffers.manageSome, lazyRouteComponent(() => import('./pages/Offers/OfferFormPage.js'), 'NewOfferPage')),
});

export const manageOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id/manage',
  component: guarded(canOffers.manageSome, lazyRouteComponent(() => import('./pages/Offers/OfferFormPage.js'), 'ManageOfferPage')),
});

export const offerNominationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id/nominations',
  validateSearch: parseReviewSearch,
  component: guarded(canOffers.manageSome, lazyRouteComponent(() => import('./pages/Offers/ReviewPage.js'), 'ReviewPage')),
});

/** The nominating organisation's nominees across offers: embassies and focal points. */
export const myNominationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nominations',
  validateSearch: parseMyNominationsSearch,
  component: guarded(canOffers.myNominations, lazyRouteComponent(() => import('./pages/Offers/MyNominationsPage.js'), 'MyNominationsPage')),
});

/** Partnerships: partners and signed agreements are public; engagements and follow-ups are internal. */

export const partnersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners',
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({ q: text(s.q), country: text(s.country), since: text(s.since), upTo: text(s.upTo) }),
  component: lazyRouteComponent(() => import('./pages/Partnerships/PartnersPage.js'), 'PartnersPage'),
});

export const newPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/new',
  component: guarded(canPartnerships.coordinate, lazyRouteComponent(() => import('./pages/Partnerships/NewPartnerPage.js'), 'NewPartnerPage')),
});

export const agreementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements',
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    q: text(s.q),
    status: text(s.status),
    kind: text(s.kind),
    partner: text(s.partner),
    country: text(s.country),
    area: text(s.area),
    expiringWithin: text(s.expiringWithin),
    page: text(s.page),
  }),
  component: lazyRouteComponent(() => import('./pages/Partnerships/AgreementsPage.js'), 'AgreementsPage'),
});

export const newAgreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements/new',
  component: guarded(canPartnerships.create, lazyRouteComponent(() => import('./pages/Partnerships/NewAgreementPage.js'), 'NewAgreementPage')),
});

export const agreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements/$id',
  component: lazyRouteComponent(() => import('./pages/Partnerships/AgreementPage.js'), 'AgreementPage'),
});

export const engagementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements',
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    q: text(s.q),
    kind: text(s.kind),
    partner: text(s.partner),
    country: text(s.country),
    from: text(s.from),
    to: text(s.to),
    page: text(s.page),
  }),
  component: guarded(canPartnerships.internal, lazyRouteComponent(() => import('./pages/Partnerships/EngagementsPage.js'), 'EngagementsPage')),
});

export const newEngagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements/new',
  component: guarded(canPartnerships.create, lazyRouteComponent(() => import('./pages/Partnerships/NewEngagementPage.js'), 'NewEngagementPage')),
});

export const engagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements/$id',
  component: guarded(canPartnerships.internal, lazyRouteComponent(() => import('./pages/Partnerships/EngagementPage.js'), 'EngagementPage')),
});

export const followUpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/follow-ups',
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({ status: text(s.status), overdue: text(s.overdue), owner: text(s.owner), page: text(s.page) }),
  component: guarded(canPartnerships.internal, lazyRouteComponent(() => import('./pages/Partnerships/FollowUpsPage.js'), 'FollowUpsPage')),
});

const routeTree = rootRoute.addChildren([partnersRoute, newPartnerRoute, agreementsRoute, newAgreementRoute, agreementRoute, engagementsRoute, newEngagementRoute, engagementRoute, followUpsRoute, offersRoute, offerRoute, newOfferRoute, manageOfferRoute, offerNominationsRoute, myNominationsRoute, alumniRoute, alumnusRoute, surveysRoute, surveyResultsRoute, surveyAnswerRoute, requestsRoute, newRequestRoute, editRequestRoute, requestRoute, moneyRoute, loginRoute, passwordRoute, usersRoute, auditRoute, planRoute, dashboardRoute, programsRoute, newProgramRoute, programRoute, editProgramRoute, importRoute, reportRoute, analyticsRoute, prioritiesRoute, countryRoute, partnerRoute, attendanceRoute, verifyRoute]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', defaultPreloadStaleTime: 0, scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
