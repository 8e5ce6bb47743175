/**
 * What each role may do with partner governments' requests, for showing menus and buttons
 * (mirrors authorizeRequestRegister and authorizeRequestAssess in src/domain/access/policy.ts;
 * the server decides again).
 */
import type { User } from '../api/client.js';

const coordination = (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator');

export const canRequests = {
  /** Anyone signed in reads requests (a focal point its own government's). */
  see: (u: User | null) => !!u,
  register: (u: User | null) => coordination(u) || (!!u && (u.role === 'embassy' || u.role === 'focal_point') && !!u.orgCode),
  /** Assess, decline and accept. */
  decide: coordination,
  /** Correct it: the coordination team until it is decided, the relaying organisation while it is registered. */
  edit: (u: User | null, r: { status: string; relayedBy: string | null }) =>
    (coordination(u) && (r.status === 'registered' || r.status === 'assessment')) ||
    (!!u &&
      (u.role === 'embassy' || u.role === 'focal_point') &&
      !!u.orgCode &&
      r.status === 'registered' &&
      u.orgCode.toLowerCase() === (r.relayedBy ?? '').toLowerCase()),
  /** Delete it: the same people, while it is registered. */
  remove: (u: User | null, r: { status: string; relayedBy: string | null }) =>
    r.status === 'registered' &&
    (coordination(u) ||
      (!!u &&
        (u.role === 'embassy' || u.role === 'focal_point') &&
        !!u.orgCode &&
        u.orgCode.toLowerCase() === (r.relayedBy ?? '').toLowerCase())),
};
