/**
 * Who sees data quality and who changes its rules, for menus and buttons (mirrors
 * qualityAgencyScope and authorizeQualityRulesWrite in src/domain/access/policy.ts; the server
 * decides again and keeps an agency's officer to its own agency).
 */
import type { User } from '../api/client.js';

export const canQuality = {
  see: (u: User | null | undefined) => !!u && (['admin', 'coordinator'].includes(u.role) || (u.role === 'agency' && !!u.orgCode)),
  manageRules: (u: User | null | undefined) => !!u && ['admin', 'coordinator'].includes(u.role),
};
