/**
 * Where a program came from and what it is carried out under: links back to the engagements whose
 * offer or request it became, to the partner government's request it was accepted from, and to
 * its agreements. Nothing for readers outside the Indonesian
 * side (the server answers them with empty lists) or when there is nothing to link.
 */
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementStatuses } from '../../../../src/domain/partnership/agreement.js';
import { itemKinds, itemSides } from '../../../../src/domain/partnership/engagement.js';
import type { User } from '../../api/client.js';
import { useProgramPartnership } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useFormat } from '../../format.js';

export function PartnershipSection({ programId, user }: { programId: number; user: User | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const query = useProgramPartnership(programId, canPartnerships.internal(user));
  const data = query.data;
  // The page works without it: nothing while loading, on an error, or when there is nothing to link.
  if (!data || (data.engagementItems.length === 0 && data.agreements.length === 0 && data.requests.length === 0)) return null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('partnerships.engagements.programSection.title')}</h2>
      <dl className="facts">
        {data.engagementItems.map((i) => (
          <div className="contents" key={`e${i.itemId}`}>
            <dt>{t('partnerships.engagements.programSection.cameFrom')}</dt>
            <dd>
              <Link to="/engagements/$id" params={{ id: String(i.engagementId) }}>
                {i.reference}
              </Link>{' '}
              {t('partnerships.engagements.programSection.engagement', {
                title: i.title,
                date: f.date(i.startsOn),
                item: `${f.code(itemKinds, i.kind)} · ${f.code(itemSides, i.side)}`,
              })}
            </dd>
          </div>
        ))}
        {data.requests.map((r) => (
          <div className="contents" key={`r${r.id}`}>
            <dt>{t('partnerships.engagements.programSection.fromRequest')}</dt>
            <dd>
              <Link to="/requests/$id" params={{ id: String(r.id) }}>
                {r.reference}
              </Link>{' '}
              {t('partnerships.engagements.programSection.request', {
                topic: r.topic,
                country: f.country(r.country),
                date: f.date(r.receivedOn),
              })}
            </dd>
          </div>
        ))}
        {data.agreements.map((a) => (
          <div className="contents" key={`a${a.id}`}>
            <dt>{t('partnerships.engagements.programSection.underAgreement')}</dt>
            <dd>
              <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                {a.reference}
              </Link>{' '}
              {t('partnerships.engagements.programSection.agreement', { title: a.titleEn, status: f.code(agreementStatuses, a.status) })}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
