/** Personal data protection (UU PDP; docs/privacy.md): the coordination team. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canPersonalData } from '../auth/personal-data-rules.js';
import { rootRoute } from './root.js';

const personalDataRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/personal-data',
  staticData: { title: 'personalData' },
  component: guarded(
    canPersonalData.see,
    lazyRouteComponent(() => import('../pages/PersonalData/PersonalDataPage.js'), 'PersonalDataPage'),
  ),
});

export const personalDataRoutes = [personalDataRoute];
