/** Collection rounds (issue 23): the coordination team and agencies' officers (their own part). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canRounds } from '../auth/round-rules.js';
import { rootRoute } from './root.js';

const roundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds',
  staticData: { title: 'rounds' },
  component: guarded(
    canRounds.see,
    lazyRouteComponent(() => import('../pages/Rounds/RoundsPage.js'), 'RoundsPage'),
  ),
});

const roundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds/$id',
  staticData: { title: 'round' },
  component: guarded(
    canRounds.see,
    lazyRouteComponent(() => import('../pages/Rounds/RoundPage.js'), 'RoundPage'),
  ),
});

export const roundRoutes = [roundsRoute, roundRoute];
