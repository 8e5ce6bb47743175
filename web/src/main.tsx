import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.js';
import { makeRouter } from './routes.js';
import { setCsrfToken, whenSessionEnds, type Session } from './api/client.js';
import { sessionQuery } from './auth/session.js';
import './styles.css';
import './responsive.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Problems (4xx) are answers, not failures to retry.
      retry: (count, error: unknown) =>
        count < 2 &&
        !(typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' && error.status >= 400),
    },
  },
});

const router = makeRouter(queryClient);

// A session that ends (expired, signed out elsewhere, account disabled) sends a signed-in user to
// the sign-in page; a failed sign-in (also a 401) does not, nor does anything for the public.
whenSessionEnds(() => {
  const session = queryClient.getQueryData<Session>(['session']);
  if (!session?.user) return;
  setCsrfToken(null);
  // Nothing of the ended session stays (a sign-in waiting for its second factor included).
  queryClient.setQueryData<Session>(['session'], { user: null, csrfToken: null, expiresAt: null, portal: session.portal });
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  void router.navigate({ to: '/login', search: { redirect: router.state.location.href, ended: true } });
});
void queryClient.prefetchQuery(sessionQuery());
await initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
