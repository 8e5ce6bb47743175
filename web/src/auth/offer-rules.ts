/**
 * What each role may do with course offers and nominations, for showing menus and buttons
 * (mirrors authorizeOfferManage, authorizeNominate and myNominations in src/domain/access/policy.ts
 * and src/services/nominations.ts; the server decides again, offer by offer).
 */
import type { User } from '../api/client.js';
import { can } from './session.js';

const coordination = (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator');

export const canOffers = {
  /** Managing a program's offer: the coordination team and the program's own implementing agency. */
  manage: (u: User | null, implementingOrg: string | null) =>
    coordination(u) || (!!u && u.role === 'agency' && !!u.orgCode && u.orgCode.toLowerCase() === (implementingOrg ?? '').toLowerCase()),
  /** May manage some offer (which ones, the server decides: an agency only its own programs'). */
  manageSome: (u: User | null) => coordination(u) || (!!u && u.role === 'agency' && !!u.orgCode),
  nominate: can.nominate,
  /** "My nominations": the nominating organisations (embassies and focal points). */
  myNominations: (u: User | null) => !!u && (u.role === 'embassy' || u.role === 'focal_point') && !!u.orgCode,
};
