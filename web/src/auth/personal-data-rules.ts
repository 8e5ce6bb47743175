/**
 * Who sees the personal-data protection page and who changes the retention rules, for menus and
 * buttons (mirrors authorizeErasure, authorizeDataProtection and authorizeRetentionWrite in
 * src/domain/access/policy.ts; the server decides again).
 */
import type { User } from '../api/client.js';

export const canPersonalData = {
  see: (u: User | null | undefined) => !!u && ['admin', 'coordinator'].includes(u.role),
  manageRetention: (u: User | null | undefined) => !!u && u.role === 'admin',
};
