/**
 * Ports of the participants' journey (services/journey.ts): the steps each one took, and the mail
 * outbox written in the transaction of the change it reports (delivered by services/mail.ts);
 * db/journey.repo.ts implements them.
 */
import type { ParticipantStatus } from '../domain/codes.js';

/** One step of a participant's journey, as the nominating organisation sees it. */
export interface ParticipantEvent {
  readonly id: number;
  readonly participantId: number;
  readonly fromStatus: ParticipantStatus | null;
  readonly toStatus: ParticipantStatus;
  readonly at: string;
  readonly byLabel: string;
  readonly note: string | null;
}

export interface ParticipantEventRepository {
  addMany(events: readonly Omit<ParticipantEvent, 'id'>[]): Promise<void>;
  listFor(participantId: number): Promise<ParticipantEvent[]>;
}

export interface OutgoingMail {
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly participantId?: number | null;
}

export interface QueuedMail extends OutgoingMail {
  readonly id: number;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
}

export interface MailFilter {
  readonly to?: string;
  readonly participantId?: number;
  readonly limit?: number;
}

/** Mail written in the transaction of the change it reports; sent after the commit (services/mail.ts). */
export interface MailOutboxRepository {
  enqueue(mails: readonly OutgoingMail[], now: string): Promise<void>;
  /** Unsent mail, oldest first, with fewer than `maxAttempts` failed attempts. */
  unsent(limit: number, maxAttempts: number): Promise<QueuedMail[]>;
  /**
   * Claims up to `limit` unsent mails not claimed by anyone else (or whose claim ran out before
   * `now`) until `leaseUntil`, oldest first: what one sending process sends, and no other.
   */
  claim(limit: number, maxAttempts: number, now: string, leaseUntil: string): Promise<QueuedMail[]>;
  markSent(id: number, now: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Mail sent to one address (newest first): the captured outbox of tests, the admin's view. */
  list(filter: MailFilter): Promise<QueuedMail[]>;
}
