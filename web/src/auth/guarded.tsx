/**
 * A route's page for some roles only: others see why (or a sign-in link), never a form the server
 * would refuse. The page's code still loads ahead (on hover), as for any lazy route.
 */
import type { AsyncRouteComponent } from '@tanstack/react-router';
import type { User } from '../api/client.js';
import { RequireRole } from './RequireRole.js';

export function guarded(allow: (user: User | null) => boolean, Page: AsyncRouteComponent<unknown>): AsyncRouteComponent<unknown> {
  const Guarded: AsyncRouteComponent<unknown> = () => <RequireRole allow={allow}>{() => <Page />}</RequireRole>;
  Guarded.preload = Page.preload;
  return Guarded;
}
