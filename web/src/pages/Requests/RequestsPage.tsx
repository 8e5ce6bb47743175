/** Partner governments' requests: filters in the URL, a page of requests, and the way to register one. */
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { requestStatuses } from '../../../../src/domain/request/request.js';
import { useRequests } from '../../api/request-queries.js';
import { canRequests } from '../../auth/request-rules.js';
import { useSession } from '../../auth/session.js';
import { CountryFilter } from '../../components/CountryChoice.js';
import { useFormat } from '../../format.js';
import { RequestProblem, StatusBadge } from './parts.js';
import { REQUEST_PAGE_SIZE, type RequestSearch } from './request-search.js';
import { DataTable } from '../../components/DataTable.js';
import { PageNav } from '../../components/PageNav.js';
import { ListResults } from '../../components/ListResults.js';
import { SearchFilters } from '../../components/SearchFilters.js';

export function RequestsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/requests' });
  const navigate = useNavigate({ from: '/requests' });
  const { user } = useSession();
  const idPrefix = useId();
  const page = search.page ?? 1;
  const list = useRequests({
    ...(search.status ? { status: search.status } : {}),
    ...(search.country ? { country: search.country } : {}),
    ...(search.q ? { q: search.q } : {}),
    page,
    pageSize: REQUEST_PAGE_SIZE,
  });
  const set = (patch: Partial<RequestSearch>) => void navigate({ search: (s) => ({ ...s, ...patch, page: undefined }) });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / REQUEST_PAGE_SIZE));

  return (
    <>
      <div className="page-head">
        <h1>{t('requests.title')}</h1>
        {canRequests.register(user) && (
          <div className="actions">
            <Link className="button" to="/requests/new">
              {t('requests.new')}
            </Link>
          </div>
        )}
      </div>
      <p className="muted">{t('requests.intro')}</p>
      <SearchFilters
        label={t('requests.filters')}
        query={search.q}
        placeholder={t('requests.search')}
        onSearch={(q) => set({ q })}
        active={[
          ...(search.status
            ? [
                {
                  key: 'status',
                  label: `${t('requests.columns.status')}: ${search.status
                    .split(',')
                    .map((s) => f.code(requestStatuses, s))
                    .join(', ')}`,
                  onRemove: () => set({ status: undefined }),
                },
              ]
            : []),
          ...(search.country
            ? [
                {
                  key: 'country',
                  label: `${t('requests.columns.country')}: ${f.country(search.country)}`,
                  onRemove: () => set({ country: undefined }),
                },
              ]
            : []),
        ]}
        clear={
          <Link to="/requests" search={{}} className="button secondary">
            {t('requests.clear')}
          </Link>
        }
      >
        <div className="field-like">
          <label htmlFor={`${idPrefix}-status`}>{t('requests.columns.status')}</label>
          <select id={`${idPrefix}-status`} value={search.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {requestStatuses.codes.map((s) => (
              <option key={s} value={s}>
                {f.code(requestStatuses, s)}
              </option>
            ))}
            {search.status && !requestStatuses.is(search.status) && (
              <option value={search.status}>
                {search.status
                  .split(',')
                  .map((s) => f.code(requestStatuses, s))
                  .join(', ')}
              </option>
            )}
          </select>
        </div>
        <CountryFilter label={t('requests.columns.country')} value={search.country} onChange={(country) => set({ country })} />
      </SearchFilters>

      <ListResults
        query={list}
        total={total}
        empty={t('requests.empty')}
        results={t('requests.results', { count: total, formatted: f.number(total) })}
        problem={(error, retry) => <RequestProblem error={error} onRetry={retry} />}
      >
        <DataTable
          head={
            <>
              <th scope="col">{t('requests.columns.reference')}</th>
              <th scope="col">{t('requests.columns.received')}</th>
              <th scope="col">{t('requests.columns.country')}</th>
              <th scope="col">{t('requests.columns.topic')}</th>
              <th scope="col">{t('requests.columns.area')}</th>
              <th scope="col">{t('requests.columns.status')}</th>
              <th scope="col">{t('requests.columns.program')}</th>
            </>
          }
        >
          {list.data?.items.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">
                <Link to="/requests/$id" params={{ id: String(r.id) }}>
                  {r.reference}
                </Link>
              </td>
              <td className="nowrap">{f.date(r.receivedOn)}</td>
              <td>{f.country(r.country)}</td>
              <td className="title-cell">{f.text(r.topic, r.topicId)}</td>
              <td>{f.code(flagshipAreas, r.flagshipArea)}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="nowrap">
                {r.activityId !== null ? (
                  <Link to="/programs/$id" params={{ id: String(r.activityId) }}>
                    {r.activityIdentifier ?? r.activityId}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <PageNav page={page} pages={pages} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p > 1 ? p : undefined }) })} />
      </ListResults>
    </>
  );
}
