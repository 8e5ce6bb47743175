/**
 * The second factor: time-based one-time passwords (TOTP, RFC 6238, on HOTP, RFC 4226) and
 * single-use recovery codes. The pure part: parameters, base32 (RFC 4648 §6), the time step, the
 * `otpauth://` URI authenticator apps read, and the shapes of codes. The HMAC is computed in
 * services/totp.ts (node:crypto).
 */
import { z } from 'zod';

/** Digits of a code: RFC 4226 §5.3 allows 6 to 8; authenticator apps show 6. */
export const TOTP_DIGITS = 6;
/** The time step X of RFC 6238 §4.1 (its recommended default), in seconds. */
export const TOTP_STEP_SECONDS = 30;
/** Steps accepted either side of now, for clock drift and typing time (RFC 6238 §5.2 recommends at most one). */
export const TOTP_WINDOW_STEPS = 1;
/** Bytes of a secret: RFC 4226 §4 R6 asks for 128 bits, recommends 160 (HMAC-SHA1's output). */
export const TOTP_SECRET_BYTES = 20;
/** The issuer shown by authenticator apps. */
export const TOTP_ISSUER = 'Mitra';
/** Recovery codes issued at enrolment (and each regeneration). */
export const RECOVERY_CODE_COUNT = 10;
/** Characters of a recovery code: 16 base32 characters are 80 random bits. */
export const RECOVERY_CODE_LENGTH = 16;
/** How long a sign-in waits for its second factor (or its enrolment), in minutes. */
export const PENDING_SESSION_MINUTES = 15;

/** What a session still needs before it is a full session: the code, or enrolment. */
export type PendingFactor = 'verify' | 'enrol';

/** RFC 4648 §6, the alphabet of TOTP secrets in authenticator apps (no padding in URIs). */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (any case, spaces and padding ignored); undefined for another character. */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** The time step T of RFC 6238 §4.2 at an instant: floor((unix time - T0) / X), T0 = 0. */
export function timeStep(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);
}

/**
 * The key URI authenticator apps scan (Google Authenticator's "Key Uri Format", which the
 * others follow): otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30.
 */
export function otpauthUri(secretBase32: string, account: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** A code as typed: spaces are allowed ("123 456"), then exactly six digits. */
export const totpCodeSchema = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'must be the 6 digits the authenticator app shows' }));

/** A recovery code in its canonical form: upper case, without spaces or hyphens. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** A recovery code as shown: four groups of four ("ABCD-EFGH-JKLM-NPQR"). */
export function formatRecoveryCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical;
}

export const recoveryCodeSchema = z
  .string()
  .max(40)
  .transform(normaliseRecoveryCode)
  .pipe(z.string().regex(new RegExp(`^[A-Z2-7]{${RECOVERY_CODE_LENGTH}}$`), { message: 'must be one of your recovery codes' }));
