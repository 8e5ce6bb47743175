/** Other providers' imported IATI data (issue 22): datasets, activities, one activity, the comparison by recipient country. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { canOtherProviders } from '../auth/other-provider-rules.js';
import { guarded } from '../auth/guarded.js';
import { parseCompareSearch, parseImportedSearch } from '../pages/OtherProviders/other-providers-search.js';
import { rootRoute } from './root.js';

const datasetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/other-providers',
  staticData: { title: 'otherProviders' },
  component: guarded(
    canOtherProviders.see,
    lazyRouteComponent(() => import('../pages/OtherProviders/DatasetsPage.js'), 'DatasetsPage'),
  ),
});

const activitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/other-providers/activities',
  staticData: { title: 'importedActivities' },
  validateSearch: parseImportedSearch,
  component: guarded(
    canOtherProviders.see,
    lazyRouteComponent(() => import('../pages/OtherProviders/ActivitiesPage.js'), 'ActivitiesPage'),
  ),
});

const activityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/other-providers/activities/$id',
  staticData: { title: 'importedActivity' },
  component: guarded(
    canOtherProviders.see,
    lazyRouteComponent(() => import('../pages/OtherProviders/ActivityPage.js'), 'ActivityPage'),
  ),
});

const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/other-providers/compare',
  staticData: { title: 'providerComparison' },
  validateSearch: parseCompareSearch,
  component: guarded(
    canOtherProviders.see,
    lazyRouteComponent(() => import('../pages/OtherProviders/ComparePage.js'), 'ComparePage'),
  ),
});

export const otherProviderRoutes = [datasetsRoute, activitiesRoute, activityRoute, compareRoute];
