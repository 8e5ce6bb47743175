/** Certificates of completion: one per participant record, found by its public verification token. */
import type { Kysely, Selectable } from 'kysely';
import type { Certificate, CertificateRepository } from '../services/attendance.ports.js';
import { num } from './sql-helpers.js';
import type { CertificatesTable, Database } from './schema.js';

function toCertificate(r: Selectable<CertificatesTable>): Certificate {
  return {
    id: num(r.id),
    participantId: num(r.participant_id),
    number: r.number,
    verifyToken: r.verify_token,
    issuedAt: r.issued_at,
    revokedAt: r.revoked_at,
  };
}

export class CertificateRepo implements CertificateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(c: Omit<Certificate, 'id' | 'revokedAt'>): Promise<Certificate> {
    const row = await this.db
      .insertInto('certificates')
      .values({ participant_id: c.participantId, number: c.number, verify_token: c.verifyToken, issued_at: c.issuedAt, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCertificate(row);
  }

  async findById(id: number): Promise<Certificate | undefined> {
    const row = await this.db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCertificate(row) : undefined;
  }

  async findByToken(token: string): Promise<Certificate | undefined> {
    const row = await this.db.selectFrom('certificates').selectAll().where('verify_token', '=', token).executeTakeFirst();
    return row ? toCertificate(row) : undefined;
  }

  async findByParticipant(participantId: number): Promise<Certificate | undefined> {
    const row = await this.db.selectFrom('certificates').selectAll().where('participant_id', '=', participantId).executeTakeFirst();
    return row ? toCertificate(row) : undefined;
  }

  async listByProgram(activityId: number): Promise<Certificate[]> {
    const rows = await this.db
      .selectFrom('certificates as c')
      .innerJoin('participants as p', 'p.id', 'c.participant_id')
      .selectAll('c')
      .where('p.activity_id', '=', activityId)
      .orderBy('c.id')
      .execute();
    return rows.map(toCertificate);
  }

  async revoke(id: number, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('certificates')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
