/**
 * Engagements, agreements and programs on one time axis, grouped by year (latest first), each
 * entry linking to its page. Used on the partner page and the country page.
 */
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../src/domain/codes.js';
import { agreementStatuses } from '../../../../src/domain/partnership/agreement.js';
import { engagementKinds } from '../../../../src/domain/partnership/engagement.js';
import type { TimelineItem } from '../../api/partnership-queries.js';
import { EmptyState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { groupTimelineByYear } from './timeline.js';

export function Timeline({
  items,
  showPartner = false,
  showCountry = false,
}: {
  items: readonly TimelineItem[];
  showPartner?: boolean;
  showCountry?: boolean;
}) {
  const { t } = useTranslation();
  const years = useMemo(() => groupTimelineByYear(items), [items]);
  // A program's engagement is linked when it is on the same timeline (its reference is all the entry carries).
  const engagementIds = useMemo(() => new Map(items.filter((i) => i.kind === 'engagement').map((i) => [i.reference, i.id])), [items]);
  if (years.length === 0) return <EmptyState>{t('partnerships.timeline.empty')}</EmptyState>;
  return (
    <div className="timeline">
      {years.map((y) => (
        <section key={y.year} aria-labelledby={`timeline-${y.year}`}>
          <h3 id={`timeline-${y.year}`}>{y.year}</h3>
          <ol className="timeline-items">
            {y.items.map((item) => (
              <Entry
                key={`${item.kind}:${item.id}`}
                item={item}
                engagementId={item.fromEngagement ? engagementIds.get(item.fromEngagement) : undefined}
                showPartner={showPartner}
                showCountry={showCountry}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Entry({
  item,
  engagementId,
  showPartner,
  showCountry,
}: {
  item: TimelineItem;
  engagementId: number | undefined;
  showPartner: boolean;
  showCountry: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = String(item.id);
  const title = f.lang === 'id' ? (item.titleId ?? item.title) : item.title;
  const status =
    item.kind === 'engagement'
      ? f.code(engagementKinds, item.status)
      : item.kind === 'agreement'
        ? f.code(agreementStatuses, item.status)
        : f.code(lifecycleStages, item.status);
  return (
    <li className={`timeline-entry timeline-${item.kind}`}>
      <time dateTime={item.date}>{f.date(item.date)}</time>
      <span className={`badge timeline-kind-${item.kind}`}>{t(`partnerships.timeline.kinds.${item.kind}`)}</span>
      <span>
        {item.kind === 'engagement' ? (
          <Link to="/engagements/$id" params={{ id }}>
            {item.reference}
          </Link>
        ) : item.kind === 'agreement' ? (
          <Link to="/agreements/$id" params={{ id }}>
            {item.reference}
          </Link>
        ) : (
          <Link to="/programs/$id" params={{ id }}>
            {item.reference}
          </Link>
        )}{' '}
        {title} <span className="muted small">({status})</span>
        {showPartner && item.partner && <span className="muted small"> · {item.partner}</span>}
        {showCountry && item.country && <span className="muted small"> · {f.country(item.country)}</span>}
        {item.fromEngagement && (
          <span className="small">
            {' '}
            ·{' '}
            {engagementId !== undefined ? (
              <Link to="/engagements/$id" params={{ id: String(engagementId) }}>
                {t('partnerships.timeline.fromEngagement', { reference: item.fromEngagement })}
              </Link>
            ) : (
              t('partnerships.timeline.fromEngagement', { reference: item.fromEngagement })
            )}
          </span>
        )}
      </span>
    </li>
  );
}
