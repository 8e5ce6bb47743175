/** A page only some roles may use: others see why, with a way to sign in, never a broken page. */
import { Link, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/client.js';
import { EmptyState, Loading } from '../components/Status.js';
import { useSession } from './session.js';

export function RequireRole({ allow, children }: { allow: (user: User | null) => boolean; children: (user: User) => ReactNode }) {
  const { t } = useTranslation();
  const { user, portal, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  // The public portal has no sign-in: say so rather than offer a sign-in that cannot work.
  if (portal) return <EmptyState>{t('auth.portal')}</EmptyState>;
  if (!user) {
    return (
      <EmptyState
        action={
          <Link to="/login" search={{ redirect: location.href }} className="button">
            {t('auth.signIn')}
          </Link>
        }
      >
        {t('auth.signInNeeded')}
      </EmptyState>
    );
  }
  if (!allow(user)) return <EmptyState>{t('auth.notAllowed')}</EmptyState>;
  return <>{children(user)}</>;
}
