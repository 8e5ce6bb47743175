/** The partnership pages' own navigation: partners, agreements, engagements, follow-ups. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.js';
import { canPartnerships } from '../../auth/partnership-rules.js';

export function PartnershipTabs() {
  const { t } = useTranslation();
  const { user } = useSession();
  const internal = canPartnerships.internal(user);
  return (
    <nav className="tabs" aria-label={t('partnerships.nav')}>
      <Link to="/partners" activeOptions={{ exact: true, includeSearch: false }}>
        {t('partnerships.tabs.partners')}
      </Link>
      <Link to="/agreements" activeOptions={{ includeSearch: false }}>
        {t('partnerships.tabs.agreements')}
      </Link>
      {internal && (
        <Link to="/engagements" activeOptions={{ includeSearch: false }}>
          {t('partnerships.tabs.engagements')}
        </Link>
      )}
      {internal && (
        <Link to="/follow-ups" activeOptions={{ includeSearch: false }}>
          {t('partnerships.tabs.followUps')}
        </Link>
      )}
    </nav>
  );
}
