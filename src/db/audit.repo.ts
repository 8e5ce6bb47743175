/** The append-only audit log and the lifecycle transitions of programs. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Page } from '../domain/program/program-query.js';
import type { AuditEntry, NewAuditEntry } from '../domain/audit.js';
import { storedChangesSchema } from '../domain/audit-changes.js';
import type { AuditQuery, AuditRepository } from '../services/audit.ports.js';
import type { Transition, TransitionRepository } from '../services/lifecycle.ports.js';
import { insertInChunks, likePattern, num } from './sql-helpers.js';
import type { AuditLogTable, Database } from './schema.js';

/** An audit_log row as the services see it. */
export function toAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: num(r.id),
    at: r.at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    entityLabel: r.entity_label,
    entityVersion: r.entity_version,
    changes: storedChangesSchema.parse(JSON.parse(r.changes)),
    comment: r.comment,
  };
}

function toRow(e: NewAuditEntry): Insertable<AuditLogTable> {
  return {
    at: e.at,
    actor_user_id: e.actorUserId,
    actor_label: e.actorLabel,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    entity_label: e.entityLabel,
    entity_version: e.entityVersion,
    changes: JSON.stringify(e.changes),
    comment: e.comment,
  };
}

export class AuditRepo implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.insertInto('audit_log').values(toRow(entry)).execute();
  }

  async appendMany(entries: readonly NewAuditEntry[]): Promise<void> {
    await insertInChunks(this.db, 'audit_log', entries.map(toRow));
  }

  async search(q: AuditQuery): Promise<Page<AuditEntry>> {
    let query = this.db.selectFrom('audit_log');
    if (q.entity) query = query.where('entity', '=', q.entity);
    if (q.entityId) query = query.where('entity_id', '=', q.entityId);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.actorUserId !== undefined) query = query.where('actor_user_id', '=', q.actorUserId);
    if (q.from) query = query.where('at', '>=', q.from);
    if (q.to) query = query.where('at', '<', q.to);
    if (q.afterVersion !== undefined) query = query.where('entity_version', '>', q.afterVersion);
    if (q.q) {
      const pattern = likePattern(q.q);
      query = query.where((eb) =>
        eb.or(
          ['actor_label', 'entity_label', 'changes', 'comment'].map((c) =>
            eb(sql`lower(coalesce(${sql.ref(c)}, ''))`, 'like', sql`${pattern} escape '\\'`),
          ),
        ),
      );
    }
    const [rows, total] = await Promise.all([
      query
        .selectAll()
        .orderBy('id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map(toAuditEntry),
      total: num(total.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

export class TransitionRepo implements TransitionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(t: Omit<Transition, 'id'>): Promise<void> {
    await this.db
      .insertInto('activity_transitions')
      .values({
        activity_id: t.activityId,
        action: t.action,
        from_stage: t.fromStage,
        to_stage: t.toStage,
        comment: t.comment,
        actor_user_id: t.actorUserId,
        actor_label: t.actorLabel,
        at: t.at,
      })
      .execute();
  }

  async listByProgram(activityId: number): Promise<Transition[]> {
    const rows = await this.db.selectFrom('activity_transitions').selectAll().where('activity_id', '=', activityId).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      action: r.action,
      fromStage: r.from_stage,
      toStage: r.to_stage,
      comment: r.comment,
      actorUserId: r.actor_user_id,
      actorLabel: r.actor_label,
      at: r.at,
    }));
  }
}
