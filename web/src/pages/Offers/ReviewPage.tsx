/**
 * The review of an offer's nominations (the coordination team and the implementing agency): a
 * page of candidates with filters, the counts per status and per country against the quotas,
 * selected / reserve / not selected one by one or for the checked rows, and "select within quotas".
 * Personal fields the server withholds are shown as withheld.
 */
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantStatuses } from '../../../../src/domain/codes.js';
import { REVIEW_STATUSES } from '../../../../src/domain/offer/nomination.js';
import { canMove } from '../../../../src/domain/participant/journey.js';
import {
  documentUrl,
  useOffer,
  useParticipantDocuments,
  useReview,
  useReviewList,
  useSelectWithinQuotas,
  type Nomination,
  type OfferView,
  type ReviewList,
  type ReviewParams,
  type SelectResult,
} from '../../api/offer-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { REVIEW_PAGE_SIZE, type ReviewSearch } from './offer-search.js';
import { OfferProblem, OfferStatusBadge, ParticipantStatusBadge, useInstant, Withheld } from './parts.js';
import { PageNav } from '../../components/PageNav.js';
import { CodeFilter } from '../../components/CodeFilter.js';

type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export function ReviewPage() {
  const { id } = useParams({ from: '/offers/$id/nominations' });
  const offer = useOffer(Number(id));
  if (offer.isPending) return <Loading />;
  if (offer.error || !offer.data) return <OfferProblem error={offer.error} onRetry={() => void offer.refetch()} />;
  return <Review view={offer.data} />;
}

