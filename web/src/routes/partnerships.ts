/** Partnerships: partners and signed agreements are public; engagements and follow-ups are internal. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canPartnerships } from '../auth/partnership-rules.js';
import { textParam as text } from '../search-params.js';
import { rootRoute } from './root.js';

const partnersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners',
  staticData: { title: 'partners' },
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    q: text(s.q),
    country: text(s.country),
    since: text(s.since),
    upTo: text(s.upTo),
  }),
  component: lazyRouteComponent(() => import('../pages/Partnerships/PartnersPage.js'), 'PartnersPage'),
});

const newPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partners/new',
  staticData: { title: 'newPartner' },
  component: guarded(
    canPartnerships.coordinate,
    lazyRouteComponent(() => import('../pages/Partnerships/NewPartnerPage.js'), 'NewPartnerPage'),
  ),
});

const agreementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements',
  staticData: { title: 'agreements' },
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    q: text(s.q),
    status: text(s.status),
    kind: text(s.kind),
    partner: text(s.partner),
    country: text(s.country),
    area: text(s.area),
    expiringWithin: text(s.expiringWithin),
    page: text(s.page),
  }),
  component: lazyRouteComponent(() => import('../pages/Partnerships/AgreementsPage.js'), 'AgreementsPage'),
});

const newAgreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements/new',
  staticData: { title: 'newAgreement' },
  component: guarded(
    canPartnerships.create,
    lazyRouteComponent(() => import('../pages/Partnerships/NewAgreementPage.js'), 'NewAgreementPage'),
  ),
});

const agreementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agreements/$id',
  staticData: { title: 'agreement' },
  component: lazyRouteComponent(() => import('../pages/Partnerships/AgreementPage.js'), 'AgreementPage'),
});

const engagementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements',
  staticData: { title: 'engagements' },
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    q: text(s.q),
    kind: text(s.kind),
    partner: text(s.partner),
    country: text(s.country),
    from: text(s.from),
    to: text(s.to),
    page: text(s.page),
  }),
  component: guarded(
    canPartnerships.internal,
    lazyRouteComponent(() => import('../pages/Partnerships/EngagementsPage.js'), 'EngagementsPage'),
  ),
});

const newEngagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements/new',
  staticData: { title: 'newEngagement' },
  component: guarded(
    canPartnerships.create,
    lazyRouteComponent(() => import('../pages/Partnerships/NewEngagementPage.js'), 'NewEngagementPage'),
  ),
});

const engagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/engagements/$id',
  staticData: { title: 'engagement' },
  component: guarded(
    canPartnerships.internal,
    lazyRouteComponent(() => import('../pages/Partnerships/EngagementPage.js'), 'EngagementPage'),
  ),
});

const followUpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/follow-ups',
  staticData: { title: 'followUps' },
  validateSearch: (s: Record<string, unknown>): Record<string, string | undefined> => ({
    status: text(s.status),
    overdue: text(s.overdue),
    owner: text(s.owner),
    page: text(s.page),
  }),
  component: guarded(
    canPartnerships.internal,
    lazyRouteComponent(() => import('../pages/Partnerships/FollowUpsPage.js'), 'FollowUpsPage'),
  ),
});

export const partnershipRoutes = [
  partnersRoute,
  newPartnerRoute,
  agreementsRoute,
  newAgreementRoute,
  agreementRoute,
  engagementsRoute,
  newEngagementRoute,
  engagementRoute,
  followUpsRoute,
];
