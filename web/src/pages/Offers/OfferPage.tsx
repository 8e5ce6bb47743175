/**
 * An offer's public page: topic, summary, dates, venue, eligibility, places per country, the
 * deadline in local time; the nomination form for those who nominate; and for those who manage
 * the offer, the ways to edit, close or reopen it and to review its nominations.
 */
import { Link, useLocation, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { useOffer, useOfferStatus, type OfferView } from '../../api/offer-queries.js';
import { useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { NominationForm } from './NominationForm.js';
import { Deadline, OfferProblem, OfferStatusBadge, useInstant } from './parts.js';
import { OrgName } from '../../components/OrgName.js';

export function OfferPage() {
  const { id } = useParams({ from: '/offers/$id' });
  const offer = useOffer(Number(id));
  if (offer.isPending) return <Loading />;
  if (offer.error || !offer.data) return <OfferProblem error={offer.error} onRetry={() => void offer.refetch()} />;
  return <OfferDetails view={offer.data} />;
}

/** The text in the active language, else in the other one. */
export function useLocalText() {
  const f = useFormat();
  return (en: string | null, id: string | null) => (f.lang === 'id' ? (id ?? en) : (en ?? id));
}

function OfferDetails({ view }: { view: OfferView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const instant = useInstant();
  const { user } = useSession();
  const location = useLocation();
  const { offer, program } = view;
  const otherTitle = f.lang === 'id' ? program.titleEn : program.titleId;
  const summary = local(offer.summaryEn, offer.summaryId);
  const eligibility = local(offer.eligibilityEn, offer.eligibilityId);
  const placesOf = (country: string) => offer.quotas.find((q) => q.country === country)?.quota ?? offer.quotaDefault;
  return (
    <article>
      <div className="page-head">
        <div>
          <p className="muted">
            <Link to="/offers">{t('offers.title')}</Link> · {program.identifier}
          </p>
          <h1>{f.title(program)}</h1>
          {otherTitle && otherTitle !== f.title(program) && <p className="subtitle">{otherTitle}</p>}
          <OfferStatusBadge status={offer.status} />{' '}
          <span className="muted">{view.acceptingNominations ? t('offers.accepting') : t('offers.notAccepting')}</span>
        </div>
        {view.canManage && <ManageActions view={view} />}
      </div>

      <div className="grid2">
        <section className="card" aria-labelledby="offer-about">
          <h2 id="offer-about">{t('offers.about')}</h2>
          {summary ? <p className="description">{summary}</p> : <p className="muted">{t('offers.noSummary')}</p>}
          <dl className="facts">
            <dt>{t('program.modality')}</dt>
            <dd>{f.code(modalities, program.modality)}</dd>
            <dt>{t('program.area')}</dt>
            <dd>{f.code(flagshipAreas, program.flagshipArea)}</dd>
            <dt>{t('program.dates')}</dt>
            <dd>
              {f.date(program.plannedStart)} – {f.date(program.plannedEnd)}
            </dd>
            <dt>{t('program.venue')}</dt>
            <dd>{[program.venueCity, program.venueCountry ? f.country(program.venueCountry) : null].filter(Boolean).join(', ') || '—'}</dd>
            <dt>{t('program.implementer')}</dt>
            <dd>
              <OrgName code={program.implementingOrg} />
            </dd>
            <dt>{t('offers.deadline')}</dt>
            <dd>
              <Deadline at={offer.deadline} />
              <div className="muted small">{t('offers.timeZone', { zone: instant.zone })}</div>
            </dd>
            <dt>{t('offers.columns.status')}</dt>
            <dd>
              <OfferStatusBadge status={offer.status} />
            </dd>
            <dt>{t('offers.completion')}</dt>
            <dd>{t('offers.completionValue', { percent: offer.completionPercent })}</dd>
          </dl>
          <p>
            <Link to="/programs/$id" params={{ id: String(program.id) }}>
              {t('offers.programLink')}
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="offer-eligibility">
          <h2 id="offer-eligibility">{t('offers.eligibility')}</h2>
          {eligibility ? <p className="description">{eligibility}</p> : <p className="muted">{t('offers.noEligibility')}</p>}
          <DataTable
            caption={t('offers.quotasCaption')}
            captionClassName="visually-hidden"
            head={
              <>
                <th scope="col">{t('offers.columns.country')}</th>
                <th scope="col" className="num">
                  {t('offers.columns.places')}
                </th>
              </>
            }
          >
            {program.recipients.map((c) => {
              const places = placesOf(c);
              return (
                <tr key={c}>
                  <td>{f.country(c)}</td>
                  <td className="num">{places === null ? t('offers.noLimit') : f.number(places)}</td>
                </tr>
              );
            })}
          </DataTable>
          <p className="muted small">
            {offer.quotaTotal === null ? t('offers.totalUnlimited') : t('offers.totalPlaces', { count: offer.quotaTotal })}
          </p>
        </section>
      </div>

      <section className="card">
        {view.canNominate ? (
          <NominationForm offerId={offer.id} recipients={program.recipients} />
        ) : view.acceptingNominations ? (
          <p>
            {user ? (
              t('offers.nominate.notYourRole')
            ) : (
              <>
                {t('offers.nominate.signInFirst')}{' '}
                <Link to="/login" search={{ redirect: location.href }}>
                  {t('auth.signIn')}
                </Link>
              </>
            )}
          </p>
        ) : (
          <p className="muted">{t('offers.nominate.closed')}</p>
        )}
      </section>
    </article>
  );
}

function ManageActions({ view }: { view: OfferView }) {
  const { t } = useTranslation();
  const status = useOfferStatus();
  const { offer } = view;
  const handleStatus = (action: 'close' | 'reopen') => {
    if (action === 'close' && !window.confirm(t('offers.manage.closeConfirm'))) return;
    status.mutate({ id: offer.id, action });
  };
  return (
    <div className="actions">
      <Link className="button" to="/offers/$id/nominations" params={{ id: String(offer.id) }}>
        {t('offers.review.link')}
      </Link>
      <Link className="button secondary" to="/offers/$id/manage" params={{ id: String(offer.id) }}>
        {t('offers.manage.edit')}
      </Link>
      {offer.status === 'open' && (
        <button type="button" className="secondary" disabled={status.isPending} onClick={() => handleStatus('close')}>
          {t('offers.manage.close')}
        </button>
      )}
      {offer.status === 'closed' && (
        <button type="button" className="secondary" disabled={status.isPending} onClick={() => handleStatus('reopen')}>
          {t('offers.manage.reopen')}
        </button>
      )}
      {status.error && <OfferProblem error={status.error} />}
    </div>
  );
}
