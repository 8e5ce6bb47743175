/**
 * A partner's relationship beyond its programs, on the partner page: website and notes, contacts
 * (the Indonesian side only; the coordination team edits them), agreements, engagements, and the
 * partnership timeline.
 */
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementKinds } from '../../../../src/domain/partnership/agreement.js';
import { engagementKinds } from '../../../../src/domain/partnership/engagement.js';
import { ApiError } from '../../api/client.js';
import { usePartner, usePartnerTimeline, type PartnerDetail } from '../../api/partnership-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { AgreementStatusBadge, PartnershipProblem, RenewalBadge } from './agreement-parts.js';
import { PartnerProfileForm } from './PartnerProfileForm.js';
import { Timeline } from './Timeline.js';

export function PartnerRelationship({ code }: { code: string }) {
  const partner = usePartner(code);
  const timeline = usePartnerTimeline(code);
  // An unknown partner is already said by the profile above.
  if (partner.error instanceof ApiError && partner.error.status === 404) return null;
  return (
    <>
      {partner.isPending ? (
        <Loading />
      ) : partner.error || !partner.data ? (
        <PartnershipProblem error={partner.error} onRetry={() => void partner.refetch()} />
      ) : (
        <Relationship detail={partner.data} />
      )}
      <TimelineSection query={timeline} />
    </>
  );
}

