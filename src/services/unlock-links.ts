/**
 * Unlock links (issue 24, finding 1): when too many wrong passwords pause an account's sign-in,
 * its owner is mailed a single-use link that lifts the pause, so someone guessing the password
 * cannot keep the owner out. One link per pause (not one per refused try), valid for an hour;
 * only the sha256 of its token is stored. The mail goes to the account's own address, so the
 * answer to the sign-in stays the same whether the email has an account (no enumeration).
 */
import { InvalidError } from '../domain/errors.js';
import { audit } from './audit.js';
import { DEFAULT_SESSION_POLICY, minutesBefore, userActor, type SessionPolicy } from './auth.js';
import { actingAs, type Deps } from './deps.js';
import { newSecretToken, secretTokenHash } from './secret-tokens.js';

/** How long a mailed link works. */
export const UNLOCK_LINK_MINUTES = 60;

/**
 * Mails the owner of `email` a link to lift the pause, unless the email has no active account or
 * a link went out within the window. `unlockUrl` is the web app's page (`…/unlock`).
 */
export async function offerUnlockLink(
  deps: Deps<'users' | 'unlockLinks' | 'mailOutbox'>,
  email: string,
  unlockUrl: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<boolean> {
  const now = deps.clock.nowIso();
  return deps.store.transaction(async (tx) => {
    const user = await tx.users.findByEmail(email.trim().toLowerCase());
    if (!user || user.disabled) return false;
    if ((await tx.unlockLinks.countSince(user.id, minutesBefore(now, policy.windowMinutes))) > 0) return false;
    const token = newSecretToken();
    const expires = new Date(Date.parse(now) + UNLOCK_LINK_MINUTES * 60_000).toISOString();
    await tx.unlockLinks.insert(user.id, secretTokenHash(token), now, expires);
    const link = `${unlockUrl}?token=${token}`;
    await tx.mailOutbox.enqueue(
      [
        {
          kind: 'unlock_link',
          to: user.email,
          subject: 'Mitra: sign-in paused after wrong passwords / masuk dijeda setelah kata sandi salah',
          text: [
            `Sign-in to your Mitra account (${user.email}) is paused: someone gave a wrong password too many times.`,
            `If it was you, open this link within ${UNLOCK_LINK_MINUTES} minutes and sign in again: ${link}`,
            'If it was not you, the pause is doing its job; you may still open the link to sign in, and consider changing your password.',
            '',
            `Masuk ke akun Mitra Anda (${user.email}) dijeda: seseorang terlalu sering memasukkan kata sandi yang salah.`,
            `Jika itu Anda, buka tautan ini dalam ${UNLOCK_LINK_MINUTES} menit lalu masuk kembali: ${link}`,
            'Jika bukan Anda, jeda ini sedang melindungi akun Anda; Anda tetap dapat membuka tautan untuk masuk, dan pertimbangkan mengganti kata sandi.',
          ].join('\n'),
        },
      ],
      now,
    );
    return true;
  });
}

/** Lifts the pause of the link's account (its failed sign-ins are forgotten), once; audited as the owner's `unlock`. */
export async function unlockWithLink(deps: Deps<'users' | 'unlockLinks' | 'loginFailures' | 'audit'>, token: string): Promise<void> {
  const now = deps.clock.nowIso();
  await deps.store.transaction(async (tx) => {
    const userId = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await tx.unlockLinks.consume(secretTokenHash(token), now) : null;
    const user = userId === null ? null : await tx.users.findById(userId);
    if (!user) {
      throw new InvalidError(
        'auth.unlock_link_invalid',
        'this unlock link is not valid: it was used already, it expired, or it is incomplete',
        [{ path: 'token', code: 'invalid', message: 'used, expired or incomplete' }],
      );
    }
    const cleared = await tx.loginFailures.clear(user.email);
    await audit(actingAs(deps, userActor(user)), tx, {
      action: 'unlock',
      entity: 'user',
      entityId: user.id,
      entityLabel: user.email,
      comment: `by the link mailed to the owner; ${cleared} failed sign-in${cleared === 1 ? '' : 's'} cleared`,
    });
  });
}
