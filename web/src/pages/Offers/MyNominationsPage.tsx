/**
 * "My nominations": the nominees of the user's organisation (an embassy or a focal point) across
 * offers, newest first, with their status and its history; the organisation confirms a selected
 * nominee's place or withdraws a nominee (every other step is the implementing agency's).
 */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses, type ParticipantStatus } from '../../../../src/domain/codes.js';
import { canMove } from '../../../../src/domain/participant/journey.js';
import { useMyNominations, useParticipantStatus, type MyNomination } from '../../api/offer-queries.js';
import { CodeFilter } from '../../components/CodeFilter.js';
import { ListResults } from '../../components/ListResults.js';
import { useFormat } from '../../format.js';
import { MY_PAGE_SIZE } from './offer-search.js';
import { OfferProblem, ParticipantStatusBadge, StatusHistory, useInstant, Withheld } from './parts.js';
import { PageNav } from '../../components/PageNav.js';

export function MyNominationsPage() {
  const { t } = useTranslation();
  const idPrefix = useId();
  const search = useSearch({ from: '/nominations' });
  const navigate = useNavigate({ from: '/nominations' });
  const page = search.page ?? 1;
  const list = useMyNominations({ ...(search.status ? { status: search.status } : {}), page, pageSize: MY_PAGE_SIZE });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / MY_PAGE_SIZE));
  return (
    <article>
      <div className="page-head">
        <h1>{t('offers.mine.title')}</h1>
        <div className="actions">
          <Link className="button secondary" to="/offers">
            {t('offers.mine.findOffers')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('offers.mine.intro')}</p>
      <div className="filters">
        <CodeFilter
          id={`${idPrefix}-status`}
          label={t('offers.columns.status')}
          codes={participantStatuses}
          value={search.status}
          onChange={(status) => void navigate({ search: { ...(status ? { status } : {}) } })}
        />
      </div>
      <ListResults
        query={list}
        total={total}
        empty={t('offers.mine.empty')}
        emptyAction={<Link to="/offers">{t('offers.mine.findOffers')}</Link>}
        results={t('offers.mine.results', { count: total })}
        problem={(error, retry) => <OfferProblem error={error} onRetry={retry} />}
      >
        <ul className="plain">
          {list.data?.items.map((n) => (
            <Nominee key={n.id} n={n} />
          ))}
        </ul>
        <PageNav page={page} pages={pages} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
      </ListResults>
    </article>
  );
}

function Nominee({ n }: { n: MyNomination }) {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  const step = useParticipantStatus();
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const canMoveTo = (to: ParticipantStatus) => participantStatuses.is(n.status) && canMove(n.status, to);
  const name = n.fullName ?? t('offers.review.candidate', { id: n.id });
  const programTitle =
    (f.lang === 'id' ? (n.programTitleId ?? n.programTitleEn) : (n.programTitleEn ?? n.programTitleId)) ?? n.programIdentifier;
  const handle = (to: 'confirmed' | 'withdrawn') => {
    if (to === 'withdrawn' && !window.confirm(t('offers.mine.withdrawConfirm', { name }))) return;
    setDone(null);
    step.mutate(
      { id: n.id, status: to },
      {
        onSuccess: (r) =>
          setDone(
            r.promoted
              ? t('offers.mine.doneWithPromotion', { status: f.code(participantStatuses, r.nomination.status) })
              : t('offers.mine.done', { status: f.code(participantStatuses, r.nomination.status) }),
          ),
      },
    );
  };
  return (
    <li className="card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId} className="headline">
          {n.personal ? name : <Withheld />} <ParticipantStatusBadge status={n.status} />
        </h2>
        <div className="actions">
          {canMoveTo('confirmed') && (
            <button
              type="button"
              disabled={step.isPending}
              aria-label={t('offers.mine.confirmOf', { name })}
              onClick={() => handle('confirmed')}
            >
              {t('offers.mine.confirm')}
            </button>
          )}
          {canMoveTo('withdrawn') && (
            <button
              type="button"
              className="danger"
              disabled={step.isPending}
              aria-label={t('offers.mine.withdrawOf', { name })}
              onClick={() => handle('withdrawn')}
            >
              {t('offers.mine.withdraw')}
            </button>
          )}
        </div>
      </div>
      <p>
        {n.offerId !== null ? (
          <Link to="/offers/$id" params={{ id: String(n.offerId) }}>
            {programTitle}
          </Link>
        ) : (
          programTitle
        )}{' '}
        <span className="muted">· {n.programIdentifier}</span>
      </p>
      <p className="muted small">
        {f.country(n.country)}
        {n.organisation && <> · {n.organisation}</>}
        {n.email && <> · {n.email}</>}
        {n.nominatedAt && <> · {t('offers.mine.nominatedAt', { at: instant.local(n.nominatedAt) })}</>}
      </p>
      <div aria-live="polite">{done && <p className="success">{done}</p>}</div>
      {step.error && <OfferProblem error={step.error} />}
      <details>
        <summary>{t('offers.history.title')}</summary>
        <StatusHistory events={n.events} />
      </details>
    </li>
  );
}
