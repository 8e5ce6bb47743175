/** Second factors: TOTP secrets and recovery codes (services/second-factor.ports.ts). */
import type { Kysely } from 'kysely';
import type { SecondFactorRecord, SecondFactorRepository } from '../services/second-factor.ports.js';
import type { Database } from './schema.js';

export class SecondFactorRepo implements SecondFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(userId: number): Promise<SecondFactorRecord | undefined> {
    const row = await this.db.selectFrom('user_second_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) return undefined;
    return {
      userId: row.user_id,
      secret: row.secret,
      createdAt: row.created_at,
      confirmedAt: row.confirmed_at,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
    };
  }

  async savePending(userId: number, secret: string, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('user_second_factors')
      .values({ user_id: userId, secret, created_at: now, confirmed_at: null, last_used_step: null })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ secret, created_at: now }).where('user_second_factors.confirmed_at', 'is', null),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async confirm(userId: number, step: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('user_second_factors')
      .set({ confirmed_at: now, last_used_step: step })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async useStep(userId: number, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('user_second_factors')
      .set({ last_used_step: step })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async remove(userId: number): Promise<boolean> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const result = await this.db.deleteFrom('user_second_factors').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async replaceRecoveryCodes(userId: number, hashes: readonly string[], now: string): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length === 0) return;
    await this.db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now, used_at: null })))
      .execute();
  }

  async useRecoveryCode(userId: number, hash: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recoveryCodesLeft(userId: number): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
