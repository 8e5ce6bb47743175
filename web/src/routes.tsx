/** The pages and their URLs; filters live in the URL so that every view is a shareable link. */
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.js';
import { EmptyState } from './components/Status.js';

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
  for (const key of ['region', 'country', 'modality', 'flagshipArea', 'cooperationType', 'status', 'partner', 'q', 'sort'] as const) {
    const v = text(s[key]);
    if (v) out[key] = v;
  }
  return out;
}

function NotFound() {
  const { t } = useTranslation();
  return <EmptyState>{t('errors.notFound')}</EmptyState>;
}

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

export const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (s: Record<string, unknown>): { year?: number; show?: 'programs' | 'participants' } => ({
    ...(int(s.year) ? { year: int(s.year) } : {}),
    ...(s.show === 'participants' ? { show: 'participants' as const } : {}),
  }),
  component: lazyRouteComponent(() => import('./pages/Dashboard/DashboardPage.js'), 'DashboardPage'),
});

export const programsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs',
  validateSearch: parseProgramSearch,
  component: lazyRouteComponent(() => import('./pages/Programs/ProgramsPage.js'), 'ProgramsPage'),
});

export const newProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/new',
  component: lazyRouteComponent(() => import('./pages/ProgramForm/ProgramFormPage.js'), 'NewProgramPage'),
});

export const programRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id',
  component: lazyRouteComponent(() => import('./pages/Program/ProgramPage.js'), 'ProgramPage'),
});

export const editProgramRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/edit',
  component: lazyRouteComponent(() => import('./pages/ProgramForm/ProgramFormPage.js'), 'EditProgramPage'),
});

export const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  validateSearch: (s: Record<string, unknown>): { kind?: 'activities' | 'participants' | 'rates' } =>
    s.kind === 'participants' || s.kind === 'rates' || s.kind === 'activities' ? { kind: s.kind } : {},
  component: lazyRouteComponent(() => import('./pages/Import/ImportPage.js'), 'ImportPage'),
});

export const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/annual/$year',
  component: lazyRouteComponent(() => import('./pages/Report/AnnualReportPage.js'), 'AnnualReportPage'),
});

const routeTree = rootRoute.addChildren([dashboardRoute, programsRoute, newProgramRoute, programRoute, editProgramRoute, importRoute, reportRoute]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
