/** The field for the 6-digit code of the authenticator app (or a recovery code), with its error by the problem's code. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { Field, type FieldError } from '../../components/Field.js';

/** The error a code field shows for a failed request (wrong code, too many attempts), else none. */
export function useCodeError(): (failure: unknown) => FieldError | undefined {
  const { t } = useTranslation();
  return (failure) => {
    if (!(failure instanceof ApiError)) return undefined;
    if (failure.code === 'auth.wrong_code') return { message: t('secondFactor.wrongCode') };
    if (failure.code === 'auth.too_many_attempts') return { message: t('auth.tooMany') };
    if (failure.status === 400) return { message: t('secondFactor.codeFormat') };
    return undefined;
  };
}

export function CodeField({
  value,
  onChange,
  error,
  recovery = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: FieldError | undefined;
  /** A recovery code (letters and digits) rather than the app's six digits. */
  recovery?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field label={recovery ? t('secondFactor.recoveryCode') : t('secondFactor.code')} required {...(error ? { error } : {})}>
      {(p) => (
        <input
          {...p}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          spellCheck={false}
          maxLength={recovery ? 40 : 20}
        />
      )}
    </Field>
  );
}
