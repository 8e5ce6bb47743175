/**
 * IATI publishing: a public page listing the files `mitra iati publish` wrote (the server serves
 * them at /iati/…), and the checks before publishing (the coordination team and agencies' officers).
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canSeeIatiChecks } from '../auth/iati-rules.js';
import { intParam as int } from '../search-params.js';
import { rootRoute } from './root.js';

const iatiRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/iati',
  staticData: { title: 'iati' },
  component: lazyRouteComponent(() => import('../pages/Iati/IatiFilesPage.js'), 'IatiFilesPage'),
});

const iatiChecksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/iati/checks',
  staticData: { title: 'iatiChecks' },
  validateSearch: (s: Record<string, unknown>): { year?: number } => (int(s.year) ? { year: int(s.year) } : {}),
  component: guarded(
    canSeeIatiChecks,
    lazyRouteComponent(() => import('../pages/IatiChecks/IatiChecksPage.js'), 'IatiChecksPage'),
  ),
});

export const iatiRoutes = [iatiRoute, iatiChecksRoute];
