/**
 * The pages and their URLs; filters live in the URL so that every view is a shareable link. The
 * routes are defined by area in `routes/*.ts` (each page loaded lazily, with its code) and
 * composed here into the router.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { accountRoutes } from './routes/account.js';
import { alumniRoutes } from './routes/alumni.js';
import { offerRoutes } from './routes/offers.js';
import { otherProviderRoutes } from './routes/other-providers.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { programRoutes } from './routes/programs.js';
import { reportRoutes } from './routes/reports.js';
import { requestRoutes } from './routes/requests.js';
import { iatiRoutes } from './routes/iati.js';
import { qualityRoutes } from './routes/quality.js';
import { personalDataRoutes } from './routes/personal-data.js';
import { roundRoutes } from './routes/rounds.js';
import { rootRoute } from './routes/root.js';

const routeTree = rootRoute.addChildren([
  ...partnershipRoutes,
  ...offerRoutes,
  ...alumniRoutes,
  ...requestRoutes,
  ...accountRoutes,
  ...programRoutes,
  ...reportRoutes,
  ...iatiRoutes,
  ...qualityRoutes,
  ...personalDataRoutes,
  ...roundRoutes,
  ...otherProviderRoutes,
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
