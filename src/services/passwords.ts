/** Password hashing with argon2id (OWASP's recommended parameters: 19 MiB, 2 passes). */
import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from '../domain/account/common-passwords.js';
import { InvalidError } from '../domain/errors.js';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * A new password's hash, once it is known not to be a common one (the schemas have checked its
 * length and characters already); `field` names the input that held it, for the form.
 */
export function hashNewPassword(password: string, field: string): Promise<string> {
  if (isCommonPassword(password)) {
    const message = 'this password is on the list of common passwords: choose a longer phrase of your own';
    throw new InvalidError('auth.common_password', message, [{ path: field, code: 'common', message }]);
  }
  return hashPassword(password);
}

/** False for a wrong password and for a hash that is not argon2 (never throws on bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash to verify against when the email is unknown, so that an unknown account costs the same
 * time as a wrong password (no user enumeration by timing).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`no account ${Math.random()}`);
  return dummy;
}
