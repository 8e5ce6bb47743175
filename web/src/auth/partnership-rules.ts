/**
 * What each role may do with partnerships, for showing menus and buttons (mirrors
 * canReadPartnerships, authorizePartnershipCreate and canEditPartnership in
 * src/domain/access/policy.ts; the server decides again).
 */
import type { User } from '../api/client.js';

const coordination = (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator');

export const canPartnerships = {
  /** Engagements, follow-ups, draft agreements, contacts: the Indonesian side signed in (not focal points). */
  internal: (u: User | null) => !!u && u.role !== 'focal_point',
  /** Record an agreement or an engagement. */
  create: (u: User | null) => coordination(u) || (!!u && u.role === 'agency' && !!u.orgCode),
  /** Change a record owned by `ownerOrg` (the server's answer `canEdit` is the one to use on a loaded record). */
  edit: (u: User | null, ownerOrg: string | null) =>
    coordination(u) || (!!u && u.role === 'agency' && !!u.orgCode && !!ownerOrg && u.orgCode.toLowerCase() === ownerOrg.toLowerCase()),
  /** Partner contacts and profile, renewal reminders. */
  coordinate: coordination,
  /** The home page's panel of overdue follow-ups and ending agreements: the coordination team and agencies, who own them. */
  attention: (u: User | null) => !!u && ['admin', 'coordinator', 'agency'].includes(u.role),
};
