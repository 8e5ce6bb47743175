/** The figures' routes: the annual report and plan, money, analytics, priority targets, and the country and partner profiles. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseMoneySearch } from '../pages/Money/money-search.js';
import { parsePrioritiesSearch } from '../pages/Priorities/priorities-search.js';
import { yearParam as year } from '../search-params.js';
import { rootRoute } from './root.js';

const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/annual/$year',
  staticData: { title: 'annualReport' },
  component: lazyRouteComponent(() => import('../pages/Report/AnnualReportPage.js'), 'AnnualReportPage'),
});

const editionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/editions/$year',
  staticData: { title: 'editions' },
  component: lazyRouteComponent(() => import('../pages/Editions/EditionsPage.js'), 'EditionsPage'),
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/plan/$year',
  staticData: { title: 'plan' },
  component: lazyRouteComponent(() => import('../pages/Plan/AnnualPlanPage.js'), 'AnnualPlanPage'),
});

const moneyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/money',
  staticData: { title: 'money' },
  validateSearch: parseMoneySearch,
  component: lazyRouteComponent(() => import('../pages/Money/MoneyPage.js'), 'MoneyPage'),
});

const analyticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/analytics',
  staticData: { title: 'analytics' },
  validateSearch: (
    s: Record<string, unknown>,
  ): { from?: number; to?: number; tab?: 'trends' | 'concentration' | 'network'; by?: 'region' | 'modality' | 'area' } => ({
    ...(year(s.from) ? { from: year(s.from) } : {}),
    ...(year(s.to) ? { to: year(s.to) } : {}),
    ...(s.tab === 'concentration' || s.tab === 'network' || s.tab === 'trends' ? { tab: s.tab } : {}),
    ...(s.by === 'region' || s.by === 'modality' || s.by === 'area' ? { by: s.by } : {}),
  }),
  component: lazyRouteComponent(() => import('../pages/Analytics/AnalyticsPage.js'), 'AnalyticsPage'),
});

const prioritiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/priorities',
  staticData: { title: 'priorities' },
  validateSearch: parsePrioritiesSearch,
  component: lazyRouteComponent(() => import('../pages/Priorities/PrioritiesPage.js'), 'PrioritiesPage'),
});

const countryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/countries/$code',
  staticData: { title: 'country' },
  component: lazyRouteComponent(() => import('../pages/Profiles/CountryPage.js'), 'CountryPage'),
});

const partnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/$code',
  staticData: { title: 'partnerProfile' },
  validateSearch: (s: Record<string, unknown>): { since?: number } => (year(s.since) ? { since: year(s.since) } : {}),
  component: lazyRouteComponent(() => import('../pages/Profiles/PartnerPage.js'), 'PartnerPage'),
});

export const reportRoutes = [
  reportRoute,
  editionsRoute,
  planRoute,
  moneyRoute,
  analyticsRoute,
  prioritiesRoute,
  countryRoute,
  partnerRoute,
];
