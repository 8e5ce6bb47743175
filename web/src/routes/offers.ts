/** Course offers: the public catalogue, an offer's page and form, the review of its nominations, and a nominating organisation's nominees. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from '../auth/guarded.js';
import { canOffers } from '../auth/offer-rules.js';
import { parseCatalogueSearch, parseMyNominationsSearch, parseReviewSearch } from '../pages/Offers/offer-search.js';
import { rootRoute } from './root.js';

/** Public: the catalogue of course offers and each offer's page (the nomination form for those who nominate). */
const offersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers',
  staticData: { title: 'offers' },
  validateSearch: parseCatalogueSearch,
  component: lazyRouteComponent(() => import('../pages/Offers/OffersPage.js'), 'OffersPage'),
});

const offerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id',
  staticData: { title: 'offer' },
  component: lazyRouteComponent(() => import('../pages/Offers/OfferPage.js'), 'OfferPage'),
});

/** Opening a program for nominations and changing its offer: the coordination team and agencies (the server allows an agency its own programs only). */
const newOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$id/offer',
  staticData: { title: 'newOffer' },
  component: guarded(
    canOffers.manageSome,
    lazyRouteComponent(() => import('../pages/Offers/OfferFormPage.js'), 'NewOfferPage'),
  ),
});

const manageOfferRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id/manage',
  staticData: { title: 'manageOffer' },
  component: guarded(
    canOffers.manageSome,
    lazyRouteComponent(() => import('../pages/Offers/OfferFormPage.js'), 'ManageOfferPage'),
  ),
});

const offerNominationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offers/$id/nominations',
  staticData: { title: 'nominations' },
  validateSearch: parseReviewSearch,
  component: guarded(
    canOffers.manageSome,
    lazyRouteComponent(() => import('../pages/Offers/ReviewPage.js'), 'ReviewPage'),
  ),
});

/** The nominating organisation's nominees across offers: embassies and focal points. */
const myNominationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nominations',
  staticData: { title: 'myNominations' },
  validateSearch: parseMyNominationsSearch,
  component: guarded(
    canOffers.myNominations,
    lazyRouteComponent(() => import('../pages/Offers/MyNominationsPage.js'), 'MyNominationsPage'),
  ),
});

export const offerRoutes = [offersRoute, offerRoute, newOfferRoute, manageOfferRoute, offerNominationsRoute, myNominationsRoute];
