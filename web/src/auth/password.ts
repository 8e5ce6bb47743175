/**
 * The domain's password rules (src/domain/account/user.ts), checked in the browser before sending
 * so that the person sees them in their language; the server checks them again.
 */
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from '../../../src/domain/account/user.js';
import type { FieldError } from '../components/Field.js';

export { PASSWORD_MIN, passwordProblem, type PasswordProblem } from '../../../src/domain/account/user.js';

/** A password's problem as a field error in the active language. */
export function usePasswordError() {
  const { t } = useTranslation();
  return (problem: PasswordProblem | null): FieldError | undefined =>
    problem === null ? undefined : { message: t(`auth.password_${problem}`, { min: PASSWORD_MIN, max: PASSWORD_MAX }) };
}
