/** The other providers' pages' own navigation: datasets, activities, comparison. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function OtherProvidersTabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('otherProviders.nav')}>
      <Link className="tab" to="/other-providers" activeOptions={{ exact: true, includeSearch: false }}>
        {t('otherProviders.tabs.datasets')}
      </Link>
      <Link className="tab" to="/other-providers/activities" activeOptions={{ includeSearch: false }}>
        {t('otherProviders.tabs.activities')}
      </Link>
      <Link className="tab" to="/other-providers/compare" activeOptions={{ includeSearch: false }}>
        {t('otherProviders.tabs.compare')}
      </Link>
    </nav>
  );
}

/** A publisher as people read it: its name, with its IATI identifier after it ("JICA (JP-8)"). */
export function publisherLabel(p: { publisherName: string | null; publisherRef: string | null }): string {
  if (p.publisherName && p.publisherRef) return `${p.publisherName} (${p.publisherRef})`;
  return p.publisherName ?? p.publisherRef ?? '—';
}

/** An instant's calendar day (UTC), for f.date. */
export const dayOf = (at: string): string => at.slice(0, 10);
