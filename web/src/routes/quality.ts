/** Data quality, scored (issue 23): the coordination team and agencies' officers (their own agency). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canQuality } from '../auth/quality-rules.js';
import { intParam as int, yearParam } from '../search-params.js';
import { rootRoute } from './root.js';

export interface QualitySearch {
  year?: number;
  /** The agency whose programs are listed; "" for the programs without one. */
  agency?: string;
  page?: number;
}

const qualityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/quality',
  staticData: { title: 'quality' },
  validateSearch: (s: Record<string, unknown>): QualitySearch => ({
    ...(yearParam(s.year) ? { year: yearParam(s.year) } : {}),
    ...(typeof s.agency === 'string' ? { agency: s.agency } : {}),
    ...(int(s.page) ? { page: int(s.page) } : {}),
  }),
  component: guarded(
    canQuality.see,
    lazyRouteComponent(() => import('../pages/Quality/QualityPage.js'), 'QualityPage'),
  ),
});

export const qualityRoutes = [qualityRoute];
