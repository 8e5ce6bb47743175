/** The root of the route tree: the layout around every page, and the page for an unknown URL. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout.js';
import { EmptyState } from '../components/Status.js';

function NotFound() {
  const { t } = useTranslation();
  return <EmptyState>{t('errors.notFound')}</EmptyState>;
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Layout, notFoundComponent: NotFound });
