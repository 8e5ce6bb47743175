/** Changing one's own password (the account's other sessions end). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { can, useChangePassword } from '../../auth/session.js';
import { Field, type FieldError } from '../../components/Field.js';

const MIN = 12;

export function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [local, setLocal] = useState<Record<string, FieldError>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, FieldError> = {};
    if (!current) problems.currentPassword = { message: t('auth.required') };
    if (next.length < MIN) problems.newPassword = { message: t('auth.tooShort', { min: MIN }) };
    else if (next !== again) problems.again = { message: t('auth.mismatch') };
    setLocal(problems);
    if (Object.keys(problems).length === 0) change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: () => (setCurrent(''), setNext(''), setAgain('')) });
  };
  const server = change.error instanceof ApiError ? change.error : null;
  const fieldError = (path: string): FieldError | undefined => {
    if (local[path]) return local[path];
    if (server?.code === 'auth.wrong_password' && path === 'currentPassword') return { message: t('auth.wrongCurrent') };
    const issue = server?.issues.find((i) => i.path === path);
    return issue ? { message: issue.message, code: issue.code } : undefined;
  };

  return (
    <RequireRole allow={can.internal}>
      {() => (
        <section className="narrow">
          <h1>{t('auth.changePassword')}</h1>
          {change.isSuccess && (
            <p className="notice" role="status">
              {t('auth.passwordChanged')}
            </p>
          )}
          <form onSubmit={submit} noValidate>
            <Field label={t('auth.currentPassword')} required error={fieldError('currentPassword')}>
              {(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
            </Field>
            <Field label={t('auth.newPassword')} required hint={t('auth.passwordHint', { min: MIN })} error={fieldError('newPassword')}>
              {(p) => <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
            </Field>
            <Field label={t('auth.repeatPassword')} required error={fieldError('again')}>
              {(p) => <input {...p} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
            </Field>
            <div className="actions">
              <button type="submit" disabled={change.isPending}>
                {t('auth.changePassword')}
              </button>
            </div>
          </form>
        </section>
      )}
    </RequireRole>
  );
}
