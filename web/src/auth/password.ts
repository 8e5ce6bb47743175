/**
 * The domain's password rules (src/domain/account/user.ts), checked in the browser before sending
 * so that the person sees them in their language; the server checks them again.
 */
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../src/domain/account/user.js';
import type { FieldError } from '../components/Field.js';

export { PASSWORD_MIN };

/** Distinct characters a password needs (the domain's `passwordSchema` refinement). */
const DISTINCT_MIN = 5;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooSimple' | 'containsEmail';

/** The first rule a password breaks, or null. `email`: a new account's, whose name part it must not contain. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'tooShort';
  if (password.length > PASSWORD_MAX) return 'tooLong';
  if (new Set(password).size < DISTINCT_MIN) return 'tooSimple';
  const name = email?.trim().toLowerCase().split('@')[0];
  if (name && password.toLowerCase().includes(name)) return 'containsEmail';
  return null;
}

/** A password's problem as a field error in the active language. */
export function usePasswordError() {
  const { t } = useTranslation();
  return (problem: PasswordProblem | null): FieldError | undefined =>
    problem === null ? undefined : { message: t(`auth.password_${problem}`, { min: PASSWORD_MIN, max: PASSWORD_MAX }) };
}
