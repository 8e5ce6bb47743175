/**
 * Common passwords: the 49,233 of zxcvbn-ts's maintained list (`@zxcvbn-ts/language-common`,
 * MIT; drawn from leaked-password corpora), which NIST SP 800-63B §5.1.1.2 asks a verifier to
 * refuse ("passwords obtained from previous breach corpuses", "commonly-used ... passwords").
 * Checked on the server only (where passwords are set: services/users.ts, services/auth.ts):
 * the list is 380 KB, which the web app does not load for a hint.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | undefined;

/** A common password's key: lower case, without what people append to one (digits, punctuation). */
const stem = (password: string): string => password.replace(/[\d\W_]+$/u, '');

/**
 * Whether the password is on the list, in any case, or is a listed word with digits or signs
 * added at its end ("Password1234!", "sunflower2026"): the first variations an attacker's
 * dictionary tries.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  const lower = password.toLowerCase();
  const base = stem(lower);
  return common.has(lower) || (base.length >= 4 && base !== lower && common.has(base));
}
