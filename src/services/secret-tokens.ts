/**
 * Random secrets handed to one holder (session cookies, unlock links, single sign-on's pending
 * sign-ins, API tokens) and how they are stored: only their sha256. A fast hash is right for 256
 * random bits (no dictionary applies, unlike passwords: passwords.ts), and it lets one indexed
 * lookup find the row, so no secret is compared in code.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret token: its sha256, hex. */
export function secretTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
