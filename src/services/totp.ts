/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, and the recovery codes' randomness and
 * hashes. Pure functions over node:crypto; the rules (which step, replay) are in second-factor.ts.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  base32Encode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  TOTP_DIGITS,
  TOTP_SECRET_BYTES,
  TOTP_WINDOW_STEPS,
  timeStep,
} from '../domain/account/second-factor.js';

/** HOTP(K, C) of RFC 4226 §5.3: HMAC-SHA1 of the 8-byte counter, dynamic truncation, mod 10^digits. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  // The offset is the low 4 bits of the last byte (RFC 4226 §5.4; mac.length is 20 for SHA-1).
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** TOTP of RFC 6238 §4.2 at an instant (T0 = 0, X = 30 s). */
export function totpAt(secret: Uint8Array, epochMs: number, digits = TOTP_DIGITS): string {
  return hotp(secret, timeStep(epochMs), digits);
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The time step a code belongs to, within one step of now (RFC 6238 §5.2), and after the last
 * step used (a code is accepted once: §5.2, "the verifier MUST NOT accept the second attempt of
 * the same OTP"); undefined when it matches none.
 */
export function matchingStep(secret: Uint8Array, code: string, epochMs: number, lastUsedStep: number | null): number | undefined {
  const now = timeStep(epochMs);
  let found: number | undefined;
  // Every candidate is computed, so the time does not tell which one matched.
  for (let step = now - TOTP_WINDOW_STEPS; step <= now + TOTP_WINDOW_STEPS; step++) {
    if (sameCode(hotp(secret, step), code) && (lastUsedStep === null || step > lastUsedStep)) found ??= step;
  }
  return found;
}

/** A new random secret, in base32 as apps take it. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

const RECOVERY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** New recovery codes in canonical form (16 base32 characters each, 80 random bits). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(''),
  );
}

/**
 * The stored form of a recovery code: its sha256. The codes are random with 80 bits (not chosen
 * by people), so no dictionary applies and a slow hash (argon2) would add nothing but its cost,
 * paid for each of ten codes at every use; sha256 also lets the database find the code by hash.
 */
export function recoveryCodeHash(canonical: string): string {
  return createHash('sha256').update(`mitra-recovery:${canonical}`).digest('hex');
}
