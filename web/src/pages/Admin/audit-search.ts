/** The audit log's filters as URL search parameters, so that a search is a shareable link. */
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '../../../../src/domain/audit.js';
import { addDays, isCalendarDate } from '../../../../src/domain/dates.js';
import { oneOf, withoutUndefined } from '../../search-params.js';

export { AUDIT_ACTIONS, AUDIT_ENTITIES };

export interface AuditSearch {
  q?: string;
  entity?: AuditEntity;
  entityId?: string;
  action?: AuditAction;
  actorUserId?: number;
  /** Calendar days (YYYY-MM-DD), both inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : typeof v === 'number' ? String(v) : undefined;
const positive = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseAuditSearch(s: Record<string, unknown>): AuditSearch {
  const candidates: AuditSearch = {
    q: text(s.q, 200),
    entity: oneOf(AUDIT_ENTITIES, s.entity),
    entityId: text(s.entityId, 100),
    action: oneOf(AUDIT_ACTIONS, s.action),
    actorUserId: positive(s.actorUserId),
    from: typeof s.from === 'string' && isCalendarDate(s.from) ? s.from : undefined,
    to: typeof s.to === 'string' && isCalendarDate(s.to) ? s.to : undefined,
    page: positive(s.page) && positive(s.page) !== 1 ? positive(s.page) : undefined,
  };
  // Leave out what is not set, so that links carry no empty parameters.
  return withoutUndefined(candidates);
}

/** The day after a calendar day: the API's `to` is exclusive, the form's is the last day shown. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}
