/**
 * Single sign-on on the sign-in page (server/oidc.routes.ts): the provider's button, which leaves
 * for the provider and comes back signed in, and why a sign-in through it was refused (the
 * callback sends the browser back here with `sso_error=<problem code>`).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The translation of each refusal the callback names; any other is the generic one. */
const REFUSALS: Readonly<Record<string, string>> = {
  'oidc.no_role': 'auth.ssoNoRole',
  'oidc.no_organisation': 'auth.ssoNoOrganisation',
  'oidc.no_account': 'auth.ssoNoAccount',
  'oidc.no_email': 'auth.ssoNoEmail',
  'oidc.email_unverified': 'auth.ssoEmailUnverified',
  'oidc.account_disabled': 'auth.ssoDisabled',
  'oidc.no_pending_sign_in': 'auth.ssoStartAgain',
  'oidc.unavailable': 'auth.ssoUnavailable',
};

export interface SingleSignOnProps {
  /** The provider's name: "Sign in with <label>". */
  readonly label: string;
  /** GET /api/v1/auth/oidc/start, as GET /api/v1/auth/methods gives it. */
  readonly startUrl: string;
  /** The web app's path to come back to after signing in. */
  readonly redirect: string;
  /** The problem code of a refused sign-in, from the address. */
  readonly error: string | undefined;
}

export function SingleSignOn({ label, startUrl, redirect, error }: SingleSignOnProps) {
  const { t } = useTranslation();
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const href = redirect === '/' ? startUrl : `${startUrl}?${new URLSearchParams({ redirect }).toString()}`;
  return (
    <div className="sso">
      {error && (
        <p className="error" role="alert" tabIndex={-1} ref={errorRef}>
          {t(REFUSALS[error] ?? 'auth.ssoRefused')}
        </p>
      )}
      <p className="actions">
        <a className="button" href={href}>
          {t('auth.ssoSignIn', { label })}
        </a>
      </p>
    </div>
  );
}
