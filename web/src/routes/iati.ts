/** The published IATI data: a public page listing the files `mitra iati publish` wrote (the server serves them at /iati/…). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root.js';

const iatiRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/iati',
  staticData: { title: 'iati' },
  component: lazyRouteComponent(() => import('../pages/Iati/IatiFilesPage.js'), 'IatiFilesPage'),
});

export const iatiRoutes = [iatiRoute];
