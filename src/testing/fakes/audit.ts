/** The audit log in memory: every entry kept in order, searchable like db/audit.repo.ts. */
import type { AuditEntry, NewAuditEntry } from '../../domain/audit.js';
import type { Page } from '../../domain/program/program-query.js';
import type { AuditQuery, AuditRepository } from '../../services/audit.ports.js';
import { Ids } from './store.js';

export class FakeAudit implements AuditRepository {
  readonly entries: AuditEntry[] = [];
  private readonly ids = new Ids();

  async append(entry: NewAuditEntry): Promise<void> {
    this.entries.push({ ...entry, id: this.ids.next() });
  }

  async appendMany(entries: readonly NewAuditEntry[]): Promise<void> {
    for (const e of entries) await this.append(e);
  }

  /** Newest first, like the log's search. */
  async search(q: AuditQuery): Promise<Page<AuditEntry>> {
    const text = q.q?.toLowerCase();
    const found = this.entries
      .filter(
        (e) =>
          (q.entity === undefined || e.entity === q.entity) &&
          (q.entityId === undefined || e.entityId === q.entityId) &&
          (q.action === undefined || e.action === q.action) &&
          (q.actorUserId === undefined || e.actorUserId === q.actorUserId) &&
          (q.from === undefined || e.at >= q.from) &&
          (q.to === undefined || e.at <= q.to) &&
          (q.afterVersion === undefined || (e.entityVersion ?? 0) > q.afterVersion) &&
          (text === undefined || JSON.stringify([e.actorLabel, e.entityLabel, e.changes]).toLowerCase().includes(text)),
      )
      .reverse();
    const start = (q.page - 1) * q.pageSize;
    return { items: found.slice(start, start + q.pageSize), total: found.length, page: q.page, pageSize: q.pageSize };
  }

  /** The entries of one record, oldest first (what a test usually asks). */
  of(entity: AuditEntry['entity'], entityId: string | number): AuditEntry[] {
    return this.entries.filter((e) => e.entity === entity && e.entityId === String(entityId));
  }
}
