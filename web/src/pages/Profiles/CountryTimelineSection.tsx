/**
 * A country's partnership timeline: engagements held there, with its organisations or for it,
 * agreements it is party to, and programs for it, by year. The server leaves out what the reader
 * may not see (engagements and unsigned agreements are internal).
 */
import { useTranslation } from 'react-i18next';
import { useCountryPartnershipTimeline } from '../../api/partnership-queries.js';
import { QueryState } from '../../components/Status.js';
import { Timeline } from '../Partnerships/Timeline.js';

export function CountryTimelineSection({ country }: { country: string }) {
  const { t } = useTranslation();
  const query = useCountryPartnershipTimeline(country);
  return (
    <section className="card" aria-labelledby="country-partnership-timeline">
      <h2 id="country-partnership-timeline">{t('partnerships.timeline.title')}</h2>
      <p className="muted small">{t('partnerships.timeline.intro')}</p>
      <QueryState query={query}>{(data) => <Timeline items={data.items} showPartner />}</QueryState>
    </section>
  );
}
