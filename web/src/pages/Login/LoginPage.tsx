/** Sign-in: email and password; afterwards back to where the user was. */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useLogin, useSession } from '../../auth/session.js';
import { Field } from '../../components/Field.js';
import { EmptyState } from '../../components/Status.js';

/** Only paths of this site are followed after sign-in (no open redirect). */
export function safeRedirect(target: string | undefined): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const login = useLogin();
  const { user, portal } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (login.error) errorRef.current?.focus();
  }, [login.error]);

  if (portal) return <EmptyState>{t('auth.portal')}</EmptyState>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: () => void navigate({ href: safeRedirect(search.redirect), replace: true }) },
    );
  };
  const error = login.error instanceof ApiError ? login.error : login.error ? new ApiError(0, 'network', 'network') : null;
  const message = !error
    ? null
    : error.code === 'auth.invalid_credentials'
      ? t('auth.wrong')
      : error.code === 'auth.too_many_attempts'
        ? t('auth.tooMany')
        : error.status === 400
          ? t('auth.fillIn')
          : t('errors.network');

  return (
    <section className="narrow">
      <h1>{t('auth.signIn')}</h1>
      {search.ended && !user && (
        <p className="notice" role="status">
          {t('auth.ended')}
        </p>
      )}
      {user && <p className="notice">{t('auth.signedInAs', { name: user.name, email: user.email })}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.email')}>
          {(p) => <input {...p} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Field label={t('auth.password')}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        {message && (
          <p className="error" role="alert" tabIndex={-1} ref={errorRef}>
            {message}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={login.isPending}>
            {t('auth.signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}
