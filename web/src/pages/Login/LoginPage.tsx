/** Sign-in: email and password; afterwards back to where the user was. */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { isPlainObject } from '../../../../src/domain/guards.js';
import { useLogin, useSession, useSignInMethods } from '../../auth/session.js';
import type { Session } from '../../api/client.js';
import { CodeStep, EnrolStep } from './SecondStep.js';
import { Field } from '../../components/Field.js';
import { EmptyState } from '../../components/Status.js';
import { SingleSignOn } from './SingleSignOn.js';

/** Only paths of this site are followed after sign-in (no open redirect). */
export function safeRedirect(target: string | undefined): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

/** Whole minutes until sign-in may be tried again (the 429 problem's `details.retryAfterSeconds`). */
function retryMinutes(error: ApiError): number | null {
  const details = isPlainObject(error.body) ? error.body.details : undefined;
  const seconds = isPlainObject(details) ? details.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null;
}

/** The translation (key and values) of a failed sign-in: wrong password, throttled, empty, or unreachable. */
function loginProblemText(failure: unknown): [string, Record<string, number>?] {
  const error = failure instanceof ApiError ? failure : null;
  if (error?.code === 'auth.invalid_credentials') return ['auth.wrong'];
  if (error?.code === 'auth.password_sign_in_off') return ['auth.passwordOff'];
  if (error?.code === 'auth.too_many_attempts') {
    const minutes = retryMinutes(error);
    return minutes === null ? ['auth.tooMany'] : ['auth.tooManyWait', { count: minutes }];
  }
  if (error?.status === 400) return ['auth.fillIn'];
  return error && error.status !== 0 ? ['errors.internal'] : ['errors.network'];
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const login = useLogin();
  const { user, portal, pending, pendingUser } = useSession();
  const methods = useSignInMethods().data;
  // Once the second step shows it stays until it is done, even when the session changes under it
  // (the recovery codes of an enrolment must stay on screen until the user goes on).
  const [second, setSecond] = useState<Session['pendingFactor'] | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (login.error || missing) errorRef.current?.focus();
  }, [login.error, missing]);
  // A sign-in whose session ended while it waited for its second factor starts again.
  useEffect(() => {
    if (second && !pending && !user) setSecond(null);
  }, [second, pending, user]);

  if (portal) return <EmptyState>{t('auth.portal')}</EmptyState>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = email.trim() === '' || password === '';
    setMissing(empty);
    if (empty) return login.reset();
    login.mutate({ email, password }, { onSuccess: (session) => (session.pendingFactor ? setSecond(session.pendingFactor) : goOn()) });
  };
  const goOn = () => void navigate({ href: safeRedirect(search.redirect), replace: true });
  const step = second ?? pending;
  if (step) {
    return (
      <section className="narrow">
        <h1>{t('auth.signIn')}</h1>
        {step === 'verify' ? <CodeStep onDone={goOn} /> : <EnrolStep user={pendingUser} onDone={goOn} />}
      </section>
    );
  }
  const message = missing ? t('auth.fillIn') : login.error ? t(...loginProblemText(login.error)) : null;
  const passwordForm = (
    <form onSubmit={submit} noValidate>
      <Field label={t('auth.email')}>
        {(p) => <input {...p} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />}
      </Field>
      <Field label={t('auth.password')}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        )}
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
  );

  return (
    <section className="narrow">
      <h1>{t('auth.signIn')}</h1>
      {search.ended && !user && (
        <p className="notice" role="status">
          {t('auth.ended')}
        </p>
      )}
      {user && <p className="notice">{t('auth.signedInAs', { name: user.name, email: user.email })}</p>}
      {methods?.oidc && <SingleSignOn {...methods.oidc} redirect={safeRedirect(search.redirect)} error={search.sso_error} />}
      {methods?.password === 'off' ? null : methods?.password === 'break_glass' ? (
        <details>
          <summary>{t('auth.breakGlass')}</summary>
          {passwordForm}
        </details>
      ) : (
        passwordForm
      )}
    </section>
  );
}
