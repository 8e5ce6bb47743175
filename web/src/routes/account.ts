/** The account's routes: signing in, changing one's password, one's second factor, and the administration of users, API tokens and the audit log. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseAuditSearch } from '../pages/Admin/audit-search.js';
import { rootRoute } from './root.js';

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  staticData: { title: 'login' },
  validateSearch: (s: Record<string, unknown>): { redirect?: string; ended?: boolean; sso_error?: string } => ({
    ...(typeof s.redirect === 'string' && s.redirect.startsWith('/') ? { redirect: s.redirect.slice(0, 500) } : {}),
    ...(s.ended === true || s.ended === '1' || s.ended === 1 ? { ended: true } : {}),
    // Why single sign-on refused, as a problem code (server/oidc.routes.ts).
    ...(typeof s.sso_error === 'string' && /^[a-z_.]{1,60}$/.test(s.sso_error) ? { sso_error: s.sso_error } : {}),
  }),
  component: lazyRouteComponent(() => import('../pages/Login/LoginPage.js'), 'LoginPage'),
});

const unlockRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unlock',
  staticData: { title: 'unlock' },
  validateSearch: (s: Record<string, unknown>): { token?: string } =>
    typeof s.token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(s.token) ? { token: s.token } : {},
  component: lazyRouteComponent(() => import('../pages/Login/UnlockPage.js'), 'UnlockPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/password',
  staticData: { title: 'password' },
  component: lazyRouteComponent(() => import('../pages/Account/PasswordPage.js'), 'PasswordPage'),
});

const secondFactorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/second-factor',
  staticData: { title: 'secondFactor' },
  component: lazyRouteComponent(() => import('../pages/Account/SecondFactorPage.js'), 'SecondFactorPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  staticData: { title: 'users' },
  component: lazyRouteComponent(() => import('../pages/Admin/UsersPage.js'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  staticData: { title: 'audit' },
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('../pages/Admin/AuditPage.js'), 'AuditPage'),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/api-tokens',
  staticData: { title: 'apiTokens' },
  component: lazyRouteComponent(() => import('../pages/Admin/ApiTokensPage.js'), 'ApiTokensPage'),
});

export const accountRoutes = [loginRoute, unlockRoute, passwordRoute, secondFactorRoute, usersRoute, auditRoute, apiTokensRoute];
