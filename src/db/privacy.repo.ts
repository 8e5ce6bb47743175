/** Erasure of a participant's personal data on request (services/privacy.ts, docs/privacy.md). */
import { sql, type Kysely } from 'kysely';
import { ERASED } from '../domain/alumni/privacy.js';
import type { AuditEntry, Changes } from '../domain/audit.js';
import { toAuditEntry } from './audit.repo.js';
import type { PrivacyRepository } from '../services/alumni.ports.js';
import { likePattern, num } from './sql-helpers.js';
import type { Database } from './schema.js';

export class PrivacyRepo implements PrivacyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async eraseRecord(
    participantId: number,
    erasedPersonKey: string,
    now: string,
  ): Promise<{ documents: number; certificates: number; mails: number }> {
    await this.db
      .updateTable('participants')
      .set({
        full_name: ERASED,
        email: null,
        phone: null,
        position: null,
        organisation: null,
        review_note: null,
        person_key: erasedPersonKey,
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', participantId)
      .execute();
    const documents = await this.db.deleteFrom('participant_documents').where('participant_id', '=', participantId).executeTakeFirst();
    const certificates = await this.db
      .updateTable('certificates')
      .set({ revoked_at: now })
      .where('participant_id', '=', participantId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    // Notes on the person's steps may name them; the steps themselves (who, when, which) stay.
    await this.db.updateTable('participant_events').set({ note: null }).where('participant_id', '=', participantId).execute();
    // The person's own mail (addressed to them, naming them) goes; sent or not.
    const mails = await this.db.deleteFrom('mail_outbox').where('participant_id', '=', participantId).executeTakeFirst();
    return {
      documents: Number(documents.numDeletedRows),
      certificates: Number(certificates.numUpdatedRows),
      mails: Number(mails.numDeletedRows),
    };
  }

  async recordsOfPerson(personKey: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('participants')
      .select('id')
      .where('person_key', '=', personKey)
      .where('erased_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => num(r.id));
  }

  async auditEntriesOf(participantId: number, secrets: readonly string[]): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'participant'), eb('entity_id', '=', String(participantId))]),
          ...secrets.flatMap((s) =>
            ['changes', 'entity_label', 'comment'].map((c) =>
              eb(sql`lower(coalesce(${sql.ref(c)}, ''))`, 'like', sql`${likePattern(s)} escape '\\'`),
            ),
          ),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map(toAuditEntry);
  }

  async scrubAudit(
    participantId: number,
    entries: readonly { id: number; changes: Changes; entityLabel: string | null; comment: string | null }[],
    now: string,
  ): Promise<void> {
    for (const e of entries) {
      // The log's trigger lets an entry change only when a scrub row names it (migration 20261129131100).
      await this.db
        .insertInto('audit_scrubs')
        .values({ audit_id: e.id, participant_id: participantId, at: now })
        .onConflict((oc) => oc.column('audit_id').doNothing())
        .execute();
      await this.db
        .updateTable('audit_log')
        .set({ changes: JSON.stringify(e.changes), entity_label: e.entityLabel, comment: e.comment })
        .where('id', '=', e.id)
        .execute();
    }
  }

  async scrubMail(secrets: readonly string[], replacement: string): Promise<number> {
    let changed = 0;
    for (const s of secrets) {
      const rows = await this.db
        .selectFrom('mail_outbox')
        .select(['id', 'subject', 'body_text'])
        .where((eb) =>
          eb.or([
            eb(sql`lower(body_text)`, 'like', sql`${likePattern(s)} escape '\\'`),
            eb(sql`lower(subject)`, 'like', sql`${likePattern(s)} escape '\\'`),
          ]),
        )
        .execute();
      const pattern = new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
      for (const r of rows) {
        await this.db
          .updateTable('mail_outbox')
          .set({ subject: r.subject.replace(pattern, replacement), body_text: r.body_text.replace(pattern, replacement) })
          .where('id', '=', r.id)
          .execute();
        changed++;
      }
    }
    return changed;
  }
}
