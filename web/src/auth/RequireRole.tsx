/** A page only some roles may use: others see why, with a way to sign in, never a broken page. */
import { Link, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/client.js';
import { EmptyState, Loading } from '../components/Status.js';
import { useRouteTitle } from '../components/usePageTitle.js';
import { useSession } from './session.js';

export function RequireRole({ allow, children }: { allow: (user: User | null) => boolean; children: (user: User) => ReactNode }) {
  const { t } = useTranslation();
  const { user, portal, loading } = useSession();
  const location = useLocation();
  // A page shown without its content still names itself (WCAG 2.4.6): the reader knows where they are.
  const title = useRouteTitle();
  const denied = (message: ReactNode, action?: ReactNode) => (
    <section>
      {title && <h1>{title}</h1>}
      <EmptyState action={action}>{message}</EmptyState>
    </section>
  );
  if (loading) return <Loading />;
  // The public portal has no sign-in: say so rather than offer a sign-in that cannot work.
  if (portal) return denied(t('auth.portal'));
  if (!user) {
    return denied(
      t('auth.signInNeeded'),
      <Link to="/login" search={{ redirect: location.href }} className="button">
        {t('auth.signIn')}
      </Link>,
    );
  }
  if (!allow(user)) return denied(t('auth.notAllowed'));
  return <>{children(user)}</>;
}
