/** Writing and reading the audit log. Every write use case records its change here, in its own transaction. */
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import { authorizeAuditSearch, requireSignedIn } from '../domain/access/policy.js';
import type { Page } from '../domain/program/program-query.js';
import type { AuditAction, AuditEntity, AuditEntry, Changes } from '../domain/audit.js';
import type { AuditQuery } from './audit.ports.js';
import type { Acting, Deps, Repos } from './deps.js';

export interface AuditRecord {
  readonly action: AuditAction;
  readonly entity: AuditEntity;
  readonly entityId: string | number | null;
  readonly entityLabel?: string | null;
  readonly entityVersion?: number | null;
  readonly changes?: Changes;
  readonly comment?: string | null;
}

/** Appends an entry for the deps' actor, at the deps' clock, through the transaction's repositories. */
export async function audit(deps: Acting, repos: Repos<'audit'>, record: AuditRecord): Promise<void> {
  await repos.audit.append({
    at: deps.clock.nowIso(),
    actorUserId: actorUserId(deps.actor),
    actorLabel: actorLabel(deps.actor),
    action: record.action,
    entity: record.entity,
    entityId: record.entityId === null ? null : String(record.entityId),
    entityLabel: record.entityLabel ?? null,
    entityVersion: record.entityVersion ?? null,
    changes: record.changes ?? {},
    comment: record.comment ?? null,
  });
}

/** The whole log, searchable (administrators). */
export async function searchAudit(deps: Deps<'audit'>, query: AuditQuery): Promise<Page<AuditEntry>> {
  authorizeAuditSearch(deps.actor);
  return deps.store.repos.audit.search(query);
}

/** A program's own history (create, changes, transitions): anyone signed in. */
export async function programHistory(
  deps: Deps<'audit'>,
  activityId: number,
  options: { afterVersion?: number; page?: number; pageSize?: number } = {},
): Promise<Page<AuditEntry>> {
  requireSignedIn(deps.actor);
  return deps.store.repos.audit.search({
    entity: 'activity',
    entityId: String(activityId),
    afterVersion: options.afterVersion,
    page: options.page ?? 1,
    pageSize: options.pageSize ?? 100,
  });
}