function Relationship({ detail }: { detail: PartnerDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const internal = detail.contacts !== null;
  // The public sees the website only: no card when there is none.
  const showProfile = internal || detail.canEdit || !!detail.website;
  return (
    <>
      {showProfile && (
        <section className="card" aria-labelledby="partner-relationship">
          <div className="card-head">
            <h2 id="partner-relationship">{t('partnerships.partners.relationship')}</h2>
            {detail.canEdit && !editing && (
              <button type="button" className="secondary no-print" onClick={() => setEditing(true)}>
                {t('partnerships.partners.editProfile')}
              </button>
            )}
          </div>
          {editing ? (
            <PartnerProfileForm detail={detail} onDone={() => setEditing(false)} />
          ) : (
            <ProfileFacts detail={detail} internal={internal} />
          )}
        </section>
      )}
      <PartnerAgreements detail={detail} />
      {internal && <PartnerEngagements detail={detail} />}
    </>
  );
}

function ProfileFacts({ detail, internal }: { detail: PartnerDetail; internal: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <dt>{t('partnerships.partners.website')}</dt>
        <dd>
          {detail.website ? (
            <a href={detail.website} target="_blank" rel="noopener noreferrer">
              {detail.website}
            </a>
          ) : (
            '—'
          )}
        </dd>
        {internal && (
          <>
            <dt>{t('partnerships.partners.notes')}</dt>
            <dd className="prewrap">{detail.notes ?? '—'}</dd>
          </>
        )}
      </dl>
      {internal && (
        <>
          <h3>{t('partnerships.partners.contacts')}</h3>
          {detail.contacts && detail.contacts.length > 0 ? (
            <DataTable
              head={
                <>
                  <th scope="col">{t('partnerships.partners.contact.name')}</th>
                  <th scope="col">{t('partnerships.partners.contact.position')}</th>
                  <th scope="col">{t('partnerships.partners.contact.email')}</th>
                  <th scope="col">{t('partnerships.partners.contact.phone')}</th>
                </>
              }
            >
              {detail.contacts.map((c, i) => (
                <tr key={`${c.name}:${i}`}>
                  <td>{c.name}</td>
                  <td>{c.position ?? '—'}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</td>
                  <td>{c.phone ?? '—'}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="muted">{t('partnerships.partners.noContacts')}</p>
          )}
        </>
      )}
    </>
  );
}

/** A card listing the partner's agreements or engagements, or saying `empty` when there are none. */
function ListCard({ id, title, empty, children }: { id: string; title: string; empty: string | false; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <EmptyState>{empty}</EmptyState> : children}
    </section>
  );
}

function PartnerAgreements({ detail }: { detail: PartnerDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ListCard
      id="partner-agreements"
      title={t('partnerships.partners.agreements')}
      empty={detail.agreements.length === 0 && t('partnerships.partners.noAgreements')}
    >
      <DataTable
        head={
          <>
            <th scope="col">{t('partnerships.agreements.columns.reference')}</th>
            <th scope="col">{t('partnerships.agreements.columns.title')}</th>
            <th scope="col">{t('partnerships.agreements.columns.kind')}</th>
            <th scope="col">{t('partnerships.agreements.columns.status')}</th>
            <th scope="col">{t('partnerships.agreements.columns.validity')}</th>
            <th scope="col">{t('partnerships.agreements.columns.renewal')}</th>
          </>
        }
      >
        {detail.agreements.map((a) => (
          <tr key={a.id}>
            <td className="nowrap">
              <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                {a.reference}
              </Link>
            </td>
            <td className="title-cell">{f.title(a)}</td>
            <td>{f.code(agreementKinds, a.kind)}</td>
            <td>
              <AgreementStatusBadge status={a.status} />
            </td>
            <td className="nowrap">
              {a.validFrom || a.validUntil
                ? t('partnerships.agreements.validity', {
                    from: f.date(a.validFrom ?? a.signedOn),
                    until: a.validUntil ? f.date(a.validUntil) : t('partnerships.agreements.noEnd'),
                  })
                : '—'}
            </td>
            <td className="nowrap">
              <RenewalBadge renewal={a.renewal} />
            </td>
          </tr>
        ))}
      </DataTable>
    </ListCard>
  );
}

function PartnerEngagements({ detail }: { detail: PartnerDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ListCard
      id="partner-engagements"
      title={t('partnerships.partners.engagements')}
      empty={detail.engagements.length === 0 && t('partnerships.partners.noEngagements')}
    >
      <DataTable
        head={
          <>
            <th scope="col">{t('partnerships.partners.engagement.date')}</th>
            <th scope="col">{t('partnerships.partners.engagement.reference')}</th>
            <th scope="col">{t('partnerships.partners.engagement.kind')}</th>
            <th scope="col">{t('partnerships.partners.engagement.title')}</th>
            <th scope="col">{t('partnerships.partners.engagement.place')}</th>
            <th scope="col" className="num">
              {t('partnerships.partners.engagement.openFollowUps')}
            </th>
          </>
        }
      >
        {detail.engagements.map((e) => {
          const open = e.followUps.filter((x) => x.status === 'open').length;
          const overdue = e.followUps.filter((x) => x.overdue).length;
          return (
            <tr key={e.id}>
              <td className="nowrap">{f.date(e.startsOn)}</td>
              <td className="nowrap">
                <Link to="/engagements/$id" params={{ id: String(e.id) }}>
                  {e.reference}
                </Link>
              </td>
              <td>{f.code(engagementKinds, e.kind)}</td>
              <td className="title-cell">{f.text(e.title, e.titleId)}</td>
              <td>{[e.place, e.country ? f.country(e.country) : null].filter(Boolean).join(', ') || '—'}</td>
              <td className="num">
                {f.number(open)}
                {overdue > 0 && ' '}
                {overdue > 0 && (
                  <span className="badge bad">
                    {t('partnerships.partners.engagement.overdue', { count: overdue, formatted: f.number(overdue) })}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </ListCard>
  );
}

function TimelineSection({ query }: { query: ReturnType<typeof usePartnerTimeline> }) {
  const { t } = useTranslation();
  if (query.error instanceof ApiError && query.error.status === 404) return null;
  return (
    <section className="card" aria-labelledby="partner-timeline">
      <h2 id="partner-timeline">{t('partnerships.timeline.title')}</h2>
      <p className="muted small">{t('partnerships.timeline.intro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <PartnershipProblem error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Timeline items={query.data.items} showCountry />
      )}
    </section>
  );
}
