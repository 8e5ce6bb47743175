/**
 * Who may see alumni, configure surveys and erase personal data, for showing menus and buttons
 * (mirrors authorizePersonalDataList, authorizeSurveyAdmin and authorizeErasure in
 * src/domain/access/policy.ts; the server decides again, record by record).
 */
import type { User } from '../api/client.js';

const coordination = (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator');

export const canAlumni = {
  /** The directory and the personal-data export: roles that see some personal data. */
  see: (u: User | null) => coordination(u) || (!!u && ['agency', 'embassy', 'focal_point'].includes(u.role) && !!u.orgCode),
  /** Survey questions and sending. */
  surveyAdmin: coordination,
  /** A program's survey results: the coordination team and agencies (their own programs). */
  results: (u: User | null) => coordination(u) || u?.role === 'agency',
  erase: coordination,
};
