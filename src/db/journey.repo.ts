/** A participant's journey: status history (as the nominating organisation sees it) and the mail outbox. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  MailOutboxRepository,
  OutgoingMail,
  ParticipantEvent,
  ParticipantEventRepository,
  QueuedMail,
} from '../services/journey.ports.js';
import { insertInChunks, isPostgres, num } from './sql-helpers.js';
import type { Database, MailOutboxTable } from './schema.js';

export class ParticipantEventRepo implements ParticipantEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async addMany(events: readonly Omit<ParticipantEvent, 'id'>[]): Promise<void> {
    await insertInChunks(
      this.db,
      'participant_events',
      events.map((e) => ({
        participant_id: e.participantId,
        from_status: e.fromStatus,
        to_status: e.toStatus,
        at: e.at,
        by_label: e.byLabel,
        note: e.note,
      })),
    );
  }

  async listFor(participantId: number): Promise<ParticipantEvent[]> {
    const rows = await this.db
      .selectFrom('participant_events')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: num(r.id),
      participantId: r.participant_id,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      at: r.at,
      byLabel: r.by_label,
      note: r.note,
    }));
  }
}

export class MailOutboxRepo implements MailOutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(mails: readonly OutgoingMail[], now: string): Promise<void> {
    await insertInChunks(
      this.db,
      'mail_outbox',
      mails.map((m) => ({
        kind: m.kind,
        to_address: m.to,
        subject: m.subject,
        body_text: m.text,
        participant_id: m.participantId ?? null,
        created_at: now,
        sent_at: null,
        last_error: null,
      })),
    );
  }

  async unsent(limit: number, maxAttempts: number): Promise<QueuedMail[]> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toMail);
  }

  async claim(limit: number, maxAttempts: number, now: string, leaseUntil: string): Promise<QueuedMail[]> {
    // One statement: the rows are claimed as they are chosen. PostgreSQL skips rows another
    // process is claiming at that moment; SQLite runs one write at a time.
    const lock = isPostgres(this.db) ? sql`for update skip locked` : sql``;
    const { rows } = await sql<Selectable<MailOutboxTable>>`
      update mail_outbox set claimed_until = ${leaseUntil}
      where id in (
        select id from mail_outbox
        where sent_at is null and attempts < ${maxAttempts} and (claimed_until is null or claimed_until < ${now})
        order by id limit ${limit} ${lock}
      )
      returning *`.execute(this.db);
    return rows.map(toMail).sort((a, b) => a.id - b.id);
  }

  async markSent(id: number, now: string): Promise<void> {
    await this.db.updateTable('mail_outbox').set({ sent_at: now, claimed_until: null }).where('id', '=', id).execute();
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 1000), claimed_until: null }))
      .where('id', '=', id)
      .execute();
  }

  async list(filter: { to?: string; participantId?: number; limit?: number }): Promise<QueuedMail[]> {
    let q = this.db.selectFrom('mail_outbox').selectAll();
    if (filter.to) q = q.where('to_address', '=', filter.to);
    if (filter.participantId !== undefined) q = q.where('participant_id', '=', filter.participantId);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toMail);
  }
}

function toMail(r: Selectable<MailOutboxTable>): QueuedMail {
  return {
    id: num(r.id),
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    participantId: r.participant_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attempts: num(r.attempts),
    lastError: r.last_error,
  };
}
