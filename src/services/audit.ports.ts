/** Ports of the audit log (services/audit.ts); db/audit.repo.ts implements them. */
import type { AuditEntry, NewAuditEntry } from '../domain/audit.js';
import type { Page } from '../domain/program/program-query.js';

export interface AuditQuery extends Partial<Pick<AuditEntry, 'entity' | 'action'>> {
  readonly entityId?: string;
  readonly actorUserId?: number;
  /** Text in the actor, the record's label or the changed values. */
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  /** Only entries of the record after this version (what changed since a user loaded it). */
  readonly afterVersion?: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<void>;
  appendMany(entries: readonly NewAuditEntry[]): Promise<void>;
  search(query: AuditQuery): Promise<Page<AuditEntry>>;
}
