/**
 * Who may record a program's participants one by one and upload them, for showing forms and
 * buttons (mirrors authorizeParticipantWrite, canWriteParticipantsOf and authorizeImport in
 * src/domain/access/policy.ts; the server decides again, record by record and row by row).
 */
import type { User } from '../api/client.js';

const coordination = (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator');
const ownAgency = (u: User | null, implementingOrg: string | null) =>
  !!u && u.role === 'agency' && !!u.orgCode && u.orgCode.toLowerCase() === (implementingOrg ?? '').toLowerCase();

export const canParticipants = {
  /** Adding, changing and removing this program's participants: the coordination team and the program's own agency. */
  manage: (u: User | null, implementingOrg: string | null) => coordination(u) || ownAgency(u, implementingOrg),
  /** The participants import for this program (an agency's file may name its own programs only). */
  upload: (u: User | null, implementingOrg: string | null) => coordination(u) || ownAgency(u, implementingOrg),
  /** The Import page's participants import: the coordination team, and agencies (for their own programs). */
  importSome: (u: User | null) => coordination(u) || (!!u && u.role === 'agency' && !!u.orgCode),
};