function Review({ view }: { view: OfferView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const idPrefix = useId();
  const offerId = view.offer.id;
  const search = useSearch({ from: '/offers/$id/nominations' });
  const navigate = useNavigate({ from: '/offers/$id/nominations' });
  const page = search.page ?? 1;
  const params: ReviewParams = {
    ...(search.status ? { status: search.status } : {}),
    ...(search.country ? { country: search.country } : {}),
    ...(search.q ? { q: search.q } : {}),
    page,
    pageSize: REVIEW_PAGE_SIZE,
  };
  const list = useReviewList(offerId, params);
  const review = useReview(offerId);
  const selectAll = useSelectWithinQuotas(offerId);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [summary, setSummary] = useState<SelectResult | null>(null);
  const [changed, setChanged] = useState<number | null>(null);
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  // A new page or filter starts with nothing checked.
  useEffect(() => setChecked(new Set()), [search.status, search.country, search.q, page]);
  const set = (patch: Partial<ReviewSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const manage = view.canManage;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));

  const apply = (rows: readonly Nomination[], to: ReviewStatus) => {
    setSummary(null);
    setChanged(null);
    review.mutate(
      { changes: rows.map((r) => ({ participantId: r.id, status: to })) },
      {
        onSuccess: (r) => {
          setChanged(r.changed);
          setChecked(new Set());
        },
      },
    );
  };
  const handleSelectAll = () => {
    if (!window.confirm(t('offers.review.selectConfirm'))) return;
    setChanged(null);
    selectAll.mutate(undefined, { onSuccess: (r) => setSummary(r) });
  };
  const checkedRows = items.filter((r) => checked.has(r.id));
  const toggle = (id: number, on: boolean) =>
    setChecked((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <article>
      <p className="muted">
        <Link to="/offers/$id" params={{ id: String(offerId) }}>
          {f.title(view.program)}
        </Link>{' '}
        · {view.program.identifier} · <OfferStatusBadge status={view.offer.status} />
      </p>
      <div className="page-head">
        <h1>{t('offers.review.title')}</h1>
        {manage && (
          <div className="actions">
            <button type="button" disabled={selectAll.isPending} onClick={handleSelectAll}>
              {t('offers.review.selectWithinQuotas')}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{manage ? t('offers.review.intro') : t('offers.review.readOnly')}</p>

      <div aria-live="polite">
        {summary && (
          <p className="success">
            {t('offers.review.selectSummary', { selected: summary.selected, reserves: summary.reserves, notSelected: summary.notSelected })}
          </p>
        )}
        {changed !== null && <p className="success">{t('offers.review.changed', { count: changed })}</p>}
      </div>
      {selectAll.error && <OfferProblem error={selectAll.error} />}
      {review.error && <OfferProblem error={review.error} />}

      {list.data && <Counts data={list.data} />}

      <form
        className="filters"
        role="search"
        aria-label={t('offers.review.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: q.trim() || undefined });
        }}
      >
        <div className="field-like wide">
          <label htmlFor={`${idPrefix}-q`}>{t('common.search')}</label>
          <input
            id={`${idPrefix}-q`}
            type="search"
            value={q}
            placeholder={t('offers.review.searchHint')}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <CodeFilter
          id={`${idPrefix}-status`}
          label={t('offers.columns.status')}
          codes={participantStatuses}
          value={search.status}
          onChange={(v) => set({ status: v })}
        />
        <div className="field-like">
          <label htmlFor={`${idPrefix}-country`}>{t('offers.columns.country')}</label>
          <select id={`${idPrefix}-country`} value={search.country ?? ''} onChange={(e) => set({ country: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {view.program.recipients.map((c) => (
              <option key={c} value={c}>
                {f.country(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
          <Link to="/offers/$id/nominations" params={{ id: String(offerId) }} search={{}} className="button secondary">
            {t('offers.clear')}
          </Link>
        </div>
      </form>

      {manage && items.length > 0 && (
        <div className="actions" role="group" aria-label={t('offers.review.bulk')}>
          <span>{t('offers.review.checked', { count: checkedRows.length })}</span>
          {REVIEW_STATUSES.map((to) => (
            <button
              key={to}
              type="button"
              className="secondary"
              disabled={checkedRows.length === 0 || review.isPending}
              onClick={() => apply(checkedRows, to)}
            >
              {t(`offers.review.bulkTo.${to}`)}
            </button>
          ))}
        </div>
      )}

      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <OfferProblem error={list.error} onRetry={() => void list.refetch()} />
      ) : total === 0 ? (
        <EmptyState>{t('offers.review.empty')}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('offers.review.caption', { count: total })}
            captionClassName="visually-hidden"
            head={
              <>
                {manage && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t('offers.review.checkAll')}
                      checked={items.length > 0 && checkedRows.length === items.length}
                      onChange={(e) => setChecked(e.target.checked ? new Set(items.map((r) => r.id)) : new Set())}
                    />
                  </th>
                )}
                <th scope="col">{t('offers.columns.name')}</th>
                <th scope="col">{t('offers.columns.country')}</th>
                <th scope="col">{t('offers.columns.organisation')}</th>
                <th scope="col">{t('offers.columns.status')}</th>
                <th scope="col">{t('offers.columns.nominatedAt')}</th>
                <th scope="col">{t('offers.columns.documents')}</th>
                {manage && <th scope="col">{t('offers.columns.actions')}</th>}
              </>
            }
          >
            {items.map((r) => (
              <Row
                key={r.id}
                r={r}
                manage={manage}
                checked={checked.has(r.id)}
                onCheck={(on) => toggle(r.id, on)}
                onApply={(to) => apply([r], to)}
                busy={review.isPending}
              />
            ))}
          </DataTable>
          <PageNav page={page} pages={pages} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
        </>
      )}
    </article>
  );
}

function Row({
  r,
  manage,
  checked,
  onCheck,
  onApply,
  busy,
}: {
  r: Nomination;
  manage: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onApply: (to: ReviewStatus) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  const name = r.personal ? (r.fullName ?? '—') : null;
  const label = name ?? t('offers.review.candidate', { id: r.id });
  return (
    <tr>
      {manage && (
        <td>
          <input
            type="checkbox"
            checked={checked}
            aria-label={t('offers.review.check', { name: label })}
            onChange={(e) => onCheck(e.target.checked)}
          />
        </td>
      )}
      <td>
        {name ?? <Withheld />}
        {r.reserveRank !== null && r.status === 'reserve' && (
          <div className="muted small">{t('offers.review.rank', { rank: r.reserveRank })}</div>
        )}
      </td>
      <td>{f.country(r.country)}</td>
      <td>{r.organisation ?? '—'}</td>
      <td>
        <ParticipantStatusBadge status={r.status} />
      </td>
      <td className="nowrap">{instant.local(r.nominatedAt)}</td>
      <td>{r.personal ? <Documents participantId={r.id} name={label} /> : <Withheld />}</td>
      {manage && (
        <td>
          <div className="actions">
            {REVIEW_STATUSES.filter((to) => participantStatuses.is(r.status) && canMove(r.status, to)).map((to) => (
              <button
                key={to}
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={t(`offers.review.rowTo.${to}`, { name: label })}
                onClick={() => onApply(to)}
              >
                {t(`offers.review.to.${to}`)}
              </button>
            ))}
          </div>
        </td>
      )}
    </tr>
  );
}

/** A candidate's documents, loaded when asked for (one request per candidate, not per page). */
function Documents({ participantId, name }: { participantId: number; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const docs = useParticipantDocuments(participantId, open);
  if (!open) {
    return (
      <button type="button" className="link" aria-label={t('offers.review.showDocumentsOf', { name })} onClick={() => setOpen(true)}>
        {t('offers.review.showDocuments')}
      </button>
    );
  }
  if (docs.isPending) return <span className="muted small">{t('common.loading')}</span>;
  if (docs.error) return <OfferProblem error={docs.error} />;
  if (!docs.data || docs.data.items.length === 0) return <span className="muted small">{t('offers.nominate.noDocuments')}</span>;
  return (
    <ul className="plain small">
      {docs.data.items.map((d) => (
        <li key={d.id}>
          <a href={documentUrl(d.id)} download>
            {t(`offers.documentKinds.${d.kind}`)}: {d.fileName}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Counts per status, and per country against its places. */
function Counts({ data }: { data: ReviewList }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { counts, offer } = data;
  return (
    <section className="card" aria-labelledby="review-counts">
      <h2 id="review-counts">{t('offers.review.counts')}</h2>
      <p>
        {t('offers.review.totalNominations', { count: counts.total })}
        {offer.quotaTotal !== null && <> · {t('offers.totalPlaces', { count: offer.quotaTotal })}</>}
      </p>
      <ul className="chips" aria-label={t('offers.review.byStatus')}>
        {participantStatuses.codes
          .filter((s) => (counts.byStatus[s] ?? 0) > 0)
          .map((s) => (
            <li key={s}>
              {f.code(participantStatuses, s)}: <strong>{f.number(counts.byStatus[s] ?? 0)}</strong>
            </li>
          ))}
      </ul>
      {counts.byCountry.length > 0 && (
        <DataTable
          caption={t('offers.review.byCountry')}
          captionClassName="visually-hidden"
          head={
            <>
              <th scope="col">{t('offers.columns.country')}</th>
              <th scope="col" className="num">
                {t('offers.review.nominations')}
              </th>
              <th scope="col" className="num">
                {t('offers.review.waiting')}
              </th>
              <th scope="col" className="num">
                {t('offers.review.holding')}
              </th>
              <th scope="col" className="num">
                {t('offers.review.reserves')}
              </th>
              <th scope="col" className="num">
                {t('offers.columns.places')}
              </th>
            </>
          }
        >
          {counts.byCountry.map((c) => (
            <tr key={c.country} className={c.quota !== null && c.holding > c.quota ? 'warning' : undefined}>
              <td>{f.country(c.country)}</td>
              <td className="num">{f.number(c.total)}</td>
              <td className="num">{f.number(c.nominated)}</td>
              <td className="num">{f.number(c.holding)}</td>
              <td className="num">{f.number(c.reserve)}</td>
              <td className="num">{c.quota === null ? t('offers.noLimit') : f.number(c.quota)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
