/** Single sign-on: identities linked to accounts, sign-ins under way, sessions' ID tokens. */
import type { Kysely } from 'kysely';
import type { OidcRepository, PendingOidcLogin } from '../services/oidc.ports.js';
import type { Database } from './schema.js';

export class OidcRepo implements OidcRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findIdentity(issuer: string, subject: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('user_identities')
      .select('user_id')
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row?.user_id;
  }

  async linkIdentity(userId: number, issuer: string, subject: string, now: string): Promise<void> {
    await this.db.insertInto('user_identities').values({ user_id: userId, issuer, subject, created_at: now, last_login_at: now }).execute();
  }

  async touchIdentity(issuer: string, subject: string, now: string): Promise<void> {
    await this.db
      .updateTable('user_identities')
      .set({ last_login_at: now })
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .execute();
  }

  async savePending(p: PendingOidcLogin): Promise<void> {
    await this.db
      .insertInto('oidc_logins')
      .values({ id: p.id, state: p.state, nonce: p.nonce, code_verifier: p.codeVerifier, return_to: p.returnTo, expires_at: p.expiresAt })
      .execute();
  }

  async takePending(id: string): Promise<PendingOidcLogin | undefined> {
    // Deleted first: of two callbacks racing with one cookie, only the one that deleted the row goes on.
    const row = await this.db.deleteFrom('oidc_logins').where('id', '=', id).returningAll().executeTakeFirst();
    return row
      ? {
          id: row.id,
          state: row.state,
          nonce: row.nonce,
          codeVerifier: row.code_verifier,
          returnTo: row.return_to,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  async prunePending(now: string): Promise<void> {
    await this.db.deleteFrom('oidc_logins').where('expires_at', '<=', now).execute();
  }

  async saveSessionToken(sessionId: string, issuer: string, idToken: string): Promise<void> {
    await this.db.insertInto('oidc_sessions').values({ session_id: sessionId, issuer, id_token: idToken }).execute();
  }

  async sessionToken(sessionId: string): Promise<{ issuer: string; idToken: string } | undefined> {
    const row = await this.db
      .selectFrom('oidc_sessions')
      .select(['issuer', 'id_token'])
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row ? { issuer: row.issuer, idToken: row.id_token } : undefined;
  }
}
