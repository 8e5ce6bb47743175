/**
 * Who sees other providers' imported data and who deletes datasets or promotes activities, for
 * showing menus and buttons (mirrors authorizeOtherProvidersRead and authorizeOtherProvidersManage
 * in src/domain/access/policy.ts; the server decides again).
 */
import type { User } from '../api/client.js';

export const canOtherProviders = {
  /** Every signed-in user reads them. */
  see: (u: User | null) => !!u,
  /** The coordination team deletes datasets and promotes activities. */
  manage: (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator'),
};
