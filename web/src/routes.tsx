/** The pages and their URLs; filters live in the URL so that every view is a shareable link. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { programsQuery, summaryQuery, yearsQuery } from './api/queries.js';
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
import { listParams, parseProgramSearch } from './pages/Programs/program-search.js';
import { intParam as int, textParam as text, yearParam as year } from './search-params.js';

function NotFound() {
  const { t } = useTranslation();
  return <EmptyState>{t('errors.notFound')}</EmptyState>;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Layout, notFoundComponent: NotFound });

const dashboardRoute = createRoute({
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

const programsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs',
  validateSearch: parseProgramSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void context.queryClient.prefetchQuery(programsQuery(listParams(deps))),
  component: lazyRouteComponent(() => import('./pages/Programs/ProgramsPage.js'), 'ProgramsPage'),
});

const newProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/new',
  component: guarded(
    can.createProgram,
    lazyRouteComponent(() => import('./pages/ProgramForm/ProgramFormPage.js'), 'NewProgramPage'),
  ),
});

const programRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id',
  component: lazyRouteComponent(() => import('./pages/Program/ProgramPage.js'), 'ProgramPage'),
});

const editProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/edit',
  component: guarded(
    can.editSomeProgram,
    lazyRouteComponent(() => import('./pages/ProgramForm/ProgramFormPage.js'), 'EditProgramPage'),
  ),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  validateSearch: (s: Record<string, unknown>): { kind?: 'activities' | 'participants' | 'rates' | 'iati' } =>
    s.kind === 'participants' || s.kind === 'rates' || s.kind === 'activities' || s.kind === 'iati' ? { kind: s.kind } : {},
  component: guarded(
    can.import,
    lazyRouteComponent(() => import('./pages/Import/ImportPage.js'), 'ImportPage'),
  ),
});

const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/annual/$year',
  component: lazyRouteComponent(() => import('./pages/Report/AnnualReportPage.js'), 'AnnualReportPage'),
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plan/$year',
  component: lazyRouteComponent(() => import('./pages/Plan/AnnualPlanPage.js'), 'AnnualPlanPage'),
});

const moneyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/money',
  validateSearch: parseMoneySearch,
  component: lazyRouteComponent(() => import('./pages/Money/MoneyPage.js'), 'MoneyPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string; ended?: boolean } => ({
    ...(typeof s.redirect === 'string' && s.redirect.startsWith('/') ? { redirect: s.redirect.slice(0, 500) } : {}),
    ...(s.ended === true || s.ended === '1' || s.ended === 1 ? { ended: true } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/Login/LoginPage.js'), 'LoginPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/password',
  component: lazyRouteComponent(() => import('./pages/Account/PasswordPage.js'), 'PasswordPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('./pages/Admin/UsersPage.js'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('./pages/Admin/AuditPage.js'), 'AuditPage'),
});

const analyticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/analytics',
  validateSearch: (
    s: Record<string, unknown>,
  ): { from?: number; to?: number; tab?: 'trends' | 'concentration' | 'network'; by?: 'region' | 'modality' | 'area' } => ({
    ...(year(s.from) ? { from: year(s.from) } : {}),
    ...(year(s.to) ? { to: year(s.to) } : {}),
    ...(s.tab === 'concentration' || s.tab === 'network' || s.tab === 'trends' ? { tab: s.tab } : {}),
    ...(s.by === 'region' || s.by === 'modality' || s.by === 'area' ? { by: s.by } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/Analytics/AnalyticsPage.js'), 'AnalyticsPage'),
});

const prioritiesRoute = createRoute({
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

const countryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/countries/$code',
  component: lazyRouteComponent(() => import('./pages/Profiles/CountryPage.js'), 'CountryPage'),
});

/** The attendance sheet: the coordination team and agencies (the server allows an agency its own programs only). */
const attendanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/attendance',
  component: guarded(
    (u) => !!u && ['admin', 'coordinator', 'agency'].includes(u.role),
    lazyRouteComponent(() => import('./pages/Attendance/AttendancePage.js'), 'AttendancePage'),
  ),
});

/** Public: the page a certificate's QR code opens. */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify/$token',
  component: lazyRouteComponent(() => import('./pages/Verify/VerifyPage.js'), 'VerifyPage'),
});

const partnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/$code',
  validateSearch: (s: Record<string, unknown>): { since?: number } => (year(s.since) ? { since: year(s.since) } : {}),
  component: lazyRouteComponent(() => import('./pages/Profiles/PartnerPage.js'), 'PartnerPage'),
});

/** Partner governments' requests: signed-in users (a focal point sees its own government's). */
const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests',
  validateSearch: parseRequestSearch,
  component: guarded(
    canRequests.see,
    lazyRouteComponent(() => import('./pages/Requests/RequestsPage.js'), 'RequestsPage'),
  ),
});

const newRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/new',
  component: guarded(
    canRequests.register,
    lazyRouteComponent(() => import('./pages/Requests/NewRequestPage.js'), 'NewRequestPage'),
  ),
});

const editRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id/edit',
  component: guarded(
    canRequests.see,
    lazyRouteComponent(() => import('./pages/Requests/NewRequestPage.js'), 'EditRequestPage'),
  ),
});

const requestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id',
  component: guarded(
    canRequests.see,
    lazyRouteComponent(() => import('./pages/Requests/RequestPage.js'), 'RequestPage'),
  ),
});

/** Alumni, surveys and survey results: the roles that see personal data (the server filters record by record). */
const alumniRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alumni',
  validateSearch: parseAlumniSearch,
  component: guarded(
    canAlumni.see,
    lazyRouteComponent(() => import('./pages/Alumni/AlumniPage.js'), 'AlumniPage'),
  ),
});

const alumnusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alumni/$id',
  component: guarded(
    canAlumni.see,
    lazyRouteComponent(() => import('./pages/Alumni/AlumnusPage.js'), 'AlumnusPage'),
  ),
});

const surveysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/surveys',
  component: guarded(
    canAlumni.surveyAdmin,
    lazyRouteComponent(() => import('./pages/Alumni/SurveysPage.js'), 'SurveysPage'),
  ),
});

const surveyResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/survey-results',
  component: guarded(
    canAlumni.results,
    lazyRouteComponent(() => import('./pages/Alumni/SurveyResultsPage.js'), 'SurveyResultsPage'),
  ),
});

/** Public: the page a survey mail's link opens (no sign-in). */
const surveyAnswerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survey/$token',
  component: lazyRouteComponent(() => import('./pages/Alumni/SurveyAnswerPage.js'), 'SurveyAnswerPage'),
});

/** Public: the catalogue of course offers and each offer's page (the nomination form for those who nominate). */
const offersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers',
  validateSearch: parseCatalogueSearch,
  component: lazyRouteComponent(() => import('./pages/Offers/OffersPage.js'), 'OffersPage'),
});

const offerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id',
  component: lazyRouteComponent(() => import('./pages/Offers/OfferPage.js'), 'OfferPage'),
});

/** Opening a program for nominations and changing its offer: the coordination team and agencies (the server allows an agency its own programs only). */
const newOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/offer',
  component: guarded(
    canOffers.manageSome,
    lazyRouteComponent(() => import('./pages/Offers/OfferFormPage.js'), 'NewOfferPage'),
  ),
});

const manageOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id/manage',
  component: guarded(
    canOffers.manageSome,
    lazyRouteComponent(() => import('./pages/Offers/OfferFormPage.js'), 'ManageOfferPage'),
  ),
});

const offerNominationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id/nominations',
  validateSearch: parseReviewSearch,
  component: guarded(
    canOffers.manageSome,
    lazyRouteComponent(() => import('./pages/Offers/ReviewPage.js'), 'ReviewPage'),
  ),
});

/** The nominating organisation's nominees across offers: embassies and focal points. */
const myNominationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nominations',
  validateSearch: parseMyNominationsSearch,
  component: guarded(
    canOffers.myNominations,
    lazyRouteComponent(() => import('./pages/Offers/MyNominationsPage.js'), 'MyNominationsPage'),
  ),
});

/** Partnerships: partners and signed agreements are public; engagements and follow-ups are internal. */

const partnersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners',
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    q: text(s.q),
    country: text(s.country),
    since: text(s.since),
    upTo: text(s.upTo),
  }),
  component: lazyRouteComponent(() => import('./pages/Partnerships/PartnersPage.js'), 'PartnersPage'),
});

const newPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/new',
  component: guarded(
    canPartnerships.coordinate,
    lazyRouteComponent(() => import('./pages/Partnerships/NewPartnerPage.js'), 'NewPartnerPage'),
  ),
});

const agreementsRoute = createRoute({
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

const newAgreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements/new',
  component: guarded(
    canPartnerships.create,
    lazyRouteComponent(() => import('./pages/Partnerships/NewAgreementPage.js'), 'NewAgreementPage'),
  ),
});

const agreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements/$id',
  component: lazyRouteComponent(() => import('./pages/Partnerships/AgreementPage.js'), 'AgreementPage'),
});

const engagementsRoute = createRoute({
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
  component: guarded(
    canPartnerships.internal,
    lazyRouteComponent(() => import('./pages/Partnerships/EngagementsPage.js'), 'EngagementsPage'),
  ),
});

const newEngagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements/new',
  component: guarded(
    canPartnerships.create,
    lazyRouteComponent(() => import('./pages/Partnerships/NewEngagementPage.js'), 'NewEngagementPage'),
  ),
});

const engagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements/$id',
  component: guarded(
    canPartnerships.internal,
    lazyRouteComponent(() => import('./pages/Partnerships/EngagementPage.js'), 'EngagementPage'),
  ),
});

const followUpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/follow-ups',
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    status: text(s.status),
    overdue: text(s.overdue),
    owner: text(s.owner),
    page: text(s.page),
  }),
  component: guarded(
    canPartnerships.internal,
    lazyRouteComponent(() => import('./pages/Partnerships/FollowUpsPage.js'), 'FollowUpsPage'),
  ),
});

const routeTree = rootRoute.addChildren([
  partnersRoute,
  newPartnerRoute,
  agreementsRoute,
  newAgreementRoute,
  agreementRoute,
  engagementsRoute,
  newEngagementRoute,
  engagementRoute,
  followUpsRoute,
  offersRoute,
  offerRoute,
  newOfferRoute,
  manageOfferRoute,
  offerNominationsRoute,
  myNominationsRoute,
  alumniRoute,
  alumnusRoute,
  surveysRoute,
  surveyResultsRoute,
  surveyAnswerRoute,
  requestsRoute,
  newRequestRoute,
  editRequestRoute,
  requestRoute,
  moneyRoute,
  loginRoute,
  passwordRoute,
  usersRoute,
  auditRoute,
  planRoute,
  dashboardRoute,
  programsRoute,
  newProgramRoute,
  programRoute,
  editProgramRoute,
  importRoute,
  reportRoute,
  analyticsRoute,
  prioritiesRoute,
  countryRoute,
  partnerRoute,
  attendanceRoute,
  verifyRoute,
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
