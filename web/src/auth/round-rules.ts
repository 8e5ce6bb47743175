/**
 * Who sees and does what in collection rounds, for menus and buttons (mirrors authorizeRoundManage,
 * authorizeRoundRead and roundPartAgency in src/domain/access/policy.ts; the server decides again).
 */
import type { User } from '../api/client.js';

export const canRounds = {
  see: (u: User | null | undefined) => !!u && (['admin', 'coordinator'].includes(u.role) || (u.role === 'agency' && !!u.orgCode)),
  manage: (u: User | null | undefined) => !!u && ['admin', 'coordinator'].includes(u.role),
};
