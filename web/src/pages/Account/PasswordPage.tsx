/** Changing one's own password (the account's other sessions end). */
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { RequireRole } from '../../auth/RequireRole.js';
import { PASSWORD_MIN, passwordProblem, usePasswordError } from '../../auth/password.js';
import { can, useChangePassword } from '../../auth/session.js';
import { Field, type FieldError } from '../../components/Field.js';
import { ProblemMessage } from '../../components/Status.js';

const FIELDS = ['currentPassword', 'newPassword', 'again'];

export function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [local, setLocal] = useState<Record<string, FieldError>>({});
  const passwordError = usePasswordError();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, FieldError> = {};
    if (!current) problems.currentPassword = { message: t('auth.required') };
    const weak = passwordError(passwordProblem(next));
    if (weak) problems.newPassword = weak;
    else if (next === current) problems.newPassword = { message: t('auth.samePassword') };
    else if (next !== again) problems.again = { message: t('auth.mismatch') };
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const clear = () => {
      setCurrent('');
      setNext('');
      setAgain('');
    };
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: clear });
  };
  const server = change.error instanceof ApiError ? change.error : null;
  const fieldError = (path: string): FieldError | undefined => {
    if (local[path]) return local[path];
    if (server?.code === 'auth.wrong_password' && path === 'currentPassword') return { message: t('auth.wrongCurrent') };
    if (server?.code === 'auth.same_password' && path === 'newPassword') return { message: t('auth.samePassword') };
    if (server?.code === 'auth.common_password' && path === 'newPassword') return { message: t('auth.commonPassword') };
    const issue = server?.issues.find((i) => i.path === path);
    return issue ? { message: issue.message, code: issue.code } : undefined;
  };
  // A problem no field shows (network, server) is shown above the button.
  const general = change.error && !(server && server.issues.some((i) => FIELDS.includes(i.path))) ? change.error : null;

  return (
    <RequireRole allow={can.internal}>
      {() => (
        <section className="narrow">
          <h1>{t('auth.changePassword')}</h1>
          <p>
            <Link to="/account/second-factor">{t('secondFactor.link')}</Link>
          </p>
          {change.isSuccess && (
            <p className="notice" role="status">
              {t('auth.passwordChanged')}
            </p>
          )}
          <form onSubmit={submit} noValidate>
            <Field label={t('auth.currentPassword')} required error={fieldError('currentPassword')}>
              {(p) => (
                <input
                  {...p}
                  type="password"
                  autoComplete="current-password"
                  value={current}
                  onChange={(e) => setCurrent(e.target.value)}
                />
              )}
            </Field>
            <Field
              label={t('auth.newPassword')}
              required
              hint={t('auth.passwordHint', { min: PASSWORD_MIN })}
              error={fieldError('newPassword')}
            >
              {(p) => <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
            </Field>
            <Field label={t('auth.repeatPassword')} required error={fieldError('again')}>
              {(p) => <input {...p} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
            </Field>
            {general !== null && <ProblemMessage error={general} />}
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
