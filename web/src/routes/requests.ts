/** Partner governments' requests for cooperation: the list, a request's page and its form. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canRequests } from '../auth/request-rules.js';
import { parseRequestSearch } from '../pages/Requests/request-search.js';
import { rootRoute } from './root.js';

/** Partner governments' requests: signed-in users (a focal point sees its own government's). */
const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests',
  staticData: { title: 'requests' },
  validateSearch: parseRequestSearch,
  component: guarded(
    canRequests.see,
    lazyRouteComponent(() => import('../pages/Requests/RequestsPage.js'), 'RequestsPage'),
  ),
});

const newRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/new',
  staticData: { title: 'newRequest' },
  component: guarded(
    canRequests.register,
    lazyRouteComponent(() => import('../pages/Requests/NewRequestPage.js'), 'NewRequestPage'),
  ),
});

const editRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id/edit',
  staticData: { title: 'editRequest' },
  component: guarded(
    canRequests.see,
    lazyRouteComponent(() => import('../pages/Requests/NewRequestPage.js'), 'EditRequestPage'),
  ),
});

const requestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id',
  staticData: { title: 'request' },
  component: guarded(
    canRequests.see,
    lazyRouteComponent(() => import('../pages/Requests/RequestPage.js'), 'RequestPage'),
  ),
});

export const requestRoutes = [requestsRoute, newRequestRoute, editRequestRoute, requestRoute];
